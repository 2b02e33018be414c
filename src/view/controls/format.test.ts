import { describe, expect, it } from 'vitest';
import { formatClock, stepLabel } from './format';

describe('formatClock', () => {
  it('formats virtual ms as mm:ss.mmm', () => {
    expect(formatClock(0)).toBe('00:00.000');
    expect(formatClock(7)).toBe('00:00.007');
    expect(formatClock(1234)).toBe('00:01.234');
    expect(formatClock(59_999)).toBe('00:59.999');
    expect(formatClock(60_000)).toBe('01:00.000');
    expect(formatClock(62_345)).toBe('01:02.345');
  });

  it('keeps counting minutes past the hour', () => {
    expect(formatClock(75 * 60_000)).toBe('75:00.000');
    expect(formatClock(123 * 60_000 + 4_567)).toBe('123:04.567');
  });

  it('drops fractions and shows nonsense as zero', () => {
    expect(formatClock(1234.9)).toBe('00:01.234');
    expect(formatClock(-5)).toBe('00:00.000');
    expect(formatClock(Number.NaN)).toBe('00:00.000');
    expect(formatClock(Number.POSITIVE_INFINITY)).toBe('00:00.000');
  });

  it('is monotonic in its input (string order = time order for equal widths)', () => {
    let prev = formatClock(0);
    for (let ms = 1; ms < 3_600_000; ms += 997) {
      const s = formatClock(ms);
      expect(s > prev).toBe(true);
      prev = s;
    }
  });
});

describe('stepLabel', () => {
  it('says "step n of known", with an ellipsis while the run is open', () => {
    expect(stepLabel(12, 340, true)).toBe('Step 12 of 340');
    expect(stepLabel(12, 340, false)).toBe('Step 12 of 340…');
  });
});
