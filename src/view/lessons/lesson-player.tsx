/**
 * The lesson player, loaded on demand by the lesson panel (./lesson-panel.tsx) once a lesson is on
 * screen: the lesson's summary and rules, the lesson narration in force (a polite live region, beside the
 * step narration), the pause card (./pause-card.tsx) and the goal with its status over the trace so far.
 * It sets the store's stop points: playing stops before every unanswered pause. It brings the lesson
 * texts and the lesson parser (./built-in-lesson.ts), which the page's first load does not have.
 */
import { type ReactNode, useEffect, useMemo } from 'react';
import type { ScenarioSource } from '../../engine/model/session';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import type { Lesson } from '../../scenarios/lessons';
import { selectCursor, selectFileLesson, selectInterventions, selectSource } from '../../store';
import { answersOf } from '../../store/lesson-slice';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { builtInLesson } from './built-in-lesson';
import { PauseCardView } from './pause-card';
import { lessonView, prepareLesson, textIn } from './player-logic';
import { useLessonTrace } from './use-lesson-trace';

export interface LessonPlayerProps {
  /** Embed mode: no summary. */
  readonly compact?: boolean;
}

/** The lesson on screen: a built-in one by id, or the file lesson loaded as exactly this source. */
export function activeLesson(
  source: ScenarioSource | null,
  file: { readonly lesson: Lesson; readonly source: ScenarioSource } | null,
): Lesson | null {
  if (source === null) return null;
  if (source.kind === 'lesson') return builtInLesson(source.id) ?? null;
  return file !== null && file.source === source ? file.lesson : null;
}

/** What follows the lesson's title in the panel (the panel shows the title and the picker). */
export function LessonPlayer({ compact = false }: LessonPlayerProps): ReactNode {
  const store = useSimStoreApi();
  const lang = useLang();
  const source = useSimStore(selectSource);
  const interventions = useSimStore(selectInterventions);
  const cursor = useSimStore(selectCursor);
  const fileLesson = useSimStore(selectFileLesson);
  const answers = useSimStore((s) => answersOf(s, source));
  const lesson = activeLesson(source, fileLesson);
  const trace = useLessonTrace(store, lesson?.steps ?? null, source, interventions);
  const prepared = useMemo(
    () => (lesson === null || trace === null ? null : prepareLesson(lesson, trace)),
    [lesson, trace],
  );
  const view = useMemo(
    () => (prepared === null ? null : lessonView(prepared, cursor, answers, lang)),
    [prepared, cursor, answers, lang],
  );

  // Playing stops before every unanswered pause.
  const stops = view?.stopPoints;
  useEffect(() => {
    store.getState().setStopPoints(stops ?? []);
  }, [store, stops]);
  useEffect(() => () => store.getState().setStopPoints([]), [store]);

  if (lesson === null) return null;
  return (
    <>
      {!compact && <p className="ls-summary">{textIn(lesson.summary, lang)}</p>}
      {lesson.rules.length > 0 && (
        <p className="ls-rules">
          {t('links.lesson.rules')}{' '}
          {lesson.rules.map((r) => (
            <code key={r} className="ls-rule">
              {r}
            </code>
          ))}
        </p>
      )}
      <div className="ls-narration" aria-live="polite" data-testid="lesson-narration">
        {view === null ? (
          <p className="ls-muted">{t('links.lesson.loading')}</p>
        ) : view.narration === null ? (
          <p className="ls-muted">{t('links.lesson.beforeNarration')}</p>
        ) : (
          <p>{view.narration}</p>
        )}
      </div>
      {view?.card != null && source !== null && (
        <PauseCardView
          key={view.card.pause.id}
          card={view.card}
          onPick={(pick) => store.getState().answerPause(source, view.card!.pause.id, pick)}
          onContinue={() => store.getState().play()}
        />
      )}
      {view !== null && (
        <div
          className={`ls-goal${view.goalMet ? ' is-met' : ''}`}
          data-testid="lesson-goal"
          data-met={view.goalMet}
          title={view.goalDetail}
        >
          <p className="ls-goal-head">
            <span className="ls-goal-label">{t('links.lesson.goal')}</span>
            <span className="ls-goal-status" role="status">
              {view.goalMet ? `✓ ${t('links.lesson.goal.met')}` : `○ ${t('links.lesson.goal.notYet')}`}
            </span>
          </p>
          <p className="ls-goal-text">{textIn(lesson.goal.description, lang)}</p>
          <p className="ls-muted">
            {t('links.lesson.progress', {
              step: Math.min(cursor, lesson.steps),
              steps: lesson.steps,
              answered: view.pausesAnswered,
              pauses: view.pausesTotal,
            })}
          </p>
        </div>
      )}
    </>
  );
}
