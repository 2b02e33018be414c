/**
 * Rate limiters of client-go's workqueue: models cg:util/workqueue/default_rate_limiters.go (v0.26) and,
 * for the bucket, the reservation arithmetic of golang.org/x/time/rate (the 2022 version client-go 0.26
 * pins).
 *
 * Rules: W10 ItemExponentialFailureRateLimiter, W11 ItemFastSlowRateLimiter, W12 BucketRateLimiter,
 * W13 MaxOfRateLimiter, W14 DefaultControllerRateLimiter.
 *
 * State is plain data (a closed union tagged by `type`); behaviour lives in `limiterStateWhen`,
 * `limiterStateForget` and `limiterStateNumRequeues`, which switch over it exhaustively.
 *
 * Simplifications:
 * - Durations are integer virtual milliseconds. Where Go would return a fractional millisecond (a bucket
 *   wait such as 1/3 s, or an exponential base below 1 ms) the result is truncated toward zero, as a
 *   conversion of a time.Duration to whole milliseconds would be.
 * - The bucket keeps Go's own units internally (tokens as float64, waits in nanoseconds) so its rounding
 *   matches x/time/rate; only the answer is turned into milliseconds.
 * - `WithMaxWaitRateLimiter` and `DefaultItemBasedRateLimiter` are not modelled (no scenario uses them;
 *   the latter is just `{ type: 'exponential', baseMs: 1, maxMs: 1_000_000 }`).
 */

/** A limiter configuration, as a scenario or a conformance script names it. */
export type LimiterSpec =
  | { type: 'default' } // W14: maxOf(exponential 5ms..1000s, bucket 10 qps burst 100)
  | { type: 'exponential'; baseMs: number; maxMs: number } // W10
  | { type: 'fastslow'; fastMs: number; slowMs: number; maxFast: number } // W11
  | { type: 'bucket'; qps: number; burst: number } // W12
  | { type: 'maxOf'; limiters: LimiterSpec[] }; // W13

/** W10 state: per-item failure counts. */
export interface ExponentialLimiterState {
  type: 'exponential';
  baseMs: number;
  maxMs: number;
  failures: Map<string, number>;
}

/** W11 state: per-item attempt counts. */
export interface FastSlowLimiterState {
  type: 'fastslow';
  fastMs: number;
  slowMs: number;
  maxFast: number;
  failures: Map<string, number>;
}

/** W12 state: one global token bucket (x/time/rate `Limiter`: limit, burst, tokens, last). */
export interface BucketLimiterState {
  type: 'bucket';
  qps: number;
  burst: number;
  /** Tokens left after the last reservation (float64 in Go; negative while reservations wait). */
  tokens: number;
  /** Virtual ms of the last reservation (`lim.last`). */
  lastMs: number;
}

/** W13 state: the children, asked in order. */
export interface MaxOfLimiterState {
  type: 'maxOf';
  limiters: LimiterState[];
}

export type LimiterState =
  | ExponentialLimiterState
  | FastSlowLimiterState
  | BucketLimiterState
  | MaxOfLimiterState;

/** `rate.InfDuration` (math.MaxInt64 ns) in whole ms: what `Reservation.Delay` answers when not ok. */
export const INF_DURATION_MS = 9_223_372_036_854;

/** W14: DefaultControllerRateLimiter = MaxOf(ItemExponential(5 ms, 1000 s), Bucket(10 qps, burst 100)). */
export const DEFAULT_CONTROLLER_RATE_LIMITER: LimiterSpec = {
  type: 'maxOf',
  limiters: [
    { type: 'exponential', baseMs: 5, maxMs: 1_000_000 },
    { type: 'bucket', qps: 10, burst: 100 },
  ],
};

/**
 * Builds the limiter state for a spec. `now` is the creation instant: the bucket starts **full** (W12;
 * x/time/rate's zero `last` makes the first advance fill it, which is what `tokens = burst` at `now` is).
 */
export function newLimiterState(spec: LimiterSpec, now: number): LimiterState {
  switch (spec.type) {
    case 'default':
      return newLimiterState(DEFAULT_CONTROLLER_RATE_LIMITER, now);
    case 'exponential':
      return { type: 'exponential', baseMs: spec.baseMs, maxMs: spec.maxMs, failures: new Map() };
    case 'fastslow':
      return {
        type: 'fastslow',
        fastMs: spec.fastMs,
        slowMs: spec.slowMs,
        maxFast: spec.maxFast,
        failures: new Map(),
      };
    case 'bucket':
      if (!(spec.qps > 0)) throw new Error(`bucket rate limiter needs qps > 0, got ${spec.qps}`);
      return { type: 'bucket', qps: spec.qps, burst: spec.burst, tokens: spec.burst, lastMs: now };
    case 'maxOf':
      return { type: 'maxOf', limiters: spec.limiters.map((s) => newLimiterState(s, now)) };
  }
}

/**
 * `When(item)`: how long to wait before re-adding `item`, in whole ms. Records a failure (W10, W11), or
 * consumes a token (W12), or both for every child of a MaxOf (W13). `now` matters only to the bucket.
 */
export function limiterStateWhen(l: LimiterState, item: string, now: number): number {
  switch (l.type) {
    case 'exponential':
      return exponentialWhen(l, item);
    case 'fastslow': {
      // W11: increments first, then compares.
      const attempts = (l.failures.get(item) ?? 0) + 1;
      l.failures.set(item, attempts);
      return attempts <= l.maxFast ? l.fastMs : l.slowMs;
    }
    case 'bucket':
      return bucketReserve(l, now);
    case 'maxOf': {
      // W13: every child is asked (so every child records the failure); the largest answer wins.
      let max = 0;
      for (const child of l.limiters) {
        const d = limiterStateWhen(child, item, now);
        if (d > max) max = d;
      }
      return max;
    }
  }
}

/** `Forget(item)`: clears the item's failure history (the bucket ignores it). */
export function limiterStateForget(l: LimiterState, item: string): void {
  switch (l.type) {
    case 'exponential':
    case 'fastslow':
      l.failures.delete(item);
      return;
    case 'bucket':
      return;
    case 'maxOf':
      for (const child of l.limiters) limiterStateForget(child, item);
      return;
  }
}

/** `NumRequeues(item)`: failures recorded for the item (the bucket always says 0; MaxOf the max). */
export function limiterStateNumRequeues(l: LimiterState, item: string): number {
  switch (l.type) {
    case 'exponential':
    case 'fastslow':
      return l.failures.get(item) ?? 0;
    case 'bucket':
      return 0;
    case 'maxOf': {
      let max = 0;
      for (const child of l.limiters) {
        const n = limiterStateNumRequeues(child, item);
        if (n > max) max = n;
      }
      return max;
    }
  }
}

/**
 * The items whose `NumRequeues` is above 0, added to `out`: the keys of the failure maps (an entry is
 * made at the first failure with 1 and removed by Forget, so none holds 0); the bucket tracks none.
 */
export function limiterStateRequeued(l: LimiterState, out: Set<string>): void {
  switch (l.type) {
    case 'exponential':
    case 'fastslow':
      for (const item of l.failures.keys()) out.add(item);
      return;
    case 'bucket':
      return;
    case 'maxOf':
      for (const child of l.limiters) limiterStateRequeued(child, out);
      return;
  }
}

/**
 * W10: delay = base × 2^(failures so far), then failures+1. Go computes the product in float64
 * nanoseconds, returns max when it exceeds MaxInt64 (overflow guard) and caps at max. Here the product
 * is float64 milliseconds; `!(backoff <= maxMs)` also catches +Infinity for very large exponents. With
 * an integer base every power of two up to the cap is exact, so 5 ms gives 5, 10, …, 655 360, then the
 * max. The failure count keeps growing after the cap, as in Go.
 */
function exponentialWhen(l: ExponentialLimiterState, item: string): number {
  const exp = l.failures.get(item) ?? 0;
  l.failures.set(item, exp + 1);
  const backoff = l.baseMs * 2 ** exp;
  if (!(backoff <= l.maxMs)) return l.maxMs;
  return Math.trunc(backoff); // time.Duration(backoff): truncation toward zero
}

/** x/time/rate `durationFromTokens`: time.Duration(1e9 * tokens/limit), truncated to whole ns. */
function durationNsFromTokens(qps: number, tokens: number): number {
  return Math.trunc(1e9 * (tokens / qps));
}

/** x/time/rate `tokensFromDuration`, with its split into whole seconds and the rest. */
function tokensFromDurationNs(qps: number, ns: number): number {
  const sec = Math.floor(ns / 1e9) * qps;
  const nsec = (ns % 1e9) * qps;
  return sec + nsec / 1e9;
}

/**
 * W12: `BucketRateLimiter.When` = `limiter.Reserve().Delay()` on virtual time. `advance` refills the
 * tokens for the time since `last` (elapsed capped at the time to fill the bucket, then tokens capped at
 * burst), one token is taken, and a negative balance is the wait. Every call reserves, even if the item
 * later dedups. With burst < 1 the reservation is not ok: nothing is taken and Delay is InfDuration.
 */
function bucketReserve(l: BucketLimiterState, now: number): number {
  if (l.qps === Number.POSITIVE_INFINITY) return 0; // rate.Inf: every reservation is immediate
  // advance(now): a clock before `last` counts as no time passed.
  const last = Math.min(now, l.lastMs);
  const maxElapsedNs = durationNsFromTokens(l.qps, l.burst - l.tokens);
  let elapsedNs = (now - last) * 1e6;
  if (elapsedNs > maxElapsedNs) elapsedNs = maxElapsedNs;
  let tokens = l.tokens + tokensFromDurationNs(l.qps, elapsedNs);
  if (tokens > l.burst) tokens = l.burst;
  if (l.burst < 1) {
    l.lastMs = last;
    return INF_DURATION_MS;
  }
  tokens -= 1;
  const waitNs = tokens < 0 ? durationNsFromTokens(l.qps, -tokens) : 0;
  l.lastMs = now;
  l.tokens = tokens;
  // Delay() = timeToAct − now = waitNs; whole ms, truncated toward zero.
  return Math.trunc(waitNs / 1e6);
}
