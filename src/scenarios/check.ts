/**
 * PLACEHOLDER (replaced by the scenarios-layer split): value checks for sources in normalized form.
 * Today they go through the YAML writer and the file validator.
 */
import { DEFAULT_SETTINGS } from '../engine/model/defaults';
import type { Scenario, Settings } from '../engine/model/scenario';
import { formatScenarioError, parseScenario, scenarioToYaml } from './parse';

export type ScenarioCheck =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: string[] };

export function checkScenarioValue(value: unknown): ScenarioCheck {
  let text: string;
  try {
    text = scenarioToYaml(value as Scenario);
  } catch (e) {
    return { ok: false, errors: [e instanceof Error ? e.message : String(e)] };
  }
  const r = parseScenario(text);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, errors: r.errors.map(formatScenarioError) };
}

const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.keys(DEFAULT_SETTINGS));

export function checkSettingsChanges(base: Scenario, changes: unknown): ScenarioCheck {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
    return { ok: false, errors: ['lesson changes must be a map of settings'] };
  const unknown = Object.keys(changes).filter((k) => !SETTINGS_KEYS.has(k));
  if (unknown.length > 0)
    return { ok: false, errors: [`unknown settings: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`] };
  return checkScenarioValue({ ...base, settings: { ...base.settings, ...(changes as Partial<Settings>) } });
}
