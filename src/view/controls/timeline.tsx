/**
 * The timeline scrubber: a native range input (role slider, aria-label "Timeline", keyboard-operable
 * with the arrows, Page Up/Down, Home and End) over steps 0..known, or over virtual time when the
 * "virtual time" toggle is pressed (then it calls onSeekTime). Dragging seeks continuously; the store's
 * newest-request-wins drops the stale answers. While the user drags, the thumb follows the pointer, not
 * the (lagging) frame. Marks for faults, relists, errors and interventions sit above the track, each
 * kind with its own shape and colour, a title, and a click that seeks to it.
 *
 * Rendering cost: the marks are placed (in % of their layer) against a reference maximum, and the layer's
 * width maps that to the real one, so while `known` grows at fast-forward a frame moves every mark with
 * one style write on the layer: no mark re-renders (MarksLayer is memoised) or restyles (a CSS variable
 * inherited by each mark restyled them all, measured 3.5 ms of a 20 ms frame), and the track's box is a
 * layout boundary (timeline.css).
 */
import { memo, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { Mark } from '../../engine/model/session';
import { t } from '../../i18n';
import { renderNarration } from '../../i18n/narration';
import { formatClock } from './format';
import { describeIntervention } from './intervention-kinds';
import { MarkGlyph } from './mark-shape';
import {
  MARK_KINDS,
  type MarkKind,
  placeMarks,
  type ScrubMode,
  timeDomainMax,
  timeStep,
} from './timeline-math';
import './controls.css';
import './timeline.css';

export interface TimelineProps {
  /** The step on screen (frame.step). */
  readonly step: number;
  /** Steps known so far: the slider's maximum in step mode. */
  readonly known: number;
  readonly ended: boolean;
  /** Virtual time of the step on screen, ms (frame.time). */
  readonly time: number;
  /**
   * Virtual time of the last known step, if the store has it; the time domain's end. Without it the
   * end is the latest time seen so far (current time, marks).
   */
  readonly knownTime?: number | null;
  readonly marks: readonly Mark[];
  readonly disabled?: boolean;
  readonly onSeek: (step: number) => void;
  readonly onSeekTime: (ms: number) => void;
  /** Initial scrub mode (the toggle then lives in the component). Default 'step'. */
  readonly defaultMode?: ScrubMode;
}

const MARK_TITLE_KEY: Readonly<Record<MarkKind, string>> = {
  fault: 'controls.mark.fault',
  relist: 'controls.mark.relist',
  error: 'controls.mark.error',
  intervention: 'controls.mark.intervention',
};

function markTitle(mark: Mark, count: number): string {
  const base = t('controls.mark.title', {
    kind: t(MARK_TITLE_KEY[mark.kind]),
    step: mark.step,
    time: formatClock(mark.time),
    label:
      mark.record !== undefined
        ? renderNarration(mark.record)
        : mark.action !== undefined
          ? describeIntervention(mark.action)
          : '',
  });
  return count > 1 ? t('controls.mark.titleMore', { title: base, more: count - 1 }) : base;
}

/** One mark per (kind, bucket), placed against `refMax`; the scaled layer around it maps it to the track. */
const MarksLayer = memo(function MarksLayer(props: {
  marks: readonly Mark[];
  mode: ScrubMode;
  refMax: number;
  disabled: boolean;
  onMark: (mark: Mark) => void;
}): ReactNode {
  const { mode, disabled, onMark } = props;
  return placeMarks(props.marks, { mode, max: props.refMax }).map((p) => (
    <button
      key={`${p.kind}:${p.mark.step}`}
      type="button"
      tabIndex={-1}
      aria-hidden="true"
      className={`ctl-mark ctl-mark-${p.kind}`}
      style={{ left: `${(p.x * 100).toFixed(3)}%` }}
      title={markTitle(p.mark, p.count)}
      disabled={disabled}
      onClick={() => onMark(p.mark)}
    >
      <MarkGlyph kind={p.kind} />
    </button>
  ));
});

/** While the domain grows, how far the marks' reference maximum runs ahead of it. */
const MARK_SLACK = 1.25;
/** How long the domain must hold still before the marks are placed against it exactly, ms. */
const MARK_SETTLE_MS = 250;

export function Timeline(props: TimelineProps): ReactNode {
  const { step, known, ended, time, marks, disabled = false } = props;
  const [mode, setMode] = useState<ScrubMode>(props.defaultMode ?? 'step');
  const [pending, setPending] = useState<number | null>(null);
  const dragging = useRef(false);
  const id = useId();

  // High-water mark of virtual time, for the time domain when knownTime is not given. A smaller
  // `known` means a new run or a fork: start again.
  const highWater = useRef({ known, time });
  if (known < highWater.current.known) highWater.current = { known, time };
  else highWater.current = { known, time: Math.max(highWater.current.time, time) };

  const maxTime = timeDomainMax(props.knownTime, time, highWater.current.time, marks);
  const max = mode === 'step' ? Math.max(0, known) : maxTime;
  const current = mode === 'step' ? step : time;
  const value = pending ?? current;

  // The frame caught up (or moved for another reason): show it, unless the user is still dragging.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the frame or mode moves
  useEffect(() => {
    if (!dragging.current) setPending(null);
  }, [current, mode]);

  // A seek that lands on the same frame produces no change above: let go after a short while.
  useEffect(() => {
    if (pending === null) return;
    const timer = setTimeout(() => {
      if (!dragging.current) setPending(null);
    }, 600);
    return () => clearTimeout(timer);
  }, [pending]);

  useEffect(() => {
    const release = (): void => {
      dragging.current = false;
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, []);

  const seek = (v: number): void => {
    setPending(v);
    if (mode === 'step') props.onSeek(v);
    else props.onSeekTime(v);
  };

  // The marks' reference maximum. Once the maximum has held still for MARK_SETTLE_MS it is the maximum
  // (marks sit and bucket exactly as against it); while it grows (fast-forward) it runs ahead of it by
  // MARK_SLACK and is taken again only when outgrown, and the marks' layer is stretched (its width) to the track
  // meanwhile. A change of mode, or a much smaller domain (a new run), takes it again at once. Settling on
  // a timer rather than on the next render with the same maximum: fast-forward shows several frames per
  // batch with one `known`, and settling on those flipped refMax (and re-rendered every mark) twice a batch.
  const [settled, setSettled] = useState(max);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(max), MARK_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [max]);
  const ref = useRef({ mode, refMax: max });
  const r = ref.current;
  let refMax = r.refMax;
  if (settled === max) refMax = max;
  else if (r.mode !== mode || max > r.refMax || max * MARK_SLACK * MARK_SLACK < r.refMax)
    refMax = max * MARK_SLACK;
  ref.current = { mode, refMax };
  const markScale = max > 0 ? refMax / max : 1;
  // A click on a mark seeks through the latest props and mode; the handler itself never changes.
  const latest = useRef({ props, mode });
  latest.current = { props, mode };
  const [onMark] = useState(() => (m: Mark) => {
    const { props: p, mode: md } = latest.current;
    if (md === 'step') p.onSeek(m.step);
    else p.onSeekTime(m.time);
  });
  const valueText =
    mode === 'step'
      ? t('controls.timeline.valueStep', { step: value, known, time: formatClock(time) })
      : t('controls.timeline.valueTime', { time: formatClock(value), step });
  const presentKinds = MARK_KINDS.filter((k) => marks.some((m) => m.kind === k));

  return (
    <div className="ctl-timeline">
      <div className="ctl-timeline-head">
        <label className="ctl-timeline-label" htmlFor={id}>
          {t('controls.timeline')}
        </label>
        <button
          type="button"
          className="ctl-button ctl-toggle"
          aria-pressed={mode === 'time'}
          onClick={() => setMode((m) => (m === 'step' ? 'time' : 'step'))}
          title={t('controls.timeline.modeHint')}
        >
          {t('controls.timeline.byTime')}
        </button>
      </div>
      <div className="ctl-track">
        <div className="ctl-marks">
          <div className="ctl-marks-scale" style={{ width: `${(markScale * 100).toFixed(3)}%` }}>
            <MarksLayer marks={marks} mode={mode} refMax={refMax} disabled={disabled} onMark={onMark} />
          </div>
        </div>
        <input
          id={id}
          type="range"
          className="ctl-range"
          aria-label={t('controls.timeline')}
          aria-valuenow={Math.min(value, max)}
          aria-valuetext={valueText}
          min={0}
          max={max}
          step={mode === 'step' ? 1 : timeStep(max)}
          value={Math.min(value, max)}
          disabled={disabled}
          onPointerDown={() => {
            dragging.current = true;
          }}
          onChange={(e) => seek(Number(e.currentTarget.value))}
          style={{ ['--fill' as string]: `${max > 0 ? (Math.min(value, max) / max) * 100 : 0}%` }}
        />
      </div>
      <div className="ctl-track-ends">
        <span aria-hidden="true">{mode === 'step' ? '0' : formatClock(0)}</span>
        {presentKinds.length > 0 && (
          <ul className="ctl-legend" aria-label={t('controls.timeline.legend')}>
            {presentKinds.map((k) => (
              <li key={k}>
                <MarkGlyph kind={k} />
                <span>{t(MARK_TITLE_KEY[k])}</span>
              </li>
            ))}
          </ul>
        )}
        <span aria-hidden="true">
          {mode === 'step' ? String(known) : formatClock(maxTime)}
          {ended ? '' : '…'}
        </span>
      </div>
    </div>
  );
}
