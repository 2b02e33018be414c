/**
 * Moving a run's cursor: to a step, to a virtual time, forward by n steps or until a target. Steps
 * within the computed frontier (`tl.known`) are replayed from keyframes; new steps are computed one at a
 * time, at most `budget` per move, so one request stays bounded. `replaySession` applies a session's
 * interventions at their steps and goes to its step: the one way a link, a boot and a restart are
 * replayed.
 */
import { peek } from '../kernel/agenda';
import type { Intervention, RunUntil, SkipSummary } from '../model/session';
import type { TraceRecord } from '../model/trace';
import { isQuiet } from '../sim/invariants';
import type { World } from '../sim/world';
import { seek } from '../timeline/timeline';
import { isErrorRecord, isRelistRecord } from './records';
import { interveneAt, type Run, SessionError } from './run';

export function isEnded(r: Run): boolean {
  return r.tl.end !== null && r.tl.cursor.step === r.tl.end;
}

/**
 * Moves the cursor one step forward and returns that step's records, or null at the end of the run.
 * (A step computed for the first time passes through the run's marks: run.ts `learn`.)
 */
function stepOnce(r: Run): TraceRecord[] | null {
  const tl = r.tl;
  const s = tl.cursor.step + 1;
  if (tl.end !== null && s > tl.end) return null;
  const res = seek(tl, s);
  if (res.world.step < s) {
    settleEnd(r);
    return null;
  }
  return res.records;
}

/**
 * The run just ended: stepWorld ran the last invisible actions on the cursor world before it found
 * nothing left. Replaying to the end step gives the world as a later seek will see it.
 */
function settleEnd(r: Run): void {
  const end = r.tl.end;
  if (end === null || end === 0) return;
  seek(r.tl, end - 1);
  seek(r.tl, end);
}

/** Moves the cursor to `target` (clamped to [0, end]), computing at most `budget` new steps. */
export function goTo(r: Run, target: number, budget: number): void {
  const tl = r.tl;
  let t = Math.max(0, target);
  if (tl.end !== null) t = Math.min(t, tl.end);
  if (t <= tl.known) {
    seek(tl, t);
    return;
  }
  t = Math.min(t, tl.known + budget);
  seek(tl, tl.known);
  while (tl.cursor.step < t) if (stepOnce(r) === null) break;
}

/** First step whose virtual time is ≥ t: binary search over keyframe times, then step by step. */
export function seekTime(r: Run, t: number, budget: number): void {
  seekFirst(r, t, budget, false);
}

/**
 * Last step whose virtual time is ≤ t (aligned-by-time compare, issue 13): the first step whose time
 * is > t, then the one before it. Step 0 (before the first step) is the answer when no step is ≤ t
 * (t lies before the run's start). Within one request's budget: when the budget runs out before a step
 * after t is found, the cursor stays at the last step computed (every step up to it is ≤ t; the caller
 * may ask again); at the end of the run it stays at the end.
 */
export function seekTimeAtOrBefore(r: Run, t: number, budget: number): void {
  seekFirst(r, t, budget, true);
  const tl = r.tl;
  // The step before is within the computed range: a replay from a keyframe, no new step computed.
  if (tl.cursor.now > t && tl.cursor.step > 0) goTo(r, tl.cursor.step - 1, 0);
}

/**
 * First step whose virtual time is ≥ t (`after` false) or > t (`after` true): binary search over
 * keyframe times, then step by step, computing at most `budget` new steps.
 */
function seekFirst(r: Run, t: number, budget: number, after: boolean): void {
  const tl = r.tl;
  const kfs = tl.keyframes;
  /** The time `now` lies before the answer. */
  const before = (now: number): boolean => (after ? now <= t : now < t);
  if (!before(kfs[0]!.now)) {
    goTo(r, 0, budget);
    return;
  }
  if (!before(tl.knownTime)) {
    // Largest keyframe (all lie within the computed range) whose time lies before the answer.
    let lo = 0;
    let hi = kfs.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (before(kfs[mid]!.now)) lo = mid;
      else hi = mid - 1;
    }
    const start = kfs[lo]!.step;
    // Continue from the cursor when it is already between that keyframe and the answer.
    if (!(tl.cursor.step >= start && before(tl.cursor.now))) goTo(r, start, budget);
    while (before(tl.cursor.now)) if (stepOnce(r) === null) break;
    return;
  }
  goTo(r, tl.known, budget);
  for (let n = 0; n < budget && before(tl.cursor.now); n++) if (stepOnce(r) === null) break;
}

type StepTest = (recs: readonly TraceRecord[], w: World) => boolean;

/** The test for a "run until" target (SessionError for an unknown one). */
export function untilTest(u: RunUntil): StepTest {
  switch (u?.kind) {
    case 'next-api-event':
      return (recs) => recs.some((x) => x.component === 'apiserver' || x.arrow === 'watch-event');
    case 'relist':
      return (recs) => recs.some(isRelistRecord);
    case 'reconciled': {
      const key = u.key;
      if (key !== null && typeof key !== 'string') throw new SessionError('run-until reconciled: bad key');
      return (recs) =>
        recs.some(
          (x) =>
            (x.message === 'worker.forget' ||
              x.message === 'worker.forget-skipped' ||
              x.message === 'worker.add-rate-limited') &&
            (key === null || x.key === key),
        );
    }
    case 'quiet':
      return (_, w) => isQuiet(w);
    case 'error':
      return (recs) => recs.some(isErrorRecord);
    default:
      throw new SessionError('run-until: unknown target');
  }
}

/**
 * Steps forward up to `max` times (stopping early at the end, or after the first step that passes
 * `test`), counting the records of the steps in between when `summarize`.
 */
export function forward(
  r: Run,
  max: number,
  summarize: boolean,
  test: StepTest | null,
): { summary: SkipSummary | null; reached: boolean } {
  const fromStep = r.tl.cursor.step;
  const byArrow: Record<string, number> = {};
  let total = 0;
  let prev: TraceRecord[] | null = null;
  let reached = false;
  for (let i = 0; i < max; i++) {
    const recs = stepOnce(r);
    if (recs === null) break;
    if (summarize && prev !== null) {
      total += prev.length;
      for (const x of prev) {
        const k = String(x.arrow);
        byArrow[k] = (byArrow[k] ?? 0) + 1;
      }
    }
    prev = recs;
    if (test?.(recs, r.tl.cursor)) {
      reached = true;
      break;
    }
  }
  const summary = summarize ? { fromStep, toStep: r.tl.cursor.step, records: total, byArrow } : null;
  return { summary, reached };
}

/**
 * Replays a session's interventions on a fresh run (each at its step: the timeline forks there) and
 * goes towards its step, computing at most `budget` new steps in all. An intervention whose step cannot
 * be reached (the run ends first, or the budget runs out) is refused with a SessionError: the session
 * cannot be shown as it was. The final step may stay short of `step` when the budget runs out (the
 * caller seeks on) or the run ends earlier.
 */
export function replaySession(
  r: Run,
  interventions: readonly Intervention[],
  step: number,
  budget: number,
): void {
  let left = budget;
  const moveTo = (target: number): void => {
    const before = r.tl.known;
    goTo(r, target, left);
    left -= Math.max(0, r.tl.known - before);
  };
  let last = 0;
  for (const [i, iv] of interventions.entries()) {
    if (!Number.isInteger(iv.step) || iv.step < last)
      throw new SessionError(`intervention ${i + 1}: steps must be whole numbers that never decrease`);
    last = iv.step;
    moveTo(iv.step);
    if (r.tl.cursor.step !== iv.step)
      throw new SessionError(
        `intervention ${i + 1} was made at step ${iv.step}, which this run ${
          r.tl.end !== null && r.tl.end < iv.step
            ? `never reaches (it ends at step ${r.tl.end})`
            : 'cannot reach in one go'
        }.`,
      );
    interveneAt(r, iv.step, iv.action);
  }
  moveTo(step);
}

/**
 * A lower bound of the next step's virtual time: the earlier of the agenda's next entry and the script's
 * next action (never before the cursor's time). Infinity: nothing is left to happen.
 */
function nextStepTimeBound(r: Run): number {
  const w = r.tl.cursor;
  const entry = peek(w.agenda);
  const action = r.tl.ctx.script[w.scriptIndex];
  const next = Math.min(entry?.time ?? Infinity, action?.at ?? Infinity);
  return Math.max(w.now, next);
}

/**
 * Fast-forward at a virtual-time rate: moves to the last step whose virtual time is ≤ t, at most `max`
 * steps on, counting the records of the steps in between (as `forward` does) when `summarize`.
 * `reached` says it stopped because the next step lies after t; false means `max` ran out first (many
 * steps at one instant) or the run ended.
 *
 * A step's time is known only once it is computed: stepWorld runs invisible actions before the one that
 * emits records, so a step can lie after t although the agenda's next entry is at or before t. The bound
 * (nextStepTimeBound) settles most steps without computing them; a step that still turns out to lie after
 * t is undone by a seek to the step before (a keyframe restore and a replay).
 */
export function forwardToTime(
  r: Run,
  max: number,
  t: number,
  summarize: boolean,
): { summary: SkipSummary | null; reached: boolean } {
  const tl = r.tl;
  const fromStep = tl.cursor.step;
  const byArrow: Record<string, number> = {};
  let total = 0;
  let prev: TraceRecord[] | null = null;
  let reached = false;
  for (let i = 0; ; i++) {
    const bound = nextStepTimeBound(r);
    // An infinite bound means the run is over: stepping once more records where it ended.
    if (bound > t && bound !== Infinity) {
      reached = true;
      break;
    }
    if (i >= max) break;
    const recs = stepOnce(r);
    if (recs === null) break;
    if (tl.cursor.now > t) {
      goTo(r, tl.cursor.step - 1, 0);
      reached = true;
      break;
    }
    if (summarize && prev !== null) {
      total += prev.length;
      for (const x of prev) {
        const k = String(x.arrow);
        byArrow[k] = (byArrow[k] ?? 0) + 1;
      }
    }
    prev = recs;
  }
  const summary = summarize ? { fromStep, toStep: tl.cursor.step, records: total, byArrow } : null;
  return { summary, reached };
}
