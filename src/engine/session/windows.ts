/**
 * Windows on a run's trace, replayed on a private copy of a keyframe so the cursor does not move:
 * the event log's records (as RecordViews), a lesson's raw trace (which may look ahead of the frontier,
 * computing on the private world), and one key's history (only the buckets of KEY_BUCKET steps that
 * touched it: run.ts).
 */

import type { RecordView } from '../model/frame';
import { deletionHandlingKey } from '../model/objects';
import type { TraceRecord } from '../model/trace';
import { recordView } from '../model/views';
import { stepWorld } from '../sim/step';
import type { World } from '../sim/world';
import { cloneWorld } from '../timeline/keyframes';
import { keyframeIndexAt } from '../timeline/timeline';
import { KEY_BUCKET, type Run } from './run';

export const WINDOW_LIMITS = {
  /** Records per `records` answer. */
  records: 5_000,
  /** Records per `trace` answer. */
  traceRecords: 20_000,
  /** Records per `history` answer (the newest are kept). */
  historyRecords: 2_000,
  /** Buckets of KEY_BUCKET steps (with records of the key) a `history` request replays, newest first. */
  historyIntervals: 100,
} as const;

/** A private world at the latest computed state at or before `step` (a keyframe or the cursor). */
function scratchAt(r: Run, step: number): World {
  const tl = r.tl;
  const kf = tl.keyframes[keyframeIndexAt(tl, step)]!;
  const base = tl.cursor.step <= step && tl.cursor.step > kf.step ? tl.cursor : kf;
  return cloneWorld(base).world;
}

/** Steps `w` up to step `to`, handing each step's records to `visit` (false stops). */
function replay(r: Run, w: World, to: number, visit: (recs: TraceRecord[]) => boolean): void {
  while (w.step < to) {
    const recs = stepWorld(w, r.tl.ctx);
    if (recs === null || !visit(recs)) return;
  }
}

export function recordsWindow(
  r: Run,
  fromReq: number,
  toReq: number,
): { from: number; to: number; records: RecordView[]; truncated: boolean } {
  const from = Math.max(1, fromReq);
  const to = Math.min(toReq, r.tl.known);
  const out: RecordView[] = [];
  if (from > to) return { from, to: Math.max(to, from - 1), records: out, truncated: false };
  let last = from - 1;
  let truncated = false;
  replay(r, scratchAt(r, from - 1), to, (recs) => {
    const s = recs[0]!.step;
    if (s < from) return true;
    if (out.length + recs.length > WINDOW_LIMITS.records) {
      truncated = true;
      // A single step bigger than the cap is cut (it cannot be split across answers otherwise).
      if (out.length === 0) {
        for (const x of recs.slice(0, WINDOW_LIMITS.records)) out.push(recordView(x));
        last = s;
      }
      return false;
    }
    for (const x of recs) out.push(recordView(x));
    last = s;
    return true;
  });
  return { from, to: last, records: out, truncated };
}

/**
 * Raw records of steps [from, to]; steps beyond the computed range are computed on the private world
 * (at most `budget` of them), so a lesson can look ahead without moving the cursor.
 */
export function traceWindow(
  r: Run,
  fromReq: number,
  toReq: number,
  budget: number,
): { from: number; to: number; records: TraceRecord[]; truncated: boolean } {
  const from = Math.max(1, fromReq);
  let to = Math.min(toReq, r.tl.known + budget);
  if (r.tl.end !== null) to = Math.min(to, r.tl.end);
  const out: TraceRecord[] = [];
  // Nothing within reach: cut short by the budget unless the run ended before `from` (a compare search
  // reads far ahead of the cursor and must not take the look-ahead cap for the end of the run).
  const short = fromReq <= toReq && (r.tl.end === null || from - 1 < r.tl.end);
  if (from > to) return { from, to: Math.max(to, from - 1), records: out, truncated: short };
  // Ahead of the computed range, go on from where the previous window ahead stopped when that is
  // between the computed range and `from` (its steps are the same: replay is deterministic).
  const ahead = r.ahead;
  const w =
    ahead !== null && ahead.step > r.tl.known && ahead.step <= from - 1
      ? ahead
      : scratchAt(r, Math.min(from - 1, r.tl.known));
  r.ahead = null;
  let last = w.step;
  let truncated = toReq > to && (r.tl.end === null || to < r.tl.end);
  replay(r, w, to, (recs) => {
    const s = recs[0]!.step;
    if (s < from) {
      last = s;
      return true;
    }
    if (out.length + recs.length > WINDOW_LIMITS.traceRecords && out.length > 0) {
      truncated = true;
      return false;
    }
    for (const x of recs) out.push(x);
    last = s;
    return true;
  });
  if (w.step > r.tl.known) r.ahead = w;
  return { from, to: Math.max(last, from - 1), records: out, truncated };
}

function touches(rec: TraceRecord, key: string): boolean {
  return rec.key === key || (rec.object !== null && deletionHandlingKey(rec.object) === key);
}

/**
 * Replays, newest first, the buckets up to upTo in which the key was touched, until the record cap (or
 * the bucket cap) is reached; the newest records are kept.
 */
export function history(
  r: Run,
  key: string,
  upToReq: number,
): { fromStep: number; upTo: number; records: RecordView[]; truncated: boolean } {
  const size = KEY_BUCKET;
  const upTo = Math.max(0, Math.min(upToReq, r.tl.known));
  const list = r.keyIntervals.get(key) ?? [];
  const lastIv = upTo === 0 ? -1 : Math.floor((upTo - 1) / size);
  let i = list.length - 1;
  while (i >= 0 && list[i]! > lastIv) i--;
  const chunks: TraceRecord[][] = [];
  let total = 0;
  let fromStep = 1;
  let truncated = false;
  for (let scanned = 1; i >= 0; i--, scanned++) {
    const a = list[i]! * size;
    const chunk: TraceRecord[] = [];
    replay(r, scratchAt(r, a), Math.min(a + size, upTo), (recs) => {
      for (const x of recs) if (touches(x, key)) chunk.push(x);
      return true;
    });
    chunks.unshift(chunk);
    total += chunk.length;
    if (i > 0 && (total >= WINDOW_LIMITS.historyRecords || scanned >= WINDOW_LIMITS.historyIntervals)) {
      truncated = true;
      fromStep = a + 1;
      break;
    }
  }
  let recs = chunks.flat();
  if (recs.length > WINDOW_LIMITS.historyRecords) {
    // Keep whole steps: drop the step that would be cut and everything older.
    const cut = recs[recs.length - WINDOW_LIMITS.historyRecords]!.step;
    const kept = recs.filter((x) => x.step > cut);
    recs = kept.length > 0 ? kept : recs.slice(-WINDOW_LIMITS.historyRecords);
    fromStep = kept.length > 0 ? cut + 1 : cut;
    truncated = true;
  }
  return { fromStep, upTo, records: recs.map(recordView), truncated };
}
