/**
 * What one apiserver replica's caches hold, and their re-initialisation (S38, S6, S33; the replica layer
 * itself is replicas.ts). A replica that lags holds etcd's current objects rolled back over the events
 * still on their way to it; a restarted replica lists etcd at the current revision and no longer needs
 * what was on its way.
 */
import type { Kind, KObject } from '../model/objects';
import { KINDS } from '../model/objects';
import { RULES } from '../rules';
import { cacherReinit } from './cacher';
import { objectKey } from './kinds';
import type { ReplicaState } from './replicas';
import type { Snapshot } from './snapshot';
import type { ApiServerState } from './state';

/**
 * The objects of `kind` as this replica's cache holds them (S6: possibly older than etcd), in key order,
 * or null when they are etcd's current objects (nothing of the kind on its way). Rolls etcd's current
 * state back over the kind's pending events, newest first, as snapshot.ts does over etcd's log.
 */
export function replicaSnapshot(s: ApiServerState, r: ReplicaState, kind: Kind): Snapshot | null {
  let pending = false;
  for (const e of r.feed) if (e.event !== null && e.event.kind === kind) pending = true;
  if (!pending) return null;
  const state = new Map<string, KObject>(s.stores[kind].objects);
  for (let i = r.feed.length - 1; i >= 0; i--) {
    const ev = r.feed[i]!.event;
    if (ev === null || ev.kind !== kind) continue;
    const key = objectKey(ev.object.metadata.namespace, ev.object.metadata.name);
    if (ev.type === 'ADDED') state.delete(key);
    else state.set(key, ev.prev!);
  }
  const keys = [...state.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys, objects: keys.map((k) => state.get(k)!) };
}

/**
 * S33 for one replica: it is up again at `now`; each Cacher lists etcd at the current revision (so what
 * was on its way is no longer needed) and is ready `cacheInitMs` later. RULES.S33_CACHE_REINIT off (tests
 * only): the caches survive as they were, feed included. The caller has caught every Cacher up to `now`.
 */
export function replicaReinit(s: ApiServerState, r: ReplicaState, now: number, cacheInitMs: number): void {
  if (!RULES.S33_CACHE_REINIT) return;
  r.feed.length = 0;
  r.seenRev = s.revision;
  for (const k of KINDS) cacherReinit(r.cachers[k], s.revision, now, now + cacheInitMs);
}
