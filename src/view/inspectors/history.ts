/**
 * The workqueue charts' data: one point per frame shown, kept by the caller across frames with
 * `appendHistory`, and the pure chart geometry (d3-scale + d3-shape) the SVG draws.
 */
import { area, line, scaleLinear } from 'd3';
import type { Frame } from '../../engine/model/frame';

export interface HistoryPoint {
  readonly step: number;
  /** Virtual time, ms. */
  readonly time: number;
  /** Workqueue depth (items ready in the queue). */
  readonly depth: number;
  /** workqueue_retries_total so far. */
  readonly retries: number;
}

/**
 * Adds a frame's point to the history, keeping at most `max` points (the newest). Step order is kept:
 * a frame at or before the last point's step (step back, seek backwards, a fork) first drops the
 * points at or after it, so the chart always shows the steps leading to the frame on screen. Returns
 * the same array when the frame adds nothing new (safe for React state).
 */
export function appendHistory(
  history: readonly HistoryPoint[],
  frame: Pick<Frame, 'step' | 'time' | 'workqueue'>,
  max: number,
): readonly HistoryPoint[] {
  const cap = Math.max(0, Math.trunc(max));
  const p: HistoryPoint = {
    step: frame.step,
    time: frame.time,
    depth: frame.workqueue.metrics.depth,
    retries: frame.workqueue.metrics.retries,
  };
  const last = history[history.length - 1];
  if (
    last !== undefined &&
    last.step === p.step &&
    last.time === p.time &&
    last.depth === p.depth &&
    last.retries === p.retries &&
    history.length <= cap
  )
    return history;
  if (cap === 0) return history.length === 0 ? history : [];
  let keep = history.length;
  while (keep > 0 && history[keep - 1]!.step >= p.step) keep--;
  const from = Math.max(0, keep + 1 - cap);
  return [...history.slice(from, keep), p];
}

export interface ChartGeometry {
  /** SVG path of the line ('' with no points). */
  readonly line: string;
  /** SVG path of the filled area under the line ('' with no points). */
  readonly area: string;
  /** Largest value drawn (the y scale's top; at least 1). */
  readonly max: number;
}

/**
 * The sparkline of `values` in a `width` × `height` box: x by position (oldest left), y from 0 up to
 * the largest value (at least 1, so a flat zero line sits on the floor). One point draws a flat line.
 */
export function chartGeometry(values: readonly number[], width: number, height: number): ChartGeometry {
  const max = Math.max(1, ...values);
  if (values.length === 0) return { line: '', area: '', max };
  const n = values.length;
  const x = scaleLinear()
    .domain([0, Math.max(1, n - 1)])
    .range([0, width]);
  const y = scaleLinear().domain([0, max]).range([height, 0]);
  const pts: [number, number][] =
    n === 1
      ? [
          [0, y(values[0]!)],
          [width, y(values[0]!)],
        ]
      : values.map((v, i) => [x(i), y(v)]);
  const l = line()(pts) ?? '';
  const a =
    area()
      .y0(height)
      .y1((d) => d[1])(pts) ?? '';
  return { line: l, area: a, max };
}
