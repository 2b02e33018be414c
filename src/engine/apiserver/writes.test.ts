import { describe, expect, it } from 'vitest';
import type { Deployment, Foo, KObject } from '../model/objects';
import {
  type ApiServerState,
  newApiServer,
  newDeploymentObject,
  newFooObject,
  serverCreate,
  serverDelete,
  serverGet,
  serverHistory,
  serverList,
  serverPatch,
  serverRemoveFinalizer,
  serverUpdate,
  serverWatch,
  type WriteResult,
} from './index';

function server(): ApiServerState {
  return newApiServer({ historyWindow: 1000, now: 0 });
}

function foo(name: string, replicas = 1, finalizers: string[] = []): Foo {
  return newFooObject(
    { namespace: 'default', name, finalizers },
    { deploymentName: `${name}-dep`, replicas },
  );
}

function dep(name: string, replicas = 1): Deployment {
  return newDeploymentObject({ namespace: 'default', name }, { replicas });
}

function ok(r: WriteResult): KObject {
  if (r.code !== 200 && r.code !== 201) throw new Error(`expected success, got ${r.code} ${r.message}`);
  return r.object;
}

function openWatch(s: ApiServerState, kind: 'Foo' | 'Deployment'): number {
  const w = serverWatch(
    s,
    kind,
    { resourceVersion: String(s.revision), allowWatchBookmarks: false, timeoutMs: 1e9 },
    0,
  );
  if (w.code !== 200 || w.watchId === null) throw new Error('watch did not open');
  return w.watchId;
}

describe('S1: one global revision across kinds', () => {
  it('interleaves RVs of Foos and Deployments; a quiet kind lags the global revision', () => {
    const s = server();
    const a = ok(serverCreate(s, foo('a'), 1));
    const d = ok(serverCreate(s, dep('d'), 2));
    const b = ok(serverCreate(s, foo('b'), 3));
    const d2 = ok(serverUpdate(s, { ...d, spec: { replicas: 5 } } as Deployment, 4));
    expect([a, d, b, d2].map((o) => o.metadata.resourceVersion)).toEqual(['1', '2', '3', '4']);
    expect(s.revision).toBe(4);
    // S3: the Foo list RV is the global revision, above every Foo's RV.
    const l = serverList(s, 'Foo', { resourceVersion: '', limit: 0 }, 5);
    if (l.code !== 200) throw new Error();
    expect(l.resourceVersion).toBe('4');
    expect(l.items.map((o) => o.metadata.resourceVersion)).toEqual(['1', '3']);
  });
});

describe('S25: create', () => {
  it('fills uid, creationTimestamp, generation 1, RV and resets status; emits ADDED to watches of the kind only', () => {
    const s = server();
    const wf = openWatch(s, 'Foo');
    openWatch(s, 'Deployment');
    const req = { ...foo('a'), status: { availableReplicas: 7 } };
    const r = serverCreate(s, req, 42);
    expect(r.code).toBe(201);
    const o = ok(r);
    expect(o.metadata).toMatchObject({
      uid: 'uid-000001',
      creationTimestamp: 42,
      generation: 1,
      resourceVersion: '1',
    });
    expect(o.status).toEqual({ availableReplicas: 0 });
    expect(r.fanout).toHaveLength(1);
    expect(r.fanout[0]).toMatchObject({ watchId: wf, event: { type: 'ADDED', rv: 1, object: o } });
    expect(ok(serverCreate(s, foo('b'), 43)).metadata.uid).toBe('uid-000002');
  });

  it('409 AlreadyExists, with the "object is being deleted: " prefix when terminating', () => {
    const s = server();
    ok(serverCreate(s, foo('a'), 1));
    const r1 = serverCreate(s, foo('a'), 2);
    expect(r1).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'foos.samplecontroller.k8s.io "a" already exists',
    });
    expect(r1.fanout).toEqual([]);
    ok(serverCreate(s, foo('t', 1, ['example.com/hold']), 3));
    ok(serverDelete(s, 'Foo', 'default', 't', 4));
    expect(serverCreate(s, foo('t'), 5)).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'object is being deleted: foos.samplecontroller.k8s.io "t" already exists',
    });
    expect(serverCreate(s, dep('a'), 6).code).toBe(201); // names are per kind
    expect(s.revision).toBe(4);
  });

  it('rejects a create carrying a resourceVersion', () => {
    const s = server();
    const r = serverCreate(s, { ...foo('a'), metadata: { ...foo('a').metadata, resourceVersion: '3' } }, 1);
    expect(r).toMatchObject({
      code: 500,
      message: 'resourceVersion should not be set on objects to be created',
    });
    expect(s.revision).toBe(0);
  });
});

describe('S26: update', () => {
  it('stale RV → 409 Conflict with the optimistic-lock message; nothing written', () => {
    const s = server();
    const a1 = ok(serverCreate(s, foo('a'), 1)) as Foo;
    ok(serverUpdate(s, { ...a1, spec: { ...a1.spec, replicas: 2 } }, 2));
    const r = serverUpdate(s, { ...a1, spec: { ...a1.spec, replicas: 3 } }, 3);
    expect(r).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on foos.samplecontroller.k8s.io "a": the object has been modified; ' +
        'please apply your changes to the latest version and try again',
    });
    expect(s.revision).toBe(2);
    expect((serverGet(s, 'Foo', 'default', 'a') as Foo).spec.replicas).toBe(2);
  });

  it('no RV: 422 Invalid for Foo (custom resource), unconditional for Deployment', () => {
    const s = server();
    const a = ok(serverCreate(s, foo('a'), 1)) as Foo;
    ok(serverCreate(s, dep('d', 1), 2));
    const noRv = { ...a, metadata: { ...a.metadata, resourceVersion: '' }, spec: { ...a.spec, replicas: 4 } };
    expect(serverUpdate(s, noRv, 3)).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'foos.samplecontroller.k8s.io "a" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    });
    expect(serverUpdate(s, noRv, 3, { subresource: 'status' }).code).toBe(422);
    // The sample controller's freshly built Deployment: no uid, no RV (C4).
    const r = serverUpdate(s, dep('d', 3), 4);
    expect(r.code).toBe(200);
    expect(ok(r).metadata).toMatchObject({ resourceVersion: '3', generation: 2, uid: 'uid-000002' });
  });

  it('404 for a missing object; 409 when the uid precondition fails', () => {
    const s = server();
    expect(serverUpdate(s, dep('nope'), 1)).toMatchObject({
      code: 404,
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
    });
    const a = ok(serverCreate(s, foo('a'), 1));
    ok(serverDelete(s, 'Foo', 'default', 'a', 2));
    ok(serverCreate(s, foo('a'), 3));
    const r = serverUpdate(s, { ...a, metadata: { ...a.metadata, resourceVersion: '3' } }, 4);
    expect(r.code).toBe(409);
    expect(r.code !== 200 && r.code !== 201 && r.message).toContain(
      'Precondition failed: UID in precondition: uid-000001, UID in object meta: uid-000002',
    );
  });

  it('status subresource ignores spec; main resource ignores status; generation moves on spec changes only', () => {
    const s = server();
    const a = ok(serverCreate(s, foo('a', 1), 1)) as Foo;
    const st = ok(
      serverUpdate(s, { ...a, spec: { ...a.spec, replicas: 9 }, status: { availableReplicas: 1 } }, 2, {
        subresource: 'status',
      }),
    ) as Foo;
    expect(st.spec.replicas).toBe(1);
    expect(st.status.availableReplicas).toBe(1);
    expect(st.metadata.generation).toBe(1);
    const main = ok(
      serverUpdate(s, { ...st, spec: { ...st.spec, replicas: 2 }, status: { availableReplicas: 5 } }, 3),
    ) as Foo;
    expect(main.spec.replicas).toBe(2);
    expect(main.status.availableReplicas).toBe(1);
    expect(main.metadata.generation).toBe(2);
    const labelled = ok(
      serverUpdate(s, { ...main, metadata: { ...main.metadata, labels: { app: 'x' } } }, 4),
    ) as Foo;
    expect(labelled.metadata.generation).toBe(2);
    expect(labelled.metadata.resourceVersion).toBe('4');
  });

  it('S4: a byte-identical update is a no-op: no revision, no event, same object', () => {
    const s = server();
    const a = ok(serverCreate(s, foo('a'), 1)) as Foo;
    openWatch(s, 'Foo');
    const first = serverUpdate(s, { ...a, status: { availableReplicas: 1 } }, 2, { subresource: 'status' });
    expect(first.fanout.map((d) => d.event.type)).toEqual(['MODIFIED']);
    const st = ok(first) as Foo;
    expect(s.revision).toBe(2);
    const again = serverUpdate(s, { ...st, status: { availableReplicas: 1 } }, 3, { subresource: 'status' });
    expect(again.code).toBe(200);
    expect(again.fanout).toEqual([]);
    expect(ok(again)).toBe(st);
    expect(s.revision).toBe(2);
    expect(ok(serverUpdate(s, { ...st }, 4))).toBe(st);
    expect(serverHistory(s, 'Foo').map((e) => e.rv)).toEqual([1, 2]);
  });

  it('patch merges onto the latest object without an RV precondition', () => {
    const s = server();
    ok(serverCreate(s, { ...foo('a'), metadata: { ...foo('a').metadata, labels: { x: '1', y: '2' } } }, 1));
    const p = ok(
      serverPatch(s, 'Foo', 'default', 'a', { spec: { replicas: 3 }, labels: { x: null, z: '3' } }, 2),
    ) as Foo;
    expect(p.spec).toEqual({ deploymentName: 'a-dep', replicas: 3 });
    expect(p.metadata.labels).toEqual({ y: '2', z: '3' });
    expect(p.metadata.generation).toBe(2);
    const ps = ok(
      serverPatch(s, 'Foo', 'default', 'a', { status: { availableReplicas: 3 } }, 3, {
        subresource: 'status',
      }),
    ) as Foo;
    expect(ps.status.availableReplicas).toBe(3);
    expect(ps.metadata.resourceVersion).toBe('3');
    expect(serverPatch(s, 'Foo', 'default', 'a', { spec: { replicas: 3 } }, 4).fanout).toEqual([]);
    expect(s.revision).toBe(3);
    expect(serverPatch(s, 'Foo', 'default', 'zz', {}, 5).code).toBe(404);
  });
});

describe('S27/S28: delete', () => {
  it('S27: no finalizers → DELETED carrying the last state with the new RV', () => {
    const s = server();
    const a = ok(serverCreate(s, foo('a'), 1));
    ok(serverCreate(s, dep('d'), 2));
    const w = openWatch(s, 'Foo');
    const r = serverDelete(s, 'Foo', 'default', 'a', 3);
    expect(r.code).toBe(200);
    expect(r.fanout).toHaveLength(1);
    const ev = r.fanout[0]!.event;
    expect(ev).toMatchObject({ type: 'DELETED', rv: 3 });
    expect(ev.type === 'DELETED' && ev.object).toEqual({
      ...a,
      metadata: { ...a.metadata, resourceVersion: '3' },
    });
    expect(r.fanout[0]!.watchId).toBe(w);
    expect(serverGet(s, 'Foo', 'default', 'a')).toBeUndefined();
    expect(serverDelete(s, 'Foo', 'default', 'a', 4)).toMatchObject({ code: 404, reason: 'NotFound' });
  });

  it('S28: finalizers → MODIFIED with deletionTimestamp and generation+1; repeat is a no-op; emptying deletes', () => {
    const s = server();
    ok(serverCreate(s, foo('a', 1, ['f1', 'f2']), 1));
    const w = openWatch(s, 'Foo');
    const del = serverDelete(s, 'Foo', 'default', 'a', 10);
    const marked = ok(del) as Foo;
    expect(del.fanout.map((d) => d.event.type)).toEqual(['MODIFIED']);
    expect(marked.metadata).toMatchObject({ deletionTimestamp: 10, generation: 2, resourceVersion: '2' });
    expect(serverGet(s, 'Foo', 'default', 'a')).toBe(marked);
    // Listed while terminating.
    const l = serverList(s, 'Foo', { resourceVersion: '', limit: 0 }, 11);
    expect(l.code === 200 && l.items).toEqual([marked]);
    // A repeated delete changes nothing.
    const again = serverDelete(s, 'Foo', 'default', 'a', 12);
    expect(again.code).toBe(200);
    expect(again.fanout).toEqual([]);
    expect(s.revision).toBe(2);
    // No new finalizers once terminating.
    const add = serverUpdate(
      s,
      { ...marked, metadata: { ...marked.metadata, finalizers: ['f1', 'f2', 'f3'] } },
      13,
    );
    expect(add).toMatchObject({
      code: 422,
      reason: 'Invalid',
      message:
        'Foo.samplecontroller.k8s.io "a" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"f3"}',
    });
    // Removing one finalizer: MODIFIED; removing the last: DELETED.
    const r1 = serverRemoveFinalizer(s, 'Foo', 'default', 'a', 'f1', 14);
    expect(r1.fanout.map((d) => d.event.type)).toEqual(['MODIFIED']);
    expect(serverRemoveFinalizer(s, 'Foo', 'default', 'a', 'nope', 15).fanout).toEqual([]);
    const r2 = serverRemoveFinalizer(s, 'Foo', 'default', 'a', 'f2', 16);
    expect(r2.code).toBe(200);
    expect(ok(r2).metadata.finalizers).toEqual([]);
    expect(r2.fanout).toHaveLength(1);
    const ev = r2.fanout[0]!;
    expect(ev.watchId).toBe(w);
    expect(ev.event).toMatchObject({ type: 'DELETED', rv: 4 });
    // The key is deleted as stored: the event carries the stored state (finalizer still listed).
    expect(ev.event.type === 'DELETED' && ev.event.object.metadata).toMatchObject({
      finalizers: ['f2'],
      resourceVersion: '4',
      deletionTimestamp: 10,
    });
    expect(serverGet(s, 'Foo', 'default', 'a')).toBeUndefined();
    expect(s.revision).toBe(4);
  });

  it('S28 via update: a PUT that empties the finalizers of a terminating object deletes it', () => {
    const s = server();
    ok(serverCreate(s, foo('a', 1, ['f']), 1));
    const marked = ok(serverDelete(s, 'Foo', 'default', 'a', 2));
    openWatch(s, 'Foo');
    const r = serverUpdate(s, { ...marked, metadata: { ...marked.metadata, finalizers: [] } } as Foo, 3);
    expect(r.code).toBe(200);
    expect(r.fanout.map((d) => [d.event.type, d.event.type === 'DELETED' && d.event.rv])).toEqual([
      ['DELETED', 3],
    ]);
    expect(serverGet(s, 'Foo', 'default', 'a')).toBeUndefined();
  });
});
