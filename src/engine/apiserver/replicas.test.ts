import { afterEach, describe, expect, it } from 'vitest';
import type { Foo, KObject } from '../model/objects';
import { allRulesOn, withRulesOff } from '../rules';
import {
  type ApiServerState,
  CACHE_WAIT_MS,
  type ListResult,
  newApiServer,
  newFooObject,
  replicaSetLag,
  serverCreate,
  serverList,
  serverListWaitUntil,
  serverReplicaArrivals,
  serverRestartReplica,
  serverStartReplica,
  serverUpdate,
  serverWatch,
  serverWatchWaitUntil,
  type WatchResult,
  type WriteResult,
} from './index';

const A = 0;
const B = 1;

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function names(r: ListResult): string[] {
  if (r.code !== 200) throw new Error(`expected 200, got ${r.code} ${r.message}`);
  return r.items.map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`);
}

function create(s: ApiServerState, name: string, now: number): Foo {
  return ok(
    serverCreate(s, newFooObject({ namespace: 'd', name }, { deploymentName: name, replicas: 1 }), now),
  ) as Foo;
}

function scale(s: ApiServerState, f: Foo, replicas: number, now: number): Foo {
  return ok(serverUpdate(s, { ...f, spec: { ...f.spec, replicas } }, now)) as Foo;
}

function opened(r: WatchResult): number {
  if (r.code !== 200 || r.watchId === null)
    throw new Error(`expected an open watch, got ${JSON.stringify(r)}`);
  return r.watchId;
}

/** Two replicas on one etcd; from t=100 replica B receives etcd's events 5 s late (S38). */
function twoReplicas(): ApiServerState {
  const s = newApiServer({ historyWindow: 100, now: 0, progressNotifyMs: 0, replicas: 2 });
  create(s, 'a', 0);
  replicaSetLag(s.replicas[B]!, 5_000, 1_000_000);
  return s;
}

afterEach(() => {
  expect(allRulesOn()).toBe(true);
});

describe('S38: replicas share etcd, each has its own Cachers', () => {
  it('an event reaches a lagging replica lag ms after the write; the other replica has it at once', () => {
    const s = twoReplicas();
    const a = create(s, 'b', 1_000);
    const n = Number(a.metadata.resourceVersion);
    expect(s.replicas[A]!.cachers.Foo.rv).toBe(n);
    expect(s.replicas[B]!.cachers.Foo.rv).toBe(n - 1);
    expect(serverReplicaArrivals(s, B, 5_999)).toEqual([]);
    expect(s.replicas[B]!.cachers.Foo.rv).toBe(n - 1);
    serverReplicaArrivals(s, B, 6_000);
    expect(s.replicas[B]!.cachers.Foo.rv).toBe(n);
    expect(s.replicas[B]!.feed).toEqual([]);
  });

  it('S6: a LIST at "0" on the lagging replica returns older state than etcd (and the other replica) has', () => {
    const s = twoReplicas();
    const a = s.stores.Foo.objects.get('d/a') as Foo;
    scale(s, a, 3, 1_000);
    create(s, 'b', 1_100);
    expect(names(serverList(s, 'Foo', { resourceVersion: '0', limit: 0 }, 1_200, A))).toEqual(['a@2', 'b@3']);
    const stale = serverList(s, 'Foo', { resourceVersion: '0', limit: 0 }, 1_200, B);
    expect(names(stale)).toEqual(['a@1']);
    expect(stale.code === 200 && stale.resourceVersion).toBe('1');
    // Later it catches up, in order.
    serverReplicaArrivals(s, B, 6_100);
    expect(names(serverList(s, 'Foo', { resourceVersion: '0', limit: 0 }, 6_100, B))).toEqual(['a@2', 'b@3']);
  });

  it('S7, S37: a LIST at an RV only the other replica has reached waits 3 s on the lagging one, then 504 with Retry-After 1', () => {
    const s = twoReplicas();
    const b = create(s, 'b', 1_000);
    const n = b.metadata.resourceVersion;
    const opts = { resourceVersion: n, limit: 0 };
    expect(serverListWaitUntil(s, 'Foo', opts, 1_010, 1_010, A)).toBeNull();
    expect(names(serverList(s, 'Foo', opts, 1_010, A))).toEqual(['a@1', 'b@2']);
    // On B the request waits for the cache, up to CACHE_WAIT_MS after it arrived.
    expect(serverListWaitUntil(s, 'Foo', opts, 1_010, 1_010, B)).toBe(1_010 + CACHE_WAIT_MS);
    expect(serverListWaitUntil(s, 'Foo', opts, 1_010 + CACHE_WAIT_MS, 1_010, B)).toBeNull();
    const res = serverList(s, 'Foo', opts, 1_010 + CACHE_WAIT_MS, B);
    expect(res.code).toBe(504);
    expect(res.code === 504 && res.message).toBe(`Timeout: Too large resource version: ${n}, current: 1`);
    expect(res.code === 504 && res.retryAfterSeconds).toBe(1);
    // A request that arrives shortly before the event reaches B waits only until it does.
    expect(serverListWaitUntil(s, 'Foo', opts, 5_000, 5_000, B)).toBe(6_000);
    serverReplicaArrivals(s, B, 6_000);
    expect(serverListWaitUntil(s, 'Foo', opts, 6_000, 5_000, B)).toBeNull();
    expect(names(serverList(s, 'Foo', opts, 6_000, B))).toEqual(['a@1', 'b@2']);
  });

  it('S39b: a watch on the lagging replica from a newer RV is accepted, silent, then gets every later event exactly once', () => {
    const s = twoReplicas();
    const b = create(s, 'b', 1_000);
    const n = Number(b.metadata.resourceVersion);
    const id = opened(
      serverWatch(s, 'Foo', { resourceVersion: String(n), allowWatchBookmarks: true }, 1_010, B),
    );
    expect(s.watches.get(id)!.replica).toBe(B);
    const c = scale(s, b, 2, 2_000);
    const d = create(s, 'c', 3_000);
    // Nothing reaches the watch while B is behind: the writes fanned out to no one.
    expect(serverReplicaArrivals(s, B, 5_999)).toEqual([]);
    // B catches up: the event at n (≤ the watch's RV) is not sent; the two after it are, in order.
    const first = serverReplicaArrivals(s, B, 6_000);
    expect(first).toEqual([]);
    const later = [...serverReplicaArrivals(s, B, 7_000), ...serverReplicaArrivals(s, B, 8_000)];
    expect(later.map((x) => [x.watchId, x.event.type === 'ERROR' ? 0 : x.event.rv])).toEqual([
      [id, Number(c.metadata.resourceVersion)],
      [id, Number(d.metadata.resourceVersion)],
    ]);
    expect(serverReplicaArrivals(s, B, 100_000)).toEqual([]);
  });

  it('a watch on the replica that has the event gets it inside the write; one on the lagging replica does not', () => {
    const s = twoReplicas();
    const onA = opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 10, A));
    const onB = opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 10, B));
    const r = serverCreate(
      s,
      newFooObject({ namespace: 'd', name: 'b' }, { deploymentName: 'b', replicas: 1 }),
      1_000,
    );
    expect(r.code === 201 && r.fanout.map((x) => x.watchId)).toEqual([onA]);
    expect(serverReplicaArrivals(s, B, 6_000).map((x) => x.watchId)).toEqual([onB]);
  });

  it('S33, S39c, S39d: restarting one replica re-initialises its caches only; a watch there from an older RV gets 410', () => {
    const s = newApiServer({ historyWindow: 100, now: 0, progressNotifyMs: 0, replicas: 2 });
    create(s, 'a', 0);
    const onA = opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 10, A));
    const onB = opened(serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 10, B));
    create(s, 'b', 100);
    expect(serverRestartReplica(s, B, 200, 1_000).map((x) => x.watchId)).toEqual([onB]);
    expect([...s.watches.keys()]).toEqual([onA]);
    create(s, 'c', 500);
    const listRv = serverStartReplica(s, B, 1_200, 300);
    expect(listRv).toBe(3);
    expect(s.replicas[B]!.cachers.Foo.listRv).toBe(3);
    expect(s.replicas[B]!.cachers.Foo.readyAt).toBe(1_500);
    expect(s.replicas[A]!.cachers.Foo.listRv).toBe(0);
    // S39d [1.26]: until its caches are ready, a WATCH on B waits; on A it is served at once.
    expect(serverWatchWaitUntil(s, 'Foo', 1_300, B)).toBe(1_500);
    expect(serverWatchWaitUntil(s, 'Foo', 1_300, A)).toBeNull();
    expect(serverWatchWaitUntil(s, 'Foo', 1_500, B)).toBeNull();
    // On A the old RV still replays; on B (once ready) it is too old.
    const a = serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 1_600, A);
    expect(a.code === 200 && !a.closed && a.initialEvents.length).toBe(2);
    const b = serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 1_600, B);
    expect(b.code === 200 && b.closed && b.initialEvents[0].status.code).toBe(410);
  });

  it('RULES.S38_REPLICA_LAG off: the lagging replica receives every event at the write, like one cache', () => {
    withRulesOff(['S38_REPLICA_LAG'], () => {
      const s = twoReplicas();
      create(s, 'b', 1_000);
      expect(s.replicas[B]!.cachers.Foo.rv).toBe(2);
      expect(s.replicas[B]!.feed).toEqual([]);
    });
  });
});
