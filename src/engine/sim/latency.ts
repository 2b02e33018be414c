/** Seeded latencies (spec: every request and every watch delivery takes a seeded, configurable time). */

import type { Range } from '../../scenarios/types';
import { nextInt } from '../kernel/prng';
import type { World } from './world';

/** A uniform integer in [min, max] ms, plus any latency a scripted fault adds right now. */
export function drawLatency(w: World, r: Range, faultable = true): number {
  const base = r.max > r.min ? nextInt(w.rng, r.min, r.max + 1) : r.min;
  const extra = faultable && w.now < w.faults.extraLatencyUntil ? w.faults.extraLatencyMs : 0;
  return base + extra;
}
