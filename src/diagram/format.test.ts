import { describe, expect, it } from 'vitest';
import { EN } from '../i18n';
import { fitWidthTransform, KNOWN_PHASES, reflectorPhaseText, secondsLeft, shortKey } from './format';

describe('format', () => {
  it('shortens keys to the name, cutting long ones in the middle', () => {
    expect(shortKey('default/backend')).toBe('backend');
    expect(shortKey('default/example-foo', 8)).toBe('exam…foo');
    expect(shortKey('default/example-foo', 8)).toHaveLength(8);
    expect(shortKey('cluster-scoped')).toBe('cluste…coped');
    expect(shortKey('a/b', 1)).toBe('b');
  });

  it('counts the backoff down from backoffUntil - frame.time', () => {
    expect(secondsLeft(2200, 1000)).toBe('1.2');
    expect(secondsLeft(1001, 1000)).toBe('0.1');
    expect(secondsLeft(900, 1000)).toBe('0.0');
    expect(reflectorPhaseText('backoff-relist', 5800, 4000)).toEqual({
      key: 'diagram.reflector.phase.backoff-relist',
      params: { seconds: '1.8' },
    });
    expect(reflectorPhaseText('mystery', null, 0)).toEqual({
      key: 'diagram.reflector.phase.other',
      params: { phase: 'mystery' },
    });
    for (const p of KNOWN_PHASES) expect(EN[`diagram.reflector.phase.${p}`], p).toBeTypeOf('string');
  });

  it('fits the figure to the width of a wide element and leaves tall ones alone', () => {
    expect(fitWidthTransform(1210, 1760, 1210, 880)).toEqual({ k: 1, x: 0, y: 0 });
    const f = fitWidthTransform(2420, 880, 1210, 880);
    expect(f.k).toBeCloseTo(2);
    // x=0 maps to the visible left edge (-605 in viewBox units), x=1210 to the right edge (1815).
    expect(f.x).toBeCloseTo(-605);
    expect(f.k * 1210 + f.x).toBeCloseTo(1815);
    expect(fitWidthTransform(0, 100, 1210, 880)).toEqual({ k: 1, x: 0, y: 0 });
  });
});
