/**
 * The modern reflector's one backoff: apimachinery v0.36.3 `wait.Backoff{800ms, ×2, jitter 1.0, cap 30s,
 * Steps 38}.DelayWithReset(clock, 2min)` (cg@36:tools/cache/reflector.go NewReflectorWithOptions;
 * am@36:pkg/util/wait/backoff.go `backoffManager.Step`, `delay`).
 *
 * Rule R2 as the spec states it: the sequence restarts from 800 ms when more than 2 minutes have passed
 * since the *last reset* (the manager's creation counts as one), not since the previous backoff as in
 * v0.26 (backoff.ts, the classic mode's). Each step: the base d is jittered to a uniform value in [d, 2d),
 * then doubles for the next step until it would pass the 30 s cap, where it stays (Steps drops to 0 and
 * the base no longer changes): [0.8,1.6) s, [1.6,3.2) s, ..., [25.6,51.2) s, then [30,60) s forever.
 *
 * One manager serves every wait of a v0.36.3 reflector (R1's sleep before a relist, R14's retries of a
 * refused or 429 watch, R21's retries of a refused or 429 watch-list request): v0.26's separate
 * initConnBackoffManager is gone.
 */
import { nextFloat, type RngState } from '../kernel/prng';
import { BACKOFF_CAP_MS, BACKOFF_INITIAL_MS, BACKOFF_RESET_MS } from './backoff';

/** ceil(30 s / 800 ms): the reflector's Steps. */
export const BACKOFF_STEPS = Math.ceil(BACKOFF_CAP_MS / BACKOFF_INITIAL_MS);

export interface BackoffWithResetState {
  /** The base of the next step, ms. */
  durationMs: number;
  /** Steps left before the base stops changing. */
  steps: number;
  /** Virtual time of the last reset (initially the manager's creation). */
  lastStart: number;
}

export function newBackoffWithReset(now: number): BackoffWithResetState {
  return { durationMs: BACKOFF_INITIAL_MS, steps: BACKOFF_STEPS, lastStart: now };
}

/** backoffManager.Step: the delay to sleep now, whole ms (Go's Duration truncates). Mutates the state. */
export function nextDelayWithReset(b: BackoffWithResetState, now: number, rng: RngState): number {
  if (now - b.lastStart > BACKOFF_RESET_MS) {
    b.durationMs = BACKOFF_INITIAL_MS;
    b.steps = BACKOFF_STEPS;
    b.lastStart = now;
  }
  const base = b.durationMs;
  if (b.steps >= 1) {
    b.steps--;
    let next = base * 2;
    if (next > BACKOFF_CAP_MS) {
      next = BACKOFF_CAP_MS;
      b.steps = 0;
    }
    b.durationMs = next;
  }
  // wait.Jitter(d, 1.0) = d + rand.Float64()*d
  return Math.floor(base + nextFloat(rng) * base);
}
