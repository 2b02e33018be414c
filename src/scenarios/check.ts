/**
 * The one value check: is a value that claims to be in normalized form (a scenario, a lesson's settings
 * changes, an intervention) exactly what the validator would make of it? No YAML text is involved.
 *
 *   value ──write (./write.ts, compact form)──▶ document ──read (./read/, the file validator)──▶ normalized
 *   then firstExtra(value, normalized) (./plain-data.ts): a field the normalized value does not have, or
 *   a value normalization would change (a number where a string belongs, an unsorted script), is refused.
 *
 * So what is accepted is exactly what runs, what a link carries and what an export writes, and every
 * error reads like a file error ("target.name: ..."). Fields the value leaves out are filled with their
 * defaults, as a file's are; fields whose value is `undefined` (structured clone keeps them) count as
 * absent.
 *
 * Input is hostile (structured-clone data from a Worker message, a link, the page): the entry points
 * never throw, refuse values nested deeper than MAX_DEPTH or larger than MAX_NODES before reading them,
 * and turn any unexpected exception (a getter that throws) into an error result.
 *
 * The document readers for the parts of a file that are not whole scenarios (script entries without
 * `at`, a settings map of changes) live here too; the link codec reads its documents with them.
 */
import { DEFAULT_NAMESPACE, LIMITS } from '../engine/model/defaults';
import { SCENARIO_API_VERSION, type Scenario, type Settings } from '../engine/model/scenario';
import type { InterventionAction } from '../engine/model/session';
import { describeValue, quote } from './duration';
import { firstExtra, isRecord, tooDeepOrLarge } from './plain-data';
import { errorText, formatScenarioError, type ParseFailure, type Rec, type ScenarioError } from './read/core';
import { validateScenario } from './read/scenario';
import { SETTINGS_FILE_KEYS } from './read/settings';
import { type ActionValue, actionDoc, type DocForm, scenarioDoc, settingsChangesDoc } from './write';

/** Nesting a normalized value never needs (a maxOf rate limiter 4 deep is about 12 levels). */
export const MAX_DEPTH = 32;
/** Values in all: no more than a scenario file's size cap has bytes. */
export const MAX_NODES = LIMITS.textBytes;

/** The form the check writes in: the compact form passes hostile values through most plainly. */
const FORM: DocForm = 'compact';

export type ScenarioCheck =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: string[] };

export type ChangesCheck =
  | { readonly ok: true; readonly changes: Partial<Settings> }
  | { readonly ok: false; readonly errors: string[] };

export type InterventionCheck =
  | { readonly ok: true; readonly action: InterventionAction }
  | { readonly ok: false; readonly errors: string[] };

export type InterventionsRead =
  | { readonly ok: true; readonly actions: InterventionAction[] }
  /** `index`: the first intervention with a problem; `errors`: its problems ("target.name: ..."). */
  | { readonly ok: false; readonly index: number; readonly errors: string[] };

type Refused = { readonly ok: false; readonly errors: string[] };

function refused(...errors: string[]): Refused {
  return { ok: false, errors };
}

/** Hostile shapes no normalized value has; undefined = fine to read. */
function tooBig(value: unknown): Refused | undefined {
  return tooDeepOrLarge(value, MAX_DEPTH, MAX_NODES)
    ? refused(`is nested too deeply or too large (at most ${MAX_DEPTH} levels and ${MAX_NODES} values)`)
    : undefined;
}

/** Run a check; an exception (e.g. from a getter of a value that did not come by structured clone) is a refusal. */
function guarded<T>(what: string, run: () => T | Refused): T | Refused {
  try {
    return run();
  } catch (e) {
    return refused(`is not a valid ${what}: ${errorText(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/**
 * A whole scenario in normalized form (an embedded scenario decoded from a link or sent by the page,
 * `{kind: 'scenario'}` sources) → the normalized scenario, or its problems. Never throws.
 */
export function checkScenarioValue(value: unknown): ScenarioCheck {
  return guarded('scenario', () => {
    const big = tooBig(value);
    if (big !== undefined) return big;
    if (!isRecord(value))
      return refused(
        `a scenario must be a map (name, settings, objects, script, ...), got ${describeValue(value)}`,
      );
    const r = validateScenario(scenarioDoc(value as unknown as Scenario, FORM));
    if (!r.ok) return refused(...r.errors.map(formatScenarioError));
    const extra = firstExtra(value, r.scenario);
    return extra === undefined ? { ok: true, scenario: r.scenario } : refused(extra);
  });
}

// ---------------------------------------------------------------------------------------------
// Settings changes

/**
 * A `settings` document of changes (file format; its keys say what changed) → the normalized changes,
 * each key present mapped to its normalized setting; error paths are relative to the settings map.
 */
export function readSettingsChanges(doc: Rec): { ok: true; changes: Partial<Settings> } | ParseFailure {
  const r = validateScenario({
    apiVersion: SCENARIO_API_VERSION,
    kind: 'Scenario',
    metadata: { name: 'changes' },
    settings: doc,
  });
  if (!r.ok) {
    const errors: ScenarioError[] = r.errors.map((e) => ({
      ...e,
      path: e.path.replace(/^settings\.?/, ''),
    }));
    return { ok: false, errors };
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(doc)) {
    const key = SETTINGS_KEY_OF_FILE_KEY.get(k);
    if (key !== undefined) out[key] = r.scenario.settings[key];
  }
  return { ok: true, changes: out as Partial<Settings> };
}

const SETTINGS_KEY_OF_FILE_KEY: ReadonlyMap<string, keyof Settings> = new Map(
  (Object.keys(SETTINGS_FILE_KEYS) as (keyof Settings)[]).map((k) => [SETTINGS_FILE_KEYS[k], k]),
);

/**
 * Settings changes in normalized form (`Partial<Settings>`: each key present replaces that setting
 * whole) → the normalized changes, or their problems. Unknown keys are refused. Never throws.
 */
export function checkChangesValue(changes: unknown): ChangesCheck {
  return guarded('settings change', () => {
    const big = tooBig(changes);
    if (big !== undefined) return big;
    if (!isRecord(changes))
      return refused(`lesson changes must be a map of settings, got ${describeValue(changes)}`);
    const unknown = Object.keys(changes).filter((k) => !Object.hasOwn(SETTINGS_FILE_KEYS, k));
    if (unknown.length > 0) return refused(`unknown settings: ${unknown.map(quote).join(', ')}`);
    const r = readSettingsChanges(settingsChangesDoc(changes as Partial<Settings>));
    if (!r.ok) return refused(...r.errors.map(formatScenarioError));
    const extra = firstExtra(changes, r.changes);
    return extra === undefined ? { ok: true, changes: r.changes } : refused(extra);
  });
}

/**
 * A lesson's scenario with `changes` applied: each key present replaces that setting whole, unknown
 * keys are refused, and the result is checked like any scenario value (so it is what a file with those
 * settings would give). Never throws.
 */
export function checkSettingsChanges(base: Scenario, changes: unknown): ScenarioCheck {
  return guarded('settings change', () => {
    const c = checkChangesValue(changes);
    if (!c.ok) return c;
    return checkScenarioValue({ ...base, settings: { ...base.settings, ...c.changes } });
  });
}

// ---------------------------------------------------------------------------------------------
// Interventions

function own(obj: Rec, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The [namespace, name] of the controlling Foo a `create` of a Deployment names, if it names one. */
function ownerOf(doc: Rec): [string, string] | undefined {
  if (own(doc, 'action') !== 'create') return undefined;
  const o = own(doc, 'object');
  if (!isRecord(o) || own(o, 'kind') !== 'Deployment') return undefined;
  const meta = own(o, 'metadata');
  if (!isRecord(meta)) return undefined;
  const refs = own(meta, 'ownerReferences');
  if (!Array.isArray(refs) || refs.length !== 1 || !isRecord(refs[0])) return undefined;
  const name = own(refs[0], 'name');
  const ns = own(meta, 'namespace') ?? DEFAULT_NAMESPACE;
  return typeof name === 'string' && typeof ns === 'string' ? [ns, name] : undefined;
}

const SCRIPT_PATH = /^script\[(\d+)\]\.?(.*)$/s;

/**
 * Script entries in the file format without `at` (hostile data, e.g. from a link) → normalized
 * interventions, in order. They are checked exactly like a scenario file's script entries, on a small
 * wrapper scenario; a Deployment created with a controlling Foo needs that Foo declared (checkOwners),
 * and a run may have created it since the start, so the wrapper declares a stand-in Foo for each such
 * owner. Never throws.
 */
export function readInterventionDocs(docs: readonly unknown[]): InterventionsRead {
  const script: Record<string, unknown>[] = [];
  const owners = new Map<string, [string, string]>();
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i];
    if (!isRecord(d)) return { ok: false, index: i, errors: [`must be a map, got ${describeValue(d)}`] };
    if (Object.hasOwn(d, 'at'))
      return { ok: false, index: i, errors: ['at: an intervention has no time of its own; remove it'] };
    // Same time for all: the validator's stable sort keeps their order.
    script.push({ ...d, at: 0 });
    const owner = ownerOf(d);
    if (owner !== undefined) owners.set(JSON.stringify(owner), owner);
  }
  const objects = [...owners.values()].map(([namespace, name]) => ({
    kind: 'Foo',
    metadata: { namespace, name },
  }));
  const r = validateScenario({
    apiVersion: SCENARIO_API_VERSION,
    kind: 'Scenario',
    metadata: { name: 'interventions' },
    objects,
    script,
  });
  if (r.ok) {
    return {
      ok: true,
      actions: r.scenario.script.map(({ at: _at, ...rest }) => rest as InterventionAction),
    };
  }
  // Problems of an intervention are reported under script[i]; a stand-in Foo's problems (objects[k])
  // repeat the owner reference's, which is reported under its script entry too.
  let index = -1;
  const errors: string[] = [];
  for (const e of r.errors) {
    const m = SCRIPT_PATH.exec(e.path);
    if (m === null) continue;
    const i = Number(m[1]);
    if (index === -1) index = i;
    if (i === index) errors.push(m[2] === '' ? e.message : `${m[2]}: ${e.message}`);
  }
  if (index === -1) return { ok: false, index: 0, errors: r.errors.map(formatScenarioError) };
  return { ok: false, index, errors };
}

/**
 * One intervention in normalized form (as the UI builds it, or as structured clone delivers it) → the
 * normalized action, or its problems ("target.name: ..."). Never throws.
 */
export function checkIntervention(action: unknown): InterventionCheck {
  return guarded('intervention', () => {
    const big = tooBig(action);
    if (big !== undefined) return big;
    if (!isRecord(action) || typeof own(action, 'action') !== 'string')
      return refused(`must be a map with an action, got ${describeValue(action)}`);
    if (own(action, 'at') !== undefined)
      return refused('at: an intervention has no time of its own; remove it');
    const r = readInterventionDocs([actionDoc(action as unknown as ActionValue, FORM)]);
    if (!r.ok) return refused(...r.errors);
    const normalized = r.actions[0]!;
    const extra = firstExtra(action, normalized);
    return extra === undefined ? { ok: true, action: normalized } : refused(extra);
  });
}

/** The problems of one intervention in normalized form ([] = valid); see checkIntervention. */
export function validateIntervention(action: unknown): string[] {
  const r = checkIntervention(action);
  return r.ok ? [] : r.errors;
}
