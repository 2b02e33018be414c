/**
 * The one transport of the compare view: it drives the compare store, which moves both sides. Play /
 * pause, step back / forward, speed (COMPARE_SPEEDS), the alignment (virtual time or step), a scrubber
 * over the common position with a mark at every difference found, "Previous difference" / "Next
 * difference", the current difference's generated summary and the search status, and "Share
 * comparison". The controls are named as the main page's ("Play", "Pause", "Speed", "Timeline").
 */
import { memo, type ReactNode, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Difference } from '../../compare/types';
import { ALIGN_MODES } from '../../compare/types';
import { t } from '../../i18n';
import { useLang } from '../../i18n/react';
import { COMPARE_SPEEDS, type CompareState } from '../../store/compare/types';
import type { SimState } from '../../store/types';
import { formatClock } from '../controls/format';
import { Icon } from '../controls/icons';
import { speedLabel } from '../controls/speed';
import { StepButtons } from '../controls/transport';
import { useCompare, useCompareStoreApi } from './compare-context';
import { CompareShareButton } from './compare-share';
import { DifferenceSummaryView } from './difference-summary';
import { useSideSelector, useSideView } from './use-side-view';
import {
  along,
  differencePosition,
  differenceTitle,
  parseCompareSpeed,
  scrubMax,
  statusText,
} from './view-model';

const selectTransport = (s: CompareState) => ({
  align: s.align,
  position: s.position,
  playing: s.playing,
  speed: s.speed,
  ready: s.setup !== null,
  failedBoth: s.failed.length === 2,
});

const selectSearch = (s: CompareState) => s.search;

/** A side is at its start (nothing before it) or at its end. */
const selectEdges = (s: SimState) => ({
  atStart: (s.frame?.step ?? 0) <= 0,
  atEnd: s.ended && (s.frame?.step ?? 0) >= s.known,
  loaded: s.frame !== null && s.fatal === null,
});

export const CompareTransport = memo(function CompareTransport({
  compact = false,
}: {
  /** Embed mode: no share button, a shorter status. */
  readonly compact?: boolean;
}): ReactNode {
  useLang();
  const id = useId();
  const api = useCompareStoreApi();
  const view = useCompare(useShallow(selectTransport));
  const search = useCompare(selectSearch);
  const left = useSideView('left');
  const right = useSideView('right');
  const leftEdges = useSideEdges('left');
  const rightEdges = useSideEdges('right');
  const highWater = useRef(0);
  const s = api.getState();
  const loaded = view.ready && (leftEdges.loaded || rightEdges.loaded);
  const atStart = (!leftEdges.loaded || leftEdges.atStart) && (!rightEdges.loaded || rightEdges.atStart);
  const atEnd = (!leftEdges.loaded || leftEdges.atEnd) && (!rightEdges.loaded || rightEdges.atEnd);
  const max = scrubMax(view.align, view.position, left, right, search.differences, highWater.current);
  if (view.align === 'time') highWater.current = max;
  const current = search.current === null ? undefined : search.differences[search.current];
  const busy = search.status === 'searching';
  const complete = search.status === 'complete';
  const lastShown = search.current !== null && search.current >= search.differences.length - 1;

  return (
    <section className="cmp-transport" aria-label={t('compare.transport')} data-testid="compare-transport">
      <div className="cmp-transport-row">
        <fieldset className="cmp-group">
          <legend className="visually-hidden">{t('compare.transport.hint')}</legend>
          <button
            type="button"
            className="ctl-button ctl-primary"
            onClick={s.togglePlay}
            disabled={!loaded || (!view.playing && atEnd)}
            aria-label={view.playing ? t('controls.pause') : t('controls.play')}
            aria-keyshortcuts="Space"
            title={view.playing ? t('controls.pause.hint') : t('controls.play.hint')}
          >
            <Icon name={view.playing ? 'pause' : 'play'} />
            <span aria-hidden="true">{view.playing ? t('controls.pause') : t('controls.play')}</span>
          </button>
          <StepButtons
            onBack={() => void s.stepBack()}
            onForward={() => void s.stepForward()}
            backDisabled={!loaded || atStart}
            forwardDisabled={!loaded || atEnd}
          />
          <span className="ctl-field ctl-speed">
            <label htmlFor={`${id}-speed`} className="ctl-field-label">
              {t('controls.speed')}
            </label>
            <select
              id={`${id}-speed`}
              className="ctl-select"
              value={String(view.speed)}
              disabled={!loaded}
              onChange={(e) => {
                const sp = parseCompareSpeed(e.currentTarget.value);
                if (sp !== null) s.setSpeed(sp);
              }}
            >
              {COMPARE_SPEEDS.map((sp) => (
                <option key={sp} value={String(sp)}>
                  {speedLabel(sp)}
                </option>
              ))}
            </select>
          </span>
        </fieldset>
        <fieldset className="cmp-group cmp-align">
          <legend className="cmp-align-legend">{t('compare.align')}</legend>
          {ALIGN_MODES.map((mode) => (
            <label
              key={mode}
              className={view.align === mode ? 'cmp-seg is-on' : 'cmp-seg'}
              title={t(`compare.align.${mode}.hint`)}
            >
              <input
                type="radio"
                name={`${id}-align`}
                value={mode}
                checked={view.align === mode}
                disabled={!loaded}
                onChange={() => void s.setAlign(mode)}
              />
              {t(`compare.align.${mode}`)}
            </label>
          ))}
        </fieldset>
        <span className="cmp-readout" aria-live="off">
          {view.align === 'time'
            ? t('compare.position.time', { time: formatClock(view.position) })
            : t('compare.position.step', { step: view.position })}
        </span>
        <fieldset className="cmp-group">
          <legend className="visually-hidden">{t('compare.diff.list')}</legend>
          <button
            type="button"
            className="ctl-button"
            onClick={() => void s.previousDifference()}
            disabled={
              !loaded ||
              busy ||
              search.differences.length === 0 ||
              (search.current !== null && search.current <= 0)
            }
            title={t('compare.previous.hint')}
          >
            <Icon name="step-back" />
            <span>{t('compare.previous')}</span>
          </button>
          <button
            type="button"
            className="ctl-button ctl-primary"
            onClick={() => void s.nextDifference()}
            disabled={
              !loaded ||
              busy ||
              // Complete: nothing after the last one. At the frontier another search may go further.
              (complete && (lastShown || search.differences.length === 0))
            }
            title={t('compare.next.hint')}
          >
            <span>{t('compare.next')}</span>
            <Icon name="next-event" />
          </button>
        </fieldset>
        {!compact && <CompareShareButton disabled={!loaded} />}
      </div>
      <Scrubber
        align={view.align}
        position={view.position}
        max={max}
        differences={search.differences}
        current={search.current}
        disabled={!loaded}
        onSeek={(p) => void s.seek(p)}
        onShow={(i) => void s.showDifference(i)}
      />
      <div className="cmp-diff-row">
        <DifferenceSummaryView
          difference={current}
          index={search.current}
          total={search.differences.length}
          complete={complete}
        />
        <p className={`cmp-status is-${search.status}`} role="status" data-testid="compare-status">
          {statusText(search)}
        </p>
      </div>
    </section>
  );
});

function useSideEdges(side: 'left' | 'right'): ReturnType<typeof selectEdges> {
  return useSideSelector(side, selectEdges);
}

interface ScrubberProps {
  readonly align: CompareState['align'];
  readonly position: number;
  readonly max: number;
  readonly differences: readonly Difference[];
  readonly current: number | null;
  readonly disabled: boolean;
  readonly onSeek: (position: number) => void;
  readonly onShow: (index: number) => void;
}

/** The common position's slider, with a mark per difference (a pointer shortcut; "Next difference" reaches them too). */
function Scrubber(p: ScrubberProps): ReactNode {
  const stepSize = p.align === 'time' ? Math.max(1, Math.round(p.max / 400)) : 1;
  return (
    <div className="cmp-scrub">
      <div className="cmp-scrub-marks" aria-hidden="true">
        {p.differences.map((d, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; its order is its identity
            key={i}
            type="button"
            tabIndex={-1}
            className={i === p.current ? 'cmp-mark is-current' : 'cmp-mark'}
            style={{ left: `${along(differencePosition(d, p.align), p.max) * 100}%` }}
            title={differenceTitle(d, i)}
            disabled={p.disabled}
            onClick={() => p.onShow(i)}
          />
        ))}
      </div>
      <input
        type="range"
        className="cmp-slider"
        aria-label={t('compare.timeline')}
        aria-valuetext={
          p.align === 'time'
            ? t('compare.position.time', { time: formatClock(p.position) })
            : t('compare.position.step', { step: p.position })
        }
        min={0}
        max={p.max}
        step={stepSize}
        value={Math.min(p.position, p.max)}
        disabled={p.disabled}
        onChange={(e) => p.onSeek(Number(e.currentTarget.value))}
      />
    </div>
  );
}
