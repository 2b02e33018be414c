/**
 * Pins (issue 7): the traces and frame digests of the built-in scenarios, every lesson and a few random
 * scenarios, recorded before the redesign. A refactor must keep them byte-identical; a change of engine
 * behaviour (or of what a record carries) re-pins them in a commit of its own and bumps
 * ENGINE_BEHAVIOUR_VERSION (src/engine/version.ts).
 *
 * Each row: FNV-1a of the JSON of every record up to `steps`, the step reached, the digest of the frame
 * there (with that step's records), and the digest after seeking back to step steps/2 through the
 * timeline's keyframes.
 */
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../engine/kernel/hash';
import type { Scenario } from '../engine/model/scenario';
import type { TraceRecord } from '../engine/model/trace';
import { buildFrame } from '../engine/sim/frame';
import { stepWorld } from '../engine/sim/step';
import { randomScenario } from '../engine/sim/test-scenarios';
import { createTimeline, seek } from '../engine/timeline/timeline';
import { LESSONS, lessonById } from '../scenarios/lessons';
import { libraryScenario } from '../scenarios/library';
import { parseScenario } from '../scenarios/parse';

function library(name: string): Scenario {
  const r = parseScenario(libraryScenario(name)!.yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function pin(scenario: Scenario, steps: number): string {
  const tl = createTimeline(scenario, { keyframeInterval: 250 });
  const w = structuredClone(tl.keyframes[0]!);
  const all: TraceRecord[] = [];
  let last: TraceRecord[] = [];
  while (w.step < steps) {
    const recs = stepWorld(w, tl.ctx);
    if (recs === null) break;
    for (const r of recs) all.push(r);
    last = recs;
  }
  const end = buildFrame(w, last).digest;
  const half = Math.floor(w.step / 2);
  seek(tl, w.step);
  const back = seek(tl, half);
  const mid = buildFrame(back.world, back.records).digest;
  return `${fnv1a(JSON.stringify(all))} ${w.step} ${end} ${mid}`;
}

// Re-pinned once (ENGINE_BEHAVIOUR_VERSION 2, issue 7 point 5): record params became structured data
// instead of English text. Steps reached are unchanged; frame digests changed only where the step's
// records carry a changed param.
// Re-pinned again (ENGINE_BEHAVIOUR_VERSION 4, issue 9): the REST clients. Every frame carries the
// clients view (tokens, waits), so every frame digest changed. Traces changed where a request waited for
// a token or was retried after a Retry-After (default: six status writes throttled at start-up; random
// scenarios: throttling and retried 429s; heavy: its writes at 5 QPS) and, for callback-follows-cache,
// where a worker write's server step now ties differently with another step at the same millisecond
// (its agenda entry is made when the reconcile's own work ends). The other eleven lesson traces are
// byte-identical; lessons client-throttling and retry-after are new.
const PINS: Record<string, string> = {
  'library default': 'dc4e5b81 5000 ac044dbe 8835fd83',
  'library heavy': 'bcb90b6a 3000 9ce3bc5b e18a1d1c',
  'random 1': '256e3d32 3000 f99df190 3335b23b',
  'random 2': '29272142 3000 dcfdb8a9 e1b5c2dd',
  'random 3': 'd273df35 3000 00420979 8e534bef',
  'lesson cold-start': '3dbb9ae7 75 3d41bbaa 495febf2',
  'lesson watch-timeout': 'b46d1bbb 45 a2eacf03 8cd4c269',
  'lesson gone-410': '7895f904 140 ac91bc94 d827fa58',
  'lesson bookmarks': '2ab25b90 135 2bbd94ff 8faa9aca',
  'lesson tombstone': 'a5a9f054 52 a831c7bd de9c2d59',
  'lesson resync': '9ddb2735 62 480ceedc 3a8a9510',
  'lesson workqueue-coalesces': '4d059d05 78 452c2654 40846cd6',
  'lesson backoff': '112e42bc 52 23a68803 4dafa0a8',
  'lesson stale-cache': '5e296389 140 6b93adbc 23877ed6',
  'lesson fifo-keeps-place': '5cbd751c 50 b83a649b cda7bcd2',
  'lesson callback-follows-cache': '0c0d0394 50 70b55b8d e8c3fc7d',
  'lesson finalizers': '3a756177 43 ffebc0bd f89e6301',
  'lesson client-throttling': '80c8708a 386 bb627ff2 24190743',
  'lesson retry-after': 'efabbda2 96 8d72fc6e d8cd654d',
};

describe('pinned traces (byte-identical across refactors)', () => {
  const cases: [string, () => Scenario, number][] = [
    ['library default', () => library('default'), 5000],
    ['library heavy', () => library('heavy'), 3000],
    ...[1, 2, 3].map((s): [string, () => Scenario, number] => [`random ${s}`, () => randomScenario(s), 3000]),
    ...LESSONS.map((l): [string, () => Scenario, number] => [
      `lesson ${l.id}`,
      () => lessonById(l.id)!.scenario,
      lessonById(l.id)!.steps,
    ]),
  ];
  for (const [name, make, steps] of cases) {
    it(name, () => {
      const got = pin(make(), steps);
      if (process.env.PRINT_PINS) console.log(`PIN ${JSON.stringify(name)}: ${JSON.stringify(got)},`);
      expect(got).toBe(PINS[name]);
    });
  }
});
