/**
 * The simulated kube-apiserver's side of the world: it answers the reflectors' LIST and WATCH requests
 * and the workers' writes after their (seeded) network latency, through the caller's REST call
 * (`rest.response`, with the Retry-After header of K5; sim/rest-actors.ts), ends watches at their deadline
 * (S22) and sends bookmarks (S23). Each informer's label selector (settings.labelSelector) is added to
 * its requests here, as client-go's ListWatch does with a tweak of the list options (S12, S21).
 *
 * A request its kind's cache cannot serve yet is looked at again later, silently (no record until it is
 * answered): [1.26] a WATCH or an RV N LIST of a cache that is not ready blocks until it is (S33); an RV N
 * LIST above the cache RV waits up to 3 s for it, then 504 (S7). The cluster's own controllers and the
 * compactor live in server-cluster.ts; the wire (stream order) in wire.ts.
 *
 * S38: with several apiserver replicas, each request goes through the load balancer to the replica of the
 * controller's connection (connections.ts) and is served there; its record names the replica, and its
 * answer may carry GOAWAY. With one apiserver every request is served by it and records are as before.
 * What a reflector meets on a replica (S39): a) seamless; b) behind: a WATCH from N waits silently, an
 * RV N LIST waits 3 s then 504; c) re-initialised after N: 410; d) not ready: [1.26] the request waits.
 * The 1.36 server (ServerConfig.version, the modern era): d) answers 429 with Retry-After clamp(e^(0.06 ×
 * s unready), 1, 30) instead of waiting (S33, ResilientWatchCacheInitialization), retried by the REST
 * client (K4), recorded as `apiserver.cache-not-ready`; b) a WatchList from N gets the 504 as an ERROR
 * event in a 200 stream (S24, S37). A consistent read (a LIST or a WatchList from "") reads etcd's
 * revision when it comes (`target`, carried by the action while it waits), waits for the cache with
 * progress requests (`apiserver.wait-fresh`, S5, S32) and, for a LIST, falls back to etcd after 3 s
 * (`apiserver.consistent-fallback`).
 */

import {
  type ApiError,
  serverCreate,
  serverDueBookmarks,
  serverExpiredWatches,
  serverList,
  serverListWaitUntil,
  serverRequestFault,
  serverUpdate,
  serverWatch,
  serverWatchWaitUntil,
  tagLastRequest,
  type WatchEvent,
  type WriteResult,
} from '../apiserver';
import type { ListRequest, WatchRequest } from '../client-go/reflector';
import type { WriteRequest, WriteResponse } from '../controller/sample-controller';
import { schedule } from '../kernel/agenda';
import { type LabelSelector, parseLabelSelector } from '../model/label-selector';
import type { Kind } from '../model/objects';
import { maybeGoaway, routeRequest, withReplica } from './connections';
import { emitRecord, type StepOut } from './emit';
import { drawLatency } from './latency';
import { retryAfterHeader } from './rest-actors';
import { afterWrite } from './server-cluster';
import { deliver, deliverClose, ensureWatchTimers, laneOfWatch } from './wire';
import type { SimContext, World } from './world';

/** The lane informer's label selector (S12), or null. */
export function laneSelector(ctx: SimContext, lane: Kind): LabelSelector | null {
  const text = ctx.scenario.settings.labelSelector[lane];
  if (text === undefined || text === '') return null;
  const sel = parseLabelSelector(text);
  return 'error' in sel ? null : sel;
}

export function serverHandleList(
  w: World,
  ctx: SimContext,
  out: StepOut,
  lane: Kind,
  req: ListRequest,
  call: number,
  arrivedAt: number,
  routed?: number,
  target?: number,
): void {
  const replica = routed ?? routeRequest(w, out, lane);
  const fault = serverRequestFault(w.server, w.now, { verb: 'list', kind: lane }, replica);
  // S5 [1.36]: a consistent read first reads etcd's current revision, which the cache must reach.
  const v136 = w.server.config.version === '1.36';
  const consistent = v136 && req.resourceVersion === '' && req.continue === undefined;
  const tgt = target ?? (consistent ? w.server.revision : undefined);
  const opts = {
    resourceVersion: req.resourceVersion,
    limit: req.limit,
    ...(req.continue !== undefined ? { continue: req.continue } : {}),
    labelSelector: laneSelector(ctx, lane),
  };
  if (fault === null) {
    // S7, S33, S39b/d: an RV N LIST waits for the replica's cache (3 s at most) or for its readiness
    // ([1.36]: a cache that is not ready answers 429 + Retry-After instead of blocking).
    const wait = serverListWaitUntil(w.server, lane, opts, w.now, arrivedAt, replica, tgt);
    if (wait !== null) {
      if (v136 && routed === undefined) emitWaitFresh(w, out, lane, req.resourceVersion, tgt, replica);
      schedule(w.agenda, wait, {
        a: 'server.list',
        call,
        arrivedAt,
        replica,
        ...(tgt !== undefined ? { target: tgt } : {}),
      });
      return;
    }
  }
  const res = fault ?? serverList(w.server, lane, opts, w.now, replica, tgt);
  const ok = 'items' in res;
  if (ok && res.fallback === true) {
    // S5 [1.36]: the cache did not reach etcd's revision in 3 s: the consistent read went to etcd.
    emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.consistent-fallback', {
      kind: lane,
      target: tgt ?? w.server.revision,
      cacheRv: w.server.replicas[replica]!.cachers[lane].rv,
    });
  }
  if (fault === null && !ok) emitNotReady(w, out, lane, 'list', res);
  emitRecord(
    w,
    out,
    lane,
    'apiserver',
    1,
    'apiserver.list',
    withReplica(
      w,
      {
        kind: lane,
        rv: req.resourceVersion,
        limit: req.limit,
        code: res.code,
        reason: ok ? null : res.reason,
        items: ok ? res.items.length : 0,
        listRv: ok ? res.resourceVersion : null,
        more: ok ? res.continue !== undefined : false,
        servedBy: ok ? res.servedBy : 'none',
      },
      replica,
    ),
  );
  if (fault === null) maybeGoaway(w, ctx, out, lane, replica);
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
  arrivedAt: number,
  routed?: number,
  target?: number,
): void {
  const s = ctx.scenario.settings;
  const replica = routed ?? routeRequest(w, out, lane);
  const watchList = w.server.config.version === '1.36' && req.sendInitialEvents === true;
  const fault = serverRequestFault(w.server, w.now, { verb: 'watch', kind: lane }, replica);
  // S24 [1.36]: a WatchList from "" first reads etcd's current revision, which the cache must reach.
  const tgt = target ?? (watchList && req.resourceVersion === '' ? w.server.revision : undefined);
  if (fault === null) {
    // S33, S39d [1.26]: a WATCH of a cache that is not ready waits ([1.36]: 429 + Retry-After instead);
    // [1.36] a WatchList waits (≤ 3 s) for the cache to be fresh (S24, S32).
    const fresh = watchList
      ? { rv: req.resourceVersion, arrivedAt, ...(tgt !== undefined ? { target: tgt } : {}) }
      : undefined;
    const wait = serverWatchWaitUntil(w.server, lane, w.now, replica, fresh);
    if (wait !== null) {
      if (watchList && routed === undefined) emitWaitFresh(w, out, lane, req.resourceVersion, tgt, replica);
      schedule(w.agenda, wait, {
        a: 'server.watch',
        call,
        arrivedAt,
        replica,
        ...(tgt !== undefined ? { target: tgt } : {}),
      });
      return;
    }
  }
  const res =
    fault ??
    serverWatch(
      w.server,
      lane,
      {
        resourceVersion: req.resourceVersion,
        // S24 [1.36]: a watch-list always carries allowWatchBookmarks (validation requires it) and gets
        // its end bookmark even when periodic bookmarks are off; a 1.26 server (classic) ignores the
        // sendInitialEvents parameter, so only a 1.36 server is given it.
        allowWatchBookmarks: req.allowWatchBookmarks && (s.bookmarkIntervalMs > 0 || watchList),
        timeoutMs: req.timeoutMs,
        ...(watchList ? { sendInitialEvents: true } : {}),
        labelSelector: laneSelector(ctx, lane),
      },
      w.now,
      replica,
      tgt,
    );
  const respondAt = w.now + drawLatency(w, s.latency.request);
  if (!('initialEvents' in res)) {
    if (fault === null) emitNotReady(w, out, lane, 'watch', res);
    emitRecord(
      w,
      out,
      lane,
      'apiserver',
      1,
      'apiserver.watch',
      withReplica(
        w,
        {
          kind: lane,
          rv: req.resourceVersion,
          outcome: 'error',
          code: res.code,
          reason: res.reason,
          watchId: null,
          replayed: null,
        },
        replica,
      ),
    );
    if (fault === null) maybeGoaway(w, ctx, out, lane, replica);
    schedule(w.agenda, respondAt, {
      a: 'rest.response',
      call,
      answer: { kind: 'watch', result: { code: res.code, reason: res.reason, message: res.message } },
      retryAfter: retryAfterHeader(res),
    });
    return;
  }
  const streamId = res.watchId ?? w.nextPseudoStream--;
  // S18: a watch from a revision older than its kind's cache reaches is answered 200 with one ERROR
  // event (too old).
  emitRecord(
    w,
    out,
    lane,
    'apiserver',
    1,
    'apiserver.watch',
    withReplica(
      w,
      {
        kind: lane,
        rv: req.resourceVersion,
        outcome: !res.closed ? 'open' : res.initialEvents[0].status.code === 504 ? 'too-large' : 'too-old',
        code: 200,
        reason: '',
        watchId: res.watchId,
        replayed: res.closed ? 0 : res.initialEvents.length,
      },
      replica,
    ),
  );
  maybeGoaway(w, ctx, out, lane, replica);
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

/** [1.36] A read starts waiting for its kind's cache to reach `target` or its RV (S5, S7, S24, S32). */
function emitWaitFresh(
  w: World,
  out: StepOut,
  lane: Kind,
  rv: string,
  target: number | undefined,
  replica: number,
): void {
  emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.wait-fresh', {
    kind: lane,
    rv,
    target: target ?? Number(rv),
    cacheRv: w.server.replicas[replica]!.cachers[lane].rv,
  });
}

/** S33 [1.36]: the request met a cache that is not ready: 429 with its Retry-After (K4 retries it). */
function emitNotReady(w: World, out: StepOut, lane: Kind, verb: 'list' | 'watch', res: ApiError): void {
  if (res.code !== 429 || w.server.config.version !== '1.36') return;
  emitRecord(w, out, lane, 'apiserver', 1, 'apiserver.cache-not-ready', {
    kind: lane,
    verb,
    retryAfter: res.retryAfterSeconds ?? 0,
  });
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

export function serverHandleWrite(
  w: World,
  ctx: SimContext,
  out: StepOut,
  call: number,
  req: WriteRequest,
): void {
  const obj = req.object;
  const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
  const replica = routeRequest(w, out, obj.kind);
  const fault = serverRequestFault(
    w.server,
    w.now,
    { verb: req.verb === 'create' ? 'create' : 'update', kind: obj.kind, key },
    replica,
  );
  const res: WriteResult =
    fault !== null
      ? { ...fault, fanout: [] }
      : req.verb === 'create'
        ? serverCreate(w.server, obj, w.now)
        : serverUpdate(w.server, obj, w.now, req.verb === 'updateStatus' ? { subresource: 'status' } : {});
  const ok = 'object' in res;
  if (fault === null && w.server.replicas.length > 1) tagLastRequest(w.server.requests, replica);
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
    withReplica(
      w,
      {
        verb: req.verb,
        kind: obj.kind,
        code: res.code,
        reason: ok ? '' : res.reason,
        noop: ok && res.event === null,
        revision: w.server.revision,
      },
      replica,
    ),
    key,
    ok ? res.object : obj,
  );
  if (fault === null) maybeGoaway(w, ctx, out, obj.kind, replica);
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
