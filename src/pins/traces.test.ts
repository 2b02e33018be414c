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
// labels, a `servedBy` param on apiserver.list, and lessons 3 and 4 rewritten; then again for the
// sample-controller's Events (an etcd write per successful sync, asynchronous to the worker), and for
// bookmarks filtered against the watch's start RV only (they may repeat an RV, as cache_watcher.go does).
const PINS: Record<string, string> = {
  'library default': 'adf4bb2c 5000 d56bec90 ee580e07',
  'library heavy': 'b2266107 3000 2a01b0e3 a5222d60',
  'random 1': 'c39e112f 3000 ce57a1d0 6c266c3b',
  'random 2': '7862740f 3000 d46e13d2 4f2ea331',
  'random 3': 'b8027a39 3000 7bcf1489 471b995d',
  'lesson cold-start': '51662efd 75 15c9aa93 60dcb357',
  'lesson watch-timeout': '42e2340a 45 caf49e7e b46709b3',
  'lesson gone-410': '1e3c32b0 140 edf2d3b9 ffb2ebc6',
  'lesson bookmarks': 'f4d1f390 135 da0e8fd0 c0ac692d',
  'lesson tombstone': '7b3ad9af 52 7b2a9ea3 0540f407',
  'lesson resync': 'c759ef8b 62 83591c7a 86dc4f54',
  'lesson workqueue-coalesces': '89b830f1 78 a046ec82 e8e44fa3',
  'lesson backoff': '31827b8e 52 8252d508 dafa9218',
  'lesson stale-cache': 'e37256e9 140 db70c587 bce29917',
  'lesson fifo-keeps-place': 'e2b113d0 50 de1a300c bda69ff3',
  'lesson callback-follows-cache': 'f8422c45 50 2d02f877 f63ed283',
  'lesson apiserver-restart': 'a01c5e68 72 4a3cf5d5 f8559d45',
  'lesson finalizers': '7a4cd41e 43 b57f74f7 d251678d',
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
