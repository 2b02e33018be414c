/**
 * The lesson player, loaded on demand: the panel (./lesson-panel.tsx) brings the lesson texts, the YAML
 * reader and the lesson parser, which the page's first paint does not need. Until it has loaded, a line
 * of text stands in its place. The panel's styles load with the page (imported here), so nothing
 * reflows when it appears.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { t } from '../../i18n';
import { selectSource } from '../../store';
import { useSimStore } from '../../store/react';
import { selectFileLesson } from '../../store/selectors';
import type { LessonPanelProps } from './lesson-panel';
import '../links/links.css';
import './lessons.css';

type PanelModule = typeof import('./lesson-panel');

let loading: Promise<PanelModule> | null = null;

/** Starts loading the panel (once; a failed load is tried again on the next call). */
export function loadLessonPanel(): Promise<PanelModule> {
  if (loading === null) {
    const p = import('./lesson-panel');
    loading = p;
    p.catch(() => {
      if (loading === p) loading = null;
    });
  }
  return loading;
}

const Panel = lazy(() => loadLessonPanel().then((m) => ({ default: m.LessonPanel })));

export function LessonPanel(props: LessonPanelProps): ReactNode {
  return (
    <Suspense fallback={<LessonPanelFallback compact={props.compact ?? false} />}>
      <Panel {...props} />
    </Suspense>
  );
}

/** While the panel loads: the lesson's loading line when a lesson is on screen, else the intro. */
function LessonPanelFallback({ compact }: { readonly compact: boolean }): ReactNode {
  const source = useSimStore(selectSource);
  const fileLesson = useSimStore(selectFileLesson);
  const lessonOnScreen =
    source !== null && (source.kind === 'lesson' || (fileLesson !== null && fileLesson.source === source));
  // Embed mode shows no lesson panel without a lesson.
  if (compact && !lessonOnScreen) return null;
  return (
    <p className={lessonOnScreen ? 'ls-muted' : 'ls-intro'}>
      {t(lessonOnScreen ? 'links.lesson.loading' : 'links.lesson.intro')}
    </p>
  );
}
