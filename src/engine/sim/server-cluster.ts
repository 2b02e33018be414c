/**
 * The cluster around the API server, as stand-ins (spec §1.10) and the apiserver's own background work:
 *
 * - the deployment controller (S41 stand-in): each replica of a Deployment becomes available (or goes
 *   away) at its own rollout time, and each such moment moves status.availableReplicas one step toward
 *   spec.replicas with a status write. It syncs every Deployment it finds when it starts (its informer's
 *   initial list queues them all), so Deployments given in a scenario's `objects` roll out without any
 *   user write. ReplicaSets and Pods are not modelled.
 * - the garbage collector (S30, S40 stand-in): a Deployment whose ownerReferences all name absent owners
 *   (by uid) is deleted with background propagation some time after it appears or after its last owner
 *   goes; no DELETED event of the owner is needed. Its graph, queues and the PATCH of dangling references
 *   of objects that still have an owner are not modelled.
 * - the apiserver's etcd compactor (S35): a tick every compactionInterval (etcd.ts etcdCompactorTick).
 * - the end of an apiserver restart (S33): the Cachers re-initialise (every replica's, or, S38, the one
 *   replica that restarted).
 * - core/v1 Events the sample-controller's EventRecorder writes (`Synced`, `ErrResourceExists`): an etcd
 *   write of a resource the lab does not model, so it takes a revision (S1) and makes the Foo and
 *   Deployment RVs sparse. It is not a step of its own (no record: it changes nothing in the figure);
 *   frames count it. Simplification: the recorder's correlator (aggregation into a count PATCH, the
 *   spam filter) and its retries after a failed write are not modelled; a write that meets a refused
 *   connection is dropped.
 *
 * While the apiserver is down (a restart), the controllers' writes wait until it is back. With several
 * replicas (S38) a restart of one of them does not hold them up: they reach etcd through another.
 */
import {
  etcdCompactorTick,
  etcdOtherWrite,
  findOrphanDeployments,
  objectWith,
  serverDelete,
  serverDown,
  serverGet,
  serverRequestFault,
  serverStart,
  serverStartReplica,
  serverUpdate,
  type WriteResult,
} from '../apiserver';
import { schedule } from '../kernel/agenda';
import type { Deployment } from '../model/objects';
import { ensureReplicaFeeds, replicaName } from './connections';
import { emitRecord, type StepOut } from './emit';
import { drawLatency } from './latency';
import { fanOut } from './wire';
import type { SimContext, World } from './world';

/** The last rollout key built, with its parts (see rolloutKey). */
let lastRollout: { readonly namespace: string; readonly name: string; readonly key: string } | null = null;

/**
 * The `rolloutsPending` key of a Deployment ("ns/name"). A rollout tick and the scheduling after its
 * write ask for the same key in a row: the last one is handed out again, a string whose hash its first
 * map lookup already computed (a fresh key costs a few hundred ns to hash). The content is the same.
 */
function rolloutKey(namespace: string, name: string): string {
  const last = lastRollout;
  if (last !== null && last.name === name && last.namespace === namespace) return last.key;
  const key = `${namespace}/${name}`;
  lastRollout = { namespace, name, key };
  return key;
}

/** Schedules the rollout ticks a Deployment still needs (one per replica that has to come or go). */
export function scheduleRollout(w: World, ctx: SimContext, d: Deployment): void {
  const key = rolloutKey(d.metadata.namespace, d.metadata.name);
  const missing = Math.abs(d.spec.replicas - d.status.availableReplicas) - (w.rolloutsPending.get(key) ?? 0);
  for (let i = 0; i < missing; i++) {
    w.rolloutsPending.set(key, (w.rolloutsPending.get(key) ?? 0) + 1);
    schedule(w.agenda, w.now + drawLatency(w, ctx.scenario.settings.deploymentRollout, false), {
      a: 'server.rollout',
      namespace: d.metadata.namespace,
      name: d.metadata.name,
    });
  }
}

function scheduleGc(w: World, ctx: SimContext): void {
  if (w.gcScheduled) return;
  w.gcScheduled = true;
  schedule(w.agenda, w.now + drawLatency(w, ctx.scenario.settings.gcDelay, false), { a: 'server.gc' });
}

/** S40: are all of this object's owners (by uid) absent? False for an object with no owner. */
function ownersAbsent(w: World, d: Deployment): boolean {
  const refs = d.metadata.ownerReferences;
  if (refs.length === 0) return false;
  return refs.every((r) => {
    const o = serverGet(w.server, r.kind, d.metadata.namespace, r.name);
    return o === undefined || o.metadata.uid !== r.uid;
  });
}

/** After any successful write: fan it out and schedule the follow-ups the cluster's controllers make. */
export function afterWrite(w: World, ctx: SimContext, res: WriteResult): void {
  if (!('object' in res) || res.event === null) return;
  fanOut(w, ctx, res.fanout);
  // S38: the event is on its way to the lagging replicas; their feed actors deliver it.
  ensureReplicaFeeds(w);
  const ev = res.event;
  if (ev.kind === 'Deployment' && ev.type !== 'DELETED') {
    // Each replica that has to come (or go) gets its own readiness time, as parallel pods do; the
    // status updates therefore arrive in bursts.
    scheduleRollout(w, ctx, ev.object as Deployment);
    // S40: a dependent that appears after its owner is gone is collected too.
    if (ev.type === 'ADDED' && ownersAbsent(w, ev.object as Deployment)) scheduleGc(w, ctx);
  }
  if (ev.kind === 'Foo' && ev.type === 'DELETED') scheduleGc(w, ctx);
}

/** While the apiserver is down, a controller's write waits: true if the action was put off. */
function putOffWhileDown(w: World, act: () => void): boolean {
  if (!serverDown(w.server, w.now)) return false;
  act();
  return true;
}

/** One rollout tick of the simulated deployment controller (see the header). */
export function serverRollout(
  w: World,
  ctx: SimContext,
  out: StepOut,
  namespace: string,
  name: string,
): void {
  if (
    putOffWhileDown(w, () =>
      schedule(w.agenda, w.server.faults.downUntil, { a: 'server.rollout', namespace, name }),
    )
  )
    return;
  const key = rolloutKey(namespace, name);
  const left = (w.rolloutsPending.get(key) ?? 1) - 1;
  if (left > 0) w.rolloutsPending.set(key, left);
  else w.rolloutsPending.delete(key);
  const d = serverGet(w.server, 'Deployment', namespace, name) as Deployment | undefined;
  if (d === undefined || d.status.availableReplicas === d.spec.replicas) return;
  const cur = d.status.availableReplicas;
  const next = cur < d.spec.replicas ? cur + 1 : cur - 1;
  const res = serverUpdate(w.server, objectWith(d, d.metadata, d.spec, { availableReplicas: next }), w.now, {
    subresource: 'status',
  });
  emitRecord(
    w,
    out,
    'Deployment',
    'apiserver',
    'internal',
    'apiserver.rollout',
    { replicas: next, desired: d.spec.replicas, code: res.code },
    key,
    'object' in res ? res.object : d,
  );
  afterWrite(w, ctx, res);
}

/** The garbage collector (S30, S40, background): deletes Deployments whose owners are all absent. */
export function serverGc(w: World, ctx: SimContext, out: StepOut): void {
  if (putOffWhileDown(w, () => schedule(w.agenda, w.server.faults.downUntil, { a: 'server.gc' }))) return;
  w.gcScheduled = false;
  for (const d of findOrphanDeployments(w.server)) {
    const res = serverDelete(w.server, 'Deployment', d.metadata.namespace, d.metadata.name, w.now);
    emitRecord(
      w,
      out,
      'Deployment',
      'apiserver',
      'internal',
      'apiserver.gc',
      { code: res.code },
      `${d.metadata.namespace}/${d.metadata.name}`,
      'object' in res ? res.object : d,
    );
    afterWrite(w, ctx, res);
  }
}

/** S35: the compactor's tick; the next one an interval later. */
export function serverCompactor(w: World, ctx: SimContext, out: StepOut): void {
  const interval = ctx.scenario.settings.compactionIntervalMs;
  if (interval <= 0) return;
  schedule(w.agenda, w.now + interval, { a: 'server.compactor' });
  if (serverDown(w.server, w.now)) return; // a stopped apiserver runs no compactor
  const r = etcdCompactorTick(w.server, w.now);
  emitRecord(w, out, null, 'apiserver', 'internal', 'apiserver.compaction', {
    compactedRv: r.compactedRv,
    revision: r.revision,
  });
}

/** The EventRecorder's write of one Event through the CoreV1 client (no record, see the header). */
export function serverRecordEvent(w: World, reason: string, eventType: string, key: string): void {
  if (serverRequestFault(w.server, w.now) !== null) return;
  etcdOtherWrite(w.server, w.now, `events (${eventType} ${reason} ${key})`);
}

/**
 * S33: the restarted apiserver is up; its Cachers re-initialise from etcd. With `replica` (S38) only
 * that replica restarted and only its Cachers do.
 */
export function serverStarted(w: World, out: StepOut, cacheInitMs: number, replica?: number): void {
  if (replica !== undefined) {
    const r = w.server.replicas[replica];
    if (r === undefined || w.now < r.downUntil) return; // a later restart extended the downtime
    const listRv = serverStartReplica(w.server, replica, w.now, cacheInitMs);
    emitRecord(w, out, null, 'apiserver', 'internal', 'apiserver.replica-started', {
      replica: replicaName(replica),
      listRv,
      cacheInitMs,
    });
    return;
  }
  if (w.now < w.server.faults.downUntil) return; // a later restart extended the downtime
  const listRv = serverStart(w.server, w.now, cacheInitMs);
  emitRecord(w, out, null, 'apiserver', 'internal', 'apiserver.started', { listRv, cacheInitMs });
}
