/**
 * Comparing two runs (issue 13): the vocabulary shared by the comparer (this folder), the compare
 * store (src/store/compare) and the compare view (src/view/compare). Pure data; this folder imports
 * only the engine's vocabulary (src/engine/model) and runs on the main thread over trace windows that
 * each side's Worker answers (protocol `trace`).
 */
import type { Era } from '../engine/model/scenario';
import type { ParamValue, TraceRecord } from '../engine/model/trace';

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];

/**
 * How the one transport steps both sides: by virtual time (each side shows its last step at or before
 * the common time; the default) or by step number (both sides show the same step).
 */
export type AlignMode = 'time' | 'step';
export const ALIGN_MODES: readonly AlignMode[] = ['time', 'step'];

/**
 * What a difference is about:
 * - `record`: within one era, the first record (in trace order) that differs, compared on component,
 *   message id, lane, key, resourceVersion and the params that matter (ids expected to differ ignored);
 * - `handler`: per key, a resource event handler call differs (or exists on one side only);
 * - `lister`: per key, what the lister held at a handler call differs;
 * - `queue`: per key, a workqueue add differs (Add / AddRateLimited / AddAfter) or exists on one side only;
 * - `write`: per key, a client write differs (verb, outcome) or exists on one side only;
 * - `era`: across eras, the first step where the records differ (always expected; its summary says how).
 */
export type DifferenceKind = 'record' | 'handler' | 'lister' | 'queue' | 'write' | 'era';

/** A counted label of a summary: records with this message id (and delta/event type, when they have one). */
export interface SummaryCount {
  readonly message: string;
  /** The record's `type` param (a delta type such as Replaced, an event type such as ADDED), if any. */
  readonly type: string | null;
  readonly count: number;
}

/**
 * What differs at a difference, as data (the view words it through i18n `compare` strings): per side,
 * the records (within the summary window, see the comparer's docs) whose counts differ between the
 * sides, largest difference first, at most 4 per side. `key` is the key the difference is about.
 */
export interface DifferenceSummary {
  readonly kind: DifferenceKind;
  readonly key: string | null;
  readonly left: readonly SummaryCount[];
  readonly right: readonly SummaryCount[];
  /** The first differing parameter of two records that otherwise match, e.g. { name: 'type', left: 'Sync', right: 'Replaced' }. */
  readonly param: {
    readonly name: string;
    readonly left: ParamValue | null;
    readonly right: ParamValue | null;
  } | null;
}

/** A point where the two runs part. */
export interface Difference {
  readonly kind: DifferenceKind;
  /** The step to show on each side: the first step of the differing observation (0: that side has none yet). */
  readonly leftStep: number;
  readonly rightStep: number;
  /** Virtual time of the difference (the earlier of the two sides' times). */
  readonly time: number;
  readonly key: string | null;
  readonly summary: DifferenceSummary;
}

export interface CompareInput {
  readonly leftEra: Era;
  readonly rightEra: Era;
}

/** Where the comparison stands after the windows fed so far. */
export interface CompareResult {
  /**
   * The differences found, in order of time (ties: left step, then kind), each final: no window fed
   * later can add a difference before the last one listed.
   */
  readonly differences: readonly Difference[];
  /** The last step fed per side (0: none). */
  readonly fedTo: { readonly left: number; readonly right: number };
  /** Both sides' runs ended within what was fed: the list is complete. */
  readonly complete: boolean;
}

/**
 * An incremental comparison. Each side's trace is fed in order, window after window (steps
 * `from`..`to`, contiguous with what that side was fed before); the comparison never needs a window
 * twice. Feeding is cheap enough to run on the main thread between frames (O(records)).
 */
export interface Comparer {
  /**
   * Adds one side's records of steps [from, to] (from = previous to + 1). `ended`: the run has no step
   * after `to`.
   */
  feed(side: Side, records: readonly TraceRecord[], from: number, to: number, ended: boolean): void;
  result(): CompareResult;
}
