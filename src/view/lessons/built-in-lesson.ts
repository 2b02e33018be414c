/**
 * A built-in lesson, parsed: loads the lesson texts and the lesson parser, so only the lesson player and
 * the sandbox (both loaded on demand) import it. The catalog the first paint needs is ./catalog.ts.
 */
import { lessonById } from '../../scenarios/lessons';
import type { Lesson } from '../../scenarios/lessons/types';
import { LESSON_IDS } from './catalog';

/** A built-in lesson by id, parsed (cached), or undefined. */
export function builtInLesson(id: string): Lesson | undefined {
  return LESSON_IDS.includes(id) ? lessonById(id) : undefined;
}
