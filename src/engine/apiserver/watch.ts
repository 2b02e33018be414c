/**
 * WATCH (apiserver pkg/storage/cacher/cacher.go Watch, cache_watcher.go, watch_cache.go
 * getAllEventsSinceLocked, pkg/endpoints/handlers/watch.go). Rules S16–S20, S22–S24.
 *
 * - RV N (S16): replay the history events of the kind with rv > N, in order, then live events.
 * - RV "" / "0" (S17): synthetic ADDED events for every current object of the kind (key order), then
 *   live events after the current revision.
 * - RV N < compactedRv (S18): not an HTTP error: a stream with one ERROR event (410 Expired,
 *   `too old resource version: N (M)`, M = compactedRv) that then closes.
 * - RV N > revision (S20): the watch is registered and waits for revisions above N.
 * - sendInitialEvents (S24, WatchList): ADDED for every current object, then (with bookmarks) the
 *   BOOKMARK annotated initial-events-end at the current revision, then live events.
 * - Timeouts (S22): each watch has a deadline; serverExpiredWatches ends it cleanly (no ERROR).
 * - Bookmarks (S23): cache_watcher.go nextBookmarkTime: every bookmarkFrequency and 2 s before the
 *   deadline; the RV is the current global revision; a bookmark is sent only if that RV is above the
 *   watch's floor (cache_watcher.go `process`).
 *
 * Timing (latency, delivery order on the wire) is the simulator's business; these functions say what is
 * sent, synchronously. Simplifications: the real cacher dispatches bookmarks from 1 s buckets and may
 * repeat the pre-deadline bookmark a second later; here each is sent once, exactly on time. A watch from
 * a future RV with sendInitialEvents answers 504 at once (the real cache waits up to 3 s first).
 * Selectors (S21) and slow-watcher eviction are not modelled.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): S18_TOO_OLD_WATCH, S23_BOOKMARKS.
 */
import type { Kind } from '../model/objects';
import { RULES } from '../rules';
import {
  type ApiError,
  badRequest,
  EXPIRED_WATCH_MSG,
  expired,
  internalError,
  tooLargeResourceVersion,
  tooOldWatch,
} from './errors';
import type { BookmarkEvent, ErrorEvent, ObjectEvent, WatchDelivery, WatchEvent } from './events';
import { historyAt } from './history';
import { parseResourceVersion } from './list';
import { emptyObject } from './object-builders';
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

export function serverWatch(s: ApiServerState, kind: Kind, opts: WatchOptions, now: number): WatchResult {
  const res = openWatch(s, kind, opts, now);
  recordRequest(s.requests, {
    time: now,
    verb: 'watch',
    kind,
    rv: opts.resourceVersion,
    ...(res.code !== 200
      ? { code: res.code, reason: res.reason }
      : res.watchId === null
        ? { code: res.initialEvents[0].status.code, reason: res.initialEvents[0].status.reason }
        : { code: 200, watchId: res.watchId }),
  });
  return res;
}

function openWatch(s: ApiServerState, kind: Kind, opts: WatchOptions, now: number): WatchResult {
  const rvText = opts.resourceVersion;
  const n = rvText === '' ? 0 : parseResourceVersion(rvText);
  if (n === null) return badRequest(`invalid resource version: "${rvText}"`);
  const sendInitial = opts.sendInitialEvents === true;
  let startRv: number;
  let objectEvents: ObjectEvent[];
  if (sendInitial || (n === 0 && opts.sendInitialEvents === undefined)) {
    // S24 / S17: the current state as synthetic ADDED events, at the current revision.
    if (sendInitial && n > s.revision) return tooLargeResourceVersion(n, s.revision);
    startRv = s.revision;
    objectEvents = currentAsAdded(s, kind);
  } else if (n === 0) {
    // sendInitialEvents=false with RV ""/"0": "start at most recent" / "any", no initial events.
    startRv = s.revision;
    objectEvents = [];
  } else if (n < s.compactedRv && RULES.S18_TOO_OLD_WATCH) {
    // S18 (RULES.S18_TOO_OLD_WATCH off, tests only: fall through and replay what is left)
    const ev: ErrorEvent = { type: 'ERROR', status: tooOldWatch(n, s.compactedRv) };
    return { code: 200, watchId: null, initialEvents: [ev], closed: true };
  } else {
    // S16 (replay) / S20 (future RV: nothing to replay).
    startRv = n;
    objectEvents = replaySince(s, kind, n);
  }
  // cache_watcher.go processInterval: the floor is the max of the start RV and the initial events' RVs.
  let floorRv = startRv;
  for (const ev of objectEvents) if (ev.rv > floorRv) floorRv = ev.rv;
  const initial: WatchEvent[] = objectEvents;
  let lastSentRv = objectEvents.length > 0 ? objectEvents[objectEvents.length - 1]!.rv : null;
  if (sendInitial && opts.allowWatchBookmarks) {
    initial.push(bookmark(kind, s.revision, true));
    lastSentRv = s.revision;
  }
  const timeoutMs =
    opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : s.config.defaultWatchTimeoutMs;
  const id = s.nextWatchId++;
  const w: OpenWatch = {
    id,
    kind,
    startRv,
    openedAt: now,
    timeoutMs,
    deadline: now + timeoutMs,
    allowBookmarks: opts.allowWatchBookmarks,
    sendInitialEvents: sendInitial,
    floorRv,
    lastSentRv,
    eventsSent: initial.length,
    nextBookmarkAt: null,
  };
  w.nextBookmarkAt = nextBookmarkTime(w, now, s.config.bookmarkFrequencyMs, false);
  s.watches.set(id, w);
  return { code: 200, watchId: id, initialEvents: initial, closed: false };
}

function currentAsAdded(s: ApiServerState, kind: Kind): ObjectEvent[] {
  const st = s.stores[kind];
  const out: ObjectEvent[] = [];
  for (const key of st.keys) {
    const object = st.objects.get(key)!;
    out.push({ type: 'ADDED', kind, object, rv: Number(object.metadata.resourceVersion) });
  }
  return out;
}

/** The history events of `kind` with rv > n, oldest first (n ≥ compactedRv). */
export function replaySince(s: ApiServerState, kind: Kind, n: number): ObjectEvent[] {
  const out: ObjectEvent[] = [];
  const h = s.history;
  // Invariant (state.ts): the event of revision r is at index r − compactedRv − 1.
  for (let i = Math.max(0, n - s.compactedRv); i < h.size; i++) {
    const ev = historyAt(h, i);
    if (ev.kind === kind) out.push(ev);
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
 * A due watch whose floor is not below the current revision is re-armed without a bookmark.
 */
export function serverDueBookmarks(s: ApiServerState, now: number): WatchDelivery[] {
  const out: WatchDelivery[] = [];
  for (const w of s.watches.values()) {
    if (w.nextBookmarkAt === null || w.nextBookmarkAt > now || w.deadline <= now) continue;
    if (s.revision > w.floorRv) {
      const ev = bookmark(w.kind, s.revision, false);
      w.lastSentRv = s.revision;
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
