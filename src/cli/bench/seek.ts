/**
 * Figure 2 of `npm run bench`: timeline seek latency and the heap a long timeline holds.
 *
 * A timeline (keyframes spaced by the timeline's cost model, or every `interval` steps) is built by
 * seeking to `steps`, which steps the cursor world there and keeps keyframes on the way. The heap it holds is
 * `heapUsed` after a full GC minus `heapUsed` after a full GC before it was created: the keyframes, the
 * cursor world and the context (the scenario was loaded before the first measurement). Then `seeks`
 * seeks to uniformly random steps in [0, last step] (seeded) are timed one by one, after warm-up seeks
 * (timed too, reported apart as the cold figure). A seek restores the nearest keyframe at or before its
 * target (a copy sharing the API objects: engine/timeline/keyframes.ts) and replays the steps after it, or
 * continues from the cursor when the target is ahead of it and that costs less.
 */

import type { Scenario } from '../../engine/model/scenario';
import { createTimeline, seek } from '../../engine/timeline/timeline';
import { median, seededRandom } from './stats';

export interface SeekResult {
  /** Last step of the timeline: `steps`, or less if the run ended earlier. */
  readonly lastStep: number;
  readonly ended: boolean;
  readonly buildMs: number;
  readonly virtualMs: number;
  readonly keyframes: number;
  /** Steps between consecutive keyframes: smallest, median, largest. */
  readonly spacing: { readonly min: number; readonly median: number; readonly max: number };
  readonly heapBytes: number;
  /** Each timed seek, ms, in the order run. */
  readonly latenciesMs: readonly number[];
  /** Each warm-up seek (the first seeks after the build), ms, in the order run. */
  readonly warmupLatenciesMs: readonly number[];
}

function heapAfterGc(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

export function runSeek(
  scenario: Scenario,
  opts: {
    steps: number;
    interval: number | null;
    seeks: number;
    warmupSeeks: number;
    seed: number;
    gc: () => void;
  },
): SeekResult {
  const heap0 = heapAfterGc(opts.gc);
  const t0 = performance.now();
  const tl = createTimeline(scenario, opts.interval === null ? {} : { keyframeInterval: opts.interval });
  seek(tl, opts.steps);
  const buildMs = performance.now() - t0;
  const lastStep = tl.cursor.step;
  const virtualMs = tl.cursor.now;
  const heapBytes = heapAfterGc(opts.gc) - heap0;

  // Warm-up seeks, timed apart: right after the build, seeks run several times slower for the first
  // ~150 of them while V8 re-optimises for the object shapes of structured-cloned worlds.
  const warm = seededRandom(opts.seed ^ 0x5a5a5a5a);
  const warmupLatenciesMs: number[] = [];
  for (let i = 0; i < opts.warmupSeeks; i++) {
    const target = Math.floor(warm() * (lastStep + 1));
    const t = performance.now();
    seek(tl, target);
    warmupLatenciesMs.push(performance.now() - t);
  }
  const rnd = seededRandom(opts.seed);
  const latenciesMs: number[] = [];
  for (let i = 0; i < opts.seeks; i++) {
    const target = Math.floor(rnd() * (lastStep + 1));
    const t = performance.now();
    const { world } = seek(tl, target);
    latenciesMs.push(performance.now() - t);
    if (world.step !== target) throw new Error(`seek(${target}) landed on step ${world.step}`);
  }
  return {
    lastStep,
    ended: tl.end !== null,
    buildMs,
    virtualMs,
    keyframes: tl.keyframes.length,
    spacing: spacingOf(tl.keyframes.map((k) => k.step)),
    heapBytes,
    latenciesMs,
    warmupLatenciesMs,
  };
}

function spacingOf(steps: readonly number[]): SeekResult['spacing'] {
  const d: number[] = [];
  for (let i = 1; i < steps.length; i++) d.push(steps[i]! - steps[i - 1]!);
  if (d.length === 0) return { min: 0, median: 0, max: 0 };
  return { min: Math.min(...d), median: median(d), max: Math.max(...d) };
}
