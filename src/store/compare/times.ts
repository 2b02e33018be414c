/**
 * Step times of one side, read from its trace windows (protocol `trace`: the cursor does not move; steps
 * ahead are computed on a private world). Every step emits at least one record and all its records carry
 * the step's virtual time; times never decrease from step to step. Used by the compare transport aligned
 * by time: "the next distinct time at which either side has a step" is the smaller of the two sides'
 * next step times after the position, "the previous one" the larger of their last step times before it.
 */
import type { SimState } from '../types';

/** The first window's steps; each further window doubles, up to MAX_WINDOW. */
const FIRST_WINDOW = 32;
const MAX_WINDOW = 8_192;

type Side = Pick<SimState, 'cursor' | 'frame' | 'fetchTrace'>;

/**
 * The time of the first step after the side's cursor (or the cursor's own, when it lies after `pos`)
 * whose time is > pos; null when the run ends first, a window fails, or `maxSteps` were read without
 * finding one (many steps at one instant).
 */
export async function nextTimeAfter(s: Side, pos: number, maxSteps: number): Promise<number | null> {
  if (s.cursor > 0 && s.frame !== null && s.frame.time > pos) return s.frame.time;
  let from = s.cursor + 1;
  let size = FIRST_WINDOW;
  let read = 0;
  while (read < maxSteps) {
    const to = from + Math.min(size, maxSteps - read) - 1;
    const w = await s.fetchTrace(from, to);
    if (w === null || w.to < from) return null;
    for (const x of w.records) if (x.time > pos) return x.time;
    if (!w.truncated && w.to < to) return null; // the run ended
    read += w.to - from + 1;
    from = w.to + 1;
    size = Math.min(MAX_WINDOW, size * 2);
  }
  return null;
}

/**
 * The largest time < pos among the side's steps 1..cursor; null when none has one (or a window failed):
 * only step 0, before the first step, lies before pos.
 */
export async function lastTimeBefore(s: Side, pos: number): Promise<number | null> {
  if (s.cursor === 0 || s.frame === null) return null;
  // Steps before the cursor have times ≤ the cursor's.
  if (s.frame.time < pos) return s.frame.time;
  let to = s.cursor - 1;
  let size = FIRST_WINDOW;
  while (to >= 1) {
    const from = Math.max(1, to - size + 1);
    let best: number | null = null;
    // Read [from, to] whole (a window may be cut short by the record cap): times never decrease, so the
    // largest time < pos is in its last steps.
    for (let f = from; f <= to; ) {
      const w = await s.fetchTrace(f, to);
      if (w === null) return null;
      for (const x of w.records) if (x.time < pos && (best === null || x.time > best)) best = x.time;
      if (w.to < f) break;
      f = w.to + 1;
    }
    if (best !== null) return best;
    to = from - 1;
    size = Math.min(MAX_WINDOW, size * 2);
  }
  return null;
}
