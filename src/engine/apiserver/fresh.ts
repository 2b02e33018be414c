/**
 * [1.36] Waiting for a kind's cache to be fresh enough (as@36:pkg/storage/cacher/watch_cache.go
 * waitUntilFreshAndBlock, notFresh; cacher/progress/watch_progress.go ConditionalProgressRequester).
 * Rules S5, S7, S24, S32, S37.
 *
 * A 1.36 read that needs the cache at RV ≥ `target` (a consistent LIST or WatchList from "": etcd's
 * revision when the request came, S5, S24; an RV N read: N, S7) waits up to 3 s. While it waits, the
 * cacher asks etcd for a progress notification every 100 ms, which brings the cache RV up to etcd's
 * revision as this replica has seen it (S32): so on a quiet kind the wait ends at the first request,
 * ~100 ms after arrival, and on a lagging replica when its lagged view reaches the target. After 3 s the
 * caller answers what the cache has (a fallback to etcd, a 504, an ERROR event).
 *
 * Simplifications: each waiting request keeps its own 100 ms cadence from its arrival (the real
 * requester is one loop per cacher, shared by every waiting request); the first request goes 100 ms
 * after arrival.
 */
import type { Kind } from '../model/objects';
import { cacherProgressRequested } from './cacher';
import { catchUpCaches } from './etcd';
import { replicaNextEventOf } from './replicas';
import type { ApiServerState } from './state';

/** S7: how long a cache-served read waits for the cache to reach its RV (blockTimeout). */
export const CACHE_WAIT_MS = 3_000;
/** S32 [1.36]: progressRequestPeriod. */
export const PROGRESS_REQUEST_MS = 100;

/**
 * For a request that arrived at `arrivedAt` waiting for `kind`'s cache on `replica` to reach `target`:
 * null to go on now (the cache is there, or 3 s have passed), else when to look again. At each 100 ms
 * tick since arrival it first applies the requested progress notification.
 */
export function freshWaitUntil(
  s: ApiServerState,
  kind: Kind,
  target: number,
  now: number,
  arrivedAt: number,
  replica: number,
): number | null {
  catchUpCaches(s, now);
  const r = s.replicas[replica]!;
  const c = r.cachers[kind];
  if (c.rv >= target) return null;
  const since = now - arrivedAt;
  if (since > 0 && since % PROGRESS_REQUEST_MS === 0) {
    cacherProgressRequested(c, r.seenRev);
    if (c.rv >= target) return null;
  }
  const deadline = arrivedAt + CACHE_WAIT_MS;
  if (now >= deadline) return null;
  let next = arrivedAt + (Math.floor(since / PROGRESS_REQUEST_MS) + 1) * PROGRESS_REQUEST_MS;
  // On a lagging replica the kind's next event may bring the cache there before the next request.
  const arrives = replicaNextEventOf(r, kind);
  if (arrives !== null && arrives > now && arrives < next) next = arrives;
  return Math.min(next, deadline);
}
