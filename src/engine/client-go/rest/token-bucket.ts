/**
 * The REST client's rate limiter (spec K2): client-go's `flowcontrol.NewTokenBucketRateLimiter(qps, burst)`
 * (cg@26:util/flowcontrol/throttle.go), a golang.org/x/time/rate `Limiter` whose `Wait` reserves one
 * token and sleeps until the reservation's time to act.
 *
 * The bucket **starts full** (`burst` tokens at creation) and refills at `qps` tokens per second up to
 * `burst`. A reservation takes a token at once; when none is left the balance goes negative and the
 * caller waits until the refill has paid it back, so waiting callers leave in the order they reserved, one
 * every 1/qps s (5 QPS: one every 200 ms). That is `reserveN`: `advance(now)` (refill for the time since
 * `last`, capped at `burst`), minus one token, `last = now`, and a negative balance turned into a wait.
 *
 * Units: tokens are float64 and waits whole nanoseconds, as in x/time/rate (`durationFromTokens`
 * truncates to ns); the wait is then rounded **up** to whole virtual milliseconds, so a request never
 * leaves before its token exists (1/3 s → 334 ms; 5 QPS stays exactly 200 ms apart).
 */

export interface TokenBucketState {
  readonly qps: number;
  readonly burst: number;
  /** Tokens after the last reservation (negative while reservations wait). */
  tokens: number;
  /** Virtual ms of the last reservation (x/time/rate `last`). */
  lastMs: number;
}

/** A full bucket at `now` (K2: `NewTokenBucketRateLimiter` starts with `burst` tokens). */
export function newTokenBucket(qps: number, burst: number, now: number): TokenBucketState {
  if (!(qps > 0) || !(burst >= 1))
    throw new Error(`token bucket needs qps > 0 and burst ≥ 1, got ${qps}/${burst}`);
  return { qps, burst, tokens: burst, lastMs: now };
}

/** x/time/rate `durationFromTokens`: whole nanoseconds, truncated. */
function nsFromTokens(qps: number, tokens: number): number {
  return Math.trunc(1e9 * (tokens / qps));
}

/** x/time/rate `tokensFromDuration`, split into whole seconds and the rest as Go does. */
function tokensFromNs(qps: number, ns: number): number {
  return Math.floor(ns / 1e9) * qps + ((ns % 1e9) * qps) / 1e9;
}

/** x/time/rate `advance`: the balance at `now` (a clock before `last` counts as no time passed). */
function advance(b: TokenBucketState, now: number): number {
  const last = Math.min(now, b.lastMs);
  const maxElapsedNs = nsFromTokens(b.qps, b.burst - b.tokens);
  const elapsedNs = Math.min((now - last) * 1e6, maxElapsedNs);
  return Math.min(b.burst, b.tokens + tokensFromNs(b.qps, elapsedNs));
}

/**
 * `Wait` as a reservation: takes one token at `now` and answers how many virtual ms the caller waits
 * before it may act (0 while tokens are left). Mutates the bucket.
 */
export function bucketReserve(b: TokenBucketState, now: number): number {
  const tokens = advance(b, now) - 1;
  b.tokens = tokens;
  b.lastMs = now;
  if (tokens >= 0) return 0;
  return Math.ceil(nsFromTokens(b.qps, -tokens) / 1e6);
}

/** The balance at `now` without reserving (negative: that many tokens are owed to waiting callers). */
export function bucketTokensAt(b: TokenBucketState, now: number): number {
  return advance(b, now);
}
