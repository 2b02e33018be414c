/**
 * The simulated kube-apiserver's side of the world: it answers the reflectors' LIST and WATCH requests
 * and the workers' writes after their (seeded) network latency, through the caller's REST call
 * (`rest.response`, with the Retry-After header of K5; sim/rest-actors.ts), keeps every watch stream in order,
 * ends watches at their deadline (S22) and sends bookmarks (S23), and runs two background controllers
 * the scenario needs: a stand-in for the deployment controller (status.availableReplicas follows
 * spec.replicas after a rollout delay) and the garbage collector (S30, background propagation only).
 */

import {
  findOrphanDeployments,
  serverCreate,
  serverDelete,
  serverDueBookmarks,
  serverExpiredWatches,
  serverGet,
  serverList,
  serverNextWatchTimer,
  serverRequestFault,
  serverUpdate,
  serverWatch,
  type WatchDelivery,
  type WatchEvent,
  type WriteResult,
} from '../apiserver';
import type { ClientWatchEvent, ListRequest, WatchRequest } from '../client-go/reflector';
import type { WriteRequest, WriteResponse } from '../controller/sample-controller';
import { schedule } from '../kernel/agenda';
import type { Deployment, Kind } from '../model/objects';
import { emitRecord, type StepOut } from './emit';
import { drawLatency } from './latency';
import { retryAfterHeader } from './rest-actors';
import type { SimContext, World } from './world';

function toClientEvent(ev: WatchEvent): ClientWatchEvent {
  switch (ev.type) {
    case 'ERROR':
      return {
        type: 'ERROR',
        object: null,
        status: { code: ev.status.code, reason: ev.status.reason, message: ev.status.message },
      };
    case 'BOOKMARK':
      return { type: 'BOOKMARK', object: null, resourceVersion: String(ev.rv) };
    default:
      return { type: ev.type, object: ev.object };
  }
}

/** Puts one event on a stream: delivered after latency, never before an earlier event of the stream. */
function deliver(w: World, ctx: SimContext, lane: Kind, streamId: number, ev: WatchEvent): void {
  const t = Math.max(
    w.now + drawLatency(w, ctx.scenario.settings.latency.watchDelivery),
    w.streamDeliverAt.get(streamId) ?? 0,
  );
  w.streamDeliverAt.set(streamId, t);
  schedule(w.agenda, t, { a: 'reflector.watch-event', lane, streamId, event: toClientEvent(ev) });
}

/** Ends a stream (after everything already on it). */
function deliverClose(w: World, ctx: SimContext, lane: Kind, streamId: number): void {
  const t = Math.max(
    w.now + drawLatency(w, ctx.scenario.settings.latency.watchDelivery),
    w.streamDeliverAt.get(streamId) ?? 0,
  );
  w.streamDeliverAt.delete(streamId);
  schedule(w.agenda, t, { a: 'reflector.watch-closed', lane, streamId });
}

function laneOfWatch(w: World, watchId: number): Kind | null {
  return w.server.watches.get(watchId)?.kind ?? null;
}

/** Sends a write's watch events to every open watch of its kind. */
export function fanOut(w: World, ctx: SimContext, fanout: readonly WatchDelivery[]): void {
  for (const d of fanout) {
    const lane = laneOfWatch(w, d.watchId);
    if (lane !== null) deliver(w, ctx, lane, d.watchId, d.event);
  }
}

export function serverHandleList(
  w: World,
  ctx: SimContext,
  out: StepOut,
  lane: Kind,
  req: ListRequest,
  call: number,
): void {
  const fault = serverRequestFault(w.server, w.now, { verb: 'list', kind: lane });
  const res =
    fault ??
    serverList(
      w.server,
      lane,
      {
        resourceVersion: req.resourceVersion,
        limit: req.limit,
        ...(req.continue !== undefined ? { continue: req.continue } : {}),
      },
      w.now,
    );
  const ok = 'items' in res;
  emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.list', {
    kind: lane,
    rv: req.resourceVersion,
    limit: req.limit,
    code: res.code,
    reason: ok ? null : res.reason,
    items: ok ? res.items.length : 0,
    listRv: ok ? res.resourceVersion : null,
    more: ok ? res.continue !== undefined : false,
  });
  const resp = ok
    ? {
        code: 200 as const,
        items: res.items,
        resourceVersion: res.resourceVersion,
        ...(res.continue !== undefined ? { continue: res.continue } : {}),
      }
    : { code: res.code, reason: res.reason, message: res.message };
  schedule(w.agenda, w.now + drawLatency(w, ctx.scenario.settings.latency.request), {
    a: 'rest.response',
    call,
    answer: { kind: 'list', resp },
    retryAfter: ok ? null : retryAfterHeader(res),
  });
}

export function serverHandleWatch(
  w: World,
  ctx: SimContext,
  out: StepOut,
  lane: Kind,
  req: WatchRequest,
  call: number,
): void {
  const s = ctx.scenario.settings;
  const fault = serverRequestFault(w.server, w.now, { verb: 'watch', kind: lane });
  const res =
    fault ??
    serverWatch(
      w.server,
      lane,
      {
        resourceVersion: req.resourceVersion,
        allowWatchBookmarks: req.allowWatchBookmarks && s.bookmarkIntervalMs > 0,
        timeoutMs: req.timeoutMs,
      },
      w.now,
    );
  const respondAt = w.now + drawLatency(w, s.latency.request);
  if (!('initialEvents' in res)) {
    emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.watch', {
      kind: lane,
      rv: req.resourceVersion,
      outcome: 'error',
      code: res.code,
      reason: res.reason,
      watchId: null,
      replayed: null,
    });
    schedule(w.agenda, respondAt, {
      a: 'rest.response',
      call,
      answer: { kind: 'watch', result: { code: res.code, reason: res.reason, message: res.message } },
      retryAfter: retryAfterHeader(res),
    });
    return;
  }
  const streamId = res.watchId ?? w.nextPseudoStream--;
  // S18: a watch from a revision that left the window is answered 200 with one ERROR event (too old).
  emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.watch', {
    kind: lane,
    rv: req.resourceVersion,
    outcome: res.closed ? 'too-old' : 'open',
    code: 200,
    reason: '',
    watchId: res.watchId,
    replayed: res.closed ? 0 : res.initialEvents.length,
  });
  schedule(w.agenda, respondAt, {
    a: 'rest.response',
    call,
    answer: { kind: 'watch', result: { streamId } },
    retryAfter: null,
  });
  w.streamDeliverAt.set(streamId, respondAt);
  for (const ev of res.initialEvents) deliver(w, ctx, lane, streamId, ev);
  if (res.closed) w.streamDeliverAt.delete(streamId);
  else ensureWatchTimers(w);
}

/** Keeps the watch-timer actor scheduled at the earliest deadline or bookmark. */
export function ensureWatchTimers(w: World): void {
  const t = serverNextWatchTimer(w.server);
  if (t === null) return;
  if (w.watchTimersAt !== null && w.watchTimersAt <= t) return;
  w.watchTimersAt = t;
  schedule(w.agenda, Math.max(t, w.now), { a: 'server.watch-timers' });
}

export function serverWatchTimers(w: World, ctx: SimContext, out: StepOut): void {
  if (w.watchTimersAt === null || w.watchTimersAt > w.now) return;
  w.watchTimersAt = null;
  for (const x of serverExpiredWatches(w.server, w.now)) {
    emitRecord(w, out, x.kind, 'apiserver', 'watch-event', 'apiserver.watch-timeout', { watchId: x.watchId });
    deliverClose(w, ctx, x.kind, x.watchId);
  }
  for (const d of serverDueBookmarks(w.server, w.now)) {
    const lane = laneOfWatch(w, d.watchId);
    if (lane === null) continue;
    emitRecord(w, out, lane, 'apiserver', 'watch-event', 'apiserver.bookmark', {
      watchId: d.watchId,
      rv: d.event.type === 'BOOKMARK' ? d.event.rv : null,
    });
    deliver(w, ctx, lane, d.watchId, d.event);
  }
  ensureWatchTimers(w);
}

/** Closes open watches (all, or one kind's) cleanly: a scripted fault. Returns the ids closed. */
export function closeWatches(w: World, ctx: SimContext, kind: Kind | undefined): number[] {
  const ids: number[] = [];
  for (const wt of [...w.server.watches.values()]) {
    if (kind !== undefined && wt.kind !== kind) continue;
    w.server.watches.delete(wt.id);
    deliverClose(w, ctx, wt.kind, wt.id);
    ids.push(wt.id);
  }
  return ids;
}

/** Ends open watches with an ERROR event (a scripted fault). */
export function errorWatches(
  w: World,
  ctx: SimContext,
  kind: Kind | undefined,
  ev: (id: number) => WatchEvent | null,
): number[] {
  const ids: number[] = [];
  for (const wt of [...w.server.watches.values()]) {
    if (kind !== undefined && wt.kind !== kind) continue;
    const e = ev(wt.id);
    if (e === null) continue;
    deliver(w, ctx, wt.kind, wt.id, e);
    w.streamDeliverAt.delete(wt.id);
    ids.push(wt.id);
  }
  return ids;
}

/** After any successful write: schedule the server-side follow-ups it calls for. */
export function afterWrite(w: World, ctx: SimContext, res: WriteResult): void {
  if (!('object' in res) || res.event === null) return;
  fanOut(w, ctx, res.fanout);
  const ev = res.event;
  const s = ctx.scenario.settings;
  if (ev.kind === 'Deployment' && ev.type !== 'DELETED') {
    // Each replica that has to come (or go) gets its own readiness time, as parallel pods do; the
    // status updates therefore arrive in bursts.
    const d = ev.object as Deployment;
    const key = `${d.metadata.namespace}/${d.metadata.name}`;
    const missing =
      Math.abs(d.spec.replicas - d.status.availableReplicas) - (w.rolloutsPending.get(key) ?? 0);
    for (let i = 0; i < missing; i++) {
      w.rolloutsPending.set(key, (w.rolloutsPending.get(key) ?? 0) + 1);
      schedule(w.agenda, w.now + drawLatency(w, s.deploymentRollout, false), {
        a: 'server.rollout',
        namespace: d.metadata.namespace,
        name: d.metadata.name,
      });
    }
  }
  if (ev.kind === 'Foo' && ev.type === 'DELETED' && !w.gcScheduled) {
    w.gcScheduled = true;
    schedule(w.agenda, w.now + drawLatency(w, s.gcDelay, false), { a: 'server.gc' });
  }
}

export function serverHandleWrite(
  w: World,
  ctx: SimContext,
  out: StepOut,
  call: number,
  req: WriteRequest,
): void {
  const obj = req.object;
  const fault = serverRequestFault(w.server, w.now, {
    verb: req.verb === 'create' ? 'create' : 'update',
    kind: obj.kind,
    key: `${obj.metadata.namespace}/${obj.metadata.name}`,
  });
  const res: WriteResult =
    fault !== null
      ? { ...fault, fanout: [] }
      : req.verb === 'create'
        ? serverCreate(w.server, obj, w.now)
        : serverUpdate(w.server, obj, w.now, req.verb === 'updateStatus' ? { subresource: 'status' } : {});
  const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
  const ok = 'object' in res;
  if (res.code === 409) {
    if (res.reason === 'AlreadyExists') w.stats.alreadyExists++;
    else w.stats.conflicts++;
  }
  emitRecord(
    w,
    out,
    obj.kind,
    'apiserver',
    'write',
    'apiserver.write',
    {
      verb: req.verb,
      kind: obj.kind,
      code: res.code,
      reason: ok ? '' : res.reason,
      noop: ok && res.event === null,
      revision: w.server.revision,
    },
    key,
    ok ? res.object : obj,
  );
  afterWrite(w, ctx, res);
  const resp: WriteResponse = ok
    ? { code: res.code, object: res.object }
    : { code: res.code, reason: res.reason, message: res.message };
  schedule(w.agenda, w.now + drawLatency(w, ctx.scenario.settings.latency.request), {
    a: 'rest.response',
    call,
    answer: { kind: 'write', resp },
    retryAfter: ok ? null : retryAfterHeader(res),
  });
}

/**
 * The simulated deployment controller: each replica becomes available (or goes away) at its own
 * rollout time, and every such moment moves status.availableReplicas one step toward spec.replicas
 * with a status-subresource write, as a real rollout's stream of status updates does.
 */
export function serverRollout(
  w: World,
  ctx: SimContext,
  out: StepOut,
  namespace: string,
  name: string,
): void {
  const key = `${namespace}/${name}`;
  const left = (w.rolloutsPending.get(key) ?? 1) - 1;
  if (left > 0) w.rolloutsPending.set(key, left);
  else w.rolloutsPending.delete(key);
  const d = serverGet(w.server, 'Deployment', namespace, name) as Deployment | undefined;
  if (d === undefined || d.status.availableReplicas === d.spec.replicas) return;
  const cur = d.status.availableReplicas;
  const next = cur < d.spec.replicas ? cur + 1 : cur - 1;
  const res = serverUpdate(w.server, { ...d, status: { availableReplicas: next } }, w.now, {
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

/** The garbage collector (S30, background): deletes Deployments whose controller Foo is gone. */
export function serverGc(w: World, ctx: SimContext, out: StepOut): void {
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
