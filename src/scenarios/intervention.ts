/**
 * Interventions: script actions without `at`, made in the UI at the step on screen (the engine host
 * stamps the step's virtual time) or carried by a shareable link. They are checked exactly like a
 * scenario file's script entries, by `validateScenario` (./read/scenario.ts) on a small wrapper scenario, so the
 * engine never runs an action that a file could not contain, and every error reads like a file error.
 *
 * A Deployment created with a controlling Foo needs that Foo declared (checkOwners in ./read/script.ts); a run
 * may have created it since the start, so the wrapper declares a stand-in Foo for each such owner.
 */

import { DEFAULT_NAMESPACE } from '../engine/model/defaults';
import { SCENARIO_API_VERSION } from '../engine/model/scenario';
import type { InterventionAction as Intervention } from '../engine/model/session';
import { describeValue } from './duration';
import { firstExtra, isRecord } from './plain-data';
import { validateScenario } from './read/scenario';
import { actionDoc } from './write';

export type InterventionsRead =
  | { readonly ok: true; readonly actions: Intervention[] }
  /** `index`: the first intervention with a problem; `errors`: its problems ("target.name: ..."). */
  | { readonly ok: false; readonly index: number; readonly errors: string[] };

export type InterventionCheck =
  | { readonly ok: true; readonly action: Intervention }
  | { readonly ok: false; readonly errors: string[] };

function own(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** The [namespace, name] of the controlling Foo a `create` of a Deployment names, if it names one. */
function ownerOf(doc: Readonly<Record<string, unknown>>): [string, string] | undefined {
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
 * interventions, in order. Never throws.
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
      actions: r.scenario.script.map(({ at: _at, ...rest }) => rest as Intervention),
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
  if (index === -1) {
    return {
      ok: false,
      index: 0,
      errors: r.errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)),
    };
  }
  return { ok: false, index, errors };
}

/**
 * Check one intervention in normalized form (as the UI builds it, or as structured clone delivers it)
 * and return it normalized. Beyond the file format's rules, a field the normalized action does not have,
 * or a value normalization would change (e.g. a number where a string belongs), is refused, so what is
 * accepted is exactly what runs and what an export writes. Never throws.
 */
export function checkIntervention(action: unknown): InterventionCheck {
  if (!isRecord(action) || typeof own(action, 'action') !== 'string')
    return { ok: false, errors: [`must be a map with an action, got ${describeValue(action)}`] };
  if (own(action, 'at') !== undefined)
    return { ok: false, errors: ['at: an intervention has no time of its own; remove it'] };
  let doc: unknown;
  try {
    doc = actionDoc(action as unknown as Intervention, 'compact');
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`is not a valid intervention: ${text.slice(0, 200)}`] };
  }
  const r = readInterventionDocs([doc]);
  if (!r.ok) return { ok: false, errors: r.errors };
  const normalized = r.actions[0]!;
  const extra = firstExtra(action, normalized);
  if (extra !== undefined) return { ok: false, errors: [extra] };
  return { ok: true, action: normalized };
}

/** The problems of one intervention in normalized form ([] = valid); see checkIntervention. */
export function validateIntervention(action: unknown): string[] {
  const r = checkIntervention(action);
  return r.ok ? [] : r.errors;
}
