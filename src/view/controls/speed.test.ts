import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n';
import { parseSpeed, SPEEDS, type Speed, speedDown, speedLabel, speedUp, virtualRate } from './speed';

describe('speed stepping', () => {
  it('walks the list one notch at a time and stops at the ends', () => {
    expect(speedUp(0.25)).toBe(0.5);
    expect(speedUp(1)).toBe(2);
    expect(speedUp(100)).toBe('10s/s');
    expect(speedUp('10s/s')).toBe('1min/s');
    expect(speedUp('10min/s')).toBe('max');
    expect(speedUp('max')).toBe('max');
    expect(speedDown('max')).toBe('10min/s');
    expect(speedDown('10s/s')).toBe(100);
    expect(speedDown(10)).toBe(4);
    expect(speedDown(0.5)).toBe(0.25);
    expect(speedDown(0.25)).toBe(0.25);
  });

  it('up then down returns to the same speed except at the fast end', () => {
    for (const s of SPEEDS) {
      if (s !== 'max') expect(speedDown(speedUp(s))).toBe(s);
      if (s !== 0.25) expect(speedUp(speedDown(s))).toBe(s);
    }
  });

  it('reaches fast-forward from the slowest speed in |SPEEDS| - 1 notches', () => {
    let s: Speed = 0.25;
    let n = 0;
    while (s !== 'max') {
      s = speedUp(s);
      n++;
    }
    expect(n).toBe(SPEEDS.length - 1);
  });

  it('parses option values back and rejects others', () => {
    for (const s of SPEEDS) expect(parseSpeed(String(s))).toBe(s);
    expect(parseSpeed('3')).toBeNull();
    expect(parseSpeed('')).toBeNull();
    expect(parseSpeed('fast')).toBeNull();
    expect(parseSpeed('1min')).toBeNull();
  });

  it('rates are virtual milliseconds per wall millisecond; steps per second and max have none', () => {
    expect(SPEEDS.map(virtualRate)).toEqual([
      ...[0.25, 0.5, 1, 2, 4, 10, 30, 100].map(() => null),
      10,
      60,
      600,
      null,
    ]);
  });

  it('labels speeds in steps per second, rates as virtual time per second, fast-forward for max', () => {
    expect(speedLabel(0.25)).toBe('0.25 steps/s');
    expect(speedLabel(1)).toBe('1 step/s');
    expect(speedLabel(30)).toBe('30 steps/s');
    expect(speedLabel('10s/s')).toBe('10 s/s');
    expect(speedLabel('1min/s')).toBe('1 min/s');
    expect(speedLabel('10min/s')).toBe('10 min/s');
    expect(speedLabel('max')).toBe('Fast-forward');
    setLanguage('zh-CN');
    try {
      expect(SPEEDS.map(speedLabel).slice(-4)).toEqual(['10 秒/秒', '1 分钟/秒', '10 分钟/秒', '快进']);
    } finally {
      setLanguage('en');
    }
  });
});
