/**
 * Reading a lesson file the learner opened: the lesson parser and the YAML reader, loaded on demand by
 * the lesson panel's "Open a lesson file…" (the page's first load has neither).
 */
import { type Lesson, parseLesson } from '../../scenarios/lessons';
import { formatScenarioError } from '../../scenarios/parse';

/** The lesson in a file's text, or each problem as a line (with its path and line number). */
export function readLessonFile(
  text: string,
): { readonly ok: true; readonly lesson: Lesson } | { readonly ok: false; readonly lines: string[] } {
  const r = parseLesson(text);
  return r.ok ? { ok: true, lesson: r.lesson } : { ok: false, lines: r.errors.map(formatScenarioError) };
}
