/**
 * When a paced inspector shows the newest frame (deferred.tsx): the decisions alone, with time passed in,
 * so they are tested without timers or a DOM (pacing.test.ts). The hook keeps a PaceState per inspector,
 * calls `paceFrame` for each new frame, arms a timer for each due time it returns, and calls `paceFlush`
 * when one fires (or when the inspectors come on screen while a frame is waiting).
 *
 * - On screen: a frame after a quiet moment (no frame for quietMs) is shown at once (stepping shows at
 *   once); while frames keep coming, the newest is shown when they stop for quietMs, and at least every
 *   maxWaitMs meanwhile (fast-forward and drags show progress).
 * - Off screen (below the fold): only when frames stop for quietMs. Nobody sees the leading frame or the
 *   periodic catch-up there, and each costs a render, layout and paint of tables a fast-forward frame
 *   cannot afford. Scrolled into view while a frame waits, the newest is shown at once.
 */
export const PACING = { quietMs: 150, maxWaitMs: 1000 } as const;

export interface PaceState {
  /** When the newest frame was last shown (−∞ before the first). */
  readonly shownAt: number;
  /** When the trailing show is due (frames stopped for quietMs), or null: no frame waits. */
  readonly quietDue: number | null;
  /** When the periodic show is due, or null. */
  readonly maxDue: number | null;
}

export const PACE_START: PaceState = { shownAt: Number.NEGATIVE_INFINITY, quietDue: null, maxDue: null };

/** A decision: the next state, and whether to show the newest frame now. */
export interface PaceStep {
  readonly state: PaceState;
  readonly show: boolean;
}

/** The newest frame is shown now: nothing waits any more. */
export function paceFlush(now: number): PaceState {
  return { shownAt: now, quietDue: null, maxDue: null };
}

/** A new frame came at `now`. */
export function paceFrame(s: PaceState, now: number, onScreen: boolean): PaceStep {
  const quiet = s.quietDue === null && now - s.shownAt >= PACING.quietMs;
  if (quiet && onScreen) return { state: paceFlush(now), show: true };
  const maxDue = s.maxDue ?? (onScreen ? Math.max(now, s.shownAt + PACING.maxWaitMs) : null);
  return { state: { shownAt: s.shownAt, quietDue: now + PACING.quietMs, maxDue }, show: false };
}

/** The inspectors came on screen (or left it) at `now`. */
export function paceVisibility(s: PaceState, now: number, onScreen: boolean): PaceStep {
  if (onScreen && s.quietDue !== null) return { state: paceFlush(now), show: true };
  return { state: s, show: false };
}
