import { describe, expect, it } from 'vitest';
import type { Mark } from '../../engine/model/session';
import { fraction, MARK_KINDS, MARK_STYLE, placeMarks, timeDomainMax, timeStep } from './timeline-math';

const mark = (step: number, time: number, kind: Mark['kind']): Mark => ({ step, time, kind });

describe('timeline math', () => {
  it('fraction clamps into 0..1 and survives an empty domain', () => {
    expect(fraction(5, 10)).toBe(0.5);
    expect(fraction(-1, 10)).toBe(0);
    expect(fraction(20, 10)).toBe(1);
    expect(fraction(0, 0)).toBe(0);
  });

  it('each mark kind has its own shape and its own colour', () => {
    const shapes = new Set(MARK_KINDS.map((k) => MARK_STYLE[k].shape));
    const colours = new Set(MARK_KINDS.map((k) => MARK_STYLE[k].color));
    expect(shapes.size).toBe(4);
    expect(colours.size).toBe(4);
  });

  it('places marks by step or by time', () => {
    const marks = [mark(10, 4000, 'relist'), mark(50, 1000, 'error')];
    const byStep = placeMarks(marks, { mode: 'step', max: 100 });
    expect(byStep.map((p) => [p.kind, p.x])).toEqual([
      ['relist', 0.1],
      ['error', 0.5],
    ]);
    const byTime = placeMarks(marks, { mode: 'time', max: 8000 });
    expect(byTime.map((p) => [p.kind, p.x])).toEqual([
      ['relist', 0.5],
      ['error', 0.125],
    ]);
  });

  it('drops marks outside the domain (e.g. beyond known after a fork)', () => {
    expect(placeMarks([mark(200, 0, 'fault')], { mode: 'step', max: 100 })).toEqual([]);
  });

  it('buckets crowded marks per kind, keeping the first and a count', () => {
    const marks: Mark[] = [];
    for (let s = 0; s < 10_000; s++) marks.push(mark(s, s * 10, s % 2 === 0 ? 'relist' : 'error'));
    const placed = placeMarks(marks, { mode: 'step', max: 10_000 }, 100);
    expect(placed.length).toBe(200);
    expect(placed.reduce((n, p) => n + p.count, 0)).toBe(10_000);
    const firstError = placed.find((p) => p.kind === 'error')!;
    expect(firstError.mark.step).toBe(1);
    expect(firstError.count).toBe(50);
    // Drawing order: relists below errors.
    expect(placed.findIndex((p) => p.kind === 'error')).toBeGreaterThan(
      placed.findLastIndex((p) => p.kind === 'relist'),
    );
  });

  it('the time domain ends at knownTime, else at the latest time seen', () => {
    expect(timeDomainMax(9000, 100, 0, [])).toBe(9000);
    expect(timeDomainMax(null, 100, 5000, [mark(3, 7000, 'fault')])).toBe(7000);
    expect(timeDomainMax(undefined, 8000, 5000, [])).toBe(8000);
    // A stale knownTime below the current time is not trusted.
    expect(timeDomainMax(50, 100, 0, [])).toBe(100);
  });

  it('time mode keyboard step is ~1/200 of the domain, at least 1 ms', () => {
    expect(timeStep(0)).toBe(1);
    expect(timeStep(100)).toBe(1);
    expect(timeStep(60_000)).toBe(300);
  });
});
