/**
 * Reflector (client-go v0.26 tools/cache/reflector.go): ListAndWatch as a state machine driven by
 * events, so that one reflector goroutine becomes one actor on the agenda.
 *
 * Rules: R1 (ListAndWatch in a BackoffUntil loop, sliding: a backoff after every return), R2 (backoff,
 * see backoff.ts), R4 (relistResourceVersion), R5 (page size), R6 (410 / too large on LIST: mark the RV
 * unavailable and relist at once with "", through the same pager and so with the same page size), R7
 * (Replace then lastSyncResourceVersion = list RV), R9 (watch from lastSyncResourceVersion with bookmarks
 * and a timeout in [300 s, 600 s)), R10 (events → store; every accepted event, ADDED and BOOKMARK included,
 * moves lastSyncResourceVersion: the v0.26 behaviour the vectors record), R11 (clean close → re-watch at
 * once, no relist), R12 (very short watch: < 1 s since the watch request and no event → error), R13 (watch
 * ended with an error → ListAndWatch returns → backoff → relist; a 429 ERROR backs off and re-watches), R14
 * (failure to open: connection refused or 429 → the separate initConnBackoffManager, then re-watch, keeping
 * the cache; any other error → relist path), R15 (no cache clearing: Replace reconciles), R16 (resync timer
 * per ListAndWatch iteration), S15 (the pager: a 410 on a continuation page re-issues one full unpaginated
 * list at the RV of that pager.List call).
 *
 * The reflector never talks to a server directly: it asks its environment to send requests and set timers
 * and is called back with responses, watch events and timer firings. Each request or timer carries the
 * reflector's epoch; answers from an earlier epoch are stale and ignored (a cancelled goroutine's result).
 *
 * The list phase (R4–R7 with the pager, S15) is list-pager.ts, shared with the modern reflector as the
 * real code shares `Reflector.list`; the request, answer and event types are in reflector-types.ts.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): R11_REWATCH_WITHOUT_RELIST,
 * R13_RELIST_AFTER_WATCH_ERROR, R16_RESYNC_FROM_CACHE.
 */
import { nextInt, type RngState } from '../kernel/prng';
import type { Kind, KObject } from '../model/objects';
import { metaNamespaceKey } from '../model/objects';
import { RULES } from '../rules';
import { type BackoffState, newBackoff, nextBackoffDelay } from './backoff';
import { type DeltaFifoState, fifoAdd, fifoDelete, fifoReplace, fifoResync, fifoUpdate } from './delta-fifo';
import type { IndexerState } from './indexer';
import { type ListState, listOnResponse, startList } from './list-pager';
import type {
  ApiError,
  ClientWatchEvent,
  ListRequest,
  ListResponse,
  ReflectorEmit,
  WatchRequest,
} from './reflector-types';

export { relistResourceVersion } from './list-pager';
export type {
  ApiError,
  ClientWatchEvent,
  ListRequest,
  ListResponse,
  WatchEventType,
  WatchRequest,
} from './reflector-types';

export type ReflectorPhase =
  | 'stopped'
  | 'listing'
  | 'watch-opening'
  | 'watching'
  | 'backoff-relist'
  | 'backoff-rewatch';

export type ReflectorTimer = 'relist' | 'rewatch' | 'resync';

export interface ReflectorState {
  readonly kind: Kind;
  phase: ReflectorPhase;
  lastSyncResourceVersion: string;
  isLastSyncResourceVersionUnavailable: boolean;
  paginatedResult: boolean;
  /** Bumped whenever outstanding requests and timers become stale. */
  epoch: number;
  /** R1's backoffManager (before a relist). */
  backoff: BackoffState;
  /** R14's initConnBackoffManager (before a re-watch after refused / 429). */
  connBackoff: BackoffState;
  /** The list in progress (list-pager.ts), or null. */
  list: ListState | null;
  /** The watch in progress, or null. */
  watch: {
    readonly requestRv: string;
    readonly startedAt: number;
    /** Server-side stream id once the watch is open. */
    streamId: number | null;
    eventCount: number;
  } | null;
  /** Resync timer generation (R16: re-created per ListAndWatch iteration). */
  resyncEpoch: number;
  resyncPeriodMs: number;
  /** For inspectors: when the next resync check fires, and when a backoff ends. */
  nextResyncAt: number | null;
  backoffUntil: number | null;
  /** Number of completed LISTs (initial + relists). */
  listCount: number;
}

export interface ReflectorEnv {
  readonly now: number;
  readonly rng: RngState;
  readonly fifo: DeltaFifoState<KObject>;
  readonly indexer: IndexerState<KObject>;
  /** The watch timeout range (R9), ms; the reflector picks whole seconds in [min, max). */
  readonly watchTimeout: { readonly min: number; readonly max: number };
  readonly pageSize: number;
  sendList(req: ListRequest, epoch: number): void;
  sendWatch(req: WatchRequest, epoch: number): void;
  setTimer(delayMs: number, timer: ReflectorTimer, epoch: number): void;
  /** sharedProcessor.shouldResync (SI4): decides which listeners are due; true if any is. */
  shouldResync(): boolean;
  /** The FIFO gained items: wake the informer's Pop. */
  fifoChanged(): void;
  /** Emits a trace record of the catalog's message M (src/engine/model/messages.ts). */
  readonly emit: ReflectorEmit;
}

export function newReflector(kind: Kind, now: number, resyncPeriodMs: number): ReflectorState {
  return {
    kind,
    phase: 'stopped',
    lastSyncResourceVersion: '',
    isLastSyncResourceVersionUnavailable: false,
    paginatedResult: false,
    epoch: 0,
    backoff: newBackoff(now),
    connBackoff: newBackoff(now),
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
export function reflectorRun(r: ReflectorState, env: ReflectorEnv): void {
  listAndWatch(r, env);
}

function listAndWatch(r: ReflectorState, env: ReflectorEnv): void {
  r.epoch++;
  r.backoffUntil = null;
  r.phase = 'listing';
  startList(r, env);
}

export function reflectorOnListResponse(
  r: ReflectorState,
  env: ReflectorEnv,
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
  const result = fifoReplace(env.fifo, env.indexer, items, resourceVersion);
  r.lastSyncResourceVersion = resourceVersion;
  env.emit('reflector', 2, 'reflector.replace', {
    items: items.length,
    tombstones: result.tombstones.length,
    rv: resourceVersion,
    relist: r.listCount > 1,
  });
  for (const t of result.tombstones) {
    env.emit(
      'deltafifo',
      2,
      'deltafifo.tombstone',
      { key: t.key, rv: t.obj?.metadata.resourceVersion ?? null },
      t.key,
      t.obj,
    );
  }
  env.fifoChanged();
  // R16: the resync timer of this ListAndWatch iteration.
  r.resyncEpoch++;
  armResync(r, env);
  startWatch(r, env);
}

function armResync(r: ReflectorState, env: ReflectorEnv): void {
  if (r.resyncPeriodMs <= 0) {
    r.nextResyncAt = null;
    return;
  }
  r.nextResyncAt = env.now + r.resyncPeriodMs;
  env.setTimer(r.resyncPeriodMs, 'resync', r.resyncEpoch);
}

function startWatch(r: ReflectorState, env: ReflectorEnv): void {
  const lo = Math.ceil(env.watchTimeout.min / 1000);
  const hi = Math.max(lo + 1, Math.ceil(env.watchTimeout.max / 1000));
  const timeoutMs = nextInt(env.rng, lo, hi) * 1000;
  r.phase = 'watch-opening';
  r.watch = { requestRv: r.lastSyncResourceVersion, startedAt: env.now, streamId: null, eventCount: 0 };
  env.emit('reflector', 1, 'reflector.watch', {
    rv: r.lastSyncResourceVersion,
    timeoutSeconds: timeoutMs / 1000,
  });
  env.sendWatch(
    { verb: 'watch', resourceVersion: r.lastSyncResourceVersion, timeoutMs, allowWatchBookmarks: true },
    r.epoch,
  );
}

/** The watch request was answered: either a stream is open, or the request failed (R14). */
export function reflectorOnWatchOpened(
  r: ReflectorState,
  env: ReflectorEnv,
  result: { readonly streamId: number } | ApiError,
  epoch: number,
): void {
  if (epoch !== r.epoch || r.phase !== 'watch-opening' || r.watch === null) return;
  if ('streamId' in result) {
    r.watch.streamId = result.streamId;
    r.phase = 'watching';
    env.emit('reflector', 'internal', 'reflector.watch-open', { rv: r.watch.requestRv });
    return;
  }
  r.watch = null;
  if (result.code === 0 || result.code === 429) {
    // R14: connection refused or 429 → back off (initConnBackoffManager) and re-watch; keep the cache.
    const delay = nextBackoffDelay(r.connBackoff, env.now, env.rng);
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

/** One event of the open watch stream (R10). Returns false when the event was stale and ignored. */
export function reflectorOnWatchEvent(
  r: ReflectorState,
  env: ReflectorEnv,
  streamId: number,
  ev: ClientWatchEvent,
): boolean {
  if (r.phase !== 'watching' || r.watch === null || r.watch.streamId !== streamId) return false;
  const w = r.watch;
  switch (ev.type) {
    case 'ERROR': {
      const st = ev.status ?? { code: 500, reason: 'InternalError', message: 'unknown watch error' };
      env.emit('reflector', 'watch-event', 'reflector.watch-error', { code: st.code, reason: st.reason });
      r.watch = null;
      if (st.code === 429) {
        // R13: a 429 backs off and re-watches (no relist).
        const delay = nextBackoffDelay(r.connBackoff, env.now, env.rng);
        r.phase = 'backoff-rewatch';
        r.backoffUntil = env.now + delay;
        env.setTimer(delay, 'rewatch', r.epoch);
        return true;
      }
      if (!RULES.R13_RELIST_AFTER_WATCH_ERROR) {
        // Test-only switch (src/engine/rules.ts): re-watch at once from the same RV, as the book describes.
        startWatch(r, env);
        return true;
      }
      // R13: any other error (410 Expired included) → watch returns nil → ListAndWatch returns → backoff → relist.
      listAndWatchReturned(r, env);
      return true;
    }
    case 'BOOKMARK': {
      const rv = ev.resourceVersion ?? ev.object?.metadata.resourceVersion ?? r.lastSyncResourceVersion;
      r.lastSyncResourceVersion = rv;
      w.eventCount++;
      env.emit('reflector', 'watch-event', 'reflector.bookmark', { rv });
      return true;
    }
    case 'ADDED':
    case 'MODIFIED':
    case 'DELETED': {
      const obj = ev.object!;
      const key = metaNamespaceKey(obj);
      const rv = obj.metadata.resourceVersion;
      env.emit('reflector', 'watch-event', 'reflector.event', { type: ev.type, rv }, key, obj);
      if (ev.type === 'ADDED') {
        fifoAdd(env.fifo, obj);
        env.emit('deltafifo', 2, 'deltafifo.add', { type: 'Added', rv }, key, obj);
      } else if (ev.type === 'MODIFIED') {
        fifoUpdate(env.fifo, obj);
        env.emit('deltafifo', 2, 'deltafifo.add', { type: 'Updated', rv }, key, obj);
      } else {
        const queued = fifoDelete(env.fifo, env.indexer, obj);
        env.emit(
          'deltafifo',
          2,
          queued ? 'deltafifo.add' : 'deltafifo.delete-ignored',
          { type: 'Deleted', rv },
          key,
          obj,
        );
      }
      r.lastSyncResourceVersion = rv;
      w.eventCount++;
      env.fifoChanged();
      return true;
    }
  }
}

/** The server ended the stream without an error (timeout S22, or a scripted close). */
export function reflectorOnWatchClosed(r: ReflectorState, env: ReflectorEnv, streamId: number): boolean {
  if (r.phase !== 'watching' || r.watch === null || r.watch.streamId !== streamId) return false;
  const w = r.watch;
  r.watch = null;
  if (env.now - w.startedAt < 1000 && w.eventCount === 0) {
    // R12: very short watch → treated as an error → R13's relist path.
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
export function reflectorOnTimer(
  r: ReflectorState,
  env: ReflectorEnv,
  timer: ReflectorTimer,
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
    case 'resync': {
      if (epoch !== r.resyncEpoch) return false;
      if (!RULES.R16_RESYNC_FROM_CACHE) {
        // Test-only switch (src/engine/rules.ts): "resync" as a relist from the server.
        listAndWatch(r, env);
        return true;
      }
      // R16/R17: Resync only if some listener is due (SI4), then re-arm.
      if (env.shouldResync()) {
        const keys = fifoResync(env.fifo, env.indexer);
        env.emit('deltafifo', 'resync', 'deltafifo.resync', { synced: keys.length });
        if (keys.length > 0) env.fifoChanged();
      } else {
        env.emit('reflector', 'internal', 'reflector.resync-skipped', {});
      }
      armResync(r, env);
      return true;
    }
  }
}

/** ListAndWatch returned (error, or nil after a watch error): stop resync, back off (R1), then relist. */
function listAndWatchReturned(r: ReflectorState, env: ReflectorEnv): void {
  r.epoch++;
  r.resyncEpoch++;
  r.nextResyncAt = null;
  r.list = null;
  r.watch = null;
  const delay = nextBackoffDelay(r.backoff, env.now, env.rng);
  r.phase = 'backoff-relist';
  r.backoffUntil = env.now + delay;
  env.emit('reflector', 'internal', 'reflector.backoff', { delayMs: delay, next: 'relist' });
  env.setTimer(delay, 'relist', r.epoch);
}
