/**
 * The lesson library and its API (docs/LESSONS.md):
 * - the format: parseLesson / validateLesson (./parse.ts), the Lesson type (./types.ts);
 * - judging a trace: evaluateGoal, findPauses, evaluatePause, findNarration, narrationAt (./goal.ts),
 *   matchRecord and describeMatcher (./matcher.ts); lesson texts are filled by src/i18n's renderLessonText;
 * - running one headless: runLesson (./run.ts);
 * - the built-in lessons: LESSONS (cheap entries with id, number, title and text) and
 *   lessonById (parsed on first use and cached; parsing all of them takes ~60 ms warm, so nothing is
 *   parsed at import time); LESSON_CATALOG and DEFAULT_LESSON_ID (./catalog-data.ts, the part the
 *   page's first paint loads: no texts, no parser).
 */
import { LESSON_SOURCES, type LessonSource } from './library/index';
import { parseLesson } from './parse';
import type { Lesson } from './types';

export type { CheckResult, NarrationPoint, PauseOutcome, PausePoint } from './goal';
export {
  evaluateCheck,
  evaluateGoal,
  evaluatePause,
  findNarration,
  findPauses,
  narrationAt,
} from './goal';
export type { LessonSource } from './library/index';
export { describeMatcher, matchRecord } from './matcher';
export type { LessonParseResult } from './parse';
export { parseLesson, validateLesson } from './parse';
export { LESSON_LIMITS } from './read-check';
export type { LessonRun } from './run';
export { runLesson } from './run';
export type {
  GoalCheck,
  Language,
  Lesson,
  LessonGoal,
  LessonNarration,
  LessonPause,
  LocalizedText,
  PauseChoice,
  RecordMatcher,
} from './types';
export { LESSON_KIND } from './types';

/** The built-in lessons in course order (1..12, 14, 15), unparsed. */
export const LESSONS: readonly LessonSource[] = LESSON_SOURCES;

/** The catalog (id, number, title per lesson) and the lesson a fresh visitor (or a broken link) gets. */
export { DEFAULT_LESSON_ID, LESSON_CATALOG, type LessonEntry } from './catalog-data';

const parsed = new Map<string, Lesson>();

/**
 * A built-in lesson by metadata.id, parsed and validated (cached), or undefined for an unknown id.
 * Throws only if a built-in lesson's text is invalid, which lessons.test.ts rules out.
 */
export function lessonById(id: string): Lesson | undefined {
  const hit = parsed.get(id);
  if (hit !== undefined) return hit;
  const src = LESSON_SOURCES.find((s) => s.id === id);
  if (src === undefined) return undefined;
  const r = parseLesson(src.yaml);
  if (!r.ok)
    throw new Error(`built-in lesson ${id} is invalid: ${r.errors.map((e) => e.message).join('; ')}`);
  parsed.set(id, r.lesson);
  return r.lesson;
}
