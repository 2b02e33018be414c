/**
 * The narration panel: the current step in plain language. A header with the step number and the
 * virtual clock, the client-go functions at work, then one line per trace record: the arrow it
 * travelled, where it happened, the English sentence and the function as code. The container is a
 * polite live region, so screen readers hear each new step without losing their place.
 */
import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
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

/**
 * While fast-forwarding, how often the narration shows the newest step, ms. Its lines and the
 * step number in its header change together, so it always says which step it narrates.
 */
export const NARRATION_PACE_MS = 250;

/**
 * The narration for a page that may fast-forward: while it is not live (playing faster than a step a
 * second: the page turns the live region off), it shows the newest step at most every NARRATION_PACE_MS
 * (the figure still shows every frame); otherwise every step at once. Fifty steps a second cannot be
 * read, and re-creating up to 40 lines of text on every frame cost a fast-forward frame several ms of
 * render, layout and paint (docs/PERFORMANCE.md).
 */
export function PacedNarrationPanel(props: NarrationPanelProps): ReactNode {
  const { records, frame, ...rest } = props;
  const paced = props.live === false;
  const value = { records, frame };
  // What a paced panel shows: the step on screen when pacing began, then the newest every
  // NARRATION_PACE_MS (a ref, so that the first paced frame does not show one from an earlier run).
  const shown = useRef(value);
  if (!paced) shown.current = value;
  const [, redraw] = useState(0);
  const last = useRef(Number.NEGATIVE_INFINITY);
  const latest = useRef(value);
  latest.current = value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new frame is the trigger; its value is read through `latest`.
  useEffect(() => {
    if (!paced) return;
    const wait = last.current + NARRATION_PACE_MS - performance.now();
    const show = (): void => {
      last.current = performance.now();
      shown.current = latest.current;
      redraw((n) => n + 1);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [paced, frame]);
  const v = paced ? shown.current : value;
  return <NarrationPanel {...rest} records={v.records} frame={v.frame} />;
}

export const NarrationPanel = memo(function NarrationPanel({
  records,
  frame,
  live = true,
  maxLines,
}: NarrationPanelProps): ReactNode {
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
});
