/**
 * 简体中文 as one pack: every UI table by area, merged by key, and the narration table. The page loads it
 * on demand (i18n/index.ts `loadLanguage`), so an English page does not download it; tests register it
 * up front (src/i18n/test-setup.ts).
 */
import type { LanguagePack } from '../narration-table';
import { compare } from './compare';
import { compareSummary } from './compare-summary';
import { controls } from './controls';
import { diagram } from './diagram';
import { inspectors } from './inspectors';
import { links } from './links';
import { narration } from './narration';
import { shell } from './shell';

/** The UI tables by area (the missing-translation test walks these). */
export const ZH_CN_AREAS = { shell, controls, diagram, inspectors, links, compare, compareSummary } as const;

/** Every UI string by key. */
export const ZH_CN: Readonly<Record<string, string>> = {
  ...shell,
  ...controls,
  ...diagram,
  ...inspectors,
  ...links,
  ...compare,
  ...compareSummary,
};

export const ZH_CN_PACK: LanguagePack = { ui: ZH_CN, narration };
