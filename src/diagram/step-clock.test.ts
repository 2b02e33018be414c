import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStepClock } from './step-clock';

describe('the step clock: a step animates, a jump shows the step settled', () => {
  let frames: ((t: number) => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: (t: number) => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterEach(() => vi.unstubAllGlobals());
  const tick = (t: number): void => {
    for (const cb of frames.splice(0)) cb(t);
  };

  it('one step on or back starts the tokens at 0 and runs them to 1 over the duration', () => {
    const c = createStepClock();
    c.run(10, 900); // the first step shown: settled
    expect(c.get()).toBe(1);
    c.run(11, 900);
    expect(c.get()).toBe(0);
    tick(1000);
    tick(1450);
    expect(c.get()).toBeCloseTo(0.5);
    tick(1900);
    expect(c.get()).toBe(1);
    c.run(10, 900); // one step back
    expect(c.get()).toBe(0);
  });

  it('a jump of more than one step (a seek, a drag) is at 1 at once and starts no animation frame', () => {
    const c = createStepClock();
    c.run(10, 900);
    c.run(11, 900);
    frames = [];
    c.run(500, 900);
    expect(c.get()).toBe(1);
    expect(frames).toEqual([]);
    c.run(3, 900);
    expect(c.get()).toBe(1);
  });

  it('no duration (fast-forward, reduced motion) is at 1 at once', () => {
    const c = createStepClock();
    c.run(1, 900);
    c.run(2, 0);
    expect(c.get()).toBe(1);
  });
});
