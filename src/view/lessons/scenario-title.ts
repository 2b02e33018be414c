/**
 * The header's title of what is on screen: a lesson's title in the active language (a built-in lesson's
 * from the catalog, so the header needs no lesson text or parser; a file lesson's from the lesson
 * opened), else the scenario's own title.
 */
import { useLang } from '../../i18n/react';
import { selectSource } from '../../store';
import { useSimStore } from '../../store/react';
import { selectFileLesson } from '../../store/selectors';
import { lessonEntry } from './catalog';
import { textIn } from './lesson-text';

/** The title of what is on screen, in the active language when it is a lesson. */
export function useScenarioTitle(fallback: string): string {
  const lang = useLang();
  const source = useSimStore(selectSource);
  const fileLesson = useSimStore(selectFileLesson);
  if (source === null) return fallback;
  const title =
    source.kind === 'lesson'
      ? lessonEntry(source.id)?.title
      : fileLesson !== null && fileLesson.source === source
        ? fileLesson.lesson.title
        : undefined;
  return title === undefined ? fallback : textIn(title, lang);
}
