import { describe, expect, it } from 'vitest';
import { type IndexerState, indexerAdd, indexerGetByKey, newIndexer } from '../client-go/indexer';
import type { Notification } from '../client-go/process-deltas';
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { DeletedFinalStateUnknown, Deployment, Foo, KObject, OwnerReference } from '../model/objects';
import type { ControllerMistakes } from '../model/scenario';
import {
  type ControllerEnv,
  deploymentHandler,
  fooHandler,
  newDeployment,
  newWorker,
  type SyncStepResult,
  syncOnResponse,
  syncStart,
  type WorkerState,
  type WriteRequest,
} from './sample-controller';

function meta(name: string, rv: string, ns: string, uid: string, owners: OwnerReference[] = []) {
  return {
    namespace: ns,
    name,
    uid,
    resourceVersion: rv,
    generation: 1,
    creationTimestamp: 0,
    labels: {},
    ownerReferences: owners,
    finalizers: [],
    deletionTimestamp: null,
  };
}
function foo(name: string, rv: string, opts: { dep?: string; replicas?: number; ns?: string } = {}): Foo {
  return {
    kind: 'Foo',
    metadata: meta(name, rv, opts.ns ?? 'default', `foo-uid-${name}`),
    spec: { deploymentName: opts.dep ?? `${name}-dep`, replicas: opts.replicas ?? 1 },
    status: { availableReplicas: 0 },
  };
}
function ownerFoo(name: string, controller = true, uid = `foo-uid-${name}`): OwnerReference {
  return { apiVersion: 'samplecontroller.k8s.io/v1alpha1', kind: 'Foo', name, uid, controller };
}
function dep(
  name: string,
  rv: string,
  owners: OwnerReference[],
  opts: { replicas?: number; available?: number; ns?: string } = {},
): Deployment {
  return {
    kind: 'Deployment',
    metadata: meta(name, rv, opts.ns ?? 'default', `dep-uid-${name}`, owners),
    spec: { replicas: opts.replicas ?? 1 },
    status: { availableReplicas: opts.available ?? 0 },
  };
}
function tomb(key: string, obj: KObject | null): DeletedFinalStateUnknown<KObject> {
  return { $tombstone: true, key, obj };
}

interface Harness {
  env: ControllerEnv;
  foos: IndexerState<KObject>;
  deployments: IndexerState<KObject>;
  enqueued: string[];
  writes: Array<{ worker: number; req: WriteRequest; thinkMs: number }>;
  messages: string[];
}

function harness(
  foos: KObject[] = [],
  deployments: KObject[] = [],
  mistakes: Partial<ControllerMistakes> = {},
): Harness {
  const h: Harness = {
    foos: newIndexer<KObject>(['namespace']),
    deployments: newIndexer<KObject>(['namespace']),
    enqueued: [],
    writes: [],
    messages: [],
    env: undefined as unknown as ControllerEnv,
  };
  for (const f of foos) indexerAdd(h.foos, f);
  for (const d of deployments) indexerAdd(h.deployments, d);
  h.env = {
    now: 1234,
    mistakes: { ...DEFAULT_SETTINGS.mistakes, ...mistakes },
    foos: h.foos,
    deployments: h.deployments,
    emit: (_c, _a, message) => {
      h.messages.push(message);
    },
    enqueue: (key) => {
      h.enqueued.push(key);
    },
    sendWrite: (worker, req, thinkMs) => {
      h.writes.push({ worker: worker.id, req, thinkMs });
    },
  };
  return h;
}

function worker(key: string): WorkerState {
  const w = newWorker(0);
  w.key = key;
  w.phase = 'reconciling';
  return w;
}

const addN = (obj: KObject): Notification<KObject> => ({ kind: 'add', obj, isInInitialList: false });
const updN = (old: KObject, nu: KObject): Notification<KObject> => ({ kind: 'update', old, new: nu });
const delN = (obj: KObject | DeletedFinalStateUnknown<KObject>): Notification<KObject> => ({
  kind: 'delete',
  obj: obj as KObject,
});

describe('C2: handlers → workqueue keys', () => {
  it('C2: Foo add and update enqueue the Foo key (resync updates included); a Foo delete enqueues nothing', () => {
    const h = harness();
    fooHandler(h.env, addN(foo('a', '1')));
    fooHandler(h.env, updN(foo('b', '2', { ns: 'other' }), foo('b', '3', { ns: 'other' })));
    fooHandler(h.env, updN(foo('a', '1'), foo('a', '1')));
    expect(h.enqueued).toEqual(['default/a', 'other/b', 'default/a']);
    fooHandler(h.env, delN(foo('a', '4')));
    fooHandler(h.env, delN(tomb('default/a', foo('a', '1'))));
    fooHandler(h.env, delN(tomb('default/a', null)));
    expect(h.enqueued).toEqual(['default/a', 'other/b', 'default/a']);
  });

  it('C2: a Deployment add/update/delete controlled by a cached Foo enqueues that Foo', () => {
    const h = harness([foo('f', '1')]);
    const d1 = dep('f-dep', '5', [ownerFoo('f')]);
    const d2 = dep('f-dep', '6', [ownerFoo('f')]);
    deploymentHandler(h.env, addN(d1));
    deploymentHandler(h.env, updN(d1, d2));
    deploymentHandler(h.env, delN(d2));
    expect(h.enqueued).toEqual(['default/f', 'default/f', 'default/f']);
  });

  it('C2: a same-resourceVersion Deployment update (resync) is dropped', () => {
    const h = harness([foo('f', '1')]);
    const d = dep('f-dep', '5', [ownerFoo('f')]);
    deploymentHandler(h.env, updN(d, d));
    deploymentHandler(h.env, updN(d, dep('f-dep', '5', [ownerFoo('f')], { replicas: 9 })));
    expect(h.enqueued).toEqual([]);
    expect(h.messages).toContain('handler.resync-dropped');
  });

  it('C2: the update handler follows the new object, not the old one', () => {
    const h = harness([foo('f', '1'), foo('g', '1')]);
    deploymentHandler(h.env, updN(dep('d', '5', [ownerFoo('f')]), dep('d', '6', [ownerFoo('g')])));
    expect(h.enqueued).toEqual(['default/g']);
  });

  it("C2: a tombstone with an object is unwrapped to its owner's key; with a null object nothing happens", () => {
    const h = harness([foo('f', '1')]);
    deploymentHandler(h.env, delN(tomb('default/f-dep', dep('f-dep', '5', [ownerFoo('f')]))));
    expect(h.enqueued).toEqual(['default/f']);
    deploymentHandler(h.env, delN(tomb('default/f-dep', null)));
    expect(h.enqueued).toEqual(['default/f']);
    expect(h.messages).toContain('handler.tombstone-invalid');
  });

  it('C2: no controller ref, a non-controller Foo ref, or a controller that is not a Foo → nothing', () => {
    const h = harness([foo('f', '1')]);
    deploymentHandler(h.env, addN(dep('d0', '5', [])));
    deploymentHandler(h.env, addN(dep('d1', '5', [ownerFoo('f', false)])));
    const rsOwner: OwnerReference = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'f',
      uid: 'u',
      controller: true,
    };
    deploymentHandler(h.env, addN(dep('d2', '5', [rsOwner])));
    // GetControllerOf takes the first controller ref: a Foo ref after a non-Foo controller is not followed
    deploymentHandler(h.env, addN(dep('d3', '5', [rsOwner, ownerFoo('f')])));
    deploymentHandler(h.env, delN(tomb('default/d2', dep('d2', '5', [rsOwner]))));
    expect(h.enqueued).toEqual([]);
    // a non-controller ref before the controller ref is skipped
    deploymentHandler(h.env, addN(dep('d4', '5', [ownerFoo('x', false), ownerFoo('f')])));
    expect(h.enqueued).toEqual(['default/f']);
  });

  it("C2: the owner Foo is looked up in the Deployment's namespace; missing from the lister → nothing", () => {
    const h = harness([foo('f', '1', { ns: 'ns1' })]);
    deploymentHandler(h.env, addN(dep('d', '5', [ownerFoo('f')], { ns: 'ns2' })));
    deploymentHandler(h.env, addN(dep('d', '5', [ownerFoo('gone')], { ns: 'ns1' })));
    deploymentHandler(h.env, delN(tomb('ns1/d', dep('d', '5', [ownerFoo('gone')], { ns: 'ns1' }))));
    expect(h.enqueued).toEqual([]);
    expect(h.messages.filter((m) => m === 'handler.orphan-ignored').length).toBe(3);
    deploymentHandler(h.env, addN(dep('d', '5', [ownerFoo('f')], { ns: 'ns1' })));
    expect(h.enqueued).toEqual(['ns1/f']);
  });
});

describe('C4: syncHandler', () => {
  function expectDone(r: SyncStepResult, error: { code: number | null } | null): void {
    expect(r.done).toBe(true);
    if (r.done) {
      if (error === null) expect(r.error).toBeNull();
      else expect(r.error?.code).toBe(error.code);
    }
  }

  it('C4: the Foo is gone from the lister → done, no error, no request', () => {
    const h = harness();
    expectDone(syncStart(h.env, worker('default/f'), false, 0), null);
    expect(h.writes).toEqual([]);
  });

  it('C4: an empty deploymentName → done, no error, no request', () => {
    const h = harness([foo('f', '1', { dep: '' })]);
    expectDone(syncStart(h.env, worker('default/f'), false, 0), null);
    expect(h.writes).toEqual([]);
  });

  it('C4: an invalid key → done without retry; an injected failure → an error', () => {
    const h = harness([foo('f', '1')]);
    expectDone(syncStart(h.env, worker('a/b/c'), false, 0), null);
    const r = syncStart(h.env, worker('default/f'), true, 0);
    expect(r.done && r.error?.message).toBe('injected failure');
    expect(r.done && r.error?.kind).toBe('injected');
    expect(h.writes).toEqual([]);
  });

  it('C4: Deployment missing → Create with a controller ownerReference to the Foo and no resourceVersion', () => {
    const f = foo('f', '1', { replicas: 3 });
    const h = harness([f]);
    const w = worker('default/f');
    expect(syncStart(h.env, w, false, 25)).toEqual({ done: false });
    expect(h.writes.length).toBe(1);
    const { req, thinkMs } = h.writes[0]!;
    expect(thinkMs).toBe(25);
    expect(req.verb).toBe('create');
    const d = req.object as Deployment;
    expect(d.kind).toBe('Deployment');
    expect(d.metadata.namespace).toBe('default');
    expect(d.metadata.name).toBe('f-dep');
    expect(d.metadata.resourceVersion).toBe('');
    expect(d.spec.replicas).toBe(3);
    expect(d.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'samplecontroller.k8s.io/v1alpha1',
        kind: 'Foo',
        name: 'f',
        uid: f.metadata.uid,
        controller: true,
      },
    ]);
    expect(d).toEqual(newDeployment(f, 1234));
    expect(w.sync?.stage).toBe('create-deployment');
  });

  it('C4: create ok → UpdateStatus on a copy of the cached Foo with the cached RV and the new status', () => {
    const f = foo('f', '7', { replicas: 2 });
    const frozen = structuredClone(f);
    const h = harness([f]);
    const w = worker('default/f');
    syncStart(h.env, w, false, 0);
    const created = dep('f-dep', '8', [ownerFoo('f')], { replicas: 2, available: 0 });
    expect(syncOnResponse(h.env, w, { code: 201, object: created })).toEqual({ done: false });
    const { req } = h.writes[1]!;
    expect(req.verb).toBe('updateStatus');
    const copy = req.object as Foo;
    expect(copy).not.toBe(f);
    expect(copy.metadata.resourceVersion).toBe('7');
    expect(copy.metadata.uid).toBe(f.metadata.uid);
    expect(copy.spec).toEqual(f.spec);
    expect(copy.status).toEqual({ availableReplicas: 0 });
    expect(f).toEqual(frozen);
    expectDone(
      syncOnResponse(h.env, w, {
        code: 200,
        object: { ...copy, metadata: { ...copy.metadata, resourceVersion: '9' } },
      }),
      null,
    );
    expect(h.writes.length).toBe(2);
  });

  it('C4: a controlled Deployment with matching replicas → straight to UpdateStatus with its available replicas', () => {
    const f = foo('f', '3', { replicas: 2 });
    const h = harness([f], [dep('f-dep', '4', [ownerFoo('f')], { replicas: 2, available: 2 })]);
    const w = worker('default/f');
    expect(syncStart(h.env, w, false, 0)).toEqual({ done: false });
    expect(h.writes.map((x) => x.req.verb)).toEqual(['updateStatus']);
    expect((h.writes[0]!.req.object as Foo).status.availableReplicas).toBe(2);
    expect(f.status.availableReplicas).toBe(0);
  });

  it('C4: replicas differ → Update with a fresh Deployment (no RV), then UpdateStatus from the response', () => {
    const f = foo('f', '3', { replicas: 5 });
    const h = harness([f], [dep('f-dep', '4', [ownerFoo('f')], { replicas: 2, available: 2 })]);
    const w = worker('default/f');
    syncStart(h.env, w, false, 0);
    const u = h.writes[0]!.req;
    expect(u.verb).toBe('update');
    expect((u.object as Deployment).spec.replicas).toBe(5);
    expect(u.object.metadata.resourceVersion).toBe('');
    expect(u.object.metadata.ownerReferences[0]!.uid).toBe(f.metadata.uid);
    const updated = dep('f-dep', '10', [ownerFoo('f')], { replicas: 5, available: 4 });
    expect(syncOnResponse(h.env, w, { code: 200, object: updated })).toEqual({ done: false });
    const s = h.writes[1]!.req;
    expect(s.verb).toBe('updateStatus');
    expect((s.object as Foo).status.availableReplicas).toBe(4);
    expect(s.object.metadata.resourceVersion).toBe('3');
  });

  it('C4: a Deployment not controlled by this Foo (other uid, non-controller ref, no refs) → error, no request', () => {
    for (const owners of [[ownerFoo('f', true, 'someone-else')], [ownerFoo('f', false)], []]) {
      const h = harness([foo('f', '1')], [dep('f-dep', '4', owners)]);
      const r = syncStart(h.env, worker('default/f'), false, 0);
      expect(r.done && r.error?.message).toBe('Resource "f-dep" already exists and is not managed by Foo');
      expect(h.writes).toEqual([]);
    }
  });

  it('C4: a stale cached Foo RV makes UpdateStatus conflict (409) → the sync ends with that code', () => {
    const cached = foo('f', '3');
    const serverRv = '11'; // the server has moved on; the informer has not caught up
    const h = harness([cached], [dep('f-dep', '4', [ownerFoo('f')])]);
    const w = worker('default/f');
    syncStart(h.env, w, false, 0);
    const req = h.writes[0]!.req;
    expect(req.verb).toBe('updateStatus');
    // UpdateStatus is a conditional write at the carried RV: the cached '3', not the server's '11'
    expect(req.object.metadata.resourceVersion).toBe('3');
    const code = req.object.metadata.resourceVersion === serverRv ? 200 : 409;
    expectDone(syncOnResponse(h.env, w, { code, reason: 'Conflict' }), { code: 409 });
  });

  it('C4: any non-2xx response ends the sync with that code (create 409 AlreadyExists, update 500)', () => {
    const h = harness([foo('f', '1')]);
    const w = worker('default/f');
    syncStart(h.env, w, false, 0);
    const r = syncOnResponse(h.env, w, {
      code: 409,
      reason: 'AlreadyExists',
      message: 'deployments "f-dep" already exists',
    });
    expect(r).toEqual({
      done: true,
      error: {
        kind: 'status',
        code: 409,
        reason: 'AlreadyExists',
        message: 'deployments "f-dep" already exists',
      },
    });
    expect(h.writes.length).toBe(1);

    const h2 = harness([foo('f', '1', { replicas: 3 })], [dep('f-dep', '4', [ownerFoo('f')])]);
    const w2 = worker('default/f');
    syncStart(h2.env, w2, false, 0);
    expect(syncOnResponse(h2.env, w2, { code: 500, reason: 'InternalError' })).toEqual({
      done: true,
      error: { kind: 'status', code: 500, reason: 'InternalError', message: 'InternalError' },
    });
    expect(h2.writes.length).toBe(1);
  });

  it('C4: a created Deployment that somehow is not controlled by the Foo is still checked (IsControlledBy after Create)', () => {
    const h = harness([foo('f', '1')]);
    const w = worker('default/f');
    syncStart(h.env, w, false, 0);
    const r = syncOnResponse(h.env, w, {
      code: 201,
      object: dep('f-dep', '2', [ownerFoo('f', true, 'other')]),
    });
    expect(r.done && r.error?.code).toBe(null);
    expect(r.done && r.error?.kind).toBe('not-controlled');
    expect(h.writes.length).toBe(1);
  });
});

describe('settings.mistakes: the buggy controllers', () => {
  it('filterAllResyncs (SI3): the Foo UpdateFunc drops same-RV updates too; real updates still enqueue', () => {
    const ok = harness();
    fooHandler(ok.env, updN(foo('a', '1'), foo('a', '1')));
    expect(ok.enqueued).toEqual(['default/a']);
    const h = harness([], [], { filterAllResyncs: true });
    fooHandler(h.env, updN(foo('a', '1'), foo('a', '1')));
    expect(h.enqueued).toEqual([]);
    expect(h.messages).toEqual(['handler.foo-resync-dropped']);
    fooHandler(h.env, updN(foo('a', '1'), foo('a', '2')));
    fooHandler(h.env, addN(foo('b', '3')));
    expect(h.enqueued).toEqual(['default/a', 'default/b']);
  });

  it('noTombstoneUnwrap (SI12): a tombstone is "an invalid type": ignored, even when its object has an owner', () => {
    const h = harness([foo('f', '1')], [], { noTombstoneUnwrap: true });
    deploymentHandler(h.env, delN(tomb('default/f-dep', dep('f-dep', '5', [ownerFoo('f')]))));
    deploymentHandler(h.env, delN(tomb('default/f-dep', null)));
    expect(h.enqueued).toEqual([]);
    expect(h.messages).toEqual(['handler.tombstone-not-unwrapped', 'handler.tombstone-not-unwrapped']);
    // A DELETED event's final object is still handled (only the tombstone type is unknown).
    deploymentHandler(h.env, delN(dep('f-dep', '6', [ownerFoo('f')])));
    expect(h.enqueued).toEqual(['default/f']);
  });

  it('noDeepCopy (C7): UpdateStatus sends the cached Foo itself, which now holds the status at the same RV', () => {
    const f = foo('f', '3', { replicas: 2 });
    const frozen = structuredClone(f);
    const h = harness([f], [dep('f-dep', '4', [ownerFoo('f')], { replicas: 2, available: 2 })], {
      noDeepCopy: true,
    });
    const w = worker('default/f');
    expect(syncStart(h.env, w, false, 0)).toEqual({ done: false });
    const cached = indexerGetByKey(h.foos, 'default/f') as Foo;
    expect(cached).not.toBe(f);
    expect(cached.metadata.resourceVersion).toBe('3');
    expect(cached.status.availableReplicas).toBe(2);
    expect(h.writes[0]!.req.object).toBe(cached);
    expect(w.sync!.foo).toBe(cached);
    expect(h.messages).toContain('worker.cache-mutated');
    // The original value is untouched (objects are immutable values; the "mutation" is the replacement).
    expect(f).toEqual(frozen);
    // A second pass finds the status already set: assigning the same value changes nothing.
    const w2 = worker('default/f');
    const before = h.messages.length;
    syncStart(h.env, w2, false, 0);
    expect(indexerGetByKey(h.foos, 'default/f')).toBe(cached);
    expect(h.writes[1]!.req.object).toBe(cached);
    expect(h.messages.slice(before)).not.toContain('worker.cache-mutated');
  });

  it('noDeepCopy (C7): if the informer replaced the object meanwhile, the mutation misses the cache', () => {
    const f = foo('f', '3', { replicas: 2 });
    const h = harness([f], [], { noDeepCopy: true });
    const w = worker('default/f');
    syncStart(h.env, w, false, 0); // create the Deployment; the response comes later
    const newer = foo('f', '9', { replicas: 2 });
    indexerAdd(h.foos, newer); // the informer moved on while the create was in flight
    syncOnResponse(h.env, w, {
      code: 201,
      object: dep('f-dep', '8', [ownerFoo('f')], { replicas: 2, available: 1 }),
    });
    expect(h.messages).toContain('worker.mutated-stale-object');
    expect(h.messages).not.toContain('worker.cache-mutated');
    expect(indexerGetByKey(h.foos, 'default/f')).toBe(newer);
    const sent = h.writes[1]!.req.object as Foo;
    expect([sent.metadata.resourceVersion, sent.status.availableReplicas]).toEqual(['3', 1]);
  });

  it('noDeepCopy: an update that differs only in resourceVersion is narrated (the old object was mutated)', () => {
    const h = harness([], [], { noDeepCopy: true });
    const mutated = { ...foo('a', '1'), status: { availableReplicas: 2 } };
    const fromServer = { ...foo('a', '7'), status: { availableReplicas: 2 } };
    fooHandler(h.env, updN(mutated, fromServer));
    expect(h.messages).toEqual(['handler.no-change-seen']);
    expect(h.enqueued).toEqual(['default/a']);
    // A real change, or a resync, is not narrated; nor is anything with the switch off.
    fooHandler(h.env, updN(foo('a', '1'), fromServer));
    fooHandler(h.env, updN(fromServer, fromServer));
    const ok = harness();
    fooHandler(ok.env, updN(mutated, fromServer));
    expect(h.messages).toEqual(['handler.no-change-seen']);
    expect(ok.messages).toEqual([]);
  });
});
