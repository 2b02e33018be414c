/**
 * Evaluating a lesson over a trace: its goal (a GoalCheck over the records up to the lesson's end), its
 * pause points (the step each one stops before, and which choice the records that follow confirm) and
 * its narration (the step each text appears at). All functions are pure and take the records as given,
 * oldest first (e.g. every record of a headless run, see run.ts).
 */
import type { TraceRecord } from '../../engine/model/trace';
import { describeMatcher, findAnchored, findMatch, matchRecord } from './matcher';
import type { GoalCheck, Lesson, LessonNarration, LessonPause } from './types';

export interface CheckResult {
  readonly met: boolean;
  /** Why, in English (for tests, logs and an author's debugging). */
  readonly detail: string;
}

function stepOf(records: readonly TraceRecord[], i: number): string {
  return `step ${records[i]!.step}`;
}

/** Evaluates one check over `records`. */
export function evaluateCheck(check: GoalCheck, records: readonly TraceRecord[]): CheckResult {
  switch (check.type) {
    case 'sequence': {
      let from = 0;
      const at: string[] = [];
      for (let k = 0; k < check.matchers.length; k++) {
        const m = check.matchers[k]!;
        const i = findMatch(records, m, from);
        if (i < 0) {
          const where = from === 0 ? 'anywhere' : `after ${stepOf(records, from - 1)}`;
          return {
            met: false,
            detail: `sequence: item ${k + 1} of ${check.matchers.length} ${describeMatcher(m)} not found ${where}`,
          };
        }
        at.push(String(records[i]!.step));
        from = i + 1;
      }
      return { met: true, detail: `sequence matched at steps ${at.join(', ')}` };
    }
    case 'count': {
      let n = 0;
      for (const r of records) if (matchRecord(check.match, r)) n++;
      const met = n >= check.min && (check.max === null || n <= check.max);
      const range = check.max === null ? `≥ ${check.min}` : `${check.min}..${check.max}`;
      return { met, detail: `count ${describeMatcher(check.match)} = ${n} (expected ${range})` };
    }
    case 'absentBetween': {
      const a = findMatch(records, check.after);
      if (a < 0)
        return { met: false, detail: `absentBetween: ${describeMatcher(check.after)} never happened` };
      const b = findMatch(records, check.before, a + 1);
      if (b < 0)
        return {
          met: false,
          detail: `absentBetween: ${describeMatcher(check.before)} not found after ${stepOf(records, a)}`,
        };
      for (let i = a + 1; i < b; i++) {
        if (matchRecord(check.absent, records[i]!))
          return {
            met: false,
            detail: `absentBetween: ${describeMatcher(check.absent)} at ${stepOf(records, i)}, between ${stepOf(records, a)} and ${stepOf(records, b)}`,
          };
      }
      return {
        met: true,
        detail: `absentBetween: no ${describeMatcher(check.absent)} between ${stepOf(records, a)} and ${stepOf(records, b)}`,
      };
    }
    case 'between': {
      let from = 0;
      if (check.after !== null) {
        const a = findMatch(records, check.after);
        if (a < 0) return { met: false, detail: `between: ${describeMatcher(check.after)} never happened` };
        from = a + 1;
      }
      let to = records.length;
      if (check.before !== null) {
        const b = findMatch(records, check.before, from);
        if (b < 0) return { met: false, detail: `between: ${describeMatcher(check.before)} not found` };
        to = b;
      }
      const inner = evaluateCheck(check.check, records.slice(from, to));
      return { met: inner.met, detail: `between: ${inner.detail}` };
    }
    case 'all': {
      for (const c of check.checks) {
        const r = evaluateCheck(c, records);
        if (!r.met) return { met: false, detail: `all: ${r.detail}` };
      }
      return { met: true, detail: `all ${check.checks.length} checks met` };
    }
    case 'any': {
      const why: string[] = [];
      for (const c of check.checks) {
        const r = evaluateCheck(c, records);
        if (r.met) return { met: true, detail: `any: ${r.detail}` };
        why.push(r.detail);
      }
      return { met: false, detail: `any: none met (${why.join('; ')})` };
    }
  }
}

/** The records of steps 1..lesson.steps (a run may have produced more). */
function lessonRecords(lesson: Lesson, records: readonly TraceRecord[]): readonly TraceRecord[] {
  const last = records.length > 0 ? records[records.length - 1]! : null;
  if (last === null || last.step <= lesson.steps) return records;
  return records.filter((r) => r.step <= lesson.steps);
}

/** Is the lesson's goal met by the trace (judged over the records up to the lesson's `steps`)? */
export function evaluateGoal(lesson: Lesson, records: readonly TraceRecord[]): CheckResult {
  return evaluateCheck(lesson.goal.check, lessonRecords(lesson, records));
}

/** Where a pause applies: the player stops with step `step - 1` on screen. */
export interface PausePoint {
  readonly index: number;
  readonly id: string;
  /** The first step containing a record that matches `before`, or null if the trace never gets there. */
  readonly step: number | null;
}

function pauseStep(p: LessonPause, records: readonly TraceRecord[]): number | null {
  const i = findAnchored(records, p.before, p.after);
  return i < 0 ? null : records[i]!.step;
}

/** The step each pause applies before (null if not reached within the lesson's steps), in lesson order. */
export function findPauses(lesson: Lesson, records: readonly TraceRecord[]): PausePoint[] {
  const rs = lessonRecords(lesson, records);
  return lesson.pauses.map((p, index) => ({ index, id: p.id, step: pauseStep(p, rs) }));
}

export interface PauseOutcome {
  readonly step: number | null;
  /** The records of steps [step, step + within), oldest first (empty if the pause is not reached). */
  readonly window: readonly TraceRecord[];
  /** Per choice id: does the trace show this choice? */
  readonly holds: Readonly<Record<string, boolean>>;
  /** The designated answer holds and no other choice does. */
  readonly decided: boolean;
  /** The window's records matching `reveal`: the answer "from the trace". */
  readonly reveal: readonly TraceRecord[];
}

/** Judges pause `index` against the trace: which choices its window confirms, and what to reveal. */
export function evaluatePause(lesson: Lesson, index: number, records: readonly TraceRecord[]): PauseOutcome {
  const p = lesson.pauses[index];
  if (p === undefined) throw new RangeError(`lesson ${lesson.id} has no pause ${index}`);
  const rs = lessonRecords(lesson, records);
  const step = pauseStep(p, rs);
  const window = step === null ? [] : rs.filter((r) => r.step >= step && r.step < step + p.within);
  const holds: Record<string, boolean> = {};
  for (const c of p.choices) holds[c.id] = step !== null && evaluateCheck(c.check, window).met;
  const decided = p.choices.every((c) => holds[c.id] === (c.id === p.answer));
  return { step, window, holds, decided, reveal: window.filter((r) => matchRecord(p.reveal, r)) };
}

export interface NarrationPoint {
  readonly index: number;
  /** The step whose records include the first match, or null if it never appears. */
  readonly step: number | null;
  readonly record: TraceRecord | null;
}

/** The step each narration text appears at, in lesson order. */
export function findNarration(lesson: Lesson, records: readonly TraceRecord[]): NarrationPoint[] {
  const rs = lessonRecords(lesson, records);
  return lesson.narration.map((n: LessonNarration, index) => {
    const i = findAnchored(rs, n.when, n.after);
    return i < 0 ? { index, step: null, record: null } : { index, step: rs[i]!.step, record: rs[i]! };
  });
}

/**
 * The narration on screen at `step`: the entry that appeared most recently at or before it (ties: the
 * later entry in the lesson), or null before the first one.
 */
export function narrationAt(points: readonly NarrationPoint[], step: number): NarrationPoint | null {
  let best: NarrationPoint | null = null;
  for (const p of points) {
    if (p.step === null || p.step > step) continue;
    if (best === null || best.step === null || p.step >= best.step) best = p;
  }
  return best;
}
