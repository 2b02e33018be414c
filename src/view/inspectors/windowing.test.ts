import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWindow, isAtEnd, scrollTopToReveal } from './windowing';

/** Naive model: the rows that intersect the viewport, widened by overscan, clamped to the list. */
function naive(count: number, rowHeight: number, viewport: number, scrollTop: number, overscan: number) {
  const maxScroll = Math.max(0, count * rowHeight - viewport);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const visible: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = i * rowHeight;
    const b = a + rowHeight;
    if (b > top && a < top + viewport) visible.push(i);
  }
  if (visible.length === 0) return { start: 0, end: 0 };
  return {
    start: Math.max(0, visible[0]! - overscan),
    end: Math.min(count, visible[visible.length - 1]! + 1 + overscan),
  };
}

describe('computeWindow', () => {
  it('renders the rows in view plus overscan, and blank space for the rest', () => {
    const w = computeWindow({
      count: 10_000,
      rowHeight: 26,
      viewportHeight: 260,
      scrollTop: 2600,
      overscan: 4,
    });
    expect(w).toEqual({
      start: 96,
      end: 114,
      padTop: 96 * 26,
      padBottom: (10_000 - 114) * 26,
      totalHeight: 260_000,
    });
  });
  it('clamps a scrollTop past the end (the list shrank under the reader)', () => {
    const w = computeWindow({
      count: 20,
      rowHeight: 20,
      viewportHeight: 100,
      scrollTop: 99_999,
      overscan: 2,
    });
    expect(w.end).toBe(20);
    expect(w.start).toBe(13);
    expect(w.padBottom).toBe(0);
  });
  it('renders everything when the list fits', () => {
    const w = computeWindow({ count: 5, rowHeight: 26, viewportHeight: 264, scrollTop: 0 });
    expect([w.start, w.end, w.padTop, w.padBottom]).toEqual([0, 5, 0, 0]);
  });
  it('handles an empty list and a negative scrollTop', () => {
    expect(computeWindow({ count: 0, rowHeight: 26, viewportHeight: 264, scrollTop: 50 })).toEqual({
      start: 0,
      end: 0,
      padTop: 0,
      padBottom: 0,
      totalHeight: 0,
    });
    expect(
      computeWindow({ count: 100, rowHeight: 10, viewportHeight: 50, scrollTop: -40, overscan: 0 }).start,
    ).toBe(0);
  });
  it('agrees with the naive model and always accounts for the whole height', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: -500, max: 200_000 }),
        fc.integer({ min: 0, max: 8 }),
        (count, rowHeight, viewport, scrollTop, overscan) => {
          const w = computeWindow({ count, rowHeight, viewportHeight: viewport, scrollTop, overscan });
          const m = naive(count, rowHeight, viewport, scrollTop, overscan);
          expect([w.start, w.end]).toEqual([m.start, m.end]);
          expect(w.padTop + (w.end - w.start) * rowHeight + w.padBottom).toBe(w.totalHeight);
          // Rendering stays bounded by the viewport, not the list.
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewport / rowHeight) + 1 + 2 * overscan);
        },
      ),
      { seed: 20_240_611, numRuns: 400 },
    );
  });
});

describe('scrollTopToReveal and isAtEnd', () => {
  it('moves the least needed to show a row', () => {
    expect(scrollTopToReveal(0, 20, 100, 300)).toBe(0);
    expect(scrollTopToReveal(20, 20, 100, 0)).toBe(320);
    expect(scrollTopToReveal(3, 20, 100, 0)).toBe(0);
    expect(scrollTopToReveal(16, 20, 100, 250)).toBe(250);
  });
  it('knows when a log is at its end', () => {
    expect(isAtEnd(900, 100, 1000, 26)).toBe(true);
    expect(isAtEnd(880, 100, 1000, 26)).toBe(true);
    expect(isAtEnd(800, 100, 1000, 26)).toBe(false);
  });
});
