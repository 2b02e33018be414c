import { describe, expect, it } from 'vitest';
import {
  INF_DURATION_MS,
  type LimiterSpec,
  type LimiterState,
  limiterStateForget,
  limiterStateNumRequeues,
  limiterStateWhen,
  newLimiterState,
} from './rate-limiters';

function whens(l: LimiterState, items: string[], now = 0): number[] {
  return items.map((k) => limiterStateWhen(l, k, now));
}

describe('ItemExponentialFailureRateLimiter (W10)', () => {
  it('W10: 5 ms base doubles to 655.36 s at the 18th call, then 1000 s from the 19th on', () => {
    const l = newLimiterState({ type: 'exponential', baseMs: 5, maxMs: 1_000_000 }, 0);
    const got = whens(l, new Array(20).fill('x'));
    const want = Array.from({ length: 18 }, (_, i) => 5 * 2 ** i).concat([1_000_000, 1_000_000]);
    expect(got).toEqual(want);
    expect(got[17]).toBe(655_360);
    expect(limiterStateNumRequeues(l, 'x')).toBe(20);
  });

  it('W10: thousands of failures stay capped (no overflow to Infinity or NaN)', () => {
    const l = newLimiterState({ type: 'exponential', baseMs: 5, maxMs: 1_000_000 }, 0);
    let last = 0;
    for (let i = 0; i < 3000; i++) last = limiterStateWhen(l, 'x', 0);
    expect(last).toBe(1_000_000);
    expect(limiterStateNumRequeues(l, 'x')).toBe(3000);
  });

  it('W10: a small max caps early; failures are per item; Forget starts again at the base', () => {
    const l = newLimiterState({ type: 'exponential', baseMs: 1, maxMs: 20 }, 0);
    expect(whens(l, ['a', 'a', 'a', 'b', 'a', 'a', 'a'])).toEqual([1, 2, 4, 1, 8, 16, 20]);
    expect(limiterStateNumRequeues(l, 'a')).toBe(6);
    expect(limiterStateNumRequeues(l, 'b')).toBe(1);
    limiterStateForget(l, 'a');
    expect(limiterStateNumRequeues(l, 'a')).toBe(0);
    expect(limiterStateWhen(l, 'a', 0)).toBe(1);
  });

  it('W10: a sub-millisecond result is truncated toward zero like a time.Duration in whole ms', () => {
    const l = newLimiterState({ type: 'exponential', baseMs: 0.3, maxMs: 1000 }, 0);
    expect(whens(l, ['x', 'x', 'x', 'x'])).toEqual([0, 0, 1, 2]);
  });
});

describe('ItemFastSlowRateLimiter (W11)', () => {
  it('W11: fast while attempts ≤ maxFast, slow after; counts attempts; Forget resets', () => {
    const l = newLimiterState({ type: 'fastslow', fastMs: 5, slowMs: 1000, maxFast: 3 }, 0);
    expect(whens(l, ['x', 'x', 'x', 'x', 'x'])).toEqual([5, 5, 5, 1000, 1000]);
    expect(limiterStateNumRequeues(l, 'x')).toBe(5);
    expect(limiterStateWhen(l, 'y', 0)).toBe(5);
    limiterStateForget(l, 'x');
    expect(limiterStateWhen(l, 'x', 0)).toBe(5);
  });
});

describe('BucketRateLimiter (W12)', () => {
  it('W12: starts full; with the clock held the k-th call beyond the burst waits k/QPS', () => {
    const l = newLimiterState({ type: 'bucket', qps: 10, burst: 3 }, 0);
    expect(whens(l, ['a', 'b', 'c', 'd', 'e', 'f'])).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('W12: global, not per item: the same item takes a token each time; no requeue tracking', () => {
    const l = newLimiterState({ type: 'bucket', qps: 10, burst: 2 }, 0);
    expect(whens(l, ['a', 'a', 'a'])).toEqual([0, 0, 100]);
    expect(limiterStateNumRequeues(l, 'a')).toBe(0);
    limiterStateForget(l, 'a');
    expect(limiterStateWhen(l, 'a', 0)).toBe(200);
  });

  it('W12: refills on virtual time (x/time/rate advance), capped at burst', () => {
    const l = newLimiterState({ type: 'bucket', qps: 10, burst: 2 }, 0);
    expect(whens(l, ['a', 'a', 'a', 'a'], 0)).toEqual([0, 0, 100, 200]); // tokens now −2
    expect(limiterStateWhen(l, 'a', 300)).toBe(0); // +3 tokens → 1, take one → 0
    expect(limiterStateWhen(l, 'a', 300)).toBe(100);
    expect(whens(l, ['a', 'a', 'a'], 1_000_000)).toEqual([0, 0, 100]); // long idle: full again, not more
  });

  it('W12: a wait of 1/3 s is truncated to whole ns (Go) and then to whole ms', () => {
    const l = newLimiterState({ type: 'bucket', qps: 3, burst: 1 }, 0);
    expect(whens(l, ['a', 'a', 'a', 'a'])).toEqual([0, 333, 666, 1000]);
  });

  it('W12: burst 0 never grants a reservation (Delay = InfDuration) and takes no token', () => {
    const l = newLimiterState({ type: 'bucket', qps: 10, burst: 0 }, 0);
    expect(whens(l, ['a', 'a'])).toEqual([INF_DURATION_MS, INF_DURATION_MS]);
    expect(l).toMatchObject({ tokens: 0 });
  });
});

describe('MaxOfRateLimiter (W13) and the default (W14)', () => {
  it('W13: asks every child (each records the failure) and answers the largest', () => {
    const spec: LimiterSpec = {
      type: 'maxOf',
      limiters: [
        { type: 'exponential', baseMs: 5, maxMs: 1_000_000 },
        { type: 'fastslow', fastMs: 50, slowMs: 70, maxFast: 1 },
      ],
    };
    const l = newLimiterState(spec, 0);
    expect(whens(l, ['x', 'x', 'x', 'x', 'x'])).toEqual([50, 70, 70, 70, 80]);
    expect(limiterStateNumRequeues(l, 'x')).toBe(5);
    if (l.type !== 'maxOf') throw new Error('expected maxOf');
    expect(l.limiters.map((c) => limiterStateNumRequeues(c, 'x'))).toEqual([5, 5]);
    limiterStateForget(l, 'x');
    expect(l.limiters.map((c) => limiterStateNumRequeues(c, 'x'))).toEqual([0, 0]);
  });

  it('W13: NumRequeues is the max over children', () => {
    const l = newLimiterState(
      {
        type: 'maxOf',
        limiters: [
          { type: 'bucket', qps: 1, burst: 1 },
          { type: 'exponential', baseMs: 1, maxMs: 10 },
        ],
      },
      0,
    );
    limiterStateWhen(l, 'x', 0);
    limiterStateWhen(l, 'x', 0);
    expect(limiterStateNumRequeues(l, 'x')).toBe(2);
  });

  it('W14: default = max(exponential 5 ms…1000 s, bucket 10 qps burst 100): the bucket kicks in at call 101', () => {
    const l = newLimiterState({ type: 'default' }, 0);
    const got = Array.from({ length: 104 }, (_, i) => limiterStateWhen(l, `k${i}`, 0));
    expect(got.slice(0, 100)).toEqual(new Array(100).fill(5));
    expect(got.slice(100)).toEqual([100, 200, 300, 400]);
  });

  it('W14: for one failing item the exponential dominates once it exceeds the bucket wait', () => {
    const l = newLimiterState({ type: 'default' }, 0);
    expect(whens(l, ['x', 'x', 'x', 'x'])).toEqual([5, 10, 20, 40]);
    expect(limiterStateNumRequeues(l, 'x')).toBe(4);
  });

  it('limiter state is plain data: a structuredClone answers exactly like the original', () => {
    const l = newLimiterState({ type: 'default' }, 0);
    whens(l, ['a', 'a', 'b']);
    const c = structuredClone(l);
    expect(whens(c, ['a', 'b', 'c'], 50)).toEqual(whens(l, ['a', 'b', 'c'], 50));
    expect(c).toEqual(l);
  });
});
