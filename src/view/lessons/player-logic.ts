/**
 * The lesson player's logic, pure (tested in Node): given a lesson, the trace of its run (looked ahead
 * to the lesson's end: src/worker `trace`), the step on screen and the learner's answers, what the panel
 * shows: the lesson narration in force, the pause that asks now (or the answered one still relevant),
 * where playing must stop (before every unanswered pause), and the goal's status over the trace so far.
 */
import type { TraceRecord } from '../../engine/model/trace';
import type { Lang } from '../../i18n';
import { renderLessonText } from '../../i18n/narration';
import {
  evaluateGoal,
  evaluatePause,
  findNarration,
  findPauses,
  type Lesson,
  type LessonPause,
  type NarrationPoint,
  narrationAt,
  type PauseOutcome,
  type PausePoint,
} from '../../scenarios/lessons';
import { textIn } from './lesson-text';

export { textIn } from './lesson-text';

/** A pick per pause id: a choice id, or SKIPPED. */
export type Answers = Readonly<Record<string, string>>;
export const SKIPPED = '';

export interface PauseCard {
  readonly index: number;
  readonly pause: LessonPause;
  /** The step the pause stops before (the card shows at step - 1). */
  readonly step: number;
  /** The learner's pick (a choice id or SKIPPED), or null while it asks. */
  readonly picked: string | null;
  /** The answer from the trace (for an answered pause). */
  readonly outcome: PauseOutcome | null;
}

export interface LessonView {
  /** The lesson narration in force at the step on screen (rendered), or null before the first. */
  readonly narration: string | null;
  /** Steps playing stops before: every unanswered pause point ahead of or at the cursor. */
  readonly stopPoints: readonly number[];
  /** The pause to show: the one asking at this step, else the last answered one whose window is on. */
  readonly card: PauseCard | null;
  readonly goalMet: boolean;
  /** Why (English), for a tooltip. */
  readonly goalDetail: string;
  /** Pauses reached / answered so far. */
  readonly pausesTotal: number;
  readonly pausesAnswered: number;
}

/** The records of steps ≤ `step` (records are in step order). */
export function recordsUpTo(records: readonly TraceRecord[], step: number): readonly TraceRecord[] {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (records[mid]!.step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo === records.length ? records : records.slice(0, lo);
}

/** What depends only on the lesson and its trace (computed once per run, not per step). */
export interface PreparedLesson {
  readonly lesson: Lesson;
  readonly records: readonly TraceRecord[];
  readonly points: readonly NarrationPoint[];
  readonly pauses: readonly PausePoint[];
}

export function prepareLesson(lesson: Lesson, records: readonly TraceRecord[]): PreparedLesson {
  return { lesson, records, points: findNarration(lesson, records), pauses: findPauses(lesson, records) };
}

export function lessonView(
  prepared: PreparedLesson,
  cursor: number,
  answers: Answers,
  lang: Lang,
): LessonView {
  const { lesson, records, points, pauses } = prepared;
  const now = narrationAt(points, cursor);
  const narration =
    now === null ? null : renderLessonText(textIn(lesson.narration[now.index]!.text, lang), now.record, lang);
  const stopPoints: number[] = [];
  let card: PauseCard | null = null;
  let answered = 0;
  for (const p of pauses) {
    if (p.step === null) continue;
    const picked = Object.hasOwn(answers, p.id) ? answers[p.id]! : null;
    if (picked !== null) answered++;
    else if (p.step - 1 >= cursor) stopPoints.push(p.step);
    const pause = lesson.pauses[p.index]!;
    if (picked === null && p.step - 1 === cursor) {
      card = { index: p.index, pause, step: p.step, picked: null, outcome: null };
    } else if (
      picked !== null &&
      (card === null || card.picked !== null) &&
      cursor >= p.step - 1 &&
      cursor < p.step - 1 + pause.within
    ) {
      card = {
        index: p.index,
        pause,
        step: p.step,
        picked,
        outcome: evaluatePause(lesson, p.index, records),
      };
    }
  }
  const goal = evaluateGoal(lesson, recordsUpTo(records, cursor));
  return {
    narration,
    stopPoints,
    card,
    goalMet: goal.met,
    goalDetail: goal.detail,
    pausesTotal: pauses.filter((p) => p.step !== null).length,
    pausesAnswered: answered,
  };
}
