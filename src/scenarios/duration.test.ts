import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_MS, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    [0, 0],
    [500, 500],
    [1.4, 1],
    [1.5, 2],
    ['0', 0],
    ['0s', 0],
    ['500ms', 500],
    ['2s', 2000],
    ['1.5s', 1500],
    ['.5s', 500],
    ['1m', 60_000],
    ['1000s', 1_000_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30.5s', 90_500],
    ['1500us', 2], // 1.5 ms rounds half up
    ['1499us', 1],
    ['1499999ns', 1],
    ['1500000ns', 2],
    ['2µs', 0],
    ['0.0015s', 2], // exact decimal arithmetic: 1.5 ms, not 1.4999…
    [' 2s ', 2000],
    ['+3s', 3000],
  ])('%j → %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    [-1, /must not be negative/],
    ['-1s', /must not be negative/],
    [Number.NaN, /finite/],
    [Number.POSITIVE_INFINITY, /finite/],
    ['', /is not a duration/],
    ['abc', /"abc" is not a duration/],
    ['1500', /missing a unit/],
    ['1.5', /missing a unit/],
    ['2 s', /is not a duration/],
    ['1d', /is not a duration/],
    ['s', /is not a duration/],
    ['.s', /is not a duration/],
    ['1e3s', /is not a duration/],
    [`${MAX_DURATION_MS + 1}ms`, /too large/],
    ['99999999999999999999999999h', /too large/],
    [MAX_DURATION_MS + 1, /too large/],
    [true, /must be a duration/],
    [null, /must be a duration/],
    [{}, /must be a duration/],
  ])('%j is rejected', (input, re) => {
    const r = parseDuration(input);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toMatch(re);
  });

  it('quotes long hostile strings briefly in the message', () => {
    const r = parseDuration(`${'x'.repeat(10_000)}s`) as { error: string };
    expect(r.error.length).toBeLessThan(200);
  });

  it('formatDuration round-trips every integer ms and picks the shortest unit', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(5)).toBe('5ms');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(1005)).toBe('1.005s');
    expect(formatDuration(30_000)).toBe('30s');
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(1_000_000)).toBe('1000s');
    expect(formatDuration(7_200_000)).toBe('2h');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DURATION_MS }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary input and only returns whole non-negative ms', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.stringMatching(/^[-+.0-9a-zµ ]{0,12}$/),
          fc.anything(),
        ),
        (v) => {
          const r = parseDuration(v);
          if (typeof r === 'number') {
            expect(Number.isInteger(r)).toBe(true);
            expect(r).toBeGreaterThanOrEqual(0);
            expect(Object.is(r, -0)).toBe(false);
          } else {
            expect(typeof r.error).toBe('string');
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
