import { describe, expect, it } from 'vitest';
import type { Deployment, Foo, KObject } from '../model/objects';
import { copyState } from '../timeline/keyframes';
import {
  findOrphanDeployments,
  newApiServer,
  newDeploymentObject,
  newFooObject,
  serverCompact,
  serverCreate,
  serverDelete,
  serverHistory,
  serverList,
  serverRecentRequests,
  serverRequestFault,
  serverUpdate,
  serverWatch,
  setErrorResponses,
  setRefuseConnections,
  type WriteResult,
} from './index';

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function fooObj(name: string, finalizers: string[] = []): Foo {
  return newFooObject({ namespace: 'd', name, finalizers }, { deploymentName: `${name}-dep`, replicas: 1 });
}

function ownedDeployment(owner: Foo, name = owner.spec.deploymentName): Deployment {
  return newDeploymentObject(
    {
      namespace: owner.metadata.namespace,
      name,
      ownerReferences: [
        {
          apiVersion: 'samplecontroller.k8s.io/v1alpha1',
          kind: 'Foo',
          name: owner.metadata.name,
          uid: owner.metadata.uid,
          controller: true,
        },
      ],
    },
    { replicas: owner.spec.replicas },
  );
}

describe('compaction', () => {
  it('S35: drops etcd revisions up to the point, never moves backwards, clamps to the revision', () => {
    const s = newApiServer({ now: 0 });
    for (const n of ['a', 'b', 'c']) ok(serverCreate(s, fooObj(n), 0));
    expect(serverCompact(s, 2)).toBe(2);
    expect(s.logs.Foo.map((e) => e.rv)).toEqual([3]);
    expect(serverCompact(s, 1)).toBe(2);
    expect(serverCompact(s, 99)).toBe(3);
    expect(s.logs.Foo).toEqual([]);
    // The watch cache's ring is not touched (S35): a watch from 1 still replays b and c.
    expect(serverHistory(s, 'Foo').map((e) => e.rv)).toEqual([1, 2, 3]);
    const w = serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: false }, 0);
    expect(w.code === 200 && w.initialEvents.map((e) => e.type)).toEqual(['ADDED', 'ADDED']);
    // Exact lists below the compaction point get 410 (S8); "not older than" lists come from the cache.
    expect(serverList(s, 'Foo', { resourceVersion: '2', limit: 1 }, 0)).toMatchObject({ code: 410 });
    expect(serverList(s, 'Foo', { resourceVersion: '2', limit: 0 }, 0)).toMatchObject({ code: 200 });
  });
});

describe('request faults', () => {
  it('refused connections win over error responses; windows end at untilMs', () => {
    const s = newApiServer({ historyWindow: 10, now: 0 });
    expect(serverRequestFault(s, 0)).toBeNull();
    setErrorResponses(s, { code: 429, untilMs: 2000 });
    setRefuseConnections(s, 1000);
    expect(serverRequestFault(s, 999)).toMatchObject({ code: 0, reason: 'ConnectionRefused' });
    expect(serverRequestFault(s, 1000)).toEqual({
      code: 429,
      reason: 'TooManyRequests',
      message: 'Too many requests, please try again later.',
      retryAfterSeconds: 1,
    });
    expect(serverRequestFault(s, 2000)).toBeNull();
    setErrorResponses(s, { code: 500, untilMs: 3000 });
    expect(serverRequestFault(s, 2500, { verb: 'list', kind: 'Foo' })).toMatchObject({
      code: 500,
      reason: 'InternalError',
    });
    expect(serverRecentRequests(s).at(-1)).toMatchObject({
      time: 2500,
      verb: 'list',
      kind: 'Foo',
      code: 500,
    });
  });
});

describe('request log', () => {
  it('keeps the most recent requests, oldest first', () => {
    const s = newApiServer({ historyWindow: 10, now: 0, requestLogSize: 3 });
    ok(serverCreate(s, fooObj('a'), 1));
    serverList(s, 'Foo', { resourceVersion: '0', limit: 500 }, 2);
    serverWatch(s, 'Foo', { resourceVersion: '1', allowWatchBookmarks: true }, 3);
    expect(serverUpdate(s, fooObj('zz'), 4).code).toBe(404);
    expect(serverRecentRequests(s)).toEqual([
      { time: 2, verb: 'list', kind: 'Foo', rv: '0', limit: 500, code: 200 },
      { time: 3, verb: 'watch', kind: 'Foo', rv: '1', code: 200, watchId: 1 },
      { time: 4, verb: 'update', kind: 'Foo', key: 'd/zz', rv: '', code: 404, reason: 'NotFound' },
    ]);
    expect(s.requests.total).toBe(4);
  });
});

describe('S30: garbage collection (background)', () => {
  it('finds Deployments whose owner Foo (by uid) is gone; a terminating owner still counts', () => {
    const s = newApiServer({ historyWindow: 100, now: 0 });
    const a = ok(serverCreate(s, fooObj('a'), 0)) as Foo;
    const b = ok(serverCreate(s, fooObj('b', ['hold']), 0)) as Foo;
    ok(serverCreate(s, ownedDeployment(a), 0));
    ok(serverCreate(s, ownedDeployment(b), 0));
    ok(serverCreate(s, newDeploymentObject({ namespace: 'd', name: 'free' }, { replicas: 1 }), 0));
    expect(findOrphanDeployments(s)).toEqual([]);
    ok(serverDelete(s, 'Foo', 'd', 'a', 0));
    ok(serverDelete(s, 'Foo', 'd', 'b', 0)); // terminating, still exists
    // A new Foo with the same name is a different owner (uid).
    ok(serverCreate(s, fooObj('a'), 0));
    expect(findOrphanDeployments(s).map((d) => d.metadata.name)).toEqual(['a-dep']);
    const gc = serverDelete(s, 'Deployment', 'd', 'a-dep', 0);
    expect(gc.code === 200 && gc.event).toMatchObject({ type: 'DELETED', kind: 'Deployment' });
    expect(findOrphanDeployments(s)).toEqual([]);
  });
});

describe('copied state', () => {
  it('a copy of the state (as a keyframe copies it) behaves exactly like the original', () => {
    const s = newApiServer({ historyWindow: 4, now: 0 });
    const a = ok(serverCreate(s, fooObj('a'), 0)) as Foo;
    ok(serverCreate(s, fooObj('b'), 0));
    serverWatch(s, 'Foo', { resourceVersion: '2', allowWatchBookmarks: true, timeoutMs: 10_000 }, 0);
    ok(serverUpdate(s, { ...a, spec: { ...a.spec, replicas: 3 } }, 1));
    const c = copyState(s);
    expect(c).toEqual(s);
    const r1 = serverCreate(s, fooObj('c'), 2);
    const r2 = serverCreate(c, fooObj('c'), 2);
    expect(r2).toEqual(r1);
    expect(c).toEqual(s);
    expect(serverList(c, 'Foo', { resourceVersion: '2', limit: 10 }, 3)).toEqual(
      serverList(s, 'Foo', { resourceVersion: '2', limit: 10 }, 3),
    );
  });
});
