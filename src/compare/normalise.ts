/**
 * What the comparer compares: a trace record reduced to its behaviour (the record kind), and the
 * observations of the controller's view per key (handler calls and the lister, workqueue adds, writes).
 * Pure functions over the engine's vocabulary; the comparer (comparer.ts) and its tests share them.
 */
import type { ParamValue, TraceRecord } from '../engine/model/trace';

/**
 * Params that are identities or drawn durations rather than behaviour, never compared:
 * - `watchId`, `watchIds`: the server's numbering of watches (a fork that opens one more watch renumbers
 *   every later one);
 * - `worker`: which worker goroutine took a key (the workers are interchangeable, C3);
 * - `timeoutSeconds`: the reflector's random watch timeout (R9: uniform in [minWatchTimeout,
 *   maxWatchTimeout)), a draw of the seed, not a decision;
 * - `lastedMs`: a measured watch lifetime (it follows from the times, which are not compared either).
 * The record's `step`, `time` and `object` are not compared: two seeds draw different latencies, so
 * the same story happens at other times, and the object is summed up by its key and resourceVersion.
 */
export const IGNORED_PARAMS: ReadonlySet<string> = new Set([
  'watchId',
  'watchIds',
  'worker',
  'timeoutSeconds',
  'lastedMs',
]);

/** The params of a record that matter, in the record's own order. */
export function comparedParams(r: TraceRecord): [string, ParamValue][] {
  const out: [string, ParamValue][] = [];
  for (const name of Object.keys(r.params)) {
    if (!IGNORED_PARAMS.has(name)) out.push([name, r.params[name] ?? null]);
  }
  return out;
}

/** The record as one string of what matters (two records match exactly when these are equal). */
export function recordSignature(r: TraceRecord): string {
  return JSON.stringify([
    r.component,
    r.message,
    r.lane,
    r.key,
    r.resourceVersion,
    String(r.arrow),
    comparedParams(r),
  ]);
}

/**
 * Whether two records match (the same answer as comparing their signatures, without building them:
 * the comparer calls this for every record).
 */
export function sameRecord(a: TraceRecord, b: TraceRecord): boolean {
  if (
    a.message !== b.message ||
    a.component !== b.component ||
    a.key !== b.key ||
    a.resourceVersion !== b.resourceVersion ||
    a.lane !== b.lane ||
    a.arrow !== b.arrow
  ) {
    return false;
  }
  const pa = a.params;
  const pb = b.params;
  let na = 0;
  for (const name in pa) {
    if (IGNORED_PARAMS.has(name)) continue;
    na++;
    if (!Object.hasOwn(pb, name) || pa[name] !== pb[name]) return false;
  }
  let nb = 0;
  for (const name in pb) if (!IGNORED_PARAMS.has(name)) nb++;
  return na === nb;
}

/** The first field where two records part: a record field or a param name, with both values. */
export function firstDifferingField(
  a: TraceRecord,
  b: TraceRecord,
): { name: string; left: ParamValue; right: ParamValue } | null {
  const fields: [string, ParamValue, ParamValue][] = [
    ['component', a.component, b.component],
    ['message', a.message, b.message],
    ['lane', a.lane, b.lane],
    ['key', a.key, b.key],
    ['resourceVersion', a.resourceVersion, b.resourceVersion],
    ['arrow', String(a.arrow), String(b.arrow)],
  ];
  for (const [name, l, r] of fields) if (l !== r) return { name, left: l, right: r };
  const names = new Set([...Object.keys(a.params), ...Object.keys(b.params)]);
  for (const name of names) {
    if (IGNORED_PARAMS.has(name)) continue;
    const l = a.params[name] ?? null;
    const r = b.params[name] ?? null;
    if (l !== r) return { name, left: l, right: r };
  }
  return null;
}

/** Which per-key stream an observation belongs to. */
export type ObservationKind = 'handler' | 'queue' | 'write';

/**
 * One thing the controller saw or did for a key. `fields` are compared in order; for a handler call
 * the last field, `lister`, is what the lister held (a difference there alone is a 'lister' difference).
 */
export interface Observation {
  readonly kind: ObservationKind;
  /** The stream: kind, lane (handler calls: the Foo and Deployment handlers are separate) and key. */
  readonly stream: string;
  readonly key: string;
  readonly step: number;
  readonly time: number;
  readonly message: string;
  readonly type: string | null;
  readonly fields: readonly (readonly [string, ParamValue])[];
}

const HANDLER_CALLS = new Set(['handler.OnAdd', 'handler.OnUpdate', 'handler.OnDelete']);
/** The workqueue adds: sample-controller's enqueue, Add (W1; also a noDone key's stuck Add), a requeue, AddRateLimited (W9, C3). */
const QUEUE_ADDS: Readonly<Record<string, string>> = {
  'workqueue.add': 'Add',
  'workqueue.add-stuck': 'Add',
  'worker.add-rate-limited': 'AddRateLimited',
};
/** The end of a controller write (the request's answer): the write's stage and outcome. */
const WRITE_ANSWERS = new Set(['client.response-ok', 'client.response-error']);

/**
 * What the lister held at a handler call, relative to the event (the indexer is
 * updated before the handlers are called, and a listener runs behind it: SI2, SI5): 'absent', 'same' (the
 * event's object), 'ahead' (a newer object already in the indexer) or 'other'. Relative, because the
 * resourceVersions themselves are the server's numbering: two eras or seeds write in another order.
 */
function listerState(p: Readonly<Record<string, ParamValue>>): string {
  if (p.listerRv === null || p.listerRv === undefined) return 'absent';
  if (p.listerRv === p.rv) return 'same';
  return p.listerAhead === true ? 'ahead' : 'other';
}

/** One observation of record `r` on its stream. */
function observation(
  kind: Observation['kind'],
  stream: string,
  key: string,
  r: TraceRecord,
  fields: Observation['fields'],
): Observation {
  return { kind, stream, key, step: r.step, time: r.time, message: r.message, type: null, fields };
}

/** The observation a record is, or null (most records are not one). */
export function observationOf(r: TraceRecord): Observation | null {
  if (r.key === null) return null;
  const p = r.params;
  if (HANDLER_CALLS.has(r.message)) {
    return observation('handler', `handler|${r.lane ?? ''}|${r.key}`, r.key, r, [
      ['call', r.message.slice('handler.'.length)],
      ['handler', p.handler ?? null],
      // A resync's OnUpdate carries the same object twice (SI3, C1).
      ['resync', r.message === 'handler.OnUpdate' && p.rv === p.oldRv],
      ['isInInitialList', p.isInInitialList ?? null],
      ['tombstone', p.tombstone ?? null],
      ['lister', listerState(p)],
    ]);
  }
  const add = QUEUE_ADDS[r.message];
  if (add !== undefined) return observation('queue', `queue|${r.key}`, r.key, r, [['add', add]]);
  if (WRITE_ANSWERS.has(r.message)) {
    return observation('write', `write|${r.key}`, r.key, r, [
      ['stage', p.stage ?? null],
      ['code', p.code ?? null],
      ['reason', p.reason ?? null],
    ]);
  }
  return null;
}

/** The record's `type` param as a summary label (delta and event types), or null. */
export function typeOf(r: TraceRecord): string | null {
  const t = r.params.type;
  return typeof t === 'string' ? t : null;
}
