/**
 * The reflector's exponential backoff manager, as in apimachinery v0.26
 * `wait.NewExponentialBackoffManager(800ms, 30s, 2min, 2.0, 1.0, clock)` (spec R2).
 *
 * Era A detail (v0.26 `exponentialBackoffManagerImpl.getNextBackoff`): the sequence restarts from 800 ms
 * when more than 2 minutes have passed since the *previous backoff* (lastBackoffStart is updated on every
 * call). The spec's R2 describes the newer DelayFunc, which measures from the last reset; the 1.26 code is
 * what we model. `Backoff.Step`: the base doubles up to the 30 s cap (then Steps = 0 and the base stays
 * 30 s), and jitter 1.0 turns a base d into a uniform value in [d, 2d): [0.8,1.6) s, [1.6,3.2) s, ...,
 * [25.6,51.2) s, then [30,60) s forever.
 */
import { nextFloat, type RngState } from '../kernel/prng';

export const BACKOFF_INITIAL_MS = 800;
export const BACKOFF_CAP_MS = 30_000;
export const BACKOFF_RESET_MS = 120_000;

export interface BackoffState {
  /** Current base duration, ms. */
  durationMs: number;
  /** Virtual time of the previous backoff (initially the manager's creation time). */
  lastBackoffStart: number;
}

export function newBackoff(now: number): BackoffState {
  return { durationMs: BACKOFF_INITIAL_MS, lastBackoffStart: now };
}

/** getNextBackoff: the delay to sleep now, in whole ms (Go's Duration truncates). Mutates the state. */
export function nextBackoffDelay(b: BackoffState, now: number, rng: RngState): number {
  if (now - b.lastBackoffStart > BACKOFF_RESET_MS) b.durationMs = BACKOFF_INITIAL_MS;
  b.lastBackoffStart = now;
  const base = b.durationMs;
  b.durationMs = Math.min(base * 2, BACKOFF_CAP_MS);
  // wait.Jitter(d, 1.0) = d + rand.Float64()*d
  return Math.floor(base + nextFloat(rng) * base);
}
