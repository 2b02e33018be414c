/**
 * Motion: where every token of the current step is, as a pure function of (records, progress).
 * Nothing is remembered between calls, so pause, scrub, step back and reduced motion cost nothing
 * (GUIDE habit 5: animate from time, not from transitions).
 *
 * Rules:
 * - A record travels an arrow when `record.arrow` is not 'internal'; the arrow instance comes from
 *   `record.arrow` and `record.lane` (never from the message id). The record's component only chooses
 *   the direction or the starting box: an apiserver record on arrow 1 is the answer to a LIST/WATCH and
 *   travels back to the Reflector; a client record with a status code on `write` is a response and
 *   travels back to Handle Object; a `user` write starts at kubectl; a handler's record on arrow 9 is a
 *   lister lookup from Resource Event Handlers (`9h`).
 * - Of the n travelling tokens shown, token i occupies [i/n, (i+1)/n] of the step's progress, eased with
 *   d3's easeCubicInOut. Before its slot a token is not shown; after it, it rests at the arrow's end.
 *   Reduced motion puts every token at its end at once.
 * - At most `cap` tokens per arrow instance (default 12); the rest become a "+N" count on the arrow. The
 *   slots are shared among the tokens shown, so a Replace of 1,000 items still animates at a readable pace.
 * - Modern lanes (client-go v0.36.3): a batch pop (`informer.pop-batch` with `batch`, SI2 [C]) sends its
 *   keys along arrows 3–6 together: each of those arrows of the lane gets one `batch` token carrying the
 *   batch's keys (from the step's arrow-4 records), not one token per key. A watch-list's initial events
 *   are `initial` tokens and its end bookmark an `end-bookmark` token (R19, R20). Classic records never
 *   carry these message ids, so classic steps move as before.
 */
import { easeCubicInOut } from 'd3';
import type { RecordView } from '../engine/model/frame';
import { arrowKey, arrowPath } from './layout';
import type { FigureArrowId } from './layout-arrows';
import type { LaneId } from './layout-boxes';

export type TokenShape = 'square' | 'triangle' | 'key' | 'signal' | 'batch';

/** How a modern token differs from a plain one (absent on classic tokens). */
export type TokenVariant = 'initial' | 'end-bookmark';

export interface TokenSpec {
  /** Index of the record in the step's records (stable id for React keys). */
  readonly recordIndex: number;
  readonly arrow: FigureArrowId;
  readonly lane: LaneId;
  /** "5:Foo", "write", ...: the arrow instance. */
  readonly arrowKey: string;
  /** Travels from the arrow's tip back to its start (responses). */
  readonly reverse: boolean;
  readonly shape: TokenShape;
  readonly tombstone: boolean;
  readonly error: boolean;
  /** The status code for errors (params.code), when there is one. */
  readonly code: number | null;
  readonly key: string | null;
  readonly kind: LaneId | null;
  /** Slot i of n among the tokens shown. */
  readonly slot: number;
  readonly slots: number;
  /** A batch token's keys, in the batch's order. */
  readonly keys?: readonly string[];
  readonly variant?: TokenVariant;
}

export interface TokenState extends TokenSpec {
  readonly visible: boolean;
  /** Eased position along the arrow in its direction of travel, 0..1. */
  readonly t: number;
  readonly phase: 'pending' | 'moving' | 'arrived';
  readonly x: number;
  readonly y: number;
  readonly angle: number;
}

export interface ArrowActivity {
  readonly arrowKey: string;
  readonly arrow: FigureArrowId;
  readonly lane: LaneId;
  /** 'active' while one of its tokens moves; 'done' once they have all arrived; 'pending' before. */
  readonly state: 'pending' | 'active' | 'done';
  /** Records on this arrow not drawn as tokens (aggregation). */
  readonly overflow: number;
  /** How many records travel this arrow in the step. */
  readonly count: number;
}

export interface MotionPlan {
  readonly tokens: readonly TokenSpec[];
  /** Per arrow instance, in the order the arrows first light up. */
  readonly arrows: readonly {
    arrowKey: string;
    arrow: FigureArrowId;
    lane: LaneId;
    count: number;
    shown: number;
  }[];
}

export const DEFAULT_TOKEN_CAP = 12;

function numParam(r: RecordView, name: string): number | null {
  const v = r.params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Which arrow instance a record travels, or null for records that stay inside one box. */
export function arrowForRecord(
  r: RecordView,
): { arrow: FigureArrowId; lane: LaneId; reverse: boolean } | null {
  const lane: LaneId = r.lane ?? 'Foo';
  const a = r.arrow;
  if (a === 'internal') return null;
  if (typeof a === 'number') {
    if (a === 1) return { arrow: '1', lane, reverse: r.component === 'apiserver' };
    if (a === 9 && r.component === 'handler') return { arrow: '9h', lane, reverse: false };
    return { arrow: String(a) as FigureArrowId, lane, reverse: false };
  }
  if (a === 'write') {
    if (r.component === 'user') return { arrow: 'kubectl', lane, reverse: false };
    return { arrow: 'write', lane, reverse: r.component === 'client' && numParam(r, 'code') !== null };
  }
  return { arrow: a, lane, reverse: false };
}

/** True for error records: a status code ≥ 400 or 0 (no answer), or an id that says "error". */
export function isErrorRecord(r: RecordView): boolean {
  const code = numParam(r, 'code');
  return (code !== null && (code >= 400 || code === 0)) || r.message.includes('error');
}

export function tokenShape(r: RecordView): TokenShape {
  if (r.objectKind === 'Foo') return 'square';
  if (r.objectKind === 'Deployment') return 'triangle';
  if (r.tombstone) return r.lane === 'Deployment' ? 'triangle' : 'square';
  if (r.key !== null) return 'key';
  return 'signal';
}

/** Arrows a batch pop's keys travel together (SI2 [C]: PopBatch → processDeltasInBatch → handlers). */
const BATCH_ARROWS: ReadonlySet<string> = new Set(['3', '4', '5', '6']);

/** Per lane with a batch pop in this step, the batch's keys (its arrow-4 records' keys, in order). */
function batchKeys(records: readonly RecordView[]): Map<LaneId, string[]> | null {
  let out: Map<LaneId, string[]> | null = null;
  for (const r of records) {
    if (r.message === 'informer.pop-batch' && r.params.batch === true) {
      out ??= new Map();
      out.set(r.lane ?? 'Foo', []);
    } else if (out !== null && r.arrow === 4 && r.key !== null) {
      const keys = out.get(r.lane ?? 'Foo');
      if (keys !== undefined && !keys.includes(r.key)) keys.push(r.key);
    }
  }
  return out;
}

function variantOf(r: RecordView): TokenVariant | undefined {
  if (r.message === 'reflector.initial-event') return 'initial';
  if (r.message === 'reflector.initial-events-end') return 'end-bookmark';
  return undefined;
}

/** The tokens of a step: travelling records in record order, at most `cap` per arrow instance. */
export function planMotion(records: readonly RecordView[], cap = DEFAULT_TOKEN_CAP): MotionPlan {
  const perArrow = new Map<
    string,
    { arrowKey: string; arrow: FigureArrowId; lane: LaneId; count: number; shown: number }
  >();
  const kept: Omit<TokenSpec, 'slot' | 'slots'>[] = [];
  const batches = batchKeys(records);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const m = arrowForRecord(r);
    if (m === null) continue;
    const key = arrowKey(m.arrow, m.lane);
    let entry = perArrow.get(key);
    if (entry === undefined) {
      entry = { arrowKey: key, arrow: m.arrow, lane: m.lane, count: 0, shown: 0 };
      perArrow.set(key, entry);
    }
    entry.count++;
    const batch = batches?.get(m.lane);
    if (batch !== undefined && BATCH_ARROWS.has(m.arrow)) {
      // One token per arrow for the whole batch; it stands for every record on that arrow.
      if (entry.shown === 0)
        kept.push({
          recordIndex: i,
          arrow: m.arrow,
          lane: m.lane,
          arrowKey: key,
          reverse: false,
          shape: 'batch',
          tombstone: false,
          error: false,
          code: null,
          key: null,
          kind: null,
          keys: batch,
        });
      entry.shown = entry.count;
      continue;
    }
    if (entry.shown >= cap) continue;
    entry.shown++;
    const error = isErrorRecord(r);
    const variant = variantOf(r);
    kept.push({
      recordIndex: i,
      arrow: m.arrow,
      lane: m.lane,
      arrowKey: key,
      reverse: m.reverse,
      shape: tokenShape(r),
      tombstone: r.tombstone,
      error,
      code: error ? numParam(r, 'code') : null,
      key: r.key,
      kind: r.objectKind ?? (r.tombstone ? (r.lane ?? 'Foo') : null),
      ...(variant === undefined ? {} : { variant }),
    });
  }
  const n = kept.length;
  return {
    tokens: kept.map((k, i) => ({ ...k, slot: i, slots: n })),
    arrows: [...perArrow.values()],
  };
}

/** Linear progress of slot i of n at overall progress p: 0 before the slot, 1 after it. */
export function slotProgress(i: number, n: number, progress: number): number {
  if (n <= 0) return 1;
  const p = Number.isFinite(progress) ? Math.max(0, Math.min(1, progress)) : 1;
  return Math.max(0, Math.min(1, p * n - i));
}

/** Whether token i of n is shown, and its eased position, at the given progress. */
export function tokenTiming(
  i: number,
  n: number,
  progress: number,
  reducedMotion: boolean,
): { visible: boolean; t: number; phase: TokenState['phase'] } {
  if (reducedMotion) return { visible: true, t: 1, phase: 'arrived' };
  const p = Number.isFinite(progress) ? Math.max(0, Math.min(1, progress)) : 1;
  const start = n <= 0 ? 0 : i / n;
  if (p < start || (p === start && p < 1 && i > 0)) return { visible: false, t: 0, phase: 'pending' };
  const lin = slotProgress(i, n, p);
  if (lin >= 1) return { visible: true, t: 1, phase: 'arrived' };
  return { visible: true, t: easeCubicInOut(lin), phase: 'moving' };
}

/** Token positions and arrow states at `progress` (0..1) of the step. */
export function motionAt(
  plan: MotionPlan,
  progress: number,
  reducedMotion: boolean,
): { tokens: TokenState[]; arrows: ArrowActivity[] } {
  const states = new Map<string, 'pending' | 'active' | 'done'>();
  const tokens: TokenState[] = plan.tokens.map((tk) => {
    const timing = tokenTiming(tk.slot, tk.slots, progress, reducedMotion);
    const path = arrowPath(tk.arrow, tk.lane);
    const pos = path.at(tk.reverse ? 1 - timing.t : timing.t);
    const prev = states.get(tk.arrowKey);
    const mine = timing.phase === 'moving' ? 'active' : timing.phase === 'arrived' ? 'done' : 'pending';
    // active beats done beats pending: an arrow is lit while any of its tokens moves.
    if (prev === undefined || rank(mine) > rank(prev)) states.set(tk.arrowKey, mine);
    return {
      ...tk,
      ...timing,
      x: pos.x,
      y: pos.y,
      angle: tk.reverse ? pos.angle + Math.PI : pos.angle,
    };
  });
  const arrows: ArrowActivity[] = plan.arrows.map((a) => ({
    arrowKey: a.arrowKey,
    arrow: a.arrow,
    lane: a.lane,
    state: states.get(a.arrowKey) ?? 'pending',
    overflow: a.count - a.shown,
    count: a.count,
  }));
  return { tokens, arrows };
}

function rank(s: 'pending' | 'active' | 'done'): number {
  return s === 'active' ? 2 : s === 'done' ? 1 : 0;
}
