/**
 * The frame's HA parts (S38, S39; model/frame.ts ReplicaView, ConnectionView): each apiserver replica as
 * the figure's server region draws it, the controller's connection and the replica it is on, and, for
 * the cache-vs-server view, each differing key's resourceVersion in the cache of the replica an informer
 * reads from (S6: a lagging replica's list at "0" is older than the server). Only frames of worlds with
 * 2–3 replicas carry them, so a one-apiserver frame (and its digest) is what it always was.
 */
import {
  type ApiServerState,
  cacherOldest,
  cacherReady,
  cacherRvAt,
  KINDS,
  type ReplicaState,
  replicaLagAt,
  replicaPendingEvents,
  replicaSnapshot,
  serverDown,
  serverReplicaDown,
} from '../apiserver';
import type { CacheView, ConnectionView, ReplicaView } from '../model/frame';
import type { Kind } from '../model/objects';
import { replicaName } from './connections';
import type { World } from './world';

/** A replica's Cachers as a frame shows them, with progress notifications due by `now` applied (pure). */
export function replicaCacheViews(s: ApiServerState, r: ReplicaState, now: number): Record<Kind, CacheView> {
  const out = {} as Record<Kind, CacheView>;
  // A caught-up replica has seen etcd's revision; a lagging one's notifications carry what reached it.
  const seen = r.feed.length === 0 ? s.revision : r.seenRev;
  for (const k of KINDS) {
    const c = r.cachers[k];
    out[k] = {
      rv: cacherRvAt(c, seen, now, s.config.progressNotifyMs),
      listRv: c.listRv,
      oldest: cacherOldest(c),
      size: c.ring.size,
      capacity: c.ring.capacity,
      pinned: c.ring.pinned !== null,
      ready: cacherReady(c, now),
      progressNotifications: c.progressNotifications,
    };
  }
  return out;
}

export function replicaViews(w: World): ReplicaView[] {
  const s = w.server;
  const now = w.now;
  const watches = new Array<number>(s.replicas.length).fill(0);
  for (const x of s.watches.values()) watches[x.replica] = (watches[x.replica] ?? 0) + 1;
  return s.replicas.map((r) => {
    const caches = replicaCacheViews(s, r, now);
    return {
      name: replicaName(r.index),
      up: !serverDown(s, now) && !serverReplicaDown(s, r.index, now),
      ready: KINDS.every((k) => caches[k].ready),
      lagMs: replicaLagAt(r, now),
      lagUntil: now < r.lagUntil ? r.lagUntil : null,
      behind: replicaPendingEvents(r),
      seenRev: r.feed.length === 0 ? s.revision : r.seenRev,
      restarts: r.restarts,
      caches,
      watches: watches[r.index] ?? 0,
      connected: w.ha.connection.replica === r.index,
    };
  });
}

export function connectionViews(w: World): ConnectionView[] {
  const c = w.ha.connection;
  return [
    {
      client: 'controller',
      replica: c.replica === null ? null : replicaName(c.replica),
      since: c.replica === null ? null : c.since,
      opened: c.opened,
      goaways: c.goaways,
    },
  ];
}

/** The replica a lane's informer reads from now: its open watch's, else the connection's, else null. */
export function laneReplica(w: World, kind: Kind): number | null {
  const id = w.lanes[kind].reflector.watch?.streamId ?? null;
  const open = id === null ? undefined : w.server.watches.get(id);
  if (open !== undefined) return open.replica;
  return w.ha.connection.replica;
}

/**
 * For the cache-vs-server view: a function giving a key's resourceVersion in the cache of the lane's
 * replica (null: that cache lacks it), or null when the lane reads from no replica now.
 */
export function replicaRvOf(w: World, kind: Kind): ((key: string) => string | null) | null {
  const index = laneReplica(w, kind);
  if (index === null) return null;
  const r = w.server.replicas[index];
  if (r === undefined) return null;
  const snap = replicaSnapshot(w.server, r, kind);
  if (snap === null) {
    const objects = w.server.stores[kind].objects;
    return (key) => objects.get(key)?.metadata.resourceVersion ?? null;
  }
  const rvs = new Map<string, string>();
  for (let i = 0; i < snap.keys.length; i++)
    rvs.set(snap.keys[i]!, snap.objects[i]!.metadata.resourceVersion);
  return (key) => rvs.get(key) ?? null;
}
