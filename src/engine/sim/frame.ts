/**
 * The frame: what the screen shows at one step, as plain, structured-clone-friendly data sized for the
 * screen (long lists are cut to `limit` rows and carry their full count). The Worker builds it and posts
 * it; the view never sees the world. `digest` hashes everything else in the frame, so two frames with the
 * same digest show the same thing (step-back tests and shared links compare digests).
 *
 * A frame is built for every seek and every frame shown while playing, so it costs O(rows shown) plus
 * one pass over the big collections, never a sort of them: sorted lists that are cut to `limit` rows
 * take their first rows with `firstSorted`, and the cache diff stops at `limit` entries per kind.
 */
import { KINDS, serverOpenWatches, serverRecentRequests } from '../apiserver';
import { fifoGetByKey, fifoHasSynced, fifoLen } from '../client-go/delta-fifo';
import { indexerGetByKey, indexerLen } from '../client-go/indexer';
import type { Notification } from '../client-go/process-deltas';
import {
  type RealDelta,
  realDeltaKey,
  realFifoHasSynced,
  realFifoLen,
  realFifoLocked,
} from '../client-go/real-fifo';
import { listenerBuffer, listenerHasSynced } from '../client-go/shared-informer';
import { watchListSize } from '../client-go/watch-list';
import { wqLen, wqMetrics, wqNumRequeues, wqRequeued, wqWaiting } from '../client-go/workqueue';
import { fnv1a } from '../kernel/hash';
import {
  type Frame,
  type LaneView,
  type ModernLaneView,
  type NotificationView,
  type ObjectRow,
  REPLACED_ALL_KEYS,
  type RealFifoEntryView,
} from '../model/frame';
import type { Kind, KObject } from '../model/objects';
import { isTombstone, metaNamespaceKey } from '../model/objects';
import type { TraceRecord } from '../model/trace';
import { objectRow, objOrTomb, recordView } from '../model/views';
import { replicaName } from './connections';
import { connectionViews, replicaCacheViews, replicaRvOf, replicaViews } from './frame-replicas';
import { cacheDiff } from './invariants';
import { restClientViews } from './rest-view';
import type { LaneState, ModernLaneState, World } from './world';

export interface FrameOptions {
  /** Rows per long list (default 200). */
  readonly limit?: number;
}

/**
 * The `limit` smallest of `keys` in ascending order: `[...keys].sort().slice(0, limit)` (the same
 * code-unit order) without sorting them all. Keys kept so far stay sorted; a key enters by binary
 * insertion only when it is smaller than the largest kept.
 */
export function firstSorted(keys: Iterable<string>, limit: number): string[] {
  const out: string[] = [];
  if (limit <= 0) return out;
  for (const k of keys) {
    if (out.length === limit && !(k < out[limit - 1]!)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (out[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, k);
    if (out.length > limit) out.pop();
  }
  return out;
}

function notificationView(n: Notification<KObject>): NotificationView {
  const obj = n.kind === 'update' ? n.new : n.obj;
  const inner = isTombstone(obj) ? obj.obj : obj;
  return {
    kind: n.kind,
    key: isTombstone(obj) ? obj.key : metaNamespaceKey(obj),
    rv: inner?.metadata.resourceVersion ?? null,
    oldRv: n.kind === 'update' ? n.old.metadata.resourceVersion : null,
    tombstone: isTombstone(obj),
    isInInitialList: n.kind === 'add' ? n.isInInitialList : false,
  };
}

function realEntryView(d: RealDelta<KObject>): RealFifoEntryView {
  switch (d.type) {
    case 'ReplacedAll':
      return {
        type: d.type,
        key: null,
        rv: d.rv,
        tombstone: false,
        objects: d.objs.length,
        keys: d.objs.slice(0, REPLACED_ALL_KEYS).map((o) => metaNamespaceKey(o)),
      };
    case 'Bookmark':
      return { type: d.type, key: null, rv: d.rv, tombstone: false };
    case 'SyncAll':
      return { type: d.type, key: null, rv: null, tombstone: false };
    default: {
      const o = objOrTomb(d.obj);
      return { type: d.type, key: realDeltaKey(d), rv: o.row?.rv ?? null, tombstone: o.tomb };
    }
  }
}

function modernView(L: ModernLaneState, limit: number): ModernLaneView {
  const f = L.fifo;
  const p = L.processing;
  return {
    entries: f.items.slice(f.head, f.head + limit).map(realEntryView),
    processing:
      p === null
        ? null
        : {
            entries: p.deltas.slice(0, limit).map(realEntryView),
            batch: p.batch,
            isInInitialList: p.isInInitialList,
          },
    locked: realFifoLocked(f),
    held: L.held.length,
    indexerRv: L.indexerRv,
    streamed: L.reflector.watchList === null ? null : watchListSize(L.reflector.watchList),
  };
}

function fifoView(L: LaneState, limit: number): LaneView['fifo'] {
  if (L.era === 'modern') {
    const f = L.fifo;
    return {
      length: realFifoLen(f),
      hasSynced: realFifoHasSynced(f),
      populated: f.populated,
      initialPopulationCount: f.initialPopulationCount,
      queue: [],
    };
  }
  const f = L.fifo;
  return {
    length: fifoLen(f),
    hasSynced: fifoHasSynced(f),
    populated: f.populated,
    initialPopulationCount: f.initialPopulationCount,
    queue: f.queue.slice(f.head, f.head + limit).map((key) => ({
      key,
      deltas: (fifoGetByKey(f, key) ?? []).map((d) => {
        const o = objOrTomb(d.obj);
        return { type: d.type, rv: o.row?.rv ?? null, tombstone: o.tomb };
      }),
    })),
  };
}

function laneView(w: World, kind: Kind, limit: number, diff: ReturnType<typeof cacheDiff>): LaneView {
  const L = w.lanes[kind];
  const r = L.reflector;
  const ix = L.indexer;
  // S38, S6: with several replicas, the watch's replica and each differing key's RV in its replica's cache.
  const ha = w.server.replicas.length > 1;
  const watchReplica =
    ha && r.watch?.streamId != null ? w.server.watches.get(r.watch.streamId)?.replica : undefined;
  const onReplica = ha ? replicaRvOf(w, kind) : null;
  const fifo = fifoView(L, limit);
  return {
    kind,
    ...(L.era === 'modern' ? { modern: modernView(L, limit) } : {}),
    reflector: {
      phase: r.phase,
      lastSyncResourceVersion: r.lastSyncResourceVersion,
      rvUnavailable: r.isLastSyncResourceVersionUnavailable,
      backoffUntil: r.backoffUntil,
      nextResyncAt: r.nextResyncAt,
      listCount: r.listCount,
      watch:
        r.watch === null
          ? null
          : {
              fromRv: r.watch.requestRv,
              startedAt: r.watch.startedAt,
              streamId: r.watch.streamId,
              events: r.watch.eventCount,
              ...(watchReplica === undefined ? {} : { replica: replicaName(watchReplica) }),
            },
    },
    fifo,
    indexer: {
      count: indexerLen(ix),
      items: firstSorted(ix.items.keys(), limit).map((k) => objectRow(ix.items.get(k)!)),
      indices: ix.indexNames.map((name) => {
        const index = ix.indices.get(name);
        return {
          name,
          buckets:
            index === undefined
              ? []
              : firstSorted(index.keys(), limit).map((value) => ({
                  value,
                  keys: firstSorted(index.get(value)!, limit),
                })),
        };
      }),
      diff: diff
        .filter((d) => d.kind === kind)
        .slice(0, limit)
        .map((d) => {
          const row =
            d.mutated === true
              ? { key: d.key, cached: d.cached, server: d.server, mutated: true as const }
              : { key: d.key, cached: d.cached, server: d.server };
          return onReplica === null ? row : { ...row, replica: onReplica(d.key) };
        }),
    },
    listeners: L.processor.listeners.map((l) => {
      const buf = listenerBuffer(l);
      return {
        id: l.id,
        handler: l.handler,
        pendingCount: buf.length,
        pending: buf.slice(0, limit).map(notificationView),
        delivered: l.delivered,
        isResyncing: l.isResyncing,
        resyncPeriodMs: l.resyncPeriodMs,
        nextResync: l.nextResync,
        initialPending: l.initialPending,
        hasSynced: listenerHasSynced(l, fifo.hasSynced),
      };
    }),
  };
}

export function buildFrame(w: World, records: readonly TraceRecord[], opts: FrameOptions = {}): Frame {
  const limit = opts.limit ?? 200;
  const s = w.server;
  const ha = s.replicas.length > 1;
  const a = s.replicas[0]!;
  const diff = cacheDiff(w, limit);
  const q = w.controller.queue;
  const waiting = wqWaiting(q);
  const m = wqMetrics(q, w.now);
  const objects = {} as Record<Kind, ObjectRow[]>;
  const counts = {} as Record<Kind, number>;
  for (const k of KINDS) {
    const st = s.stores[k];
    counts[k] = st.objects.size;
    const rows: ObjectRow[] = [];
    for (const key of st.keys) {
      if (rows.length >= limit) break;
      const o = st.objects.get(key);
      if (o !== undefined) rows.push(objectRow(o));
    }
    objects[k] = rows;
  }
  const frameNoDigest: Omit<Frame, 'digest'> = {
    step: w.step,
    time: w.now,
    records: records.map(recordView),
    server: {
      revision: s.revision,
      compactedRv: s.compactedRv,
      historyCount: KINDS.reduce((n, k) => n + a.cachers[k].ring.size, 0),
      historyCapacity: KINDS.reduce((n, k) => n + a.cachers[k].ring.capacity, 0),
      caches: replicaCacheViews(s, a, w.now),
      ...(ha ? { replicas: replicaViews(w), connections: connectionViews(w) } : {}),
      otherWrites: {
        count: s.otherWrites.count,
        last: s.otherWrites.last === null ? null : `${s.otherWrites.last.resource} @${s.otherWrites.last.rv}`,
      },
      counts,
      objects,
      watches: serverOpenWatches(s).map((x) => ({
        id: x.id,
        kind: x.kind,
        startRv: x.startRv,
        openedAt: x.openedAt,
        deadline: x.deadline,
        lastSentRv: x.lastSentRv,
        eventsSent: x.eventsSent,
        nextBookmarkAt: x.nextBookmarkAt,
        ...(ha ? { replica: replicaName(x.replica) } : {}),
      })),
      requests: serverRecentRequests(s)
        .slice(-20)
        .map((r) => ({
          time: r.time,
          verb: r.verb,
          kind: r.kind,
          key: r.key ?? null,
          rv: r.rv ?? null,
          code: r.code,
          reason: r.reason ?? null,
          ...(r.replica === undefined ? {} : { replica: replicaName(r.replica) }),
        })),
      faults: {
        refuseConnectionsUntil:
          w.now < s.faults.refuseConnectionsUntil ? s.faults.refuseConnectionsUntil : null,
        errorResponses:
          s.faults.errorResponses !== null && w.now < s.faults.errorResponses.untilMs
            ? { ...s.faults.errorResponses }
            : null,
        extraLatencyMs: w.now < w.faults.extraLatencyUntil ? w.faults.extraLatencyMs : 0,
        extraLatencyUntil: w.now < w.faults.extraLatencyUntil ? w.faults.extraLatencyUntil : null,
        failNextReconciles: w.faults.failNextReconciles,
      },
    },
    lanes: { Foo: laneView(w, 'Foo', limit, diff), Deployment: laneView(w, 'Deployment', limit, diff) },
    workqueue: {
      name: q.name,
      depth: wqLen(q),
      queue: q.queue.slice(q.head, q.head + limit),
      dirty: firstSorted(q.dirty, limit),
      processing: firstSorted(q.processing, limit),
      waiting: waiting.slice(0, limit),
      requeues: q.limiter === null ? [] : requeues(q, waiting, limit),
      metrics: {
        depth: m.depth,
        adds: m.addsTotal,
        retries: m.retriesTotal,
        queueDurationAvgMs: m.queueDuration.count === 0 ? 0 : m.queueDuration.sumMs / m.queueDuration.count,
        workDurationAvgMs: m.workDuration.count === 0 ? 0 : m.workDuration.sumMs / m.workDuration.count,
        longestRunningMs: m.longestRunningProcessorMs,
      },
    },
    workers: w.controller.workers.map((wk) => ({
      id: wk.id,
      phase: wk.phase,
      key: wk.key,
      stage: wk.sync?.stage ?? null,
      lastResult: wk.lastResult === null ? null : { ...wk.lastResult },
      processed: wk.processed,
    })),
    controllerStarted: w.controller.started,
    clients: restClientViews(w, limit),
    stats: { ...w.stats },
  };
  return { ...frameNoDigest, digest: fnv1a(JSON.stringify(frameNoDigest)) };
}

/**
 * The items queued, processing or waiting that have been requeued (NumRequeues > 0), sorted, at most
 * `limit`. Asked from the limiter's side (the items it tracks, usually few) and checked against the
 * queue in one pass: asking NumRequeues of every queued key cost ≈3 ms a frame with 10,000 queued.
 */
function requeues(
  q: World['controller']['queue'],
  waiting: readonly { item: string }[],
  limit: number,
): { item: string; n: number }[] {
  const requeued = wqRequeued(q);
  if (requeued.size === 0) return [];
  const out = new Set<string>();
  const note = (item: string): void => {
    if (requeued.has(item)) out.add(item);
  };
  for (let i = q.head; i < q.queue.length; i++) note(q.queue[i]!);
  for (const item of q.processing) note(item);
  for (const x of waiting) note(x.item);
  return firstSorted(out, limit).map((item) => ({ item, n: wqNumRequeues(q, item) }));
}

/** For a key, the cached object of a lane (used by "history" views). */
export function cachedObject(w: World, kind: Kind, key: string): ObjectRow | null {
  const o = indexerGetByKey(w.lanes[kind].indexer, key);
  return o === undefined ? null : objectRow(o);
}
