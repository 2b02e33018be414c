import { describe, expect, it } from 'vitest';
import { bucketReserve, bucketTokensAt, newTokenBucket } from './token-bucket';

describe('K2: the REST client token bucket (x/time/rate)', () => {
  it('starts full: 10 reservations at once wait nothing, then one every 200 ms at 5 QPS', () => {
    const b = newTokenBucket(5, 10, 1000);
    const waits = Array.from({ length: 100 }, () => bucketReserve(b, 1000));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual(Array.from({ length: 90 }, (_, i) => 200 * (i + 1)));
    expect(waits.at(-1)).toBe(18_000);
  });

  it('refills at qps up to burst, never beyond', () => {
    const b = newTokenBucket(5, 10, 0);
    for (let i = 0; i < 10; i++) bucketReserve(b, 0);
    expect(bucketTokensAt(b, 0)).toBe(0);
    expect(bucketTokensAt(b, 600)).toBeCloseTo(3, 9);
    expect(bucketTokensAt(b, 60_000)).toBe(10);
    // Three tokens back after 600 ms: three go at once, the fourth waits 200 ms.
    expect([0, 0, 0, 200].map(() => bucketReserve(b, 600))).toEqual([0, 0, 0, 200]);
  });

  it('a reservation made later waits only for what is still owed (callers leave in reservation order)', () => {
    const b = newTokenBucket(5, 10, 0);
    for (let i = 0; i < 12; i++) bucketReserve(b, 0); // owes 2 tokens: the 12th leaves at 400 ms
    expect(bucketReserve(b, 130)).toBe(470); // the 13th leaves at 600 ms
    expect(bucketReserve(b, 600)).toBe(200); // the 14th at 800 ms
  });

  it('rounds a fractional wait up to whole ms: a request never leaves before its token exists', () => {
    const b = newTokenBucket(3, 1, 0);
    expect(bucketReserve(b, 0)).toBe(0);
    expect(bucketReserve(b, 0)).toBe(334);
    expect(bucketReserve(b, 0)).toBe(667);
  });

  it('refuses a bucket that could never give a token', () => {
    expect(() => newTokenBucket(0, 10, 0)).toThrow();
    expect(() => newTokenBucket(5, 0, 0)).toThrow();
  });
});
