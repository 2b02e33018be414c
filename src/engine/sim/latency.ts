/** Seeded latencies (spec: every request and every watch delivery takes a seeded, configurable time). */

import { nextInt } from '../kernel/prng';
import type { Range } from '../model/scenario';
import type { World } from './world';

/** How long a resource event handler takes for one notification (plus a slowHandlers fault in force). */
export function drawHandlerLatency(w: World, r: Range): number {
  const base = r.max > r.min ? nextInt(w.rng, r.min, r.max + 1) : r.min;
  return base + (w.now < w.faults.handlerExtraUntil ? w.faults.handlerExtraMs : 0);
}

/** A uniform integer in [min, max] ms, plus any latency a scripted fault adds right now. */
export function drawLatency(w: World, r: Range, faultable = true): number {
  const base = r.max > r.min ? nextInt(w.rng, r.min, r.max + 1) : r.min;
  const extra = faultable && w.now < w.faults.extraLatencyUntil ? w.faults.extraLatencyMs : 0;
  return base + extra;
}
