/**
 * Figure 2b of `npm run bench`: a seek as the engine Worker serves it, in big worlds. The scenario is
 * the browser bench's (src/cli/browser-bench/scenario.ts: N Foos and 1,000 replica updates), opened
 * in an EngineHost (src/worker/engine-host.ts) as the page opens it and advanced `steps` steps, as
 * the browser bench's fast-forward does. Then seeks to seeded uniformly random steps in [0, known]
 * are timed one by one: `host.handle` (keyframe restore, replay, frame building) and, apart, a
 * structuredClone of the answer (what postMessage does on both sides of the Worker boundary). The first
 * `cold` seeks after the advance are reported apart: that is what a learner who scrubs at once gets.
 */
import { createEngineHost } from '../../worker/engine-host';
import type { Response } from '../../worker/protocol';
import { benchScenarioText } from '../browser-bench/scenario';
import { seededRandom } from './stats';

export interface HostSeekResult {
  readonly foos: number;
  readonly known: number;
  /** Per timed seek: host.handle, ms. */
  readonly handleMs: readonly number[];
  /** Per timed seek: structuredClone of the answer, ms. */
  readonly postMs: readonly number[];
  /** The first seeks after the advance (handle + clone), ms. */
  readonly coldMs: readonly number[];
}

export function runHostSeek(
  foos: number,
  opts: { steps: number; cold: number; warmup: number; seeks: number; seed: number },
): HostSeekResult {
  const host = createEngineHost();
  let id = 1;
  const ask = (body: Record<string, unknown>): Response => {
    const res = host.handle({ id: id++, ...body } as never);
    if (res.type === 'error') throw new Error(`host-seek: ${res.message}`);
    return res;
  };
  ask({
    type: 'open',
    session: { source: { kind: 'text', text: benchScenarioText(foos) }, interventions: [], step: 0 },
  });
  // Fast-forward as the page does: batches of advance requests.
  let known = 0;
  while (known < opts.steps) {
    const res = ask({ type: 'advance', steps: Math.min(1000, opts.steps - known), summary: true });
    if (res.type !== 'frame') throw new Error('host-seek: no frame');
    known = res.known;
    if (res.ended) break;
  }
  const seekTo = (step: number): { handle: number; post: number } => {
    const t0 = performance.now();
    const res = ask({ type: 'seek', step });
    const t1 = performance.now();
    structuredClone(res);
    const t2 = performance.now();
    if (res.type !== 'frame' || res.frame.step !== step) throw new Error(`host-seek: seek to ${step} missed`);
    return { handle: t1 - t0, post: t2 - t1 };
  };
  const warm = seededRandom(opts.seed ^ 0x5a5a5a5a);
  const coldMs: number[] = [];
  for (let i = 0; i < opts.cold + opts.warmup; i++) {
    const s = seekTo(Math.floor(warm() * (known + 1)));
    if (i < opts.cold) coldMs.push(s.handle + s.post);
  }
  const rnd = seededRandom(opts.seed);
  const handleMs: number[] = [];
  const postMs: number[] = [];
  for (let i = 0; i < opts.seeks; i++) {
    const s = seekTo(Math.floor(rnd() * (known + 1)));
    handleMs.push(s.handle);
    postMs.push(s.post);
  }
  return { foos, known, handleMs, postMs, coldMs };
}
