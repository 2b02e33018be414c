/**
 * The lesson player (side pane; compact in embed mode): a picker of the built-in lessons (numbered,
 * titled in the active language) and "Open a lesson file…"; for the lesson on screen, its title and
 * summary, the lesson narration in force (a polite live region, beside the step narration), the pause
 * card (pause and predict: the question and its choices; after a pick, the answer from the trace and
 * the explanation), and the goal with its status over the trace so far.
 */
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ScenarioSource } from '../../engine/model/session';
import { recordView } from '../../engine/model/views';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { type Lesson, parseLesson } from '../../scenarios/lessons';
import { formatScenarioError } from '../../scenarios/parse';
import { selectCursor, selectFileLesson, selectInterventions, selectSource } from '../../store';
import { answersOf } from '../../store/lesson-slice';
import { useSimStore, useSimStoreApi } from '../../store/react';
import { narrate } from '../narration/narration';
import { builtInLesson } from './built-in-lesson';
import { LESSON_LIST } from './catalog';
import { lessonView, type PauseCard, prepareLesson, SKIPPED, textIn } from './player-logic';
import { useLessonTrace } from './use-lesson-trace';
// Its styles (../links/links.css, ./lessons.css) load with the page: ./lazy-lesson-panel.tsx imports them.

export interface LessonPanelProps {
  /** Embed mode: no picker, no file button. */
  readonly compact?: boolean;
}

/** Larger files are refused before reading. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The lesson on screen: a built-in one by id, or the file lesson loaded as exactly this source. */
export function activeLesson(
  source: ScenarioSource | null,
  file: { readonly lesson: Lesson; readonly source: ScenarioSource } | null,
): Lesson | null {
  if (source === null) return null;
  if (source.kind === 'lesson') return builtInLesson(source.id) ?? null;
  return file !== null && file.source === source ? file.lesson : null;
}

export function LessonPanel({ compact = false }: LessonPanelProps): ReactNode {
  const store = useSimStoreApi();
  const lang = useLang();
  const id = useId();
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
  const [fileErrors, setFileErrors] = useState<{ name: string; lines: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement | null>(null);

  // Playing stops before every unanswered pause.
  const stops = view?.stopPoints;
  useEffect(() => {
    store.getState().setStopPoints(stops ?? []);
  }, [store, stops]);
  useEffect(() => () => store.getState().setStopPoints([]), [store]);

  const openBuiltIn = (lessonId: string): void => {
    if (lessonId === '') return;
    setFileErrors(null);
    void store.getState().load({ kind: 'lesson', id: lessonId });
  };

  const openFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      setFileErrors({ name: file.name, lines: [t('links.lesson.file.tooLarge')] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileErrors({ name: file.name, lines: [t('links.lesson.file.unreadable')] });
      return;
    }
    const r = parseLesson(text);
    if (!r.ok) {
      setFileErrors({ name: file.name, lines: r.errors.map(formatScenarioError) });
      return;
    }
    // The lesson's scenario is already validated: it opens as a value, with no YAML round trip.
    const src: ScenarioSource = { kind: 'scenario', scenario: r.lesson.scenario };
    store.getState().setFileLesson({ lesson: r.lesson, text, source: src });
    setFileErrors(null);
    const ok = await store.getState().load(src);
    if (!ok) store.getState().setFileLesson(null);
  };

  if (compact && lesson === null) return null;
  return (
    <section
      className={`ls-panel${compact ? ' is-compact' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid="lesson-panel"
    >
      {!compact && (
        <div className="ls-picker">
          <label htmlFor={`${id}-pick`} className="ls-label">
            {t('links.lesson.pick')}
          </label>
          <select
            id={`${id}-pick`}
            className="ctl-select ls-select"
            value={source?.kind === 'lesson' ? source.id : ''}
            onChange={(e) => openBuiltIn(e.currentTarget.value)}
          >
            <option value="">{t('links.lesson.none')}</option>
            {LESSON_LIST.map((l) => (
              <option key={l.id} value={l.id}>
                {t('links.lesson.option', { n: l.number, title: textIn(l.title, lang) })}
              </option>
            ))}
          </select>
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            {t('links.lesson.file')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json,text/yaml,text/plain"
            className="visually-hidden"
            tabIndex={-1}
            aria-label={t('links.lesson.file')}
            data-testid="lesson-file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f !== undefined) void openFile(f);
            }}
          />
        </div>
      )}
      {fileErrors !== null && (
        <div className="ls-errors" role="alert" data-testid="lesson-file-errors">
          <p>{t('links.lesson.file.invalid', { name: fileErrors.name })}</p>
          <ul>
            {fileErrors.lines.slice(0, 30).map((l, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list of text lines
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {lesson === null ? (
        !compact && (
          <p className="ls-intro" id={`${id}-title`}>
            {t('links.lesson.intro')}
          </p>
        )
      ) : (
        <div className="ls-lesson">
          <h2 className="ls-title" id={`${id}-title`}>
            {t('links.lesson.title', { n: lesson.number, title: textIn(lesson.title, lang) })}
          </h2>
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
        </div>
      )}
    </section>
  );
}

interface PauseCardViewProps {
  readonly card: PauseCard;
  readonly onPick: (pick: string) => void;
  readonly onContinue: () => void;
}

function PauseCardView({ card, onPick, onContinue }: PauseCardViewProps): ReactNode {
  const lang = useLang();
  const id = useId();
  const head = useRef<HTMLHeadingElement | null>(null);
  const next = useRef<HTMLButtonElement | null>(null);
  const { pause, picked, outcome } = card;
  // A question that appears takes the focus (so it is read out); after a pick, "Continue" does.
  const asking = useRef(picked === null);
  useEffect(() => {
    if (picked === null) head.current?.focus();
    else if (asking.current) next.current?.focus();
    asking.current = picked === null;
  }, [picked]);
  const right = picked !== null && picked === pause.answer;
  const answerText = textIn(
    pause.choices.find((c) => c.id === pause.answer)?.text ?? { en: '', zh: '' },
    lang,
  );
  const reveal = outcome === null ? [] : narrate(outcome.reveal.map(recordView), 12).lines;
  const revealSteps = outcome === null ? [] : outcome.reveal.map((r) => r.step);
  return (
    <section className="ls-card" aria-labelledby={`${id}-q`} data-testid="lesson-question">
      <h3 id={`${id}-q`} className="ls-card-q" tabIndex={-1} ref={head}>
        <span className="ls-card-tag">{t('links.lesson.predict')}</span> {textIn(pause.question, lang)}
      </h3>
      {picked === null ? (
        <>
          <ul className="ls-choices">
            {pause.choices.map((c) => (
              <li key={c.id}>
                <button type="button" className="btn ls-choice" onClick={() => onPick(c.id)}>
                  {textIn(c.text, lang)}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="ls-skip" onClick={() => onPick(SKIPPED)}>
            {t('links.lesson.skip')}
          </button>
        </>
      ) : (
        <div className="ls-answer" role="status">
          <p className={`ls-verdict ${picked === SKIPPED ? '' : right ? 'is-right' : 'is-wrong'}`}>
            {picked === SKIPPED
              ? t('links.lesson.skipped', { answer: answerText })
              : right
                ? `✓ ${t('links.lesson.right')}`
                : `✗ ${t('links.lesson.wrong', { answer: answerText })}`}
          </p>
          <p>{textIn(pause.explanation, lang)}</p>
          {reveal.length > 0 && (
            <>
              <p className="ls-reveal-head">{t('links.lesson.reveal')}</p>
              <ol className="ls-reveal">
                {reveal.map((l) => (
                  <li key={l.index}>
                    <span className="ls-reveal-step">
                      {t('links.lesson.revealStep', { step: revealSteps[l.index] ?? '' })}
                    </span>{' '}
                    {l.text}
                    {l.fn !== null && (
                      <>
                        {' '}
                        <code>{l.fn}</code>
                      </>
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
          <button ref={next} type="button" className="btn lnk-primary" onClick={onContinue}>
            {t('links.lesson.continue')}
          </button>
        </div>
      )}
    </section>
  );
}
