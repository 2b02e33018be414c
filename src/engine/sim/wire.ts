/**
 * The wire between the simulated kube-apiserver and the reflectors: watch events go onto a stream after
 * their (seeded) delivery latency and never overtake an earlier event of the same stream; a stream's
 * close comes after everything already on it. Also keeps the server's watch-timer actor (deadlines S22,
 * bookmarks S23) scheduled at the earliest due time.
 */
import { serverNextWatchTimer, type WatchDelivery, type WatchEvent } from '../apiserver';
import type { ClientWatchEvent } from '../client-go/reflector';
import { schedule } from '../kernel/agenda';
import type { Kind } from '../model/objects';
import { drawLatency } from './latency';
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
      // S24 [1.36]: only a watch-list stream's first bookmark carries k8s.io/initial-events-end.
      return ev.initialEventsEnd
        ? { type: 'BOOKMARK', object: null, resourceVersion: String(ev.rv), initialEventsEnd: true }
        : { type: 'BOOKMARK', object: null, resourceVersion: String(ev.rv) };
    default:
      return { type: ev.type, object: ev.object };
  }
}

/** Puts one event on a stream: delivered after latency, never before an earlier event of the stream. */
export function deliver(w: World, ctx: SimContext, lane: Kind, streamId: number, ev: WatchEvent): void {
  const t = Math.max(
    w.now + drawLatency(w, ctx.scenario.settings.latency.watchDelivery),
    w.streamDeliverAt.get(streamId) ?? 0,
  );
  w.streamDeliverAt.set(streamId, t);
  schedule(w.agenda, t, { a: 'reflector.watch-event', lane, streamId, event: toClientEvent(ev) });
}

/** Ends a stream (after everything already on it). */
export function deliverClose(w: World, ctx: SimContext, lane: Kind, streamId: number): void {
  const t = Math.max(
    w.now + drawLatency(w, ctx.scenario.settings.latency.watchDelivery),
    w.streamDeliverAt.get(streamId) ?? 0,
  );
  w.streamDeliverAt.delete(streamId);
  schedule(w.agenda, t, { a: 'reflector.watch-closed', lane, streamId });
}

export function laneOfWatch(w: World, watchId: number): Kind | null {
  return w.server.watches.get(watchId)?.kind ?? null;
}

/** Sends a write's watch events to every open watch of its kind. */
export function fanOut(w: World, ctx: SimContext, fanout: readonly WatchDelivery[]): void {
  for (const d of fanout) {
    const lane = laneOfWatch(w, d.watchId);
    if (lane !== null) deliver(w, ctx, lane, d.watchId, d.event);
  }
}

/** Keeps the watch-timer actor scheduled at the earliest deadline or bookmark. */
export function ensureWatchTimers(w: World): void {
  const t = serverNextWatchTimer(w.server);
  if (t === null) return;
  if (w.watchTimersAt !== null && w.watchTimersAt <= t) return;
  w.watchTimersAt = t;
  schedule(w.agenda, Math.max(t, w.now), { a: 'server.watch-timers' });
}
