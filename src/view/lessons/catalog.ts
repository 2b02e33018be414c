/**
 * The lessons this build has, as the page's first paint needs them: ids for links, the lesson a broken
 * link offers, the picker's entries (number, title, era) and a lesson's title. Only the small catalog
 * (src/scenarios/lessons/catalog-data.ts) is loaded here; the lesson texts and the parser load with the
 * lesson player (./built-in-lesson.ts `builtInLesson`).
 */

import type { Era } from '../../engine/model/scenario';
import type { LessonEntry } from '../../scenarios/lessons/catalog-data';
import { LESSON_CATALOG, DEFAULT_LESSON_ID as LIBRARY_DEFAULT } from '../../scenarios/lessons/catalog-data';

/** The built-in lessons in course order (number, title in both languages; not parsed). */
export const LESSON_LIST: readonly LessonEntry[] = [...LESSON_CATALOG].sort((a, b) => a.number - b.number);
export const LESSON_IDS: readonly string[] = LESSON_LIST.map((l) => l.id);

/** The eras the picker groups the lessons by, in its order (each a labelled group: en + zh-CN). */
export const LESSON_ERAS: readonly Era[] = ['classic', 'modern'];

/** The lesson offered when a link cannot be opened; null when there are no lessons. */
export const DEFAULT_LESSON_ID: string | null = LESSON_IDS.includes(LIBRARY_DEFAULT)
  ? LIBRARY_DEFAULT
  : (LESSON_IDS[0] ?? null);

/** A built-in lesson's catalog entry by id, or undefined. */
export function lessonEntry(id: string): LessonEntry | undefined {
  return LESSON_LIST.find((l) => l.id === id);
}
