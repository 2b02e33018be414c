/**
 * HA apiserver replicas in the whole simulator (spec S37–S39, S6, K4, R6, R4): what a reflector sees
 * when the controller's connection lands on a lagging replica, and that a connection stays on its
 * replica until it breaks or the server sends GOAWAY. Where the load balancer's seeded choice matters,
 * the tests look for the first seed that lands where the case needs and then check every property on
 * that run (so a change of the draws moves the seed, not the verdict).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/parse';
import type { Scenario } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createWorld } from './create-world';
import { buildFrame } from './frame';
import { stepWorld } from './step';
import type { SimContext, World } from './world';

function scenario(yaml: string): Scenario {
  const r = parseScenario(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

/**
 * Runs until virtual time `untilMs` (or `maxSteps`), calling `each` after every step; `each` returning
 * true stops the run there.
 */
function run(
  s: Scenario,
  untilMs: number,
  each?: (w: World, recs: readonly TraceRecord[]) => boolean | undefined,
  maxSteps = 20_000,
): { w: World; recs: TraceRecord[] } {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  while (w.now < untilMs && w.step < maxSteps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) recs.push(x);
    if (each?.(w, r) === true) break;
  }
  return { w, recs };
}

const REQUESTS = new Set(['apiserver.list', 'apiserver.watch', 'apiserver.write']);

/** The first seed in 1..200 whose run satisfies `ok`, with that run. */
function findSeed(
  base: Scenario,
  untilMs: number,
  ok: (recs: readonly TraceRecord[]) => boolean,
  stop?: (w: World, recs: readonly TraceRecord[]) => boolean | undefined,
): { seed: number; recs: TraceRecord[]; w: World } {
  for (let seed = 1; seed <= 200; seed++) {
    const r = run({ ...base, seed }, untilMs, stop);
    if (ok(r.recs)) return { seed, ...r };
  }
  throw new Error('no seed in 1..200 gives the case');
}

/**
 * Two replicas; replica B's etcd watches lag by 90 s from t = 1 s for 150 s. The controller starts on A; writes at
 * 1.5–2 s; A restarts at 5 s, so the controller reconnects; a Foo write at 8 s is what the informer must
 * later get from B exactly once.
 */
const LAGGING_B = (extra: string) => `apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: lagging-b }
settings:
  apiServerReplicas: 2
  replicaLag: 0ms
  resyncPeriod: 0
objects:
  - kind: Foo
    metadata: { name: a }
    spec: { deploymentName: a, replicas: 1 }
script:
  - { at: 1s, action: lagReplica, replica: B, lag: 90s, duration: 150s }
  - { at: 1500ms, action: create, object: { kind: Foo, metadata: { name: b }, spec: { deploymentName: b, replicas: 1 } } }
  - { at: 2s, action: patch, target: { kind: Foo, name: a }, spec: { replicas: 2 } }
  - { at: 5s, action: restartApiServer, replica: A, downtime: 1s }
  - { at: 8s, action: patch, target: { kind: Foo, name: a }, spec: { replicas: 3 } }
${extra}`;

/** The Foo watch the controller opens on B after A's restart (S39b case), if any. */
function fooWatchOnB(recs: readonly TraceRecord[]): TraceRecord | undefined {
  const restart = recs.findIndex((r) => r.message === 'fault.restart-replica');
  const firstConnect = recs.find((r) => r.message === 'apiserver.connect');
  if (restart < 0 || firstConnect?.params.replica !== 'A') return undefined;
  const w = recs
    .slice(restart)
    .find((r) => r.message === 'apiserver.watch' && r.lane === 'Foo' && r.params.code === 200);
  return w?.params.replica === 'B' && w.params.outcome === 'open' ? w : undefined;
}

describe('S39b: the controller lands on a replica that is behind its resourceVersion', () => {
  const base = scenario(LAGGING_B(''));
  const { recs, w } = findSeed(base, 400_000, (r) => fooWatchOnB(r) !== undefined);
  const watch = fooWatchOnB(recs)!;
  const n = Number(watch.params.rv);
  const after = recs.filter((r) => r.step > watch.step && r.lane === 'Foo');

  it('the watch from N is accepted on B (no 410, nothing replayed): B has not reached N', () => {
    expect(watch.params.replayed).toBe(0);
    // N came from A: the Foo informer saw it there before A restarted.
    const fromA = recs.filter(
      (r) => r.message === 'apiserver.watch' && r.lane === 'Foo' && r.params.replica === 'A',
    );
    expect(fromA.length).toBeGreaterThan(0);
    expect(recs.some((r) => r.message === 'reflector.watch-error' && r.lane === 'Foo')).toBe(false);
  });

  it('stays silent until B catches up, then delivers every Foo event after N exactly once, in order', () => {
    const events = after.filter((r) => r.message === 'reflector.event');
    // Every Foo event after N was written after B started lagging (t ≥ 1 s), so none arrives before 91 s.
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.time).toBeGreaterThanOrEqual(91_000);
    expect(after.some((r) => r.message === 'reflector.watch-closed' && r.time < 91_000)).toBe(false);
    const got = events.map((e) => Number(e.params.rv));
    const etcd = w.server.logs.Foo.map((e) => e.rv).filter((rv) => rv > n && rv <= got[got.length - 1]!);
    expect(got).toEqual(etcd);
    expect(new Set(got).size).toBe(got.length);
  });

  it('once the lag is over and B has caught up, both informers equal the server', () => {
    const f = buildFrame(w, []);
    expect(f.server.replicas?.find((r) => r.name === 'B')?.behind).toBe(0);
    expect(f.lanes.Foo.indexer.diff).toEqual([]);
    expect(f.lanes.Deployment.indexer.diff).toEqual([]);
  });
});

describe('S37: a LIST at N on the lagging replica: 504 after 3 s, 10 retries, then the relist at "" from etcd', () => {
  // The same run, with the Foo watch on B ended by an error at 10 s (R13: back off, relist at N).
  const base = scenario(LAGGING_B('  - { at: 10s, action: watchError, code: 500, kind: Foo }\n'));
  const { recs } = findSeed(base, 120_000, (r) => fooWatchOnB(r) !== undefined);
  const from = recs.findIndex((r) => r.message === 'fault.watch-error');
  const foo = recs.slice(from).filter((r) => r.lane === 'Foo');
  const relist = foo.find((r) => r.message === 'reflector.list' && r.params.relist === true)!;
  const n = relist.params.rv as string;
  const atN = foo.filter((r) => r.message === 'apiserver.list' && r.params.rv === n);

  it('R4, R5: the relist asks B for its last resourceVersion N, without a limit', () => {
    expect(n).toMatch(/^[1-9]\d*$/);
    expect(relist.params.limit).toBe(0);
  });

  it('S7, K4: eleven attempts, each answered 504 by B after waiting 3 s, each retried after Retry-After: 1', () => {
    expect(atN).toHaveLength(11);
    for (const r of atN) {
      expect(r.params.code).toBe(504);
      expect(r.params.reason).toBe('Timeout');
      expect(r.params.replica).toBe('B');
    }
    expect(atN[0]!.time - relist.time).toBeGreaterThanOrEqual(3_000);
    for (let i = 1; i < atN.length; i++)
      expect(atN[i]!.time - atN[i - 1]!.time).toBeGreaterThanOrEqual(4_000);
    const retries = foo.filter((r) => r.message === 'rest.retry-after' && r.params.code === 504);
    expect(retries).toHaveLength(10);
    expect(foo.filter((r) => r.message === 'rest.retries-exhausted')).toHaveLength(1);
  });

  it('R6, S5: then the Reflector marks N unavailable and relists at "" at once, served by etcd (through B)', () => {
    const last = atN[atN.length - 1]!;
    const rest = foo.slice(foo.indexOf(last));
    const unavailable = rest.find((r) => r.message === 'reflector.list-rv-unavailable');
    expect(unavailable?.params.code).toBe(504);
    const consistent = rest.find((r) => r.message === 'reflector.list' && r.params.rv === '');
    expect(consistent).toBeDefined();
    expect(rest.some((r) => r.message === 'reflector.backoff' && r.time < consistent!.time)).toBe(false);
    const served = rest.find((r) => r.message === 'apiserver.list' && r.params.rv === '');
    expect(served?.params).toMatchObject({ code: 200, servedBy: 'etcd', replica: 'B' });
    const replace = rest.find((r) => r.message === 'reflector.replace' && r.params.relist === true);
    expect(replace?.params.rv).toBe(served?.params.listRv);
    expect(Number(replace?.params.rv)).toBeGreaterThan(Number(n));
  });
});

/** Three replicas, a busy script; the replicas named in `restarts` restart at the given times. */
function threeReplicas(seed: number, restarts: string): Scenario {
  return scenario(`apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: three }
seed: ${seed}
settings:
  apiServerReplicas: 3
  resyncPeriod: 5s
objects:
  - kind: Foo
    metadata: { name: a }
    spec: { deploymentName: a, replicas: 1 }
script:
  - { at: 1s, action: create, object: { kind: Foo, metadata: { name: b }, spec: { deploymentName: b, replicas: 2 } } }
  - { at: 3s, action: patch, target: { kind: Foo, name: a }, spec: { replicas: 3 } }
  - { at: 9s, action: patch, target: { kind: Foo, name: b }, spec: { replicas: 1 } }
  - { at: 15s, action: delete, target: { kind: Foo, name: a } }
${restarts}`);
}

describe('S38: the controller stays on one replica until its connection breaks', () => {
  const first = run(threeReplicas(7, ''), 1_000).recs.find((r) => r.message === 'apiserver.connect')!;
  const on = first.params.replica as string;
  const other = (['A', 'B', 'C'] as const).find((x) => x !== on)!;
  const s = threeReplicas(
    7,
    `  - { at: 5s, action: restartApiServer, replica: ${other} }\n  - { at: 12s, action: restartApiServer, replica: ${on} }\n`,
  );
  const { recs } = run(s, 25_000);
  const restarts = recs.filter((r) => r.message === 'fault.restart-replica');

  it('every request the controller makes goes to the replica of its current connection', () => {
    let current: unknown = null;
    let checked = 0;
    for (const r of recs) {
      if (r.message === 'apiserver.connect') current = r.params.replica;
      if (!REQUESTS.has(r.message) || r.params.code === 0) continue;
      expect(r.params.replica).toBe(current);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('a restart of another replica ends none of its watches and keeps its connection', () => {
    expect(restarts[0]!.params).toMatchObject({ replica: other, watchIds: null, connections: 0 });
    const between = recs.filter((r) => r.time >= 5_000 && r.time < 12_000);
    expect(between.some((r) => r.message === 'reflector.watch-closed')).toBe(false);
    expect(between.some((r) => r.message === 'apiserver.connect')).toBe(false);
  });

  it('a restart of its own replica breaks the connection: its watches end and the next request reconnects', () => {
    expect(restarts[1]!.params).toMatchObject({ replica: on, connections: 1 });
    expect(restarts[1]!.params.watchIds).not.toBeNull();
    const later = recs.filter((r) => r.time >= 12_000);
    expect(later.filter((r) => r.message === 'reflector.watch-closed')).toHaveLength(2);
    const connects = recs.filter((r) => r.message === 'apiserver.connect');
    expect(connects.filter((r) => r.time < 12_000)).toHaveLength(1);
    expect(connects.filter((r) => r.time >= 12_000).length).toBeGreaterThanOrEqual(1);
  });
});

describe('S38: GOAWAY (--goaway-chance) moves the next request, not the open watches', () => {
  const s = scenario(`apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: goaway }
seed: 4
settings:
  apiServerReplicas: 3
  goawayChance: 0.02
  resyncPeriod: 2s
objects:
  - { kind: Foo, metadata: { name: a }, spec: { deploymentName: a, replicas: 2 } }
  - { kind: Foo, metadata: { name: b }, spec: { deploymentName: b, replicas: 1 } }
  - { kind: Foo, metadata: { name: c }, spec: { deploymentName: c, replicas: 3 } }
`);
  const watchesKept: boolean[] = [];
  let before: number[] = [];
  const { recs } = run(s, 120_000, (w, step) => {
    const goaway = step.find((r) => r.message === 'apiserver.goaway');
    if (goaway !== undefined) {
      const stillOpen = before.filter((id) => w.server.watches.has(id));
      watchesKept.push(stillOpen.length === before.length);
    }
    before = [...w.server.watches.keys()];
  });
  const goaways = recs.filter((r) => r.message === 'apiserver.goaway');

  it('happens now and then, at about the chance set', () => {
    const requests = recs.filter((r) => REQUESTS.has(r.message)).length;
    expect(goaways.length).toBeGreaterThan(0);
    expect(goaways.length).toBeLessThan(requests * 0.06);
  });

  it('leaves the watches open where they are; the next request opens a new connection', () => {
    expect(watchesKept.every((x) => x)).toBe(true);
    for (const g of goaways) {
      const next = recs.find(
        (r) => r.step > g.step && (REQUESTS.has(r.message) || r.message === 'apiserver.connect'),
      );
      if (next !== undefined) expect(next.message).toBe('apiserver.connect');
    }
  });
});

describe('S6: a first LIST at "0" on a lagging replica shows in the frame as older than the server', () => {
  const base = scenario(`apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: stale-zero }
settings:
  apiServerReplicas: 2
  replicaLag: 0ms
  resyncPeriod: 0
script:
  - { at: 0ms, action: lagReplica, replica: B, lag: 30s, duration: 1m }
  - { at: 0ms, action: create, object: { kind: Foo, metadata: { name: a }, spec: { deploymentName: a, replicas: 1 } } }
`);
  // Stop once the Foo informer watches (its list is in): B has not caught up by then.
  const { w, recs } = findSeed(
    base,
    2_000,
    (r) => r.find((x) => x.message === 'apiserver.connect')?.params.replica === 'B',
    (_, step) => step.some((r) => r.message === 'reflector.watch-open' && r.lane === 'Foo'),
  );

  it('the list from B has none of the Foos the user just created; the frame says so per key and per replica', () => {
    const list = recs.find((r) => r.message === 'apiserver.list' && r.lane === 'Foo')!;
    expect(list.params).toMatchObject({ rv: '0', items: 0, servedBy: 'cache', replica: 'B' });
    const f = buildFrame(w, []);
    expect(f.lanes.Foo.indexer.diff).toEqual([
      { key: 'default/a', cached: null, server: '1', replica: null },
    ]);
    expect(f.lanes.Foo.reflector.watch?.replica).toBe('B');
    const b = f.server.replicas?.find((r) => r.name === 'B');
    expect(b).toMatchObject({ lagMs: 30_000, behind: 1, connected: true, up: true });
    expect(b?.caches.Foo.rv).toBeLessThan(f.server.revision);
    expect(f.server.connections).toEqual([
      { client: 'controller', replica: 'B', since: expect.any(Number), opened: 1, goaways: 0 },
    ]);
  });

  it('one apiserver: the frame has no replica parts and records name no replica', () => {
    const one = run({ ...base, settings: { ...base.settings, apiServerReplicas: 1 }, script: [] }, 2_000);
    const f = buildFrame(one.w, []);
    expect(f.server.replicas).toBeUndefined();
    expect(f.server.connections).toBeUndefined();
    expect(one.recs.some((r) => 'replica' in r.params)).toBe(false);
    expect(one.recs.some((r) => r.message === 'apiserver.connect')).toBe(false);
  });
});
