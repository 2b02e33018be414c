/**
 * settings.mistakes: each switch makes the sample controller behave like a common buggy controller, and
 * the outcome differs from the correct controller in exactly the described way (C7/SI10, SI12, W9/W10,
 * W3, SI3). With every switch off the traces are byte-identical to the ones recorded before the switches
 * had any behaviour.
 */
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { serverGet } from '../apiserver';
import { indexerGetByKey } from '../client-go/indexer';
import { wqSnapshot } from '../client-go/workqueue';
import { fnv1a } from '../kernel/hash';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { isMessageId, MESSAGE_IDS, messageSpec } from '../model/messages';
import type { Foo } from '../model/objects';
import type { ControllerMistakes, ObjectManifest, Scenario, ScriptAction, Settings } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createTimeline, freshRun, seek } from '../timeline/timeline';
import { createWorld } from './create-world';
import { buildFrame } from './frame';
import { cacheDiff } from './invariants';
import { stepWorld } from './step';
import { randomScenario } from './test-scenarios';
import type { SimContext, World } from './world';

const NS = 'default';

function foo(name: string, replicas: number): ObjectManifest {
  return {
    kind: 'Foo',
    namespace: NS,
    name,
    labels: {},
    finalizers: [],
    spec: { deploymentName: name, replicas },
  };
}

function scenario(
  name: string,
  objects: ObjectManifest[],
  script: ScriptAction[],
  settings: Partial<Settings> = {},
  mistakes: Partial<ControllerMistakes> = {},
): Scenario {
  return {
    apiVersion: 'informer-lab/v1',
    name,
    title: name,
    description: '',
    seed: 7,
    settings: {
      ...DEFAULT_SETTINGS,
      ...settings,
      mistakes: { ...DEFAULT_SETTINGS.mistakes, ...mistakes },
    },
    objects,
    script,
  };
}

function withMistakes(s: Scenario, mistakes: Partial<ControllerMistakes>): Scenario {
  return { ...s, settings: { ...s.settings, mistakes: { ...s.settings.mistakes, ...mistakes } } };
}

/** Runs until virtual time `untilMs` (or `maxSteps`), calling `each` after every step. */
function runUntil(
  s: Scenario,
  untilMs: number,
  each?: (w: World, recs: TraceRecord[]) => void,
  maxSteps = 200_000,
): { w: World; recs: TraceRecord[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  while (w.now < untilMs && w.step < maxSteps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) recs.push(x);
    each?.(w, r);
  }
  return { w, recs };
}

function runSteps(s: Scenario, steps: number): { w: World; recs: TraceRecord[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) recs.push(x);
  }
  return { w, recs };
}

const ids = (recs: readonly TraceRecord[]): Set<string> => new Set(recs.map((r) => r.message));
const serverFoo = (w: World, name: string) => serverGet(w.server, 'Foo', NS, name) as Foo | undefined;
const cachedFoo = (w: World, name: string) =>
  indexerGetByKey(w.lanes.Foo.indexer, `${NS}/${name}`) as Foo | undefined;

const MISTAKE_IDS = [
  'worker.cache-mutated',
  'worker.mutated-stale-object',
  'handler.no-change-seen',
  'handler.tombstone-not-unwrapped',
  'worker.forget-skipped',
  'worker.done-skipped',
  'workqueue.add-stuck',
  'handler.foo-resync-dropped',
];

describe('all switches off: nothing changes', () => {
  it('the default scenario and a random one give the traces recorded before the switches existed', () => {
    const r = parseScenario(libraryScenario('default')!.yaml);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // Hashes recorded before the mistakes were implemented: FNV-1a of the JSON trace, steps, frame digest.
    // The trace hashes were re-pinned when record params became structured data instead of English
    // text (ENGINE_BEHAVIOUR_VERSION 2); the steps and these frame digests did not change. Re-pinned for
    // issue 8's server (version 3: src/pins/traces.test.ts says what moved) and for the REST clients
    // (version 4, issue 9): frames carry the caches and clients views, and both runs have writes that
    // wait for a token or are retried after a Retry-After.
    const a = runSteps(r.scenario, 5000);
    expect([fnv1a(JSON.stringify(a.recs)), a.w.step, buildFrame(a.w, []).digest]).toEqual([
      '622f9e15',
      5000,
      '3beb0e47',
    ]);
    const b = runSteps(randomScenario(2), 4000);
    expect([fnv1a(JSON.stringify(b.recs)), b.w.step, buildFrame(b.w, []).digest]).toEqual([
      '15bbd6a2',
      4000,
      '7d99e1b5',
    ]);
    for (const id of MISTAKE_IDS) expect(ids(a.recs).has(id)).toBe(false);
  });

  it('every message the mistakes emit is in the catalog, tagged with its mistake (its texts name it)', () => {
    const names: Record<string, string> = {
      'worker.cache-mutated': 'noDeepCopy',
      'worker.mutated-stale-object': 'noDeepCopy',
      'handler.no-change-seen': 'noDeepCopy',
      'handler.tombstone-not-unwrapped': 'noTombstoneUnwrap',
      'worker.forget-skipped': 'noForget',
      'worker.done-skipped': 'noDone',
      'workqueue.add-stuck': 'noDone',
      'handler.foo-resync-dropped': 'filterAllResyncs',
    };
    for (const id of MISTAKE_IDS) expect(messageSpec(id)?.mistake).toBe(names[id]);
    const tagged = MESSAGE_IDS.filter((id) => messageSpec(id)?.mistake !== undefined);
    expect([...tagged].sort()).toEqual([...MISTAKE_IDS].sort());
  });
});

describe('noDeepCopy (C7, SI10): the worker mutates the lister’s Foo instead of a copy', () => {
  // Foo a (3 replicas) is created at 1 s; its replicas all become ready at once ~0.5 s later, and from
  // 1.3 s the API server answers 500 for 3 s, so the status write that would repair the cache fails and
  // is retried until 4.3 s. The informer resyncs every second.
  const base = scenario(
    'no-deep-copy',
    [],
    [
      { at: 1000, action: 'create', object: foo('a', 3) },
      { at: 1300, action: 'apiErrors', code: 500, durationMs: 3000 },
    ],
    { resyncPeriodMs: 1000, deploymentRollout: { min: 500, max: 500 } },
  );

  interface Seen {
    mutatedFrames: number;
    mutatedLister: number;
    corruptResyncs: number;
    recs: TraceRecord[];
    w: World;
  }
  function observe(s: Scenario): Seen {
    const seen = { mutatedFrames: 0, mutatedLister: 0, corruptResyncs: 0 };
    const { w, recs } = runUntil(s, 8000, (w, step) => {
      const diff = buildFrame(w, [], { limit: 10 }).lanes.Foo.indexer.diff;
      if (diff.some((d) => d.mutated === true && d.cached === d.server)) seen.mutatedFrames++;
      const c = cachedFoo(w, 'a');
      const sv = serverFoo(w, 'a');
      if (
        c !== undefined &&
        sv !== undefined &&
        c.metadata.resourceVersion === sv.metadata.resourceVersion &&
        c.status.availableReplicas !== sv.status.availableReplicas
      )
        seen.mutatedLister++;
      for (const r of step) {
        // A resync's OnUpdate(obj, obj) carrying a status the server does not have.
        if (r.message !== 'handler.OnUpdate' || r.lane !== 'Foo' || r.params.rv !== r.params.oldRv) continue;
        const o = r.object as Foo;
        if (o.status.availableReplicas !== sv?.status.availableReplicas) seen.corruptResyncs++;
      }
    });
    return { ...seen, recs, w };
  }

  it('the correct controller never lets the cache hold a state the server never had', () => {
    const ok = observe(base);
    expect([ok.mutatedFrames, ok.mutatedLister, ok.corruptResyncs]).toEqual([0, 0, 0]);
    expect(ok.recs.some((r) => MISTAKE_IDS.includes(r.message))).toBe(false);
    // the 500s happened and the status converged afterwards
    expect(ok.recs.some((r) => r.message === 'client.response-error' && r.params.code === 500)).toBe(true);
    expect(serverFoo(ok.w, 'a')?.status.availableReplicas).toBe(3);
    expect(cacheDiff(ok.w)).toEqual([]);
  });

  it('with noDeepCopy the lister, a resync and the frame diff show the mutated status; old/new look equal', () => {
    const bad = observe(withMistakes(base, { noDeepCopy: true }));
    const m = bad.recs.find((r) => r.message === 'worker.cache-mutated' && r.params.availableReplicas === 3)!;
    expect(m).toBeDefined();
    expect(m.params).toMatchObject({ availableReplicas: 3, rv: m.resourceVersion });
    expect(m.params.was as number).toBeLessThan(3);
    // The cache held rv N with status 3 while the server's rv N said 0: seen by the lister and the frame.
    expect(bad.mutatedLister).toBeGreaterThan(0);
    expect(bad.mutatedFrames).toBe(bad.mutatedLister);
    // The worker's next pass reads the mutated status from the lister.
    const after = bad.recs.slice(bad.recs.indexOf(m) + 1);
    const get = after.find((r) => r.message === 'worker.get-foo')!;
    expect((get.object as Foo).status.availableReplicas).toBe(3);
    expect(get.resourceVersion).toBe(m.resourceVersion);
    // Periodic resyncs (Sync deltas from the indexer) delivered the corrupted object to the handler.
    expect(bad.corruptResyncs).toBeGreaterThan(0);
    // When the status write finally succeeds, the MODIFIED's old object already had the new status.
    const same = bad.recs.find((r) => r.message === 'handler.no-change-seen');
    expect(same?.params).toMatchObject({ oldRv: m.resourceVersion, availableReplicas: 3 });
    // Then the server's object replaces the mutated one: the cache is repaired.
    expect(serverFoo(bad.w, 'a')?.status.availableReplicas).toBe(3);
    expect(cacheDiff(bad.w)).toEqual([]);
  });

  it('a mutated world replays identically from a keyframe (the shared object survives structuredClone)', () => {
    const tl = createTimeline(withMistakes(base, { noDeepCopy: true }), { keyframeInterval: 7 });
    // Whether a worker's Foo is the cached object itself decides what its mutation hits: a keyframe
    // restore must keep that identity.
    const holdsCached = (w: World): boolean[] =>
      w.controller.workers.map((wk) => wk.sync !== null && wk.sync.foo === cachedFoo(w, 'a'));
    let held = 0;
    for (let n = 160; n > 0; n -= 3) {
      const seeked = seek(tl, n).world;
      const fresh = freshRun(tl, n);
      expect(seeked).toEqual(fresh);
      expect(holdsCached(seeked)).toEqual(holdsCached(fresh));
      held += holdsCached(fresh).filter(Boolean).length;
    }
    expect(held).toBeGreaterThan(0);
  });
});

describe('noTombstoneUnwrap (SI12): a deletion learnt from a relist never enqueues the owner', () => {
  // Foo a and its Deployment settle; at 2 s the Deployment watch ends with 410 and the Deployment is
  // deleted at the same moment, so the informer learns the deletion from the relist (a tombstone). No
  // resync: only the tombstone can lead the controller to recreate the Deployment.
  const base = scenario(
    'no-tombstone-unwrap',
    [foo('a', 1)],
    [
      { at: 2000, action: 'watchError', code: 410, kind: 'Deployment' },
      { at: 2000, action: 'delete', target: { kind: 'Deployment', namespace: NS, name: 'a' } },
    ],
    { resyncPeriodMs: 0 },
  );
  const dep = (w: World) => serverGet(w.server, 'Deployment', NS, 'a');

  it('the correct controller unwraps the tombstone, enqueues Foo a and recreates the Deployment', () => {
    const { w, recs } = runUntil(base, 20_000);
    const t = recs.find((r) => r.message === 'handler.tombstone-unwrapped');
    expect(t?.key).toBe(`${NS}/a`);
    expect(recs.some((r) => r.message === 'deltafifo.tombstone')).toBe(true);
    const i = recs.indexOf(t!);
    expect(recs[i + 2]?.message).toBe('workqueue.add');
    expect(dep(w)).toBeDefined();
  });

  it('with noTombstoneUnwrap the tombstone is ignored and the Deployment stays missing', () => {
    const { w, recs } = runUntil(withMistakes(base, { noTombstoneUnwrap: true }), 20_000);
    const t = recs.find((r) => r.message === 'handler.tombstone-not-unwrapped');
    expect(t?.key).toBe(`${NS}/a`);
    expect(recs.some((r) => r.message === 'handler.tombstone-unwrapped')).toBe(false);
    expect(recs.filter((r) => r.time > 2000 && r.message === 'workqueue.add')).toEqual([]);
    expect(dep(w)).toBeUndefined();
  });
});

describe('noForget (W9, W10): NumRequeues survives success, so a later failure backs off from there', () => {
  // Foo a settles; at 2 s a label patch triggers a sync that fails three times (5, 10, 20 ms) and then
  // succeeds; at 4 s another patch triggers a sync that fails once.
  const touch = (at: number): ScriptAction => ({
    at,
    action: 'patch',
    target: { kind: 'Foo', namespace: NS, name: 'a' },
    labels: { touched: String(at) },
  });
  const base = scenario(
    'no-forget',
    [foo('a', 1)],
    [
      { at: 2000, action: 'failReconciles', count: 3 },
      touch(2000),
      { at: 4000, action: 'failReconciles', count: 1 },
      touch(4000),
    ],
  );
  const failures = (recs: TraceRecord[], from: number) =>
    recs
      .filter((r) => r.time >= from && r.message === 'worker.add-rate-limited')
      .map((r) => [r.params.delayMs, r.params.requeues]);

  it('the correct controller Forgets on success: the failure at 4 s waits 5 ms again', () => {
    const { recs } = runUntil(base, 6000);
    expect(failures(recs, 2000)).toEqual([
      [5, 1],
      [10, 2],
      [20, 3],
      [5, 1],
    ]);
    expect(recs.filter((r) => r.time >= 2000 && r.message === 'worker.forget').length).toBeGreaterThan(0);
  });

  it('with noForget the success keeps NumRequeues at 3 and the failure at 4 s waits 40 ms', () => {
    const { w, recs } = runUntil(withMistakes(base, { noForget: true }), 6000);
    expect(failures(recs, 2000)).toEqual([
      [5, 1],
      [10, 2],
      [20, 3],
      [40, 4],
    ]);
    const skipped = recs.filter(
      (r) => r.time >= 2000 && r.time < 4000 && r.message === 'worker.forget-skipped',
    );
    expect(skipped.map((r) => r.params.requeues)).toContain(3);
    expect(recs.some((r) => r.message === 'worker.forget')).toBe(false);
    expect(buildFrame(w, []).workqueue.metrics.retries).toBeGreaterThanOrEqual(4);
  });
});

describe('noDone (W3): the key stays in processing forever', () => {
  // Foo a is reconciled once; its Deployment's rollout then changes the Deployment, which enqueues a
  // again. At 3 s a user creates Foo b.
  const base = scenario('no-done', [foo('a', 1)], [{ at: 3000, action: 'create', object: foo('b', 1) }]);

  it('the correct controller reconciles a again after the rollout: its status follows the Deployment', () => {
    const { w, recs } = runUntil(base, 6000);
    expect(serverFoo(w, 'a')?.status.availableReplicas).toBe(1);
    expect(serverGet(w.server, 'Deployment', NS, 'b')).toBeDefined();
    expect(wqSnapshot(w.controller.queue).processing).toEqual([]);
    expect(recs.some((r) => r.message === 'workqueue.add-stuck')).toBe(false);
  });

  it('with noDone later Adds only mark a dirty, it is never handed out again; b is still processed', () => {
    const { w, recs } = runUntil(withMistakes(base, { noDone: true }), 6000);
    const a = `${NS}/a`;
    const gets = recs.filter((r) => r.message === 'worker.get' && r.key === a);
    expect(gets.length).toBe(1);
    expect(recs.find((r) => r.message === 'worker.done-skipped')?.key).toBe(a);
    expect(recs.some((r) => r.message === 'worker.done')).toBe(false);
    const stuck = recs.filter((r) => r.message === 'workqueue.add-stuck' && r.key === a);
    expect(stuck.length).toBeGreaterThan(0);
    const snap = wqSnapshot(w.controller.queue);
    expect(snap.processing).toContain(a);
    expect(snap.dirty).toContain(a);
    expect(snap.queue).not.toContain(a);
    expect(w.controller.workers.every((wk) => wk.key === null)).toBe(true);
    // The Deployment became ready but Foo a's status never followed it.
    expect(serverGet(w.server, 'Deployment', NS, 'a')?.status.availableReplicas).toBe(1);
    expect(serverFoo(w, 'a')?.status.availableReplicas).toBe(0);
    // The workers went on to other keys: b was reconciled (and is now stuck too).
    expect(serverGet(w.server, 'Deployment', NS, 'b')).toBeDefined();
    expect(snap.processing).toContain(`${NS}/b`);
  });
});

describe('filterAllResyncs (SI3): the Foo UpdateFunc drops resyncs, so resync repairs nothing', () => {
  it('the correct controller re-enqueues every Foo at each resync; with the switch the resyncs are dropped', () => {
    const base = scenario('resyncs', [foo('a', 1)], [], { resyncPeriodMs: 1000 });
    const resyncAdds = (recs: TraceRecord[]) =>
      recs.filter(
        (r, i) =>
          r.message === 'workqueue.add' &&
          recs[i - 1]?.message === 'handler.OnUpdate' &&
          recs[i - 1]?.lane === 'Foo' &&
          recs[i - 1]?.params.rv === recs[i - 1]?.params.oldRv,
      ).length;
    const ok = runUntil(base, 5500).recs;
    expect(resyncAdds(ok)).toBeGreaterThanOrEqual(4);
    const bad = runUntil(withMistakes(base, { filterAllResyncs: true }), 5500).recs;
    expect(resyncAdds(bad)).toBe(0);
    const dropped = bad.filter((r) => r.message === 'handler.foo-resync-dropped');
    expect(dropped.length).toBeGreaterThanOrEqual(4);
    expect(dropped.every((r) => r.key === `${NS}/a`)).toBe(true);
  });

  it('a Deployment deleted while its event was missed is repaired by the resync, unless resyncs are filtered', () => {
    // The Deployment's deletion reaches the handler only as a tombstone that noTombstoneUnwrap ignores (the
    // missed event); the Foo informer resyncs every second.
    const base = scenario(
      'missed-delete',
      [foo('a', 1)],
      [
        { at: 2000, action: 'watchError', code: 410, kind: 'Deployment' },
        { at: 2000, action: 'delete', target: { kind: 'Deployment', namespace: NS, name: 'a' } },
      ],
      { resyncPeriodMs: 1000 },
      { noTombstoneUnwrap: true },
    );
    const dep = (w: World) => serverGet(w.server, 'Deployment', NS, 'a');
    const missed = runUntil(base, 12_000);
    const ignored = missed.recs.find((r) => r.message === 'handler.tombstone-not-unwrapped')!;
    expect(ignored).toBeDefined();
    expect(dep(missed.w)).toBeDefined();
    // The next resync after the ignored tombstone re-enqueues a, whose sync recreates the Deployment.
    const later = missed.recs.slice(missed.recs.indexOf(ignored));
    const resync = later.findIndex((r) => r.message === 'handler.OnUpdate' && r.lane === 'Foo');
    expect(later[resync]!.params.rv).toBe(later[resync]!.params.oldRv);
    expect(later[resync + 1]?.message).toBe('workqueue.add');
    const create = later.find((r) => r.message === 'client.request')!;
    expect(create.params.verb).toBe('create');
    expect(create.time - ignored.time).toBeLessThanOrEqual(1100);
    const filtered = runUntil(withMistakes(base, { filterAllResyncs: true }), 12_000);
    expect(filtered.recs.some((r) => r.message === 'handler.tombstone-not-unwrapped')).toBe(true);
    expect(filtered.recs.filter((r) => r.message === 'handler.foo-resync-dropped').length).toBeGreaterThan(5);
    expect(dep(filtered.w)).toBeUndefined();
  });
});

describe('any combination of mistakes runs on random scenarios', () => {
  it('no crash, every emitted id is in the catalog, and a key is never held by two workers (W3)', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 8; seed++) {
      const s = randomScenario(seed);
      const mistakes: ControllerMistakes = {
        noDeepCopy: (seed & 1) !== 0,
        noTombstoneUnwrap: (seed & 2) !== 0,
        noForget: (seed & 4) !== 0,
        noDone: seed % 3 === 0,
        filterAllResyncs: (seed & 2) === 0,
      };
      runUntil(
        withMistakes(s, mistakes),
        30_000,
        (w, recs) => {
          for (const r of recs) seen.add(r.message);
          const held = w.controller.workers.filter((wk) => wk.key !== null).map((wk) => wk.key);
          expect(new Set(held).size).toBe(held.length);
        },
        3000,
      );
    }
    expect([...seen].filter((m) => !isMessageId(m))).toEqual([]);
    for (const id of [
      'worker.cache-mutated',
      'worker.forget-skipped',
      'worker.done-skipped',
      'handler.foo-resync-dropped',
    ])
      expect(seen.has(id)).toBe(true);
  });
});
