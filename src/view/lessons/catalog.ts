/**
 * The lessons this build has, as the page needs them: ids for links, the lesson a broken link offers,
 * the picker's entries (number and title, unparsed) and a lesson by id (parsed on first use). The
 * lesson library lives in src/scenarios/lessons.
 */
import { LESSONS, DEFAULT_LESSON_ID as LIBRARY_DEFAULT, lessonById } from '../../scenarios/lessons';
import type { LessonSource } from '../../scenarios/lessons/library/index';
import type { Lesson } from '../../scenarios/lessons/types';

/** The built-in lessons in course order (number, title in both languages; not parsed yet). */
export const LESSON_LIST: readonly LessonSource[] = [...LESSONS].sort((a, b) => a.number - b.number);
export const LESSON_IDS: readonly string[] = LESSON_LIST.map((l) => l.id);

/** The lesson offered when a link cannot be opened; null when there are no lessons. */
export const DEFAULT_LESSON_ID: string | null = LESSON_IDS.includes(LIBRARY_DEFAULT)
  ? LIBRARY_DEFAULT
  : (LESSON_IDS[0] ?? null);

/** A built-in lesson by id, parsed (cached), or undefined. */
export function builtInLesson(id: string): Lesson | undefined {
  return LESSON_IDS.includes(id) ? lessonById(id) : undefined;
}
