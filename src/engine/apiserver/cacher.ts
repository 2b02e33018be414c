/**
 * One Cacher per resource (apiserver pkg/storage/cacher/cacher.go, watch_cache.go). Rules S31–S33, S18,
 * S19, S23.
 *
 * - S31: every resource (kind) has its own Cacher with its own watch cache; WATCH is always served from
 *   it, and so are LISTs at RV "0" and at RV N without a limit (list.ts routes them).
 * - S32: the cache is fed by the resource's own events (commit.ts calls cacherReceive at the write's
 *   time: the etcd → cacher delay is not modelled) and by etcd progress notifications. Its cache RV
 *   (`watchCache.resourceVersion`) is the RV of the last event it received, or of the last progress
 *   notification, or its list RV after (re)initialisation. [1.36] A read that waits for the cache also
 *   asks etcd for a progress notification every 100 ms (cacherProgressRequested; fresh.ts schedules it).
 * - Progress notifications (etcd v3rpc/watch.go): a ticker of the progress interval runs from the start
 *   of the cacher's etcd watch; at each tick a watch that got no event since the previous tick is sent
 *   one, carrying etcd's current revision. They are computed lazily: cacherCatchUp runs before anything
 *   changes etcd's revision or reads the cache, and applies the latest tick since the last catch-up
 *   (the revision was constant in between, so that one tick decides). Simplification: no jitter (etcd
 *   adds up to 10 % to its default 10 min once per stream).
 * - S33: (re)initialisation empties the ring, lists etcd (`listRv` = etcd's revision), restarts the etcd
 *   watch (and its progress ticker), and the cache is not ready until `readyAt`.
 * - S18: `oldest` is listRv + 1 while nothing was evicted since (re)initialisation, else the RV of the
 *   oldest event in the ring; a watch from N < oldest − 1 is too old.
 * - S23 [1.26]: no bookmark until the Cacher received one event or progress notification since it started
 *   (`lastProcessedResourceVersion == 0`, as@26:cacher.go:813–819). [1.36] starts from the list RV.
 */
import type { Kind } from '../model/objects';
import type { HistoryEvent } from './events';
import { type HistoryRing, historyAt, historyPush, historyReset, newHistory } from './history';

export interface CacherState {
  readonly kind: Kind;
  readonly ring: HistoryRing;
  /** S32: the cache RV. */
  rv: number;
  /** S33: etcd's revision when the cache was last (re)initialised. */
  listRv: number;
  /** True once an event left the ring since the last (re)initialisation (S18's oldest). */
  evicted: boolean;
  /** When the cacher's etcd watch started (the progress ticker's origin). */
  initAt: number;
  /** S33: not ready before this time. */
  readyAt: number;
  /** When the last event of this resource reached the cache (progress: "no event since the last tick"). */
  lastEventAt: number;
  /** Up to when progress ticks have been applied. */
  caughtUpTo: number;
  /** [1.26] S23: an event or a progress notification arrived since (re)initialisation. */
  seenSinceInit: boolean;
  /** Progress notifications applied so far (inspectors). */
  progressNotifications: number;
  /** Times this cache was (re)initialised after the first start (inspectors). */
  reinitCount: number;
  /**
   * S34 [1.36]: snapshots below this RV are gone (ring eviction, compaction, re-initialisation); the cache
   * keeps one at listRv and at every ring event's RV at or above it (cache-snapshot.ts).
   */
  snapshotFloor: number;
}

export function newCacher(kind: Kind, pinned: number | null, revision: number, now: number): CacherState {
  return {
    kind,
    ring: newHistory(pinned),
    rv: revision,
    listRv: revision,
    evicted: false,
    initAt: now,
    readyAt: now,
    lastEventAt: now,
    caughtUpTo: now,
    seenSinceInit: false,
    progressNotifications: 0,
    reinitCount: 0,
    snapshotFloor: revision,
  };
}

/** S18: the oldest event RV this cache can serve a watch after (a watch from N needs N ≥ oldest − 1). */
export function cacherOldest(c: CacherState): number {
  return c.evicted && c.ring.size > 0 ? historyAt(c.ring, 0).event.rv : c.listRv + 1;
}

/** S18: is a watch from N too old for this cache? */
export function cacherTooOld(c: CacherState, n: number): boolean {
  return n < cacherOldest(c) - 1;
}

export function cacherReady(c: CacherState, now: number): boolean {
  return now >= c.readyAt;
}

/**
 * The latest progress tick in (caughtUpTo, now] that finds no event since the tick before it, or null.
 * Pure: frames use it to show the cache RV without changing the state.
 */
function progressTick(c: CacherState, now: number, intervalMs: number): number | null {
  if (intervalMs <= 0 || now <= c.caughtUpTo) return null;
  const k = Math.floor((now - c.initAt) / intervalMs);
  if (k < 1) return null;
  const tick = c.initAt + k * intervalMs;
  if (tick <= c.caughtUpTo) return null;
  // No event in (previous tick, tick]: events only happen at catch-up times ≤ caughtUpTo < tick.
  return c.lastEventAt <= tick - intervalMs ? tick : null;
}

/** S34: the snapshot compactor's poll period (compactorPollPeriod). */
export const SNAPSHOT_COMPACT_POLL_MS = 15_000;

/** Is there a compactor poll tick in (caughtUpTo, now]? */
function pollTickIn(c: CacherState, now: number): boolean {
  const k = Math.floor((now - c.initAt) / SNAPSHOT_COMPACT_POLL_MS);
  return k >= 1 && c.initAt + k * SNAPSHOT_COMPACT_POLL_MS > c.caughtUpTo;
}

/** The cache RV as of `now` (pure; etcdRevision is the revision since the last catch-up). */
export function cacherRvAt(c: CacherState, etcdRevision: number, now: number, intervalMs: number): number {
  return progressTick(c, now, intervalMs) !== null ? Math.max(c.rv, etcdRevision) : c.rv;
}

/**
 * Applies the progress notifications due by `now` (S32). Must run before etcd's revision changes and
 * before the cache is read, with the revision as it has been since the last catch-up.
 */
export function cacherCatchUp(
  c: CacherState,
  etcdRevision: number,
  now: number,
  intervalMs: number,
  compactedRv = 0,
): void {
  if (now < c.readyAt) {
    if (now > c.caughtUpTo) c.caughtUpTo = now;
    return;
  }
  // S34 [1.36]: the compactor polls etcd's compact revision every 15 s from the cache's start and drops
  // the snapshots below it (as@36:cacher/compactor.go). etcd's compaction point has not moved since the
  // last catch-up (every compaction catches up first), so any poll tick since then saw `compactedRv`.
  if (compactedRv > c.snapshotFloor && pollTickIn(c, now)) c.snapshotFloor = compactedRv;
  const tick = progressTick(c, now, intervalMs);
  if (tick !== null) {
    if (etcdRevision > c.rv) c.rv = etcdRevision;
    c.seenSinceInit = true;
    c.progressNotifications++;
  }
  if (now > c.caughtUpTo) c.caughtUpTo = now;
}

/**
 * S32 [1.36]: a progress notification the cacher asked etcd for (every 100 ms while a read waits for the
 * cache to reach an RV: as@36:cacher/progress/watch_progress.go). It carries `revision`, etcd's revision
 * as this replica's etcd watch has seen it, and moves the cache RV like a periodic one.
 */
export function cacherProgressRequested(c: CacherState, revision: number): void {
  if (revision > c.rv) c.rv = revision;
  c.seenSinceInit = true;
  c.progressNotifications++;
}

/** updateCache (S19) + the cache RV (S32): one event of this resource reaches the cache. */
export function cacherReceive(c: CacherState, ev: HistoryEvent, now: number): void {
  const dropped = historyPush(c.ring, ev, now);
  if (dropped > 0) c.evicted = true;
  // S34: a full ring drops the snapshots older than its oldest event (watch_cache.go:334–339); events
  // dropped by a shrink take theirs along (their state can no longer be rolled back to).
  if (dropped > 0 || c.ring.size === c.ring.capacity) {
    const oldest = historyAt(c.ring, 0).event.rv;
    if (oldest > c.snapshotFloor) c.snapshotFloor = oldest;
  }
  c.rv = ev.rv;
  c.lastEventAt = now;
  c.seenSinceInit = true;
}

/**
 * S33: the cache is re-initialised: its ring emptied (capacity back to the start), a fresh list of etcd
 * at `revision`, a new etcd watch from `now`, ready at `readyAt`.
 */
export function cacherReinit(c: CacherState, revision: number, now: number, readyAt: number): void {
  historyReset(c.ring);
  c.rv = revision;
  c.listRv = revision;
  c.evicted = false;
  c.initAt = now;
  c.readyAt = readyAt;
  c.lastEventAt = now;
  c.caughtUpTo = now;
  c.seenSinceInit = false;
  c.reinitCount++;
  c.snapshotFloor = revision; // S34: all snapshots go; the new list is the first one
}

/** The time of the next progress notification after `now` if no event of this resource comes first. */
export function cacherNextProgressAt(c: CacherState, now: number, intervalMs: number): number | null {
  if (intervalMs <= 0) return null;
  const from = Math.max(now, c.readyAt);
  const k = Math.floor((from - c.initAt) / intervalMs) + 1;
  const tick = c.initAt + k * intervalMs;
  return c.lastEventAt <= tick - intervalMs ? tick : tick + intervalMs;
}
