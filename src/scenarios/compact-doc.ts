/**
 * The compact settings document under its earlier name and signature (src/view/sandbox/settings-form.ts
 * uses it). The one writer is ./write.ts; new code imports it from there.
 */
import type { Settings } from '../engine/model/scenario';
import { settingsChangesDoc, settingsDoc as writeSettings } from './write';

/**
 * The compact `settings` document of (some of) the settings. `omitDefaults`: leave out every setting
 * equal to its default (a whole scenario, `settingsDoc(s, 'compact')`); otherwise every key of `s` is
 * written (a partial change, `settingsChangesDoc(s)`).
 */
export function settingsDoc(s: Partial<Settings>, omitDefaults: boolean): Record<string, unknown> {
  return omitDefaults ? writeSettings(s, 'compact') : settingsChangesDoc(s);
}
