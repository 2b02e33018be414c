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
const PINS: Record<string, string> = {
  'library default': '4c140a24 5000 11c5978a e32a5aa6',
  'library heavy': '658b7d15 3000 555bb1c2 fe9357a6',
  'random 1': '0fd67e85 3000 1612244f d885bf04',
  'random 2': 'ab8409b5 3000 31e845cd 8cb271f9',
  'random 3': '93464381 3000 89adee8e db638089',
  'lesson cold-start': '3dbb9ae7 75 22d5b151 a9ca4a93',
  'lesson watch-timeout': 'b46d1bbb 45 18e93004 c98eba8a',
  'lesson gone-410': '7895f904 140 84963092 1307aefa',
  'lesson bookmarks': '2ab25b90 135 764fe5fe 4194d4df',
  'lesson tombstone': 'a5a9f054 52 6fc0ebb3 97f6f66a',
  'lesson resync': '9ddb2735 62 bc24f459 d30b9132',
  'lesson workqueue-coalesces': '4d059d05 78 0c261b38 f529a8e7',
  'lesson backoff': '112e42bc 52 4244ef06 1d7fe070',
  'lesson stale-cache': '5e296389 140 68797bef f8ca714d',
  'lesson fifo-keeps-place': '5cbd751c 50 92dbf276 69b47afe',
  'lesson callback-follows-cache': '9b12bb1c 50 f69d1beb e73e3762',
  'lesson finalizers': '3a756177 43 ac3a6b28 69213b4d',
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
