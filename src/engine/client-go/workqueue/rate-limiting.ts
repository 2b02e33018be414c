/**
 * The rate-limiting queue: models cg:util/workqueue/rate_limiting_queue.go (v0.26) — AddRateLimited,
 * Forget, NumRequeues on top of the delaying queue — plus direct access to the limiter's `When`.
 *
 * Rules: W9 (AddRateLimited = AddAfter(item, When(item)); Forget only clears the limiter's history, it
 * does not touch the queue; NumRequeues asks the limiter). Limiters: see rate-limiters.ts (W10–W14).
 *
 * A queue built with `limiter: null` is a plain delaying queue: these functions throw
 * `Error('no rate limiter')` for it (in Go the type simply has no such methods).
 *
 * Simplifications: the limiter's clock is the `now` passed in. `wqAddRateLimited` accepts a separate
 * `limiterNow` for the conformance harness, which must hold the token bucket at the script's start while
 * the queue's fake clock moves (conformance/README.md); the simulation passes nothing and both are `now`.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): W9_FORGET.
 */
import { RULES } from '../../rules';
import { type AddAfterResult, wqAddAfter } from './delaying';
import type { WorkqueueState } from './queue';
import {
  type LimiterState,
  limiterStateForget,
  limiterStateNumRequeues,
  limiterStateRequeued,
  limiterStateWhen,
} from './rate-limiters';

function limiterOf(q: WorkqueueState): LimiterState {
  if (q.limiter === null) throw new Error('no rate limiter');
  return q.limiter;
}

/**
 * W9 `AddRateLimited(item)`: asks the limiter's When (recording the failure / taking a token even if the
 * queue is shutting down or the item later dedups), then AddAfter with that delay.
 */
export function wqAddRateLimited(
  q: WorkqueueState,
  item: string,
  now: number,
  limiterNow: number = now,
): { delayMs: number; result: AddAfterResult } {
  const delayMs = limiterStateWhen(limiterOf(q), item, limiterNow);
  const result = wqAddAfter(q, item, delayMs, now);
  return { delayMs, result };
}

/** W9 `Forget(item)`: the limiter stops tracking the item; the queue is untouched. */
export function wqForget(q: WorkqueueState, item: string): void {
  const l = limiterOf(q);
  if (RULES.W9_FORGET) limiterStateForget(l, item); // the switch: tests only (src/engine/rules.ts)
}

/** The items with `NumRequeues(item)` > 0 (any order): what the frame lists, without asking every key. */
export function wqRequeued(q: WorkqueueState): Set<string> {
  const out = new Set<string>();
  limiterStateRequeued(limiterOf(q), out);
  return out;
}

/** W9 `NumRequeues(item)`: the failures the limiter has recorded for the item. */
export function wqNumRequeues(q: WorkqueueState, item: string): number {
  return limiterStateNumRequeues(limiterOf(q), item);
}

/** The limiter's `When(item)` asked directly, in whole ms (records a failure like any When). */
export function limiterWhen(q: WorkqueueState, item: string, now: number): number {
  return limiterStateWhen(limiterOf(q), item, now);
}
