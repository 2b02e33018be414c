/**
 * The one typed protocol between the main thread and the engine Worker (GUIDE "one worker protocol").
 * Plain data only (structured clone). Every request carries an id; the answer carries the same id.
 * The bridge keeps "newest request wins": an answer to a superseded request is dropped.
 */
import type { Frame, RecordView } from '../engine/model/frame';
import type {
  Intervention,
  InterventionAction,
  Mark,
  RunUntil,
  ScenarioInfo,
  Session,
  SkipSummary,
} from '../engine/model/session';
import type { TraceRecord } from '../engine/model/trace';

export type Request =
  /**
   * Open a session (model/session.ts): load its source (its seed overriding the scenario's), make each
   * intervention at its step and go to its step, in one request. frameLimit = rows per long list in
   * every frame (200). Everything that can be refused is checked before anything changes; the answer's
   * frame may stop short of `session.step` when that lies beyond one request's computing budget (seek on).
   */
  | {
      readonly id: number;
      readonly type: 'open';
      readonly session: Session;
      readonly frameLimit?: number;
    }
  /** Go to step n (clamped to the end of the run). */
  | { readonly id: number; readonly type: 'seek'; readonly step: number }
  /**
   * Go to the first step whose virtual time is ≥ t (ms), or with `at: 'last-at-or-before'` to the last
   * step whose time is ≤ t (step 0 when none is; a compare side aligned by time, issue 13). The run may
   * compute ahead to find the first step after t (at most one request's budget: the answer then stops at
   * the last step computed).
   */
  | {
      readonly id: number;
      readonly type: 'seek-time';
      readonly time: number;
      readonly at?: SeekTimeAt;
    }
  /**
   * Go forward `steps` from the current step; with `summary`, also count the records skipped over. With
   * `untilTime` (ms of virtual time), stop at the last step whose time is ≤ untilTime if that comes
   * first (fast-forward at a virtual-time rate); `untilReached` in the answer says whether it did.
   */
  | {
      readonly id: number;
      readonly type: 'advance';
      readonly steps: number;
      readonly summary: boolean;
      readonly untilTime?: number;
    }
  | { readonly id: number; readonly type: 'run-until'; readonly until: RunUntil; readonly maxSteps: number }
  /** Fork the timeline at `step` with an intervention (it happens at that step's virtual time). */
  | {
      readonly id: number;
      readonly type: 'intervene';
      readonly step: number;
      readonly action: InterventionAction;
    }
  /** Trace records of steps [from, to] (inclusive, clamped to the computed range), for the event log. */
  | { readonly id: number; readonly type: 'records'; readonly from: number; readonly to: number }
  /**
   * Raw trace records of steps [from, to] (inclusive), for a lesson's goal and pause points. Unlike
   * `records`, `to` may lie beyond the computed range: the steps ahead are computed on a private world
   * (the cursor, `known` and the marks do not change), at most HOST_LIMITS.computePerRequest of them.
   */
  | { readonly id: number; readonly type: 'trace'; readonly from: number; readonly to: number }
  /**
   * Every record that touched `key` (as the record's key or the key of the object it carries, Foo and
   * Deployment alike) in steps [1, upTo]; the newest are kept when the caps apply.
   */
  | { readonly id: number; readonly type: 'history'; readonly key: string; readonly upTo: number }
  /** The scenario with the interventions made so far, as YAML. */
  | { readonly id: number; readonly type: 'export-scenario' };

export type RequestType = Request['type'];

/** Which step a `seek-time` goes to (default 'first-at-or-after'). */
export type SeekTimeAt = 'first-at-or-after' | 'last-at-or-before';
export const SEEK_TIME_AT: readonly SeekTimeAt[] = ['first-at-or-after', 'last-at-or-before'];

export type Response =
  | {
      readonly id: number;
      readonly type: 'opened';
      readonly scenario: ScenarioInfo;
      readonly frame: Frame;
      readonly known: number;
      readonly ended: boolean;
      readonly marks: readonly Mark[];
      /** The interventions in force (the store copies them; it never recomputes them). */
      readonly interventions: readonly Intervention[];
    }
  | {
      readonly id: number;
      readonly type: 'frame';
      readonly frame: Frame;
      readonly known: number;
      readonly ended: boolean;
      readonly marks: readonly Mark[];
      /** The interventions in force (the store copies them; it never recomputes them). */
      readonly interventions: readonly Intervention[];
      /** advance with summary / run-until: what the jump skipped (steps strictly between two frames). */
      readonly skipped: SkipSummary | null;
      /**
       * run-until, and advance with untilTime: true when the target was reached (for untilTime: the next
       * step lies after it), false when it stopped at maxSteps / steps or the end.
       */
      readonly untilReached?: boolean;
    }
  | {
      readonly id: number;
      readonly type: 'records';
      /** The steps actually covered: clamped to [1, known]; `to` is lower than asked when capped. */
      readonly from: number;
      readonly to: number;
      readonly records: readonly RecordView[];
      /** The 5,000-record cap cut the window short (ask again from `to + 1`). */
      readonly truncated: boolean;
    }
  | {
      readonly id: number;
      readonly type: 'trace';
      /** The steps actually covered (`to` is lower than asked when capped or when the run ended). */
      readonly from: number;
      readonly to: number;
      readonly records: readonly TraceRecord[];
      /** A cap cut the window short (ask again from `to + 1`). */
      readonly truncated: boolean;
    }
  | {
      readonly id: number;
      readonly type: 'history';
      readonly key: string;
      /** Records of steps [fromStep, upTo] (upTo clamped to the computed range), oldest first. */
      readonly fromStep: number;
      readonly upTo: number;
      readonly records: readonly RecordView[];
      /** Older records exist but were left out (caps: 2,000 records, 100 buckets of 1,000 steps replayed). */
      readonly truncated: boolean;
    }
  | { readonly id: number; readonly type: 'scenario-yaml'; readonly yaml: string }
  /** A request failed (bad scenario, bad argument). `fatal`: the engine itself broke; offer a restart. */
  | {
      readonly id: number;
      readonly type: 'error';
      readonly message: string;
      readonly details: readonly string[];
      readonly fatal: boolean;
    };

export type ResponseType = Response['type'];

/** A request as the main thread writes it: the bridge adds the id. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export type ErrorResponse = Extract<Response, { type: 'error' }>;

/** Which response type answers which request type (an `error` may answer any). */
export interface ResponseTypeOf {
  open: 'opened';
  seek: 'frame';
  'seek-time': 'frame';
  advance: 'frame';
  'run-until': 'frame';
  intervene: 'frame';
  records: 'records';
  trace: 'trace';
  history: 'history';
  'export-scenario': 'scenario-yaml';
}

/** The answer to a request of type T: its own response type or an error. */
export type AnswerTo<T extends RequestType> = Extract<Response, { type: ResponseTypeOf[T] }> | ErrorResponse;

/** Requests that move the cursor: they share the bridge's "newest request wins" channel. */
export const CURSOR_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'open',
  'seek',
  'seek-time',
  'advance',
  'run-until',
  'intervene',
]);
