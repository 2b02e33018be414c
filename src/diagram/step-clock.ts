/**
 * The step's animation clock, kept inside the figure: the progress (0..1) of the step's tokens over
 * `durationMs`, restarting at 0 whenever the step moves on or back by one (a step button, playing);
 * with no duration, at step 0, or after a jump of more than one step (a seek, a drag along the
 * timeline, a link opened at its step), it is 1 at once: a jump shows the step settled, so scrubbing
 * draws each step once instead of starting an animation that the next step cancels. Only the layers that draw motion (arrows and tokens) subscribe to it, so an
 * animation frame re-renders those two layers and nothing else: neither the rest of the figure nor the
 * page around it. Token positions stay a pure function of (records, progress) (motion.ts).
 */
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';

export interface StepClock {
  /** The current progress, 0..1 (the same value until the clock ticks). */
  readonly get: () => number;
  readonly subscribe: (onTick: () => void) => () => void;
}

export interface RunningClock extends StepClock {
  /** Starts the step's animation (from 0) or puts it at its end; returns a stop function. */
  run(step: number, durationMs: number): () => void;
}

export function createStepClock(): RunningClock {
  let value = 1;
  /** The step the clock last ran for (-1: none yet). */
  let last = -1;
  const subs = new Set<() => void>();
  const set = (v: number): void => {
    if (v === value) return;
    value = v;
    for (const on of subs) on();
  };
  return {
    get: () => value,
    subscribe(onTick) {
      subs.add(onTick);
      return () => {
        subs.delete(onTick);
      };
    },
    run(step, durationMs) {
      const jumped = last < 0 || Math.abs(step - last) > 1;
      last = step;
      if (durationMs <= 0 || step === 0 || jumped) {
        set(1);
        return () => {};
      }
      set(0);
      let raf = 0;
      let start = -1;
      const tick = (now: number): void => {
        if (start < 0) start = now;
        const p = Math.min(1, (now - start) / durationMs);
        set(p);
        if (p < 1) raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
      return () => cancelAnimationFrame(raf);
    },
  };
}

/**
 * A clock for the figure. It restarts in a layout effect, so the first paint of a new step already
 * shows its tokens at progress 0 (the subscribed layers re-render before the browser paints).
 */
export function useStepClock(step: number, durationMs: number): StepClock {
  const [clock] = useState(createStepClock);
  useLayoutEffect(() => clock.run(step, durationMs), [clock, step, durationMs]);
  return clock;
}

/** The clock's progress, for a layer that draws motion. */
export function useClockProgress(clock: StepClock): number {
  return useSyncExternalStore(clock.subscribe, clock.get, clock.get);
}
