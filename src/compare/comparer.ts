/**
 * The comparer (issue 13): two runs' traces, fed window after window per side, and the points where
 * they part. Two layers run side by side over the same records:
 *
 * 1. The record sequence. Each record is reduced to what matters (normalise.ts: component, message,
 *    lane, key, resourceVersion, arrow and the params that are not identities); the two sequences are
 *    matched in trace order. Times are not compared (two seeds draw other latencies). The first record
 *    that differs is a 'record' difference within one era, an 'era' difference across eras (there the
 *    lanes emit other messages from the first step: RealFIFO and WatchList against DeltaFIFO and LIST,
 *    F1–F7, R18–R21). After it the sequences are out of step and this layer stops.
 * 2. The controller's view per key (observationOf): the handler calls with what the lister held, the
 *    workqueue adds, the writes' outcomes. Each key's stream is matched position by position; the first
 *    position where a stream parts is a 'handler', 'lister', 'queue' or 'write' difference, and that
 *    stream stops. Two observations at the same position are paired when their times are at most
 *    PAIRING_WINDOW_MS apart; otherwise the earlier one exists on its side only (the other side shows
 *    step 0). So "next difference" after a divergence means something the learner can see. A stream's
 *    difference at exactly the steps of the layer-1 difference is not listed twice.
 *
 * Finality: a difference is listed only when no later window can add one before it in the order (time,
 * then left step, then kind): its time is below every time a future difference could have (the sides'
 * fed times, the times of observations still waiting for their pair, an open era summary's).
 * Cost: O(records) per feed, plus the observations waiting for a pair.
 */
import type { Era } from '../engine/model/scenario';
import type { TraceRecord } from '../engine/model/trace';
import { firstDifferingField, type Observation, observationOf, sameRecord, typeOf } from './normalise';
import type {
  CompareInput,
  CompareResult,
  Comparer,
  Difference,
  DifferenceKind,
  DifferenceSummary,
  Side,
  SummaryCount,
} from './types';

/** Two observations at the same position of a key's stream are one pair when at most this far apart. */
export const PAIRING_WINDOW_MS = 5_000;
/**
 * An era difference's summary counts the records of each side from the difference's step to the first
 * handler call (what the controller first sees of the story), at most this many steps.
 */
export const ERA_SUMMARY_STEPS = 64;
/** At most this many labels per side in a summary (types.ts). */
export const SUMMARY_LABELS = 4;

const KIND_ORDER: Readonly<Record<DifferenceKind, number>> = {
  era: 0,
  record: 1,
  handler: 2,
  lister: 3,
  queue: 4,
  write: 5,
};

export function compareDifferences(a: Difference, b: Difference): number {
  return a.time - b.time || a.leftStep - b.leftStep || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * The labels (message, type) whose counts differ between two sets of records: per side those it has
 * more of, largest difference first (ties: first seen), at most SUMMARY_LABELS each.
 */
export function countDifferences(
  left: readonly TraceRecord[],
  right: readonly TraceRecord[],
): { left: SummaryCount[]; right: SummaryCount[] } {
  const labels = new Map<
    string,
    { message: string; type: string | null; l: number; r: number; at: number }
  >();
  const add = (recs: readonly TraceRecord[], side: 'l' | 'r') => {
    for (const x of recs) {
      const type = typeOf(x);
      const id = `${x.message}\u0000${type ?? ''}`;
      let e = labels.get(id);
      if (e === undefined) {
        e = { message: x.message, type, l: 0, r: 0, at: labels.size };
        labels.set(id, e);
      }
      e[side]++;
    }
  };
  add(left, 'l');
  add(right, 'r');
  const all = [...labels.values()].sort((a, b) => Math.abs(b.l - b.r) - Math.abs(a.l - a.r) || a.at - b.at);
  const pick = (mine: 'l' | 'r', other: 'l' | 'r') =>
    all
      .filter((e) => e[mine] > e[other])
      .slice(0, SUMMARY_LABELS)
      .map((e) => ({ message: e.message, type: e.type, count: e[mine] }));
  return { left: pick('l', 'r'), right: pick('r', 'l') };
}

interface SideState {
  fedTo: number;
  /** Time of the last record fed (0 before any). */
  time: number;
  ended: boolean;
  /** Layer 1: records not yet matched, from the first record of the head's step on (`head` indexes). */
  seq: TraceRecord[];
  head: number;
  /** An era summary's window being collected on this side. */
  window: TraceRecord[];
  /** The step of the window's first handler call (the window ends with that step). */
  windowStop: number | null;
  windowDone: boolean;
}

interface Stream {
  readonly left: Observation[];
  readonly right: Observation[];
}

interface OpenEra {
  readonly leftStep: number;
  readonly rightStep: number;
  readonly time: number;
}

function newSide(): SideState {
  return {
    fedTo: 0,
    time: 0,
    ended: false,
    seq: [],
    head: 0,
    window: [],
    windowStop: null,
    windowDone: false,
  };
}

class IncrementalComparer implements Comparer {
  private readonly sameEra: boolean;
  private readonly sides: Record<Side, SideState> = { left: newSide(), right: newSide() };
  /** Layer 1 has found its difference (or both sequences ended equal). */
  private seqDone = false;
  private seqDiff: Difference | null = null;
  private openEra: OpenEra | null = null;
  private readonly streams = new Map<string, Stream>();
  /** Streams with observations waiting for a pair. */
  private readonly waiting = new Set<string>();
  private readonly doneStreams = new Set<string>();
  /** Found, not yet listed (sorted when listed). */
  private pending: Difference[] = [];
  private readonly listed: Difference[] = [];

  constructor(leftEra: Era, rightEra: Era) {
    this.sameEra = leftEra === rightEra;
  }

  feed(side: Side, records: readonly TraceRecord[], from: number, to: number, ended: boolean): void {
    const s = this.sides[side];
    if (s.ended) throw new Error(`compare: the ${side} side has ended`);
    if (from !== s.fedTo + 1 || to < s.fedTo) {
      throw new Error(`compare: the ${side} window ${from}..${to} does not follow step ${s.fedTo}`);
    }
    for (const r of records) {
      if (r.step < from || r.step > to)
        throw new Error(`compare: record of step ${r.step} outside ${from}..${to}`);
      s.time = r.time;
      if (!this.seqDone) s.seq.push(r);
      if (this.openEra !== null && !s.windowDone) this.collectWindow(side, r);
      const o = observationOf(r);
      if (o !== null && !this.doneStreams.has(o.stream)) this.observe(side, o);
    }
    s.fedTo = to;
    s.ended = ended;
    if (this.openEra !== null && ended) s.windowDone = true;
    this.matchSequences();
    this.resolveWaiting();
    this.closeEra();
    this.release();
  }

  result(): CompareResult {
    return {
      differences: this.listed.slice(),
      fedTo: { left: this.sides.left.fedTo, right: this.sides.right.fedTo },
      complete: this.sides.left.ended && this.sides.right.ended,
    };
  }

  // Layer 1 -----------------------------------------------------------------------------------------

  private matchSequences(): void {
    if (this.seqDone) return;
    const l = this.sides.left;
    const r = this.sides.right;
    while (l.head < l.seq.length && r.head < r.seq.length) {
      const a = l.seq[l.head]!;
      const b = r.seq[r.head]!;
      if (!sameRecord(a, b)) {
        this.diverge(a, b);
        return;
      }
      l.head++;
      r.head++;
    }
    // One side ended with records the other still has: it parts there.
    if (l.head < l.seq.length && r.ended) {
      this.diverge(l.seq[l.head]!, null);
      return;
    }
    if (r.head < r.seq.length && l.ended) {
      this.diverge(null, r.seq[r.head]!);
      return;
    }
    if (l.ended && r.ended) {
      this.endSequences();
      return;
    }
    for (const x of [l, r]) this.trimSeq(x);
  }

  /** Drops matched records of steps before the head's (the head's step is kept for a summary). */
  private trimSeq(s: SideState): void {
    const first = s.seq[s.head] ?? s.seq[s.seq.length - 1];
    if (first === undefined) return;
    let cut = s.head;
    while (cut > 0 && s.seq[cut - 1]!.step === first.step) cut--;
    if (s.head >= s.seq.length) cut = s.seq.length;
    if (cut > 0) {
      s.seq.splice(0, cut);
      s.head -= cut;
    }
  }

  private endSequences(): void {
    this.seqDone = true;
    for (const s of [this.sides.left, this.sides.right]) {
      s.seq = [];
      s.head = 0;
    }
  }

  private diverge(a: TraceRecord | null, b: TraceRecord | null): void {
    const leftStep = a?.step ?? 0;
    const rightStep = b?.step ?? 0;
    const time = Math.min(a?.time ?? Infinity, b?.time ?? Infinity);
    const stepRecords = (s: SideState, step: number) => s.seq.filter((x) => x.step === step);
    if (this.sameEra) {
      // The param says what differs only between records of the same message (types.ts); else the counts do.
      const field =
        a !== null && b !== null && a.component === b.component && a.message === b.message
          ? firstDifferingField(a, b)
          : null;
      const counts = countDifferences(
        stepRecords(this.sides.left, leftStep),
        stepRecords(this.sides.right, rightStep),
      );
      const key = a?.key ?? b?.key ?? null;
      const summary: DifferenceSummary = {
        kind: 'record',
        key,
        left: counts.left,
        right: counts.right,
        param: field === null ? null : { name: field.name, left: field.left, right: field.right },
      };
      this.seqDiff = { kind: 'record', leftStep, rightStep, time, key, summary };
      this.pending.push(this.seqDiff);
      // Per-key differences found at these very steps were this one.
      this.pending = this.pending.filter(
        (d) => d === this.seqDiff || d.leftStep !== leftStep || d.rightStep !== rightStep,
      );
    } else {
      this.openEra = { leftStep, rightStep, time };
      for (const side of ['left', 'right'] as const) {
        const s = this.sides[side];
        const step = side === 'left' ? leftStep : rightStep;
        for (const x of s.seq) if (x.step >= step && !s.windowDone) this.collectWindow(side, x);
        if (step === 0 || s.ended) s.windowDone = true;
      }
    }
    this.endSequences();
  }

  private collectWindow(side: Side, r: TraceRecord): void {
    const s = this.sides[side];
    const era = this.openEra!;
    const start = side === 'left' ? era.leftStep : era.rightStep;
    if (r.step < start) return;
    if (r.step >= start + ERA_SUMMARY_STEPS || (s.windowStop !== null && r.step > s.windowStop)) {
      s.windowDone = true;
      return;
    }
    s.window.push(r);
    if (s.windowStop === null && isHandlerCall(r)) s.windowStop = r.step;
  }

  /** The era difference, listed once both summary windows are complete. */
  private closeEra(): void {
    const era = this.openEra;
    if (era === null || !this.sides.left.windowDone || !this.sides.right.windowDone) return;
    const counts = countDifferences(this.sides.left.window, this.sides.right.window);
    this.pending.push({
      kind: 'era',
      leftStep: era.leftStep,
      rightStep: era.rightStep,
      time: era.time,
      key: null,
      summary: { kind: 'era', key: null, left: counts.left, right: counts.right, param: null },
    });
    this.openEra = null;
    this.sides.left.window = [];
    this.sides.right.window = [];
  }

  // Layer 2 -----------------------------------------------------------------------------------------

  private observe(side: Side, o: Observation): void {
    let st = this.streams.get(o.stream);
    if (st === undefined) {
      st = { left: [], right: [] };
      this.streams.set(o.stream, st);
    }
    st[side].push(o);
    this.settle(o.stream, st);
  }

  /** Pairs what can be paired in one stream; notes it as waiting if one side is ahead. */
  private settle(id: string, st: Stream): void {
    while (st.left.length > 0 && st.right.length > 0) {
      const a = st.left[0]!;
      const b = st.right[0]!;
      if (Math.abs(a.time - b.time) > PAIRING_WINDOW_MS) {
        this.oneSided(id, a.time <= b.time ? 'left' : 'right', a.time <= b.time ? a : b);
        return;
      }
      const diff = pairDifference(a, b);
      if (diff !== null) {
        this.streamDiff(id, diff);
        return;
      }
      st.left.shift();
      st.right.shift();
    }
    const side: Side | null = st.left.length > 0 ? 'left' : st.right.length > 0 ? 'right' : null;
    if (side === null) {
      this.waiting.delete(id);
      return;
    }
    const o = st[side][0]!;
    const other = this.sides[side === 'left' ? 'right' : 'left'];
    if (other.ended || other.time > o.time + PAIRING_WINDOW_MS) this.oneSided(id, side, o);
    else this.waiting.add(id);
  }

  private oneSided(id: string, side: Side, o: Observation): void {
    const mine: SummaryCount[] = [{ message: o.message, type: o.type, count: 1 }];
    this.streamDiff(id, {
      kind: o.kind,
      leftStep: side === 'left' ? o.step : 0,
      rightStep: side === 'right' ? o.step : 0,
      time: o.time,
      key: o.key,
      summary: {
        kind: o.kind,
        key: o.key,
        left: side === 'left' ? mine : [],
        right: side === 'right' ? mine : [],
        param: null,
      },
    });
  }

  private streamDiff(id: string, d: Difference): void {
    this.streams.delete(id);
    this.waiting.delete(id);
    this.doneStreams.add(id);
    const seq = this.seqDiff;
    if (seq !== null && seq.leftStep === d.leftStep && seq.rightStep === d.rightStep) return;
    this.pending.push(d);
  }

  private resolveWaiting(): void {
    for (const id of [...this.waiting]) {
      const st = this.streams.get(id);
      if (st === undefined) this.waiting.delete(id);
      else this.settle(id, st);
    }
  }

  // Listing ------------------------------------------------------------------------------------------

  /** The earliest time a difference found later could have. */
  private bound(): number {
    const l = this.sides.left;
    const r = this.sides.right;
    let b = Math.min(l.ended ? Infinity : l.time, r.ended ? Infinity : r.time);
    if (this.openEra !== null) b = Math.min(b, this.openEra.time);
    if (!this.seqDone) {
      for (const s of [l, r]) {
        const h = s.seq[s.head];
        if (h !== undefined) b = Math.min(b, h.time);
      }
    }
    for (const id of this.waiting) {
      const st = this.streams.get(id);
      const o = st?.left[0] ?? st?.right[0];
      if (o !== undefined) b = Math.min(b, o.time);
    }
    return b;
  }

  private release(): void {
    if (this.pending.length === 0) return;
    const b = this.bound();
    this.pending.sort(compareDifferences);
    let n = 0;
    while (n < this.pending.length && (b === Infinity || this.pending[n]!.time < b)) n++;
    for (const d of this.pending.splice(0, n)) this.listed.push(d);
  }
}

function isHandlerCall(r: TraceRecord): boolean {
  return (
    r.message === 'handler.OnAdd' || r.message === 'handler.OnUpdate' || r.message === 'handler.OnDelete'
  );
}

/** The difference of two paired observations of one stream, or null when they agree. */
function pairDifference(a: Observation, b: Observation): Difference | null {
  for (let i = 0; i < a.fields.length; i++) {
    const [name, l] = a.fields[i]!;
    const r = b.fields[i]?.[1] ?? null;
    if (l === r) continue;
    const kind: DifferenceKind = a.kind === 'handler' && name === 'lister' ? 'lister' : a.kind;
    const counts =
      a.message === b.message
        ? { left: [], right: [] }
        : {
            left: [{ message: a.message, type: a.type, count: 1 }],
            right: [{ message: b.message, type: b.type, count: 1 }],
          };
    return {
      kind,
      leftStep: a.step,
      rightStep: b.step,
      time: Math.min(a.time, b.time),
      key: a.key,
      summary: {
        kind,
        key: a.key,
        left: counts.left,
        right: counts.right,
        param: { name, left: l, right: r },
      },
    };
  }
  return null;
}

/** A comparison of two runs (see the header); feed both sides' windows in order, read `result()`. */
export function createComparer(input: CompareInput): Comparer {
  return new IncrementalComparer(input.leftEra, input.rightEra);
}
