import { describe, expect, it } from 'vitest';
import { appendHistory, chartGeometry, type HistoryPoint } from './history';

function frame(step: number, depth: number, retries: number) {
  return {
    step,
    time: step * 10,
    workqueue: { metrics: { depth, retries } },
  } as unknown as Parameters<typeof appendHistory>[1];
}

describe('appendHistory', () => {
  it('appends one point per new step and keeps only the newest max', () => {
    let h: readonly HistoryPoint[] = [];
    for (let s = 1; s <= 10; s++) h = appendHistory(h, frame(s, s % 3, s), 4);
    expect(h.map((p) => p.step)).toEqual([7, 8, 9, 10]);
    expect(h[3]).toEqual({ step: 10, time: 100, depth: 1, retries: 10 });
  });
  it('returns the same array for the same frame again (no re-render churn)', () => {
    const h = appendHistory([], frame(5, 2, 1), 10);
    expect(appendHistory(h, frame(5, 2, 1), 10)).toBe(h);
  });
  it('drops points at or after a frame the reader stepped back to', () => {
    let h: readonly HistoryPoint[] = [];
    for (let s = 1; s <= 6; s++) h = appendHistory(h, frame(s, s, 0), 100);
    h = appendHistory(h, frame(3, 9, 0), 100);
    expect(h.map((p) => [p.step, p.depth])).toEqual([
      [1, 1],
      [2, 2],
      [3, 9],
    ]);
  });
  it('keeps gaps when the reader jumps forward', () => {
    const h = appendHistory(appendHistory([], frame(1, 0, 0), 5), frame(500, 3, 2), 5);
    expect(h.map((p) => p.step)).toEqual([1, 500]);
  });
  it('trims an over-long history to a smaller max', () => {
    let h: readonly HistoryPoint[] = [];
    for (let s = 1; s <= 8; s++) h = appendHistory(h, frame(s, 0, 0), 8);
    h = appendHistory(h, frame(8, 0, 0), 3);
    expect(h.map((p) => p.step)).toEqual([6, 7, 8]);
    expect(appendHistory(h, frame(9, 0, 0), 0)).toEqual([]);
  });
});

describe('chartGeometry', () => {
  it('scales from 0 to the largest value, oldest at the left', () => {
    const g = chartGeometry([0, 2, 4], 100, 40);
    expect(g.max).toBe(4);
    expect(g.line).toBe('M0,40L50,20L100,0');
    expect(g.area.startsWith('M0,40L50,20L100,0')).toBe(true);
  });
  it('draws a flat line for one point and nothing for none', () => {
    expect(chartGeometry([3], 100, 40).line).toBe('M0,0L100,0');
    expect(chartGeometry([], 100, 40)).toEqual({ line: '', area: '', max: 1 });
    expect(chartGeometry([0, 0], 100, 40).line).toBe('M0,40L100,40');
  });
});
