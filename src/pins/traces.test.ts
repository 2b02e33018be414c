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

// Re-pinned (ENGINE_BEHAVIOUR_VERSION 2, issue 7 point 5): record params became structured data
// instead of English text. Steps reached were unchanged; frame digests changed only where the step's
// records carry a changed param.
// Re-pinned (ENGINE_BEHAVIOUR_VERSION 3, issue 8): the API server as it really is. One Cacher per kind
// (list RVs are the kind's cache RV, bookmarks carry it, too-old is per kind), etcd serving "" lists,
// periodic compaction (a new record every 5 min), GC of late orphans, Deployments created without
// labels, a `servedBy` param on apiserver.list, and lessons 3 and 4 rewritten.
const PINS: Record<string, string> = {
  'library default': '4aa0665c 5000 1ffc91da 87f558f8',
  'library heavy': 'ba58824a 3000 b9a5f495 22d9840c',
  'random 1': '7025024c 3000 63ef5dd5 cf92fd3e',
  'random 2': 'b86bb0fe 3000 c8beb632 138ac2f7',
  'random 3': 'fa4a60f3 3000 86760783 19279ae1',
  'lesson cold-start': 'bfd42a26 75 ad76d92e b235cd44',
  'lesson watch-timeout': '9f77b084 45 807949ee c32cf450',
  'lesson gone-410': 'a47943c3 140 55dca30e b1046670',
  'lesson bookmarks': 'f77a5a79 135 b9bb4d5b 1afeed81',
  'lesson tombstone': 'ed0330f9 52 50c8f8ec 0b4e4831',
  'lesson resync': '31fe1e08 62 2e61b8a6 12b97c70',
  'lesson workqueue-coalesces': '020f5fae 78 0bd6c694 58d01854',
  'lesson backoff': '342642c1 52 edbcd8e4 900c115e',
  'lesson stale-cache': '5203a86f 140 21ecdf0b 18e21509',
  'lesson fifo-keeps-place': 'e9ed696a 50 ced5281b 561d22f9',
  'lesson callback-follows-cache': 'ac5fb0c5 50 81e5a269 9389969d',
  'lesson finalizers': 'b136bd00 43 9e5941f7 573ec163',
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
