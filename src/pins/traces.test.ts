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
import { randomHaScenario, randomScenario } from '../engine/sim/test-scenarios';
import { cloneWorld } from '../engine/timeline/keyframes';
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
  const w = cloneWorld(tl.keyframes[0]!).world;
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
// Re-pinned again (ENGINE_BEHAVIOUR_VERSION 4, issue 9, merged onto issue 8's server): the REST clients. Every frame carries the
// clients view (tokens, waits), so every frame digest changed. Traces changed where a request waited for
// a token or was retried after a Retry-After (default: six status writes throttled at start-up; random
// scenarios: throttling and retried 429s; heavy: its writes at 5 QPS) and, for callback-follows-cache,
// where a worker write's server step now ties differently with another step at the same millisecond
// (its agenda entry is made when the reconcile's own work ends). The other eleven lesson traces are
// byte-identical; lessons client-throttling and retry-after are new.
// Added (ENGINE_BEHAVIOUR_VERSION 5, issue 10): HA apiserver replicas. Nothing above moved (a scenario
// with one apiserver replays as before); two random scenarios on 2–3 replicas with replica lags and
// restarts, and lessons replica-restart and lagging-replica, are new.
// Added (issue 12, lessons in both eras): nothing above moved (the classic lessons now say
// `settings.era: classic`, the default); the five modern lessons 18-22 are new.
const PINS: Record<string, string> = {
  'library default': '622f9e15 5000 3d2cd077 54ea535e',
  'library heavy': 'b931e9a0 3000 dbce2961 2b280987',
  'random 1': '3decc306 3000 ff0e9cb5 611ab19a',
  'random 2': '5d9d9a5b 3000 2eaa656b a3ac1e77',
  'random 3': '328c687b 3000 70423038 d55113d8',
  'random ha 1': '91261e8c 3000 9ae9bd63 a76dcef1',
  'random ha 2': 'dc25c4e0 3000 7aaae8de 2ce6ba21',
  'lesson cold-start': '51662efd 75 75a7d562 88a6bd9b',
  'lesson watch-timeout': '42e2340a 45 adf8fd2b 66255cde',
  'lesson gone-410': '1e3c32b0 140 0514b38d a433bcd5',
  'lesson bookmarks': 'f4d1f390 135 b885e084 16942b1f',
  'lesson tombstone': '7b3ad9af 52 6a2b3c2c 3a5f7446',
  'lesson resync': 'c759ef8b 62 698f133d c67a3d81',
  'lesson workqueue-coalesces': '89b830f1 78 4fb5dd37 a20e677a',
  'lesson backoff': '31827b8e 52 b9502ffa f0ec2650',
  'lesson stale-cache': 'e37256e9 140 47a5cb7a dd7bdc4a',
  'lesson fifo-keeps-place': 'e2b113d0 50 6e4f02d8 83987611',
  'lesson callback-follows-cache': 'f8422c45 50 e344f346 47678846',
  'lesson apiserver-restart': 'a01c5e68 72 b1e9d1e8 3478c3e6',
  'lesson finalizers': '7a4cd41e 43 d64555cc 7ad5d741',
  'lesson client-throttling': '5bab9d81 392 0439c61e 2346c2c0',
  'lesson retry-after': 'acc32f55 96 71689fef f5bb59f1',
  'lesson replica-restart': '72605e6d 86 fe365446 ca95d6bd',
  'lesson lagging-replica': '8c980bc5 93 b3d8c440 36677dca',
  'lesson stream-order': '8ff51942 50 ef62d7d9 ecddd555',
  'lesson batch-processing': '8bead175 50 9f42d108 2e3b712e',
  'lesson atomic-replace': '31cf73c1 60 75a06e62 26ceee31',
  'lesson watch-list': '44e391ca 36 ee25dfcb 1a90f6ea',
  'lesson watch-list-fallback': 'e54b7fd6 36 30e05f29 5e020ac6',
};

describe('pinned traces (byte-identical across refactors)', () => {
  const cases: [string, () => Scenario, number][] = [
    ['library default', () => library('default'), 5000],
    ['library heavy', () => library('heavy'), 3000],
    ...[1, 2, 3].map((s): [string, () => Scenario, number] => [`random ${s}`, () => randomScenario(s), 3000]),
    ...[1, 2].map((s): [string, () => Scenario, number] => [
      `random ha ${s}`,
      () => randomHaScenario(s),
      3000,
    ]),
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
