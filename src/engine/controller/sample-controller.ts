/**
 * The sample controller (kubernetes/sample-controller controller.go, classic era; spec C1–C6).
 *
 * - Handlers (C2): Foo add/update enqueue the Foo's key (no Foo delete handler; resyncs are not filtered);
 *   Deployment add/update/delete call handleObject, the update first dropping same-resourceVersion
 *   (resync) updates; handleObject unwraps a DeletedFinalStateUnknown tombstone, follows the controller
 *   ownerReference to a Foo, looks it up in the Foo lister and enqueues its key.
 * - processNextWorkItem (C3): Get → syncHandler → Forget on success / AddRateLimited on error → Done.
 * - syncHandler (C4) as a resumable state machine: every clientset call is a round trip to the simulated
 *   API server, during which the worker is blocked (its goroutine waits on the HTTP response).
 *
 * This module is pure: it reads listers and the workqueue and asks its environment to send writes.
 *
 * Mistakes (`settings.mistakes`, all off by default; each one narrated with a message naming it):
 * - noDeepCopy (C7, SI10): updateFooStatus assigns the status to the lister's own Foo instead of a
 *   DeepCopy. Objects are immutable values here, so the mutation is modelled explicitly: the worker's Foo
 *   is replaced by the mutated one, and if the Foo indexer still holds that very object (same reference,
 *   i.e. the same Go pointer) the indexer entry is replaced too — same resourceVersion, changed status, a
 *   state the server never had. Simplification: notifications already buffered in a listener keep the
 *   unmutated object (in Go they would share the pointer).
 * - noTombstoneUnwrap (SI12): handleObject does not know DeletedFinalStateUnknown ("error decoding
 *   object, invalid type") and ignores it, so deletions learnt from a relist never enqueue the owner.
 * - filterAllResyncs (SI3): the Foo UpdateFunc drops same-resourceVersion updates like the Deployment one,
 *   so the periodic resync no longer re-enqueues Foos.
 * - noForget / noDone (W9, W3) live in the worker loop (sim/controller-actors.ts, finishItem).
 */

import { sameObject } from '../apiserver/object-equality';
import type { IndexerState } from '../client-go/indexer';
import { indexerGetByKey, indexerUpdate } from '../client-go/indexer';
import type { Notification } from '../client-go/process-deltas';
import type { MessageId, MessageParams } from '../model/messages';
import type { DeletedFinalStateUnknown, Deployment, Foo, KObject } from '../model/objects';
import { isTombstone, metaNamespaceKey, splitMetaNamespaceKey } from '../model/objects';
import type { ControllerMistakes } from '../model/scenario';
import type { Arrow, Component } from '../model/trace';

export type WriteVerb = 'create' | 'update' | 'updateStatus';

export interface WriteRequest {
  readonly verb: WriteVerb;
  readonly object: KObject;
}

export interface WriteResponse {
  readonly code: number;
  readonly reason?: string;
  readonly message?: string;
  readonly object?: KObject;
}

export type SyncStage = 'create-deployment' | 'update-deployment' | 'update-status';

export interface SyncState {
  /** The Foo from the lister (with noDeepCopy: the same object, mutated in place once its status is set). */
  foo: Foo;
  deployment: Deployment | null;
  stage: SyncStage | null;
}

export type WorkerPhase = 'idle' | 'reconciling' | 'awaiting-response';

export type SyncOutcome = 'success' | 'error';

export interface WorkerState {
  readonly id: number;
  phase: WorkerPhase;
  key: string | null;
  /** Bumped per item so stale agenda entries are ignored. */
  token: number;
  sync: SyncState | null;
  lastResult: { key: string; outcome: SyncOutcome; code: number | null; message: string } | null;
  processed: number;
}

export interface ControllerEnv {
  readonly now: number;
  /** The controller bugs switched on by the scenario (all false = the correct sample-controller). */
  readonly mistakes: ControllerMistakes;
  readonly foos: IndexerState<KObject>;
  readonly deployments: IndexerState<KObject>;
  /** Emits a trace record of the catalog's message M (src/engine/model/messages.ts). */
  emit<M extends MessageId>(
    component: Component,
    arrow: Arrow,
    message: M,
    params: MessageParams<M>,
    key?: string | null,
    object?: KObject | DeletedFinalStateUnknown<KObject> | null,
    lane?: 'Foo' | 'Deployment' | null,
  ): void;
  enqueue(key: string): void;
  /** Sends a clientset call; `thinkMs` is time the reconcile spends before the call leaves. */
  sendWrite(worker: WorkerState, req: WriteRequest, thinkMs: number): void;
}

export function newWorker(id: number): WorkerState {
  return { id, phase: 'idle', key: null, token: 0, sync: null, lastResult: null, processed: 0 };
}

// ---------------------------------------------------------------------------------------------------
// Handlers (C2)

/**
 * The Foo informer's ResourceEventHandlerFuncs: AddFunc and UpdateFunc enqueue; no DeleteFunc. The correct
 * UpdateFunc does not filter resyncs (C2); with filterAllResyncs it drops same-RV updates (SI3).
 * `objKey` is the notification's object key (DeletionHandlingMetaNamespaceKeyFunc) when the caller holds
 * it (the listener got it from the informer); otherwise it is built, as cache.MetaNamespaceKeyFunc does.
 */
export function fooHandler(env: ControllerEnv, n: Notification<KObject>, objKey?: string): void {
  switch (n.kind) {
    case 'add':
      env.enqueue(objKey ?? metaNamespaceKey(n.obj));
      return;
    case 'update': {
      const key = objKey ?? metaNamespaceKey(n.new);
      const oldRv = n.old.metadata.resourceVersion;
      const rv = n.new.metadata.resourceVersion;
      if (env.mistakes.filterAllResyncs && oldRv === rv) {
        env.emit('handler', 'internal', 'handler.foo-resync-dropped', { rv }, key, n.new, 'Foo');
        return;
      }
      if (env.mistakes.noDeepCopy && oldRv !== rv && sameContent(n.old, n.new)) {
        // S4: the server never bumps the RV for a byte-identical write, so old and new can only be equal
        // here because the cached old object was mutated to the new state before the event arrived.
        env.emit(
          'handler',
          'internal',
          'handler.no-change-seen',
          { oldRv, rv, availableReplicas: n.new.status.availableReplicas },
          key,
          n.new,
          'Foo',
        );
      }
      env.enqueue(key);
      return;
    }
    case 'delete':
      env.emit(
        'handler',
        'internal',
        'handler.foo-delete-ignored',
        {},
        objKey ?? deletionKey(n.obj),
        n.obj,
        'Foo',
      );
      return;
  }
}

/** Old and new are the same object apart from its resourceVersion (uid included: SI13's re-create). */
function sameContent(a: KObject, b: KObject): boolean {
  return a.metadata.uid === b.metadata.uid && sameObject(a, b);
}

function deletionKey(o: KObject | DeletedFinalStateUnknown<KObject>): string {
  return isTombstone(o) ? o.key : metaNamespaceKey(o);
}

/**
 * The Deployment informer's handlers: all call handleObject; UpdateFunc drops resyncs first. `objKey` as
 * for fooHandler.
 */
export function deploymentHandler(env: ControllerEnv, n: Notification<KObject>, objKey?: string): void {
  switch (n.kind) {
    case 'add':
      handleObject(env, n.obj);
      return;
    case 'update':
      if (n.old.metadata.resourceVersion === n.new.metadata.resourceVersion) {
        env.emit(
          'handler',
          'internal',
          'handler.resync-dropped',
          { rv: n.new.metadata.resourceVersion },
          objKey ?? metaNamespaceKey(n.new),
          n.new,
          'Deployment',
        );
        return;
      }
      handleObject(env, n.new);
      return;
    case 'delete':
      handleObject(env, n.obj);
      return;
  }
}

function handleObject(env: ControllerEnv, raw: KObject | DeletedFinalStateUnknown<KObject>): void {
  let obj: KObject;
  if (isTombstone(raw)) {
    if (env.mistakes.noTombstoneUnwrap) {
      // The buggy handleObject only accepts metav1.Object: "error decoding object, invalid type" (SI12).
      env.emit('handler', 'internal', 'handler.tombstone-not-unwrapped', {}, raw.key, raw, 'Deployment');
      return;
    }
    if (raw.obj === null) {
      env.emit('handler', 'internal', 'handler.tombstone-invalid', {}, raw.key, raw, 'Deployment');
      return;
    }
    env.emit(
      'handler',
      'internal',
      'handler.tombstone-unwrapped',
      { rv: raw.obj.metadata.resourceVersion },
      raw.key,
      raw,
      'Deployment',
    );
    obj = raw.obj;
  } else {
    obj = raw;
  }
  const owner = obj.metadata.ownerReferences.find((r) => r.controller);
  if (owner === undefined || owner.kind !== 'Foo') {
    env.emit('handler', 'internal', 'handler.not-owned', {}, metaNamespaceKey(obj), obj, 'Deployment');
    return;
  }
  const fooKey = obj.metadata.namespace === '' ? owner.name : `${obj.metadata.namespace}/${owner.name}`;
  const foo = indexerGetByKey(env.foos, fooKey);
  env.emit(
    'handler',
    9,
    'handler.owner-lookup',
    { owner: fooKey, found: foo !== undefined },
    fooKey,
    foo ?? null,
    'Foo',
  );
  if (foo === undefined) {
    env.emit(
      'handler',
      'internal',
      'handler.orphan-ignored',
      { owner: fooKey },
      metaNamespaceKey(obj),
      obj,
      'Deployment',
    );
    return;
  }
  env.enqueue(fooKey);
}

// ---------------------------------------------------------------------------------------------------
// syncHandler (C4), resumable

/**
 * Why a reconcile failed: a failure the scenario injected (failReconciles), a Deployment this Foo does not
 * control (C4's ErrResourceExists), or an API error status (`code` and the Kubernetes `reason` token).
 */
export type SyncErrorKind = 'injected' | 'not-controlled' | 'status';

export interface SyncError {
  readonly kind: SyncErrorKind;
  readonly code: number | null;
  /** The status reason token ('' when there is none). */
  readonly reason: string;
  /** The Go error's text (the worker inspector shows it as the last result's tooltip). */
  readonly message: string;
}

export type SyncStepResult = { done: true; error: null } | { done: true; error: SyncError } | { done: false };

/** Starts syncHandler(key) after the worker's reconcile time. */
export function syncStart(
  env: ControllerEnv,
  w: WorkerState,
  injectedFailure: boolean,
  thinkMs: number,
): SyncStepResult {
  const key = w.key!;
  if (injectedFailure) {
    env.emit('worker', 'internal', 'worker.injected-failure', { worker: w.id }, key, null, 'Foo');
    return { done: true, error: { kind: 'injected', code: null, reason: '', message: 'injected failure' } };
  }
  const parts = splitMetaNamespaceKey(key);
  if ('error' in parts) {
    env.emit('worker', 'internal', 'worker.invalid-key', { worker: w.id }, key, null, 'Foo');
    return { done: true, error: null };
  }
  const foo = indexerGetByKey(env.foos, key) as Foo | undefined;
  env.emit(
    'worker',
    9,
    'worker.get-foo',
    { worker: w.id, found: foo !== undefined, rv: foo?.metadata.resourceVersion ?? null },
    key,
    foo ?? null,
    'Foo',
  );
  if (foo === undefined) {
    // C4: the Foo is gone (lister 404): nothing to do, not retried.
    env.emit('worker', 'internal', 'worker.foo-gone', { worker: w.id }, key, null, 'Foo');
    return { done: true, error: null };
  }
  if (foo.spec.deploymentName === '') {
    env.emit('worker', 'internal', 'worker.no-deployment-name', { worker: w.id }, key, foo, 'Foo');
    return { done: true, error: null };
  }
  const depKey =
    parts.namespace === '' ? foo.spec.deploymentName : `${parts.namespace}/${foo.spec.deploymentName}`;
  const dep = indexerGetByKey(env.deployments, depKey) as Deployment | undefined;
  env.emit(
    'worker',
    9,
    'worker.get-deployment',
    { worker: w.id, found: dep !== undefined, rv: dep?.metadata.resourceVersion ?? null },
    depKey,
    dep ?? null,
    'Deployment',
  );
  w.sync = { foo, deployment: dep ?? null, stage: null };
  if (dep === undefined) {
    w.sync.stage = 'create-deployment';
    const req: WriteRequest = { verb: 'create', object: newDeployment(foo, env.now) };
    env.emit(
      'client',
      'write',
      'client.request',
      { worker: w.id, verb: 'create', kind: 'Deployment', rv: null, replicas: null, availableReplicas: null },
      depKey,
      req.object,
      'Deployment',
    );
    env.sendWrite(w, req, thinkMs);
    return { done: false };
  }
  return afterDeployment(env, w, thinkMs);
}

/** The response to the worker's pending clientset call arrived. */
export function syncOnResponse(env: ControllerEnv, w: WorkerState, resp: WriteResponse): SyncStepResult {
  const s = w.sync!;
  const key = w.key!;
  const stage = s.stage;
  const ok = resp.code >= 200 && resp.code < 300;
  const lane = stage === 'update-status' ? 'Foo' : 'Deployment';
  env.emit(
    'client',
    'write',
    ok ? 'client.response-ok' : 'client.response-error',
    {
      worker: w.id,
      stage,
      code: resp.code,
      reason: resp.reason ?? null,
      rv: resp.object?.metadata.resourceVersion ?? null,
    },
    stage === 'update-status' ? key : depKeyOf(s),
    resp.object ?? null,
    lane,
  );
  if (!ok)
    return {
      done: true,
      error: {
        kind: 'status',
        code: resp.code,
        reason: resp.reason ?? '',
        message: resp.message ?? resp.reason ?? `HTTP ${resp.code}`,
      },
    };
  if (stage === 'update-status') return { done: true, error: null };
  s.deployment = resp.object as Deployment;
  return afterDeployment(env, w, 0);
}

function depKeyOf(s: SyncState): string {
  const ns = s.foo.metadata.namespace;
  return ns === '' ? s.foo.spec.deploymentName : `${ns}/${s.foo.spec.deploymentName}`;
}

function afterDeployment(env: ControllerEnv, w: WorkerState, thinkMs: number): SyncStepResult {
  const s = w.sync!;
  const foo = s.foo;
  const dep = s.deployment!;
  if (s.stage !== 'update-deployment') {
    const owner = dep.metadata.ownerReferences.find((r) => r.controller);
    if (owner === undefined || owner.uid !== foo.metadata.uid) {
      // C4: not controlled by this Foo → a Warning event and an error (retried with backoff forever).
      const message = `Resource "${dep.metadata.name}" already exists and is not managed by Foo`;
      env.emit(
        'worker',
        'internal',
        'worker.not-controlled',
        { worker: w.id },
        depKeyOf(s),
        dep,
        'Deployment',
      );
      return { done: true, error: { kind: 'not-controlled', code: null, reason: '', message } };
    }
    if (foo.spec.replicas !== dep.spec.replicas) {
      s.stage = 'update-deployment';
      const req: WriteRequest = { verb: 'update', object: newDeployment(foo, env.now) };
      env.emit(
        'client',
        'write',
        'client.request',
        {
          worker: w.id,
          verb: 'update',
          kind: 'Deployment',
          rv: null,
          replicas: foo.spec.replicas,
          availableReplicas: null,
        },
        depKeyOf(s),
        req.object,
        'Deployment',
      );
      env.sendWrite(w, req, thinkMs);
      return { done: false };
    }
  }
  // updateFooStatus: UpdateStatus on a deep copy of the cached Foo (its resourceVersion may be stale → 409).
  s.stage = 'update-status';
  const status = { availableReplicas: dep.status.availableReplicas };
  const copy: Foo = env.mistakes.noDeepCopy ? mutateListerFoo(env, w, status) : { ...foo, status };
  env.emit(
    'client',
    'write',
    'client.request',
    {
      worker: w.id,
      verb: 'updateStatus',
      kind: 'Foo',
      rv: foo.metadata.resourceVersion,
      replicas: null,
      availableReplicas: dep.status.availableReplicas,
    },
    w.key,
    copy,
    'Foo',
  );
  env.sendWrite(w, { verb: 'updateStatus', object: copy }, thinkMs);
  return { done: false };
}

/**
 * noDeepCopy (C7): `foo.Status.AvailableReplicas = ...` on the lister's object. Assigning the value it
 * already has changes nothing. Otherwise the worker's Foo becomes the mutated one, and when the indexer
 * still holds that very object (the same pointer), the cache now holds it too: same resourceVersion, a
 * status the server never had. If the informer has replaced the object meanwhile, the mutation hits an
 * object the cache no longer holds.
 */
function mutateListerFoo(env: ControllerEnv, w: WorkerState, status: Foo['status']): Foo {
  const s = w.sync!;
  const foo = s.foo;
  if (foo.status.availableReplicas === status.availableReplicas) return foo;
  const mutated: Foo = { ...foo, status };
  s.foo = mutated;
  const key = w.key!;
  const inCache = indexerGetByKey(env.foos, key) === foo;
  if (inCache) indexerUpdate<KObject>(env.foos, mutated);
  env.emit(
    'worker',
    'internal',
    inCache ? 'worker.cache-mutated' : 'worker.mutated-stale-object',
    {
      worker: w.id,
      was: foo.status.availableReplicas,
      availableReplicas: status.availableReplicas,
      rv: foo.metadata.resourceVersion,
    },
    key,
    mutated,
    'Foo',
  );
  return mutated;
}

/**
 * newDeployment(foo): the Deployment the Foo wants, owned by it, without a resourceVersion. Upstream
 * (sc controller.go newDeployment) puts the labels app=nginx, controller=<foo> only on spec.selector and
 * spec.template, not on the Deployment's own metadata; selector and template are not modelled, so the
 * Deployment carries no labels.
 */
export function newDeployment(foo: Foo, now: number): Deployment {
  return {
    kind: 'Deployment',
    metadata: {
      namespace: foo.metadata.namespace,
      name: foo.spec.deploymentName,
      uid: '',
      resourceVersion: '',
      generation: 0,
      creationTimestamp: now,
      labels: {},
      ownerReferences: [
        {
          apiVersion: 'samplecontroller.k8s.io/v1alpha1',
          kind: 'Foo',
          name: foo.metadata.name,
          uid: foo.metadata.uid,
          controller: true,
        },
      ],
      finalizers: [],
      deletionTimestamp: null,
    },
    spec: { replicas: foo.spec.replicas },
    status: { availableReplicas: 0 },
  };
}
