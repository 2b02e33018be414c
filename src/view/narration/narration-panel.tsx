/**
 * The narration panel: the current step in plain language. A header with the step number and the
 * virtual clock, the client-go functions at work, then one line per trace record: the arrow it
 * travelled, where it happened, the English sentence and the function as code. The container is a
 * polite live region, so screen readers hear each new step without losing their place.
 */
import type { ReactNode } from 'react';
import type { Frame, RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { formatClock, formatCount } from '../inspectors/format';
import { KindLabel } from '../inspectors/parts';
import { functionsAtWork, narrate } from './narration';
import './narration.css';

export interface NarrationPanelProps {
  readonly records: readonly RecordView[];
  readonly frame: Pick<Frame, 'step' | 'time'>;
  /** aria-live="polite" when true (the default); the caller may pass false while fast-forwarding. */
  readonly live?: boolean;
  /** Lines shown before "and N more records" (default 40). */
  readonly maxLines?: number;
}

/** "7) Enqueue Object Key", "write", ...: the arrow a record travelled, as text. */
export function arrowLabel(arrow: RecordView['arrow']): string {
  return t(`inspectors.arrow.${arrow}`);
}

export function NarrationPanel({ records, frame, live = true, maxLines }: NarrationPanelProps): ReactNode {
  const { lines, hidden } = narrate(records, maxLines);
  const fns = functionsAtWork(records);
  return (
    <section
      className="narr"
      aria-live={live ? 'polite' : 'off'}
      aria-label={t('inspectors.narration.title')}
      data-testid="narration"
    >
      <header className="narr-head">
        <h2 className="narr-step">{t('inspectors.narration.step', { step: formatCount(frame.step) })}</h2>
        <span className="narr-clock">
          {t('inspectors.narration.clock', { time: formatClock(frame.time) })}
        </span>
      </header>
      {records.length === 0 ? (
        <p className="narr-empty">
          {frame.step === 0 ? t('inspectors.narration.start') : t('inspectors.narration.nothing')}
        </p>
      ) : (
        <>
          {fns.length > 0 && (
            <p className="narr-fns">
              <span className="narr-fns-label">{t('inspectors.narration.atWork')}</span>{' '}
              {fns.map((fn, i) => (
                <span key={fn}>
                  {i > 0 && ', '}
                  <code>{fn}</code>
                </span>
              ))}
            </p>
          )}
          <ol className="narr-lines">
            {lines.map((l) => (
              <li
                key={l.index}
                className={`narr-line${l.error ? ' is-error' : ''}${l.tombstone ? ' is-tombstone' : ''}`}
              >
                <span className={`narr-arrow arrow-${typeof l.arrow === 'number' ? 'n' : l.arrow}`}>
                  {arrowLabel(l.arrow)}
                </span>
                <span className="narr-where">
                  {l.lane !== null && <KindLabel kind={l.lane} short />}
                  {l.where}
                </span>
                <span className="narr-text">
                  {l.error && <span className="narr-flag">{t('inspectors.narration.error')} </span>}
                  {l.tombstone && <span className="narr-flag">DeletedFinalStateUnknown </span>}
                  {l.text}
                </span>
                {l.fn !== null && <code className="narr-fn">{l.fn}</code>}
              </li>
            ))}
          </ol>
          {hidden > 0 && (
            <p className="narr-more">{t('inspectors.narration.more', { count: formatCount(hidden) })}</p>
          )}
        </>
      )}
    </section>
  );
}
