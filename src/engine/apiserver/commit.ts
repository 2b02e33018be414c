/**
 * The one write primitive: a successful write takes the next global revision (S1), stores or removes
 * the object, appends the event to the shared history window (evicting the oldest event when full,
 * which raises compactedRv, S19) and fans the event out to every open watch of the kind (S16, S20,
 * S25–S28). No-op writes never get here (S4).
 *
 * Fan-out follows cache_watcher.go `process`: a watch gets an event iff its RV is above the watch's
 * floor (so a watch from a future RV waits, S20) and the watch has not passed its deadline (S22; the
 * simulator reaps it with serverExpiredWatches).
 */
import type { Kind, KObject } from '../model/objects';
import type { HistoryEvent, ObjectEventType, WatchDelivery } from './events';
import { historyPush } from './history';
import { objectKey } from './kinds';
import type { ApiServerState } from './state';
import { storePut, storeRemove } from './store';

/** The revision the next write will get. */
export function nextRevision(s: ApiServerState): number {
  return s.revision + 1;
}

/**
 * Commits one event at revision nextRevision(s). `object` must already carry that RV; `prev` is the
 * stored state before (null for ADDED).
 */
export function commitEvent(
  s: ApiServerState,
  type: ObjectEventType,
  kind: Kind,
  object: KObject,
  prev: KObject | null,
  now: number,
): { event: HistoryEvent; fanout: WatchDelivery[] } {
  const rv = s.revision + 1;
  s.revision = rv;
  const key = objectKey(object.metadata.namespace, object.metadata.name);
  const st = s.stores[kind];
  if (type === 'DELETED') storeRemove(st, key);
  else storePut(st, key, object);
  const event: HistoryEvent = { type, kind, object, rv, prev };
  const evicted = historyPush(s.history, event);
  if (evicted !== null && evicted.rv > s.compactedRv) s.compactedRv = evicted.rv;
  return { event, fanout: fanoutEvent(s, event, now) };
}

/** The deliveries of one live event to the open watches of its kind, in watch-opening order. */
export function fanoutEvent(s: ApiServerState, event: HistoryEvent, now: number): WatchDelivery[] {
  const out: WatchDelivery[] = [];
  for (const w of s.watches.values()) {
    if (w.kind !== event.kind || event.rv <= w.floorRv || w.deadline <= now) continue;
    w.lastSentRv = event.rv;
    w.eventsSent++;
    out.push({ watchId: w.id, event });
  }
  return out;
}
