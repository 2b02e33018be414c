import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock';
import { createPlayer } from './player';
import type { Speed } from './types';

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A player on a manual clock whose advances answer when the test says so. */
function setup(speed: Speed) {
  const clock = createManualClock();
  const asked: number[] = [];
  const pending: (() => void)[] = [];
  const applied: number[] = [];
  let step = 0;
  const player = createPlayer({
    clock,
    speed: () => speed,
    advance: (steps) => {
      asked.push(steps);
      return new Promise((resolve) => {
        pending.push(() =>
          resolve(() => {
            step += steps;
            applied.push(step);
            return true;
          }),
        );
      });
    },
    advanceToTime: () => Promise.resolve(null),
    shown: () => ({ step, time: 0 }),
    setPlayTime: () => {},
    onStop: () => {},
  });
  /** Lets the engine answer every request asked so far. */
  const answer = async (): Promise<void> => {
    for (const r of pending.splice(0)) r();
    await flush();
  };
  return { clock, player, asked, applied, answer };
}

describe('player: batches are pipelined', () => {
  it('asks for the next batch right after applying one, and applies at most one per animation frame', async () => {
    const { clock, player, asked, applied, answer } = setup('max');
    player.start();
    expect(asked.length).toBe(1); // the first batch is asked at once
    await answer();
    // Applied at once (nothing applied in this frame yet), and the next batch asked right away.
    expect(applied.length).toBe(1);
    expect(asked.length).toBe(2);
    await answer();
    // This frame already applied one: the answer waits for the next animation frame.
    expect(applied.length).toBe(1);
    expect(asked.length).toBe(2);
    clock.animationFrame(16);
    expect(applied.length).toBe(2);
    expect(asked.length).toBe(3);
    for (let i = 0; i < 5; i++) {
      await answer();
      clock.animationFrame(16);
    }
    expect(applied.length).toBe(7);
    expect(asked.length).toBe(8);
    player.stop();
  });

  it('a stop applies the answer it kept and any answer still on its way', async () => {
    const { clock, player, applied, answer } = setup('max');
    player.start();
    await answer();
    await answer(); // kept for the next frame
    expect(applied.length).toBe(1);
    player.stop();
    expect(applied.length).toBe(2);
    clock.animationFrame(16);
    await answer(); // none was in flight after the stop
    expect(applied.length).toBe(2);

    player.start();
    player.stop(); // its first batch is on its way
    await answer();
    expect(applied.length).toBe(3);
  });

  it('at a numeric speed it asks only for the steps owed since the last batch', async () => {
    const { clock, player, asked, answer } = setup(100);
    player.start();
    expect(asked).toEqual([]); // nothing owed yet
    clock.animationFrame(25);
    expect(asked).toEqual([2]); // 2.5 owed: 2 now, half a step carried over
    await answer();
    expect(asked).toEqual([2]); // nothing owed right after
    clock.animationFrame(25);
    expect(asked).toEqual([2, 3]);
    player.stop();
  });
});
