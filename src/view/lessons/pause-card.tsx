/**
 * A lesson's pause card (pause and predict): the question and its choices; after a pick, the verdict,
 * the explanation and the records of the next steps that answer it, taken from the trace of the run.
 * Part of the lesson player, loaded on demand with it.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { recordView } from '../../engine/model/views';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { narrate } from '../narration/narration';
import { type PauseCard, SKIPPED, textIn } from './player-logic';

export interface PauseCardViewProps {
  readonly card: PauseCard;
  readonly onPick: (pick: string) => void;
  readonly onContinue: () => void;
}

export function PauseCardView({ card, onPick, onContinue }: PauseCardViewProps): ReactNode {
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
