/**
 * The one write primitive: a successful write first lets every Cacher apply its due progress
 * notifications (S32, at the revision before this write), then takes the next global revision (S1),
 * stores or removes the object, appends the event to its kind's etcd log (S8), hands it to its kind's
 * Cacher on every replica (ring and cache RV: S19, S32; a lagging replica gets it later, replicas.ts,
 * S38) and fans it out to that kind's open watches on the replicas that received it now (S16, S20, S21,
 * S25–S28). No-op writes never get here (S4).
 *
 * Fan-out follows cache_watcher.go `process` and `convertToWatchEvent`: a watch gets an event iff its RV
 * is above the watch's floor (so a watch from a future RV waits, S20), the watch has not passed its
 * deadline (S22; the simulator reaps it with serverExpiredWatches), and, for a watch with a label
 * selector, the object matches before or after the change (S21: starts matching → ADDED, keeps matching
 * → MODIFIED, stops matching → DELETED carrying the previous state stamped with the new RV).
 */
import { type LabelSelector, selectorMatches } from '../model/label-selector';
import type { Kind, KObject } from '../model/objects';
import { catchUpCaches } from './etcd';
import type { HistoryEvent, ObjectEvent, ObjectEventType, WatchDelivery } from './events';
import { objectKey } from './kinds';
import { withRv } from './object-builders';
import { replicaReceive } from './replicas';
import type { ApiServerState } from './state';
import { storePut, storeRemove } from './store';

/** The revision the next write will get. */
export function nextRevision(s: ApiServerState): number {
  return s.revision + 1;
}

/**
 * Commits one event at revision nextRevision(s). `object` must already carry that RV; `prev` is the
 * stored state before (null for ADDED). `key` is the object's storage key (objectKey) when the caller
 * has it: a write looked the object up under it, so the string is already hashed.
 */
export function commitEvent(
  s: ApiServerState,
  type: ObjectEventType,
  kind: Kind,
  object: KObject,
  prev: KObject | null,
  now: number,
  key: string = objectKey(object.metadata.namespace, object.metadata.name),
): { event: HistoryEvent; fanout: WatchDelivery[] } {
  catchUpCaches(s, now);
  const rv = s.revision + 1;
  s.revision = rv;
  const st = s.stores[kind];
  if (type === 'DELETED') storeRemove(st, key);
  else storePut(st, key, object);
  const event: HistoryEvent = { type, kind, object, rv, prev };
  // etcd's log keeps its own record (the world holds no object in two places: keyframes share records).
  s.logs[kind].push({ type, kind, object, rv, prev });
  const rs = s.replicas;
  // One apiserver: replica A receives the event itself, now (the common path, no allocation).
  if (rs.length === 1) {
    return { event, fanout: replicaReceive(rs[0]!, event, now) ? fanoutEvent(s, event, now) : [] };
  }
  // S38: each replica's ring holds its own record of the event (no record sits in two places).
  const received = rs.map((r) => replicaReceive(r, r.index === 0 ? event : { ...event }, now));
  return { event, fanout: fanoutEvent(s, event, now, received) };
}

/**
 * S21: what a watch with a selector sees of one history event, or null when the object matches neither
 * before nor after it. Without a selector, the event itself.
 */
export function eventForWatch(
  w: { readonly selector: LabelSelector | null },
  ev: HistoryEvent,
): ObjectEvent | null {
  const sel = w.selector;
  if (sel === null) return ev;
  const before = ev.prev !== null && selectorMatches(sel, ev.prev.metadata.labels);
  const after = ev.type !== 'DELETED' && selectorMatches(sel, ev.object.metadata.labels);
  if (ev.type === 'DELETED') return before ? ev : null;
  if (after)
    return before || ev.type === 'ADDED'
      ? ev
      : { type: 'ADDED', kind: ev.kind, object: ev.object, rv: ev.rv };
  if (!before) return null;
  return { type: 'DELETED', kind: ev.kind, object: withRv(ev.prev!, ev.rv), rv: ev.rv };
}

/**
 * The deliveries of one live event to the open watches of its kind, in watch-opening order; with
 * `replicas`, only to watches on the replicas marked true (S38: those whose Cachers have it now).
 */
export function fanoutEvent(
  s: ApiServerState,
  event: HistoryEvent,
  now: number,
  replicas: readonly boolean[] | null = null,
): WatchDelivery[] {
  // Usually one watch of the kind: a one-slot array (push onto [] would make room for 16).
  let out: WatchDelivery[] | null = null;
  for (const w of s.watches.values()) {
    if (w.kind !== event.kind || event.rv <= w.floorRv || w.deadline <= now) continue;
    if (replicas !== null && replicas[w.replica] !== true) continue;
    const ev = eventForWatch(w, event);
    if (ev === null) continue;
    w.lastSentRv = event.rv;
    w.eventsSent++;
    const d: WatchDelivery = { watchId: w.id, event: ev };
    if (out === null) out = [d];
    else out.push(d);
  }
  return out ?? [];
}
