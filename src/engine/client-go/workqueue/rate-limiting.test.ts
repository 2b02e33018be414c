import { describe, expect, it } from 'vitest';
import { wqAdvance, wqSnapshot } from './delaying';
import { wqMetrics } from './metrics';
import { newWorkqueue, type WorkqueueState, wqAdd, wqDone, wqGet, wqLen, wqShutDown } from './queue';
import type { LimiterSpec } from './rate-limiters';
import { limiterWhen, wqAddRateLimited, wqForget, wqNumRequeues } from './rate-limiting';

function queueWith(limiter: LimiterSpec | null): WorkqueueState {
  return newWorkqueue({ name: 'test', limiter, now: 0 });
}

describe('rate-limiting queue (rate_limiting_queue.go)', () => {
  it('W9: AddRateLimited = AddAfter(item, When(item))', () => {
    const q = queueWith({ type: 'exponential', baseMs: 5, maxMs: 1000 });
    expect(wqAddRateLimited(q, 'a', 100)).toEqual({ delayMs: 5, result: 'waiting' });
    expect(wqSnapshot(q).waiting).toEqual([{ item: 'a', readyAt: 105 }]);
    expect(wqAdvance(q, 104)).toEqual([]);
    expect(wqAdvance(q, 105)).toEqual(['a']);
    expect(wqLen(q)).toBe(1);
    expect(wqMetrics(q, 105).retriesTotal).toBe(1);
  });

  it('W9: Forget clears the failure history but leaves the queue and the waiting heap alone', () => {
    const q = queueWith({ type: 'exponential', baseMs: 5, maxMs: 1000 });
    wqAdd(q, 'a', 0);
    wqAddRateLimited(q, 'a', 0);
    wqAddRateLimited(q, 'a', 0);
    expect(wqNumRequeues(q, 'a')).toBe(2);
    wqForget(q, 'a');
    expect(wqNumRequeues(q, 'a')).toBe(0);
    expect(wqSnapshot(q)).toMatchObject({ queue: ['a'], waiting: [{ item: 'a', readyAt: 5 }] });
  });

  it('W9: AddRateLimited while shutting down still asks the limiter (failure recorded) but queues nothing', () => {
    const q = queueWith({ type: 'exponential', baseMs: 5, maxMs: 1000 });
    wqShutDown(q);
    expect(wqAddRateLimited(q, 'a', 0)).toEqual({ delayMs: 5, result: 'shutting-down' });
    expect(wqNumRequeues(q, 'a')).toBe(1);
    expect(wqSnapshot(q).waiting).toEqual([]);
  });

  it('W12 via W9: the bucket delays a burst of AddRateLimited calls one token interval apart', () => {
    const q = queueWith({ type: 'bucket', qps: 10, burst: 1 });
    for (const k of ['a', 'b', 'c']) wqAddRateLimited(q, k, 0);
    expect(wqLen(q)).toBe(1);
    wqAdvance(q, 100);
    expect(wqLen(q)).toBe(2);
    wqAdvance(q, 200);
    expect(wqSnapshot(q).queue).toEqual(['a', 'b', 'c']);
  });

  it('the limiter can run on its own clock (the conformance harness holds the bucket at the start)', () => {
    const q = queueWith({ type: 'bucket', qps: 10, burst: 1 });
    wqAddRateLimited(q, 'a', 0, 0);
    expect(wqAddRateLimited(q, 'b', 5000, 0)).toEqual({ delayMs: 100, result: 'waiting' });
    expect(wqSnapshot(q).waiting).toEqual([{ item: 'b', readyAt: 5100 }]);
    const q2 = queueWith({ type: 'bucket', qps: 10, burst: 1 });
    wqAddRateLimited(q2, 'a', 0);
    expect(wqAddRateLimited(q2, 'b', 5000).delayMs).toBe(0); // same clock: refilled
  });

  it('without a limiter the rate-limiter operations throw "no rate limiter"', () => {
    const q = queueWith(null);
    expect(() => wqAddRateLimited(q, 'a', 0)).toThrow('no rate limiter');
    expect(() => wqForget(q, 'a')).toThrow('no rate limiter');
    expect(() => wqNumRequeues(q, 'a')).toThrow('no rate limiter');
    expect(() => limiterWhen(q, 'a', 0)).toThrow('no rate limiter');
    expect(wqLen(q)).toBe(0);
  });

  it('T5: d/a fails 3 times → retried after 5, 10, 20 ms; success → Forget; the next failure waits 5 ms again', () => {
    const q = queueWith({ type: 'default' });
    let now = 0;
    wqAdd(q, 'd/a', now);
    const delays: number[] = [];
    const attempt = (fail: boolean) => {
      const r = wqGet(q, now);
      if (!('item' in r)) throw new Error('expected d/a to be queued');
      if (fail) delays.push(wqAddRateLimited(q, r.item, now).delayMs);
      else wqForget(q, r.item);
      wqDone(q, r.item, now);
    };
    for (let i = 0; i < 3; i++) {
      attempt(true);
      const readyAt = now + delays[delays.length - 1]!;
      expect(wqAdvance(q, readyAt - 1)).toEqual([]);
      now = readyAt;
      expect(wqAdvance(q, now)).toEqual(['d/a']);
    }
    attempt(false);
    expect(wqNumRequeues(q, 'd/a')).toBe(0);
    wqAdd(q, 'd/a', now);
    attempt(true);
    expect(delays).toEqual([5, 10, 20, 5]);
  });
});
