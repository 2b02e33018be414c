/**
 * K5 [1.36]: APF's adaptive Retry-After (dropped_requests_tracker.go), against a naive model of the same
 * rule and by hand-worked cases; and the scripted 429 fault answering with it on a 1.36 server only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APF_MAX_RETRY_AFTER, apfReject, newDroppedRequestsStats, recordDroppedRequest } from './apf';
import { newApiServer, serverRequestFault, setErrorResponses } from './index';

/** Retry-After seen by each of `drops` (virtual ms, ascending), one priority level. */
function retryAfters(drops: readonly number[]): number[] {
  const tracker = {};
  return drops.map((t) => apfReject(tracker, 'workload-low', t));
}

/**
 * A naive model: keep every second's count; on the first drop of a new second look back over the
 * seconds [now − retryAfter, now) (history pruned as the real one is does not matter for this window).
 */
function naive(drops: readonly number[]): number[] {
  const counts = new Map<number, number>();
  let retryAfter = 1;
  let lastUp = 0;
  let current = -1;
  const out: number[] = [];
  for (const t of drops) {
    const u = Math.floor(t / 1000);
    if (u !== current) {
      let dropped = 0;
      for (const [sec, n] of counts) if (u - sec <= retryAfter && sec < u) dropped += n;
      if (u - lastUp >= retryAfter && dropped >= 3 * retryAfter) {
        retryAfter = Math.min(2 * retryAfter, APF_MAX_RETRY_AFTER);
        lastUp = u;
      } else if (dropped < retryAfter && retryAfter > 1) retryAfter--;
      current = u;
    }
    counts.set(u, (counts.get(u) ?? 0) + 1);
    out.push(retryAfter);
  }
  return out;
}

describe('K5 [1.36]: the dropped-requests tracker', () => {
  it('starts at 1 s; ≥ 3 drops in the last second double it at the next second; a quiet second lowers it by 1', () => {
    // Second 0: three drops at 1. Second 1: its first drop looks at [0, 1): 3 ≥ 3 × 1 → 2. Second 2: the
    // last 2 s hold 3 + 1 = 4 drops, neither ≥ 6 (nor 2 s since the increase) nor < 2: stays 2. Second 5:
    // none in [3, 5) → 1.
    expect(retryAfters([0, 100, 200, 1_000, 2_000, 5_000])).toEqual([1, 1, 1, 2, 2, 1]);
  });

  it('doubles at most once per retryAfter seconds and never above 32', () => {
    const drops: number[] = [];
    for (let sec = 0; sec < 120; sec++) for (let i = 0; i < 200; i++) drops.push(sec * 1000 + i);
    const r = retryAfters(drops);
    const firsts = r.filter((_, i) => i % 200 === 0);
    expect(firsts.slice(0, 8)).toEqual([1, 2, 2, 4, 4, 4, 4, 8]);
    expect(Math.max(...r)).toBe(APF_MAX_RETRY_AFTER);
    expect(r.at(-1)).toBe(APF_MAX_RETRY_AFTER);
  });

  it('agrees with a naive model on random drop times', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 90_000 }), { maxLength: 400 })
          .map((xs) => xs.sort((a, b) => a - b)),
        (drops) => {
          expect(retryAfters(drops)).toEqual(naive(drops));
        },
      ),
    );
  });

  it('its history never holds seconds older than min(2 × retryAfter, 32) before the newest', () => {
    const st = newDroppedRequestsStats();
    for (let t = 0; t < 200_000; t += 97) recordDroppedRequest(st, t);
    const newest = st.history.at(-1)!.unix;
    for (const h of st.history) expect(newest - h.unix).toBeLessThanOrEqual(Math.min(2 * st.retryAfter, 32));
  });
});

describe('K5: the scripted 429 fault', () => {
  const burst = (version: '1.26' | '1.36', retryAfterSeconds?: number): number[] => {
    const s = newApiServer({ now: 0, version });
    setErrorResponses(s, {
      code: 429,
      untilMs: 60_000,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    });
    const out: number[] = [];
    for (let t = 0; t < 10_000; t += 100) out.push(serverRequestFault(s, t)?.retryAfterSeconds ?? -1);
    return out;
  };

  it('[1.26] always says Retry-After: 1', () => {
    expect(new Set(burst('1.26'))).toEqual(new Set([1]));
  });

  it('[1.36] says the priority level’s adaptive Retry-After: 10 rejections a second push it up', () => {
    const r = burst('1.36');
    expect(r[0]).toBe(1);
    expect(Math.max(...r)).toBeGreaterThanOrEqual(4);
    expect(r).toEqual(retryAfters(Array.from({ length: 100 }, (_, i) => i * 100)));
  });

  it('an explicit Retry-After in the fault wins in both versions', () => {
    expect(new Set(burst('1.36', 7))).toEqual(new Set([7]));
    expect(new Set(burst('1.26', 7))).toEqual(new Set([7]));
  });
});
