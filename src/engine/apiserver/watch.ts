/**
 * WATCH, served by the kind's Cacher (apiserver pkg/storage/cacher/cacher.go Watch, cache_watcher.go,
 * watch_cache.go getAllEventsSinceLocked, pkg/endpoints/handlers/watch.go). Rules S16–S24, S31–S33.
 *
 * - RV N (S16): replay the kind's ring events with rv > N, in order, then live events.
 * - RV "" / "0" (S17): synthetic ADDED events for every current object of the kind (key order), then
 *   live events after the cache RV.
 * - Too old (S18, per resource): N < oldest − 1 of the kind's cache (cacher.ts) → not an HTTP error: a
 *   stream with one ERROR event (410 Expired, `too old resource version: N (M)`, M = oldest − 1) that then
 *   closes. Other kinds' writes never make it too old; etcd compaction never does (S35).
 * - RV N above the cache RV (S20): the watch is registered and waits for events above N.
 * - Label selectors (S21): only matching objects; transitions are translated in commit.ts.
 * - sendInitialEvents (S24, WatchList, [1.36] only): ADDED for every current object, then (with
 *   bookmarks) the BOOKMARK annotated initial-events-end at the cache RV, then live events. With the
 *   server's WatchList gate off (config.watchList) it is refused: 422 Invalid, as validateWatchOptions.
 * - Timeouts (S22): each watch has a deadline; serverExpiredWatches ends it cleanly (no ERROR).
 * - Bookmarks (S23): cache_watcher.go nextBookmarkTime: every bookmarkFrequency and 2 s before the
 *   deadline; the RV is the kind's cache RV (S32: its last event or progress notification), not the
 *   global revision; sent only if above the watch's floor (its start RV); [1.26] none until the Cacher
 *   has received an event or a progress notification since it (re)started.
 * - Readiness (S33 [1.26]): a WATCH of a cache that is not ready blocks; serverWatchWaitUntil tells the
 *   simulator until when. [1.36] answers 429 instead (not modelled).
 * - Replicas (S38, S39): a watch is served by one replica's Cacher (`replica`, default A) and stays
 *   there: its replay, its "too old", its bookmarks and, on a lagging replica, its live events come from
 *   that replica (replica-feed.ts). From an RV the replica has not reached yet it waits silently (S39b).
 *
 * Timing (latency, delivery order on the wire) is the simulator's business; these functions say what is
 * sent, synchronously. Simplifications: the real cacher dispatches bookmarks from 1 s buckets and may
 * repeat the pre-deadline bookmark a second later; here each is sent once, exactly on time. A watch from
 * a future RV with sendInitialEvents answers 504 at once (the real cache waits up to 3 s first).
 * Slow-watcher eviction is not modelled.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): S18_TOO_OLD_WATCH, S23_BOOKMARKS.
 */
import type { LabelSelector } from '../model/label-selector';
import { selectorMatches } from '../model/label-selector';
import type { Kind } from '../model/objects';
import { RULES } from '../rules';
import { cacherOldest, cacherReady, cacherTooOld } from './cacher';
import { eventForWatch } from './commit';
import {
  type ApiError,
  badRequest,
  EXPIRED_WATCH_MSG,
  expired,
  internalError,
  tooLargeResourceVersion,
  tooOldWatch,
  watchListForbidden,
} from './errors';
import { catchUpCaches } from './etcd';
import type { BookmarkEvent, ErrorEvent, ObjectEvent, WatchDelivery, WatchEvent } from './events';
import { historyAt } from './history';
import { parseResourceVersion } from './list';
import { emptyObject } from './object-builders';
import { replicaSnapshot } from './replica-cache';
import { recordRequest } from './request-log';
import type { ApiServerState, OpenWatch } from './state';

export interface WatchOptions {
  readonly resourceVersion: string;
  readonly allowWatchBookmarks: boolean;
  /** timeoutSeconds × 1000; absent or ≤ 0 → the server default (config.defaultWatchTimeoutMs). */
  readonly timeoutMs?: number;
  /**
   * S24. Absent: the legacy behaviour (S17's initial ADDED events for ""/"0", none for N). true: the
   * WatchList stream. false: no initial events for ""/"0" either (start at the current revision).
   */
  readonly sendInitialEvents?: boolean;
  /** S21: only objects whose labels match. */
  readonly labelSelector?: LabelSelector | null;
}

/** The watch is open: send `initialEvents` first, then whatever fan-out produces. */
export interface WatchOpened {
  readonly code: 200;
  readonly watchId: number;
  readonly initialEvents: readonly WatchEvent[];
  readonly closed: false;
}

/** S18: HTTP 200, one ERROR event, then the stream closes; nothing is registered. */
export interface WatchRefusedInStream {
  readonly code: 200;
  readonly watchId: null;
  readonly initialEvents: readonly [ErrorEvent];
  readonly closed: true;
}

export type WatchResult = WatchOpened | WatchRefusedInStream | ApiError;

export function serverWatch(
  s: ApiServerState,
  kind: Kind,
  opts: WatchOptions,
  now: number,
  replica = 0,
): WatchResult {
  const res = openWatch(s, kind, opts, now, replica);
  recordRequest(s.requests, {
    time: now,
    verb: 'watch',
    kind,
    ...(s.replicas.length > 1 ? { replica } : {}),
    rv: opts.resourceVersion,
    ...(res.code !== 200
      ? { code: res.code, reason: res.reason }
      : res.watchId === null
        ? { code: res.initialEvents[0].status.code, reason: res.initialEvents[0].status.reason }
        : { code: 200, watchId: res.watchId }),
  });
  return res;
}

/** S33 [1.26]: when a WATCH of a cache that is not ready should be looked at again, or null to serve now. */
export function serverWatchWaitUntil(s: ApiServerState, kind: Kind, now: number, replica = 0): number | null {
  const c = s.replicas[replica]!.cachers[kind];
  return cacherReady(c, now) ? null : c.readyAt;
}

function openWatch(
  s: ApiServerState,
  kind: Kind,
  opts: WatchOptions,
  now: number,
  replica: number,
): WatchResult {
  catchUpCaches(s, now);
  const c = s.replicas[replica]!.cachers[kind];
  const sel = opts.labelSelector ?? null;
  const rvText = opts.resourceVersion;
  const n = rvText === '' ? 0 : parseResourceVersion(rvText);
  if (n === null) return badRequest(`invalid resource version: "${rvText}"`);
  // S24: validateWatchOptions refuses any sendInitialEvents (true or false) without the WatchList gate.
  if (opts.sendInitialEvents !== undefined && !s.config.watchList) return watchListForbidden();
  const sendInitial = opts.sendInitialEvents === true;
  let startRv: number;
  let objectEvents: ObjectEvent[];
  if (sendInitial || (n === 0 && opts.sendInitialEvents === undefined)) {
    // S24 / S17: the current state as synthetic ADDED events, at the current revision.
    if (sendInitial && n > c.rv) return tooLargeResourceVersion(n, c.rv);
    startRv = c.rv;
    objectEvents = currentAsAdded(s, kind, sel, replica);
  } else if (n === 0) {
    // sendInitialEvents=false with RV ""/"0": "start at most recent" / "any", no initial events.
    startRv = c.rv;
    objectEvents = [];
  } else if (cacherTooOld(c, n) && RULES.S18_TOO_OLD_WATCH) {
    // S18, judged by this kind's cache alone (RULES.S18_TOO_OLD_WATCH off, tests only: fall through
    // and replay what is left).
    const ev: ErrorEvent = { type: 'ERROR', status: tooOldWatch(n, cacherOldest(c) - 1) };
    return { code: 200, watchId: null, initialEvents: [ev], closed: true };
  } else {
    // S16 (replay) / S20 (future RV: nothing to replay).
    startRv = n;
    objectEvents = replaySince(s, kind, n, sel, replica);
  }
  // cache_watcher.go processInterval: the floor is the max of the start RV and the initial events' RVs.
  let floorRv = startRv;
  for (const ev of objectEvents) if (ev.rv > floorRv) floorRv = ev.rv;
  const initial: WatchEvent[] = objectEvents;
  let lastSentRv = objectEvents.length > 0 ? objectEvents[objectEvents.length - 1]!.rv : null;
  if (sendInitial && opts.allowWatchBookmarks) {
    initial.push(bookmark(kind, c.rv, true));
    lastSentRv = c.rv;
  }
  const timeoutMs =
    opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : s.config.defaultWatchTimeoutMs;
  const id = s.nextWatchId++;
  const w: OpenWatch = {
    id,
    kind,
    replica,
    startRv,
    openedAt: now,
    timeoutMs,
    deadline: now + timeoutMs,
    allowBookmarks: opts.allowWatchBookmarks,
    sendInitialEvents: sendInitial,
    selector: sel,
    floorRv,
    lastSentRv,
    eventsSent: initial.length,
    nextBookmarkAt: null,
  };
  w.nextBookmarkAt = nextBookmarkTime(w, now, s.config.bookmarkFrequencyMs, false);
  s.watches.set(id, w);
  return { code: 200, watchId: id, initialEvents: initial, closed: false };
}

/** S17: the objects the replica's cache holds (etcd's, or older on a lagging replica) as ADDED events. */
function currentAsAdded(
  s: ApiServerState,
  kind: Kind,
  sel: LabelSelector | null,
  replica: number,
): ObjectEvent[] {
  const lagged = replicaSnapshot(s, s.replicas[replica]!, kind);
  const st = s.stores[kind];
  const keys = lagged === null ? st.keys : lagged.keys;
  const out: ObjectEvent[] = [];
  for (let i = 0; i < keys.length; i++) {
    const object = lagged === null ? st.objects.get(keys[i]!)! : lagged.objects[i]!;
    if (sel !== null && !selectorMatches(sel, object.metadata.labels)) continue;
    out.push({ type: 'ADDED', kind, object, rv: Number(object.metadata.resourceVersion) });
  }
  return out;
}

/** The kind's ring events with rv > n on a replica, oldest first, as a watch with `sel` sees them (S16, S21). */
export function replaySince(
  s: ApiServerState,
  kind: Kind,
  n: number,
  sel: LabelSelector | null,
  replica = 0,
): ObjectEvent[] {
  const out: ObjectEvent[] = [];
  const h = s.replicas[replica]!.cachers[kind].ring;
  const probe = { selector: sel } as const;
  for (let i = 0; i < h.size; i++) {
    const ev = historyAt(h, i).event;
    if (ev.rv <= n) continue;
    const seen = eventForWatch(probe, ev);
    if (seen !== null) out.push(seen);
  }
  return out;
}

function bookmark(kind: Kind, rv: number, initialEventsEnd: boolean): BookmarkEvent {
  return { type: 'BOOKMARK', kind, object: emptyObject(kind, String(rv)), rv, initialEventsEnd };
}

/**
 * cache_watcher.go nextBookmarkTime: now + frequency, pulled in to 2 s before the deadline; none if
 * that is already past. When re-arming right after a bookmark was sent (`rearm`), a time not after
 * `now` means none (the real bucketed dispatcher may repeat the pre-deadline bookmark ~1 s later).
 */
export function nextBookmarkTime(
  w: OpenWatch,
  now: number,
  frequencyMs: number,
  rearm: boolean,
): number | null {
  if (!w.allowBookmarks || !RULES.S23_BOOKMARKS) return null; // the switch: tests only (../rules.ts)
  let t = now + frequencyMs;
  const preTimeout = w.deadline - 2000;
  if (preTimeout < t) t = preTimeout;
  if (t < now || (rearm && t === now)) return null;
  return t;
}

/** Ends a watch cleanly (client stop or server close without an error). Returns whether it was open. */
export function serverCloseWatch(s: ApiServerState, watchId: number): boolean {
  return s.watches.delete(watchId);
}

/**
 * S23: the bookmarks due at `now`, one per watch, with the watches' next bookmark times re-armed.
 * A due watch whose floor is not below the kind's cache RV is re-armed without a bookmark.
 */
export function serverDueBookmarks(s: ApiServerState, now: number): WatchDelivery[] {
  catchUpCaches(s, now);
  const out: WatchDelivery[] = [];
  for (const w of s.watches.values()) {
    if (w.nextBookmarkAt === null || w.nextBookmarkAt > now || w.deadline <= now) continue;
    const c = s.replicas[w.replica]!.cachers[w.kind];
    // S23: the kind's cache RV; [1.26] none before the Cacher saw an event or a progress notification
    // since it started. cache_watcher.go `process` drops a bookmark whose RV is not above the watch's
    // floor (its start RV after the initial events), not above the last RV sent: as@26 cacher.go
    // process and as@36 cache_watcher.go:529–540 compare with that fixed floor, so a bookmark may repeat
    // the RV of the last event or bookmark (the spec's S23 says "last RV sent"; the code says floor).
    if (c.seenSinceInit && c.rv > w.floorRv) {
      const ev = bookmark(w.kind, c.rv, false);
      w.lastSentRv = c.rv;
      w.eventsSent++;
      out.push({ watchId: w.id, event: ev });
    }
    w.nextBookmarkAt = nextBookmarkTime(w, now, s.config.bookmarkFrequencyMs, true);
  }
  return out;
}

/** S22: removes and returns the watches whose deadline has come; the server just ends them (no ERROR). */
export function serverExpiredWatches(s: ApiServerState, now: number): Array<{ watchId: number; kind: Kind }> {
  const out: Array<{ watchId: number; kind: Kind }> = [];
  for (const w of s.watches.values()) {
    if (w.deadline <= now) out.push({ watchId: w.id, kind: w.kind });
  }
  for (const x of out) s.watches.delete(x.watchId);
  return out;
}

/**
 * Fault injection: ends an open watch with an ERROR event (410 Expired with etcd's watch wording, or
 * 500 InternalError). Returns the event to send before closing, or null if the watch is not open.
 */
export function serverWatchError(s: ApiServerState, watchId: number, code: 410 | 500): ErrorEvent | null {
  if (!s.watches.delete(watchId)) return null;
  const status = code === 410 ? expired(EXPIRED_WATCH_MSG) : internalError('injected watch failure');
  return { type: 'ERROR', status };
}

/** The earliest time a watch timer (bookmark or deadline) is due, or null if no watch is open. */
export function serverNextWatchTimer(s: ApiServerState): number | null {
  let t: number | null = null;
  for (const w of s.watches.values()) {
    if (t === null || w.deadline < t) t = w.deadline;
    if (w.nextBookmarkAt !== null && w.nextBookmarkAt < t) t = w.nextBookmarkAt;
  }
  return t;
}

export function serverGetWatch(s: ApiServerState, watchId: number): OpenWatch | undefined {
  return s.watches.get(watchId);
}
