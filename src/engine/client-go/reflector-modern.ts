/**
 * Reflector, modern mode (client-go v0.36.3 tools/cache/reflector.go with every feature gate at its
 * default): ListAndWatch as a state machine driven by events, one actor on the agenda, feeding an atomic
 * RealFIFO (real-fifo.ts). Recorded behaviour: conformance/vectors-v0.36/informer.
 *
 * What differs from the classic reflector (reflector.ts, v0.26):
 * - R18–R21 (`WatchListClient`): each ListAndWatch first sends a watch-list request (watch-list.ts); its
 *   end bookmark hands the streamed objects to the FIFO as one ReplacedAll and the same stream goes on as
 *   the watch, with no LIST and no second request. Only when it fails for good (a 422 from a server
 *   without WatchList, an ERROR 500, a very short stream) does this ListAndWatch fall back to LIST
 *   (list-pager.ts, R4–R7, S15) and a plain watch; every later relist tries the watch-list again first.
 * - R10 as of 1.36: a BOOKMARK on the watch becomes a `Bookmark` delta (the indexer's RV follows it, I7);
 *   on a plain watch from "" or "0" ADDED events do not move lastSyncResourceVersion until the watch has
 *   delivered a non-ADDED event (its first events are synthetic, not in RV order); a stream handed over by
 *   a watch-list propagates from the start. Resync (R16) appends one `SyncAll`; Replace one `ReplacedAll`.
 * - R1/R2/R14: one backoff manager, `DelayWithReset` (backoff-with-reset.ts), for the sleep before a
 *   relist and for re-watching after a refused connection or a 429.
 * Unchanged: R9 (watch from lastSyncResourceVersion, bookmarks on, timeout in [300 s, 600 s)), R11 (a clean
 * close re-watches at once), R12 (very short watch), R13 (any other end of the watch returns from
 * ListAndWatch: backoff, then relist; a 429 ERROR backs off and re-watches), R15, R16/R17.
 *
 * The reflector never talks to a server: it asks its environment to send requests and set timers and is
 * called back with answers, events and timer firings, each carrying the epoch it was sent with (answers
 * from an earlier epoch are stale). A producer that finds the FIFO locked (UnlockWhileProcessing, F6)
 * must wait: the environment delivers no event while `realFifoLocked` holds.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): R11_REWATCH_WITHOUT_RELIST,
 * R13_RELIST_AFTER_WATCH_ERROR, R16_RESYNC_FROM_CACHE, R18_WATCH_LIST, R21_WATCH_LIST_FALLBACK.
 */
import { nextInt, type RngState } from '../kernel/prng';
import type { Kind, KObject } from '../model/objects';
import { metaNamespaceKey } from '../model/objects';
import { RULES } from '../rules';
import { type BackoffWithResetState, newBackoffWithReset, nextDelayWithReset } from './backoff-with-reset';
import { type ListEnv, type ListingReflector, type ListState, listOnResponse, startList } from './list-pager';
import {
  type RealFifoState,
  realFifoAdd,
  realFifoBookmark,
  realFifoDelete,
  realFifoReplace,
  realFifoResync,
  realFifoUpdate,
} from './real-fifo';
import type { ReflectorTimer } from './reflector';
import type { ApiError, ClientWatchEvent, ListResponse, WatchRequest } from './reflector-types';
import {
  classifyWatchListError,
  newWatchList,
  rewatchResourceVersion,
  type WatchListState,
  watchListObjects,
  watchListOnClosed,
  watchListOnEvent,
  watchListRequest,
  watchListSize,
} from './watch-list';

export type ModernReflectorPhase =
  | 'stopped'
  | 'watch-list-opening'
  | 'watch-listing'
  | 'listing'
  | 'watch-opening'
  | 'watching'
  | 'backoff-relist'
  | 'backoff-rewatch'
  | 'backoff-watch-list';

/** The classic timers, plus the retry of a watch-list request after a backoff (R21). */
export type ModernReflectorTimer = ReflectorTimer | 'watch-list';

export interface ModernWatchState {
  readonly requestRv: string;
  /** When this watch began (its request, or the hand-over of a watch-list stream): R12's clock. */
  readonly startedAt: number;
  streamId: number | null;
  eventCount: number;
  /** R10 (1.36): false for a watch requested from "" or "0" (synthetic ADDED events first). */
  readonly propagateRvFromStart: boolean;
  /** A MODIFIED, DELETED or BOOKMARK has come on this watch. */
  eventReceivedBesidesAdded: boolean;
}

export interface ModernReflectorState extends ListingReflector {
  readonly kind: Kind;
  phase: ModernReflectorPhase;
  /** R18: WatchListClient is on and the ListerWatcher supports it (a fake clientset does not). */
  readonly useWatchList: boolean;
  /** R1/R2/R14/R21's one backoff manager. */
  backoff: BackoffWithResetState;
  /** The watch-list attempt in progress, or null. */
  watchList: WatchListState | null;
  /** The fallback list in progress (list-pager.ts), or null. */
  list: ListState | null;
  /** The watch in progress (requested, or handed over by a watch-list), or null. */
  watch: ModernWatchState | null;
  /** Resync timer generation (R16: re-created per ListAndWatch iteration). */
  resyncEpoch: number;
  readonly resyncPeriodMs: number;
  /** For inspectors: when the next resync check fires, and when a backoff ends. */
  nextResyncAt: number | null;
  backoffUntil: number | null;
}

export interface ModernReflectorEnv extends ListEnv {
  readonly now: number;
  readonly rng: RngState;
  readonly fifo: RealFifoState<KObject>;
  /** The watch timeout range (R9), ms; the reflector picks whole seconds in [min, max). */
  readonly watchTimeout: { readonly min: number; readonly max: number };
  sendWatch(req: WatchRequest, epoch: number): void;
  setTimer(delayMs: number, timer: ModernReflectorTimer, epoch: number): void;
  /** sharedProcessor.shouldResync (SI4): decides which listeners are due; true if any is. */
  shouldResync(): boolean;
  /** The FIFO gained deltas: wake the informer's PopBatch. */
  fifoChanged(): void;
}

export function newModernReflector(
  kind: Kind,
  now: number,
  resyncPeriodMs: number,
  useWatchList = true,
): ModernReflectorState {
  return {
    kind,
    phase: 'stopped',
    useWatchList,
    lastSyncResourceVersion: '',
    isLastSyncResourceVersionUnavailable: false,
    paginatedResult: false,
    epoch: 0,
    backoff: newBackoffWithReset(now),
    watchList: null,
    list: null,
    watch: null,
    resyncEpoch: 0,
    resyncPeriodMs,
    nextResyncAt: null,
    backoffUntil: null,
    listCount: 0,
  };
}

/** Start Run: the first ListAndWatch happens at once (R1, immediate=true). */
export function modernReflectorRun(r: ModernReflectorState, env: ModernReflectorEnv): void {
  listAndWatch(r, env);
}

function listAndWatch(r: ModernReflectorState, env: ModernReflectorEnv): void {
  r.epoch++;
  r.backoffUntil = null;
  // RULES.R18_WATCH_LIST off (tests only): WatchListClient off, LIST then WATCH.
  if (r.useWatchList && RULES.R18_WATCH_LIST) startWatchList(r, env);
  else startFallbackList(r, env);
}

/** R9's timeout: whole seconds in [min, max). */
function watchTimeoutMs(env: ModernReflectorEnv): number {
  const lo = Math.ceil(env.watchTimeout.min / 1000);
  const hi = Math.max(lo + 1, Math.ceil(env.watchTimeout.max / 1000));
  return nextInt(env.rng, lo, hi) * 1000;
}

/** R19: one watch-list attempt, from rewatchResourceVersion, with a fresh temporary store. */
function startWatchList(r: ModernReflectorState, env: ModernReflectorEnv): void {
  const rv = rewatchResourceVersion(r);
  const timeoutMs = watchTimeoutMs(env);
  r.phase = 'watch-list-opening';
  r.watchList = newWatchList(rv, env.now);
  env.emit('reflector', 1, 'reflector.watch-list', { rv, timeoutSeconds: timeoutMs / 1000 });
  env.sendWatch(watchListRequest(rv, timeoutMs), r.epoch);
}

/** R21: "data couldn't be fetched in watchlist mode": LIST (R4…) in the same ListAndWatch. */
function startFallbackList(r: ModernReflectorState, env: ModernReflectorEnv): void {
  r.watchList = null;
  r.phase = 'listing';
  startList(r, env);
}

/** R21: a failed watch-list attempt (its request, or an ERROR event on its stream). */
function watchListFailed(r: ModernReflectorState, env: ModernReflectorEnv, err: ApiError): void {
  r.watchList = null;
  const retry = classifyWatchListError(err);
  // RULES.R21_WATCH_LIST_FALLBACK off (tests only): a refusal is retried like a 429, never LIST.
  switch (retry === 'fallback-to-list' && !RULES.R21_WATCH_LIST_FALLBACK ? 'backoff' : retry) {
    case 'backoff': {
      const delay = nextDelayWithReset(r.backoff, env.now, env.rng);
      r.phase = 'backoff-watch-list';
      r.backoffUntil = env.now + delay;
      env.emit('reflector', 'internal', 'reflector.watch-list-backoff', {
        code: err.code,
        reason: err.reason,
        delayMs: delay,
      });
      env.setTimer(delay, 'watch-list', r.epoch);
      return;
    }
    case 'from-empty':
      r.isLastSyncResourceVersionUnavailable = true;
      env.emit('reflector', 'internal', 'reflector.watch-list-expired', {
        code: err.code,
        reason: err.reason,
      });
      startWatchList(r, env);
      return;
    case 'fallback-to-list':
      env.emit('reflector', 'internal', 'reflector.watch-list-failed', {
        code: err.code,
        reason: err.reason,
      });
      startFallbackList(r, env);
      return;
  }
}

/** R20: the end bookmark came. Replace, then the same stream is the watch (watchWithResync). */
function watchListDone(r: ModernReflectorState, env: ModernReflectorEnv, wl: WatchListState): void {
  r.isLastSyncResourceVersionUnavailable = false;
  const objs = watchListObjects(wl);
  realFifoReplace(env.fifo, objs, wl.resourceVersion);
  r.lastSyncResourceVersion = wl.resourceVersion;
  r.listCount++;
  r.watchList = null;
  env.emit('reflector', 2, 'reflector.replace-all', {
    items: objs.length,
    rv: wl.resourceVersion,
    relist: r.listCount > 1,
  });
  env.fifoChanged();
  r.resyncEpoch++;
  armResync(r, env);
  r.phase = 'watching';
  r.watch = {
    requestRv: wl.requestRv,
    startedAt: env.now,
    streamId: wl.streamId,
    eventCount: 0,
    propagateRvFromStart: true,
    eventReceivedBesidesAdded: false,
  };
}

export function modernReflectorOnListResponse(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  resp: ListResponse,
  epoch: number,
): void {
  if (epoch !== r.epoch || r.phase !== 'listing' || r.list === null) return;
  const outcome = listOnResponse(r, env, resp);
  if (outcome.kind === 'pending') return;
  if (outcome.kind === 'failed') {
    listAndWatchReturned(r, env);
    return;
  }
  const { items, resourceVersion } = outcome;
  realFifoReplace(env.fifo, items, resourceVersion);
  r.lastSyncResourceVersion = resourceVersion;
  env.emit('reflector', 2, 'reflector.replace-all', {
    items: items.length,
    rv: resourceVersion,
    relist: r.listCount > 1,
  });
  env.fifoChanged();
  r.resyncEpoch++;
  armResync(r, env);
  startWatch(r, env);
}

function armResync(r: ModernReflectorState, env: ModernReflectorEnv): void {
  if (r.resyncPeriodMs <= 0) {
    r.nextResyncAt = null;
    return;
  }
  r.nextResyncAt = env.now + r.resyncPeriodMs;
  env.setTimer(r.resyncPeriodMs, 'resync', r.resyncEpoch);
}

/** R9: a plain watch from lastSyncResourceVersion. */
function startWatch(r: ModernReflectorState, env: ModernReflectorEnv): void {
  const rv = r.lastSyncResourceVersion;
  const timeoutMs = watchTimeoutMs(env);
  r.phase = 'watch-opening';
  r.watch = {
    requestRv: rv,
    startedAt: env.now,
    streamId: null,
    eventCount: 0,
    propagateRvFromStart: rv !== '' && rv !== '0',
    eventReceivedBesidesAdded: false,
  };
  env.emit('reflector', 1, 'reflector.watch', { rv, timeoutSeconds: timeoutMs / 1000 });
  env.sendWatch({ verb: 'watch', resourceVersion: rv, timeoutMs, allowWatchBookmarks: true }, r.epoch);
}

/** A watch or watch-list request was answered: a stream is open, or the request failed. */
export function modernReflectorOnWatchOpened(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  result: { readonly streamId: number } | ApiError,
  epoch: number,
): void {
  if (epoch !== r.epoch) return;
  if (r.phase === 'watch-list-opening' && r.watchList !== null) {
    if ('streamId' in result) {
      r.watchList.streamId = result.streamId;
      r.phase = 'watch-listing';
      env.emit('reflector', 'internal', 'reflector.watch-open', { rv: r.watchList.requestRv });
    } else {
      watchListFailed(r, env, result);
    }
    return;
  }
  if (r.phase !== 'watch-opening' || r.watch === null) return;
  if ('streamId' in result) {
    r.watch.streamId = result.streamId;
    r.phase = 'watching';
    env.emit('reflector', 'internal', 'reflector.watch-open', { rv: r.watch.requestRv });
    return;
  }
  r.watch = null;
  if (result.code === 0 || result.code === 429) {
    // R14: connection refused or 429 → back off (the one delayHandler) and re-watch; keep the cache.
    const delay = nextDelayWithReset(r.backoff, env.now, env.rng);
    r.phase = 'backoff-rewatch';
    r.backoffUntil = env.now + delay;
    env.emit('reflector', 'internal', 'reflector.watch-refused', {
      code: result.code,
      reason: result.reason,
      delayMs: delay,
    });
    env.setTimer(delay, 'rewatch', r.epoch);
    return;
  }
  env.emit('reflector', 'internal', 'reflector.watch-open-failed', {
    code: result.code,
    reason: result.reason,
  });
  listAndWatchReturned(r, env);
}

/** One event of the open stream. Returns false when the event was stale and ignored. */
export function modernReflectorOnWatchEvent(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  streamId: number,
  ev: ClientWatchEvent,
): boolean {
  if (r.phase === 'watch-listing' && r.watchList !== null && r.watchList.streamId === streamId) {
    onWatchListEvent(r, env, r.watchList, ev);
    return true;
  }
  if (r.phase !== 'watching' || r.watch === null || r.watch.streamId !== streamId) return false;
  onWatchEvent(r, env, r.watch, ev);
  return true;
}

/** R20/R21: an event of the watch-list's stream, before its end bookmark. */
function onWatchListEvent(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  wl: WatchListState,
  ev: ClientWatchEvent,
): void {
  const out = watchListOnEvent(wl, ev);
  switch (out.kind) {
    case 'error':
      env.emit('reflector', 'watch-event', 'reflector.watch-error', {
        code: out.error.code,
        reason: out.error.reason,
      });
      watchListFailed(r, env, out.error);
      return;
    case 'stored': {
      const obj = ev.object!;
      env.emit(
        'reflector',
        'watch-event',
        'reflector.initial-event',
        { type: out.type, rv: out.rv },
        metaNamespaceKey(obj),
        obj,
      );
      return;
    }
    case 'bookmark':
      if (!out.end) {
        env.emit('reflector', 'watch-event', 'reflector.initial-bookmark', { rv: out.rv });
        return;
      }
      env.emit('reflector', 'watch-event', 'reflector.initial-events-end', {
        rv: wl.resourceVersion,
        items: watchListSize(wl),
      });
      watchListDone(r, env, wl);
      return;
  }
}

/** R10 (1.36): an event of the watch. */
function onWatchEvent(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  w: ModernWatchState,
  ev: ClientWatchEvent,
): void {
  switch (ev.type) {
    case 'ERROR': {
      const st = ev.status ?? { code: 500, reason: 'InternalError', message: 'unknown watch error' };
      env.emit('reflector', 'watch-event', 'reflector.watch-error', { code: st.code, reason: st.reason });
      r.watch = null;
      if (st.code === 429) {
        // R13: a 429 backs off and re-watches (no relist).
        const delay = nextDelayWithReset(r.backoff, env.now, env.rng);
        r.phase = 'backoff-rewatch';
        r.backoffUntil = env.now + delay;
        env.setTimer(delay, 'rewatch', r.epoch);
        return;
      }
      if (!RULES.R13_RELIST_AFTER_WATCH_ERROR) {
        // Test-only switch (src/engine/rules.ts): re-watch at once from the same RV.
        startWatch(r, env);
        return;
      }
      // R13: Expired and every other error (InternalError is not retried by default) → watch returns nil →
      // ListAndWatch returns → backoff → relist.
      listAndWatchReturned(r, env);
      return;
    }
    case 'BOOKMARK': {
      const rv = ev.resourceVersion ?? ev.object?.metadata.resourceVersion ?? r.lastSyncResourceVersion;
      w.eventReceivedBesidesAdded = true;
      env.emit('reflector', 'watch-event', 'reflector.bookmark', { rv });
      realFifoBookmark(env.fifo, rv);
      env.emit('deltafifo', 2, 'realfifo.bookmark', { rv });
      r.lastSyncResourceVersion = rv;
      w.eventCount++;
      env.fifoChanged();
      return;
    }
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED': {
      const obj = ev.object!;
      const key = metaNamespaceKey(obj);
      const rv = obj.metadata.resourceVersion;
      env.emit('reflector', 'watch-event', 'reflector.event', { type: ev.type, rv }, key, obj);
      let type: 'Added' | 'Updated' | 'Deleted';
      if (ev.type === 'ADDED') {
        realFifoAdd(env.fifo, obj);
        type = 'Added';
      } else {
        w.eventReceivedBesidesAdded = true;
        if (ev.type === 'MODIFIED') {
          realFifoUpdate(env.fifo, obj);
          type = 'Updated';
        } else {
          realFifoDelete(env.fifo, obj);
          type = 'Deleted';
        }
      }
      env.emit('deltafifo', 2, 'realfifo.add', { type, rv }, key, obj);
      if (w.propagateRvFromStart || w.eventReceivedBesidesAdded) r.lastSyncResourceVersion = rv;
      w.eventCount++;
      env.fifoChanged();
      return;
    }
  }
}

/** The server ended the stream without an error (timeout S22, or a scripted close). */
export function modernReflectorOnWatchClosed(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  streamId: number,
): boolean {
  const wl = r.watchList;
  if (r.phase === 'watch-listing' && wl !== null && wl.streamId === streamId) {
    r.watchList = null;
    if (watchListOnClosed(wl, env.now) === 'very-short') {
      // R12 + R21: a VeryShortWatchError is no retriable error: fall back to LIST.
      env.emit('reflector', 'watch-event', 'reflector.watch-list-very-short', {
        lastedMs: env.now - wl.startedAt,
      });
      startFallbackList(r, env);
    } else {
      env.emit('reflector', 'watch-event', 'reflector.watch-list-closed', {
        events: wl.eventCount,
        rv: rewatchResourceVersion(r),
      });
      startWatchList(r, env);
    }
    return true;
  }
  if (r.phase !== 'watching' || r.watch === null || r.watch.streamId !== streamId) return false;
  const w = r.watch;
  r.watch = null;
  if (env.now - w.startedAt < 1000 && w.eventCount === 0) {
    // R12: very short watch → an error → R13's relist path.
    env.emit('reflector', 'watch-event', 'reflector.very-short-watch', { lastedMs: env.now - w.startedAt });
    listAndWatchReturned(r, env);
    return true;
  }
  if (!RULES.R11_REWATCH_WITHOUT_RELIST) {
    // Test-only switch (src/engine/rules.ts): a clean close handled like an error (backoff, relist).
    listAndWatchReturned(r, env);
    return true;
  }
  // R11: clean close → re-watch at once from lastSyncResourceVersion, no relist, no backoff.
  env.emit('reflector', 'watch-event', 'reflector.watch-closed', {
    events: w.eventCount,
    rv: r.lastSyncResourceVersion,
  });
  startWatch(r, env);
  return true;
}

/** A timer of this reflector fired. Returns false when it was stale. */
export function modernReflectorOnTimer(
  r: ModernReflectorState,
  env: ModernReflectorEnv,
  timer: ModernReflectorTimer,
  epoch: number,
): boolean {
  switch (timer) {
    case 'relist':
      if (epoch !== r.epoch || r.phase !== 'backoff-relist') return false;
      listAndWatch(r, env);
      return true;
    case 'rewatch':
      if (epoch !== r.epoch || r.phase !== 'backoff-rewatch') return false;
      r.backoffUntil = null;
      startWatch(r, env);
      return true;
    case 'watch-list':
      if (epoch !== r.epoch || r.phase !== 'backoff-watch-list') return false;
      r.backoffUntil = null;
      startWatchList(r, env);
      return true;
    case 'resync': {
      if (epoch !== r.resyncEpoch) return false;
      if (!RULES.R16_RESYNC_FROM_CACHE) {
        // Test-only switch (src/engine/rules.ts): "resync" as a relist from the server.
        listAndWatch(r, env);
        return true;
      }
      // R16/R17 with F4: one SyncAll if some listener is due (SI4), then re-arm.
      if (env.shouldResync()) {
        realFifoResync(env.fifo);
        env.emit('deltafifo', 'resync', 'realfifo.resync', {});
        env.fifoChanged();
      } else {
        env.emit('reflector', 'internal', 'reflector.resync-skipped', {});
      }
      armResync(r, env);
      return true;
    }
  }
}

/** ListAndWatch returned (an error, or nil after the watch ended): stop resync, back off (R1), relist. */
function listAndWatchReturned(r: ModernReflectorState, env: ModernReflectorEnv): void {
  r.epoch++;
  r.resyncEpoch++;
  r.nextResyncAt = null;
  r.watchList = null;
  r.list = null;
  r.watch = null;
  const delay = nextDelayWithReset(r.backoff, env.now, env.rng);
  r.phase = 'backoff-relist';
  r.backoffUntil = env.now + delay;
  env.emit('reflector', 'internal', 'reflector.backoff', { delayMs: delay, next: 'relist' });
  env.setTimer(delay, 'relist', r.epoch);
}
