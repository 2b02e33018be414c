/**
 * [1.36] S34: the watch cache's snapshots (`ListFromCacheSnapshot`, as@36:cacher/watch_cache.go:334–342,
 * 592–617, 779–784, 940–957; store/store_btree.go storeSnapshotter), computed instead of stored.
 *
 * The real cache adds a B-tree snapshot of the kind's objects at every event RV and at its list RV, and
 * drops those older than the ring's oldest event when the ring is full, those older than etcd's
 * compaction at its 15 s compactor poll, and all of them on re-initialisation. Here the cacher keeps only
 * `snapshotFloor` (cacher.ts), the RV below which they are gone: the snapshots kept are the list RV's
 * (if not below it) and one per ring event at or above it. The newest snapshot ≤ N is the cache's state
 * after its events ≤ N: its current objects (a lagging replica's, replica-cache.ts) rolled back over its
 * ring events newer than N, as snapshot.ts rolls etcd back over its log. So a snapshot per event costs
 * nothing to keep; a read pays for the roll-back.
 *
 * Not modelled: the periodic cache-vs-etcd consistency check (every 5–7.5 min,
 * `DetectCacheInconsistency`), which would drop them all while it reports a mismatch: the simulated cache
 * never disagrees with etcd.
 */
import type { Kind, KObject } from '../model/objects';
import { cacherReady } from './cacher';
import { historyAt } from './history';
import { objectKey } from './kinds';
import { replicaSnapshot } from './replica-cache';
import type { Snapshot } from './snapshot';
import type { ApiServerState } from './state';

/** The RV of the oldest snapshot `kind`'s cache on `replica` still keeps, or null if it keeps none. */
export function oldestCacheSnapshot(
  s: ApiServerState,
  replica: number,
  kind: Kind,
  now: number,
): number | null {
  const c = s.replicas[replica]!.cachers[kind];
  if (!cacherReady(c, now)) return null; // reset on re-initialisation; the new list is not in yet
  if (c.listRv >= c.snapshotFloor) return c.listRv;
  for (let i = 0; i < c.ring.size; i++) {
    const rv = historyAt(c.ring, i).event.rv;
    if (rv >= c.snapshotFloor) return rv;
  }
  return null;
}

/**
 * GetLessOrEqual(n): the objects of the newest snapshot ≤ n in key order, or null if none is kept (the
 * caller then reads etcd). `n` must not be above the cache RV (the caller waited for it).
 */
export function cacheSnapshotAt(
  s: ApiServerState,
  replica: number,
  kind: Kind,
  n: number,
  now: number,
): Snapshot | null {
  const oldest = oldestCacheSnapshot(s, replica, kind, now);
  if (oldest === null || n < oldest) return null;
  const r = s.replicas[replica]!;
  const ring = r.cachers[kind].ring;
  const base = replicaSnapshot(s, r, kind);
  let newer = ring.size;
  while (newer > 0 && historyAt(ring, newer - 1).event.rv > n) newer--;
  if (newer === ring.size) {
    if (base !== null) return base;
    const st = s.stores[kind];
    return { keys: st.keys, objects: st.keys.map((k) => st.objects.get(k)!) };
  }
  const state = new Map<string, KObject>();
  if (base === null) for (const [k, o] of s.stores[kind].objects) state.set(k, o);
  else for (let i = 0; i < base.keys.length; i++) state.set(base.keys[i]!, base.objects[i]!);
  for (let i = ring.size - 1; i >= newer; i--) {
    const ev = historyAt(ring, i).event;
    const key = objectKey(ev.object.metadata.namespace, ev.object.metadata.name);
    if (ev.type === 'ADDED') state.delete(key);
    else state.set(key, ev.prev!);
  }
  const keys = [...state.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys, objects: keys.map((k) => state.get(k)!) };
}
