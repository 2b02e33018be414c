/**
 * The frame: what the screen shows at one step, as plain, structured-clone-friendly data sized for the
 * screen (long lists are cut to `limit` rows and carry their full count). The Worker builds it and posts
 * it; the view never sees the world. `digest` hashes everything else in the frame, so two frames with the
 * same digest show the same thing (step-back tests and shared links compare digests).
 */
import { KINDS, serverOpenWatches, serverRecentRequests } from '../apiserver';
import { fifoGetByKey, fifoHasSynced, fifoLen, fifoQueueKeys } from '../client-go/delta-fifo';
import {
  indexerGetByKey,
  indexerIndexKeys,
  indexerLen,
  indexerList,
  indexerListIndexFuncValues,
} from '../client-go/indexer';
import type { Notification } from '../client-go/process-deltas';
import { listenerBuffer, listenerHasSynced } from '../client-go/shared-informer';
import { wqLen, wqMetrics, wqNumRequeues, wqSnapshot } from '../client-go/workqueue';
import { fnv1a } from '../kernel/hash';
import type { Frame, LaneView, NotificationView, ObjectRow } from '../model/frame';
import type { Kind, KObject } from '../model/objects';
import { isTombstone, metaNamespaceKey } from '../model/objects';
import type { TraceRecord } from '../model/trace';
import { objectRow, objOrTomb, recordView } from '../model/views';
import { cacheDiff } from './invariants';
import type { World } from './world';

export interface FrameOptions {
  /** Rows per long list (default 200). */
  readonly limit?: number;
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

function laneView(w: World, kind: Kind, limit: number, diff: ReturnType<typeof cacheDiff>): LaneView {
  const L = w.lanes[kind];
  const r = L.reflector;
  const f = L.fifo;
  const keys = fifoQueueKeys(f);
  return {
    kind,
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
            },
    },
    fifo: {
      length: fifoLen(f),
      hasSynced: fifoHasSynced(f),
      populated: f.populated,
      initialPopulationCount: f.initialPopulationCount,
      queue: keys.slice(0, limit).map((key) => ({
        key,
        deltas: (fifoGetByKey(f, key) ?? []).map((d) => {
          const o = objOrTomb(d.obj);
          return { type: d.type, rv: o.row?.rv ?? null, tombstone: o.tomb };
        }),
      })),
    },
    indexer: {
      count: indexerLen(L.indexer),
      items: indexerList(L.indexer).slice(0, limit).map(objectRow),
      indices: L.indexer.indexNames.map((name) => ({
        name,
        buckets: indexerListIndexFuncValues(L.indexer, name)
          .slice(0, limit)
          .map((value) => ({ value, keys: indexerIndexKeys(L.indexer, name, value).slice(0, limit) })),
      })),
      diff: diff
        .filter((d) => d.kind === kind)
        .slice(0, limit)
        .map((d) =>
          d.mutated === true
            ? { key: d.key, cached: d.cached, server: d.server, mutated: true as const }
            : { key: d.key, cached: d.cached, server: d.server },
        ),
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
        hasSynced: listenerHasSynced(l, fifoHasSynced(f)),
      };
    }),
  };
}

export function buildFrame(w: World, records: readonly TraceRecord[], opts: FrameOptions = {}): Frame {
  const limit = opts.limit ?? 200;
  const s = w.server;
  const diff = cacheDiff(w);
  const q = w.controller.queue;
  const snap = wqSnapshot(q);
  const m = wqMetrics(q, w.now);
  const requeueItems = new Set<string>([
    ...snap.queue,
    ...snap.processing,
    ...snap.waiting.map((x) => x.item),
  ]);
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
      historyCount: s.history.size,
      historyCapacity: s.history.capacity,
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
      queue: snap.queue.slice(0, limit),
      dirty: snap.dirty.slice(0, limit),
      processing: snap.processing.slice(0, limit),
      waiting: snap.waiting.slice(0, limit),
      requeues:
        q.limiter === null
          ? []
          : [...requeueItems]
              .sort()
              .map((item) => ({ item, n: wqNumRequeues(q, item) }))
              .filter((x) => x.n > 0)
              .slice(0, limit),
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
    stats: { ...w.stats },
  };
  return { ...frameNoDigest, digest: fnv1a(JSON.stringify(frameNoDigest)) };
}

/** For a key, the cached object of a lane (used by "history" views). */
export function cachedObject(w: World, kind: Kind, key: string): ObjectRow | null {
  const o = indexerGetByKey(w.lanes[kind].indexer, key);
  return o === undefined ? null : objectRow(o);
}
