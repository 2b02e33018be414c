import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../engine/model/frame';
import { compareSided, interleaveByTime, type SidedRecord } from './interleave';

/** A side's trace: steps increasing, times never decreasing (as the engine emits them). */
const trace = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), { maxLength: 40 })
  .map((gaps) => {
    let step = 0;
    let time = 0;
    return gaps.map(([dt, ds], i) => {
      time += dt * 100;
      step += ds;
      return { step, time, message: `m${i}` } as unknown as RecordView;
    });
  });

describe('interleaveByTime', () => {
  it('keeps every record once, each side in its own order, and orders the whole by (time, side, step)', () => {
    fc.assert(
      fc.property(trace, trace, (left, right) => {
        const merged = interleaveByTime(left, right);
        expect(merged).toHaveLength(left.length + right.length);
        expect(merged.filter((s) => s.side === 'left').map((s) => s.record)).toEqual(left);
        expect(merged.filter((s) => s.side === 'right').map((s) => s.record)).toEqual(right);
        for (let i = 1; i < merged.length; i++)
          expect(compareSided(merged[i - 1]!, merged[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('agrees with a stable sort of both sides by (time, side, step)', () => {
    fc.assert(
      fc.property(trace, trace, (left, right) => {
        const naive: SidedRecord[] = [
          ...left.map((record) => ({ side: 'left' as const, record })),
          ...right.map((record) => ({ side: 'right' as const, record })),
        ].sort(compareSided);
        expect(interleaveByTime(left, right)).toEqual(naive);
      }),
    );
  });

  it('puts the left side first at one time', () => {
    const r = (step: number, time: number) => ({ step, time }) as unknown as RecordView;
    const m = interleaveByTime([r(4, 100)], [r(2, 50), r(3, 100)]);
    expect(m.map((s) => `${s.side}${s.record.step}`)).toEqual(['right2', 'left4', 'right3']);
  });
});
