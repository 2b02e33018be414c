/**
 * The Worker's warm-up after a load: the path a seek takes (copy a keyframe, replay from it, build the
 * frame, copy a world), run on private copies in idle time, so that the first seeks a learner makes find
 * that code compiled for this scenario's worlds instead of paying for it (docs/PERFORMANCE.md, "cold
 * seeks"). Nothing here moves the cursor, the frontier or the marks: like a lesson's look-ahead
 * (windows.ts traceWindow), steps beyond the frontier are computed on the private copy only.
 *
 * The host (src/worker/engine-host.ts) runs the units in slices between requests; a unit is bounded by
 * WARM_UP.replay steps, one frame and one copy.
 */

import type { TraceRecord } from '../model/trace';
import { buildFrame } from '../sim/frame';
import { stepWorld } from '../sim/step';
import { cloneWorld } from '../timeline/keyframes';
import { keyframeCopyAt } from '../timeline/timeline';
import type { Run } from './run';

export const WARM_UP = {
  /** Units after each load. */
  units: 24,
  /** Steps a unit replays at most. */
  replay: 300,
  /** Targets spread over the frontier, or over this many steps when less is known yet. */
  reach: 1500,
} as const;

/** Unit i of the warm-up (0 ≤ i < WARM_UP.units): a seek to a spread-out target, on a private copy. */
export function warmUpUnit(r: Run, i: number): void {
  const tl = r.tl;
  let reach = Math.max(tl.known, WARM_UP.reach);
  if (tl.end !== null) reach = Math.min(reach, tl.end);
  // Targets spread evenly by the golden ratio (deterministic, no two close together).
  const target = Math.floor((((i + 1) * 0.6180339887) % 1) * (reach + 1));
  const w = keyframeCopyAt(tl, Math.min(target, tl.known));
  const to = Math.min(target, w.step + WARM_UP.replay);
  let recs: TraceRecord[] = [];
  while (w.step < to) {
    const next = stepWorld(w, tl.ctx);
    if (next === null) break;
    recs = next;
  }
  buildFrame(w, recs, { limit: r.frameLimit });
  cloneWorld(w);
}
