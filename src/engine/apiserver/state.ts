/**
 * The simulated kube-apiserver's whole state, as plain data (structuredClone copies it exactly).
 *
 * Models etcd + the apiserver's watch cache as one thing: one global revision counter shared by every
 * kind (S1), the current objects per kind, and one event history window shared by all kinds (the
 * watch cache's ring buffer, S19) from which watches replay (S16) and old list snapshots are rebuilt
 * (S8). Everything is mutated only by the module functions of this folder; objects are immutable.
 *
 * Invariant: every revision is exactly one write, and the history holds exactly the events with
 * compactedRv < rv ≤ revision, in order (no gaps). So the event of revision r sits at index
 * r − compactedRv − 1, and the state at any revision N ≥ compactedRv can be rebuilt by rolling back.
 *
 * Simplifications: a fixed-size history window counted in events (S19's adaptive 100…102 400 window
 * and 75 s fresh duration are not modelled), and etcd compaction (explicit, S14) and cache eviction
 * share the one `compactedRv`.
 */
import type { Kind } from '../model/objects';
import { type HistoryRing, newHistory } from './history';
import { newRequestLog, type RequestLog } from './request-log';
import { type KindStore, newKindStore } from './store';

/** An open watch (a cacheWatcher). Mutable record owned by the server state. */
export interface OpenWatch {
  readonly id: number;
  readonly kind: Kind;
  /** The revision the stream starts after (the requested N, or the revision at open for ""/"0"). */
  readonly startRv: number;
  readonly openedAt: number;
  readonly timeoutMs: number;
  /** openedAt + timeoutMs: the server ends the stream then (S22). */
  readonly deadline: number;
  readonly allowBookmarks: boolean;
  /** Opened with sendInitialEvents=true (S24, WatchList). */
  readonly sendInitialEvents: boolean;
  /**
   * cache_watcher.go `process`: only events (and bookmarks) with an RV above this are sent. It is
   * max(startRv, RVs of the initial events) and does not move afterwards, exactly like the real loop.
   */
  readonly floorRv: number;
  /** The RV of the last event put on the stream, or null if none yet. */
  lastSentRv: number | null;
  eventsSent: number;
  /** When the next bookmark is due (cache_watcher.go nextBookmarkTime), or null. */
  nextBookmarkAt: number | null;
}

export interface FaultState {
  /** Connections are refused while now < this. */
  refuseConnectionsUntil: number;
  /**
   * Requests answer this error while now < untilMs, with `retryAfterSeconds` as Status
   * details.retryAfterSeconds (K5; absent: 1 for 429, none for 500).
   */
  errorResponses: {
    readonly code: 429 | 500;
    readonly untilMs: number;
    readonly retryAfterSeconds?: number;
  } | null;
}

export interface ServerConfig {
  /** S23: bookmark cadence (the cacher's defaultBookmarkFrequency is 1 min). */
  readonly bookmarkFrequencyMs: number;
  /**
   * S22: the watch timeout when the client sends none. The real server draws 1800–3600 s; the engine has
   * no randomness here, so the simulator should pass a drawn timeout; this lower bound is the fallback.
   */
  readonly defaultWatchTimeoutMs: number;
}

export interface ApiServerState {
  /** S1: the global etcd revision; the RV of the latest write of any kind. */
  revision: number;
  /** uids are `uid-000001`, `uid-000002`, … in creation order. */
  uidCounter: number;
  readonly startedAt: number;
  readonly stores: Readonly<Record<Kind, KindStore>>;
  /** The shared event window (all kinds). */
  readonly history: HistoryRing;
  /** The highest RV no longer servable: a watch or exact read from R is too old iff R < compactedRv. */
  compactedRv: number;
  /** Open watches by id, in opening order. */
  readonly watches: Map<number, OpenWatch>;
  nextWatchId: number;
  readonly config: ServerConfig;
  readonly faults: FaultState;
  readonly requests: RequestLog;
}

export interface ApiServerOptions {
  /** Capacity of the event history window, in events (≥ 1). */
  readonly historyWindow: number;
  readonly now: number;
  /** Default 60 000 (S23). */
  readonly bookmarkFrequencyMs?: number;
  /** Default 1 800 000 (S22's minRequestTimeout). */
  readonly defaultWatchTimeoutMs?: number;
  /** The revision the server starts at (a real cluster is never at 0); default 0. */
  readonly initialRevision?: number;
  /** Size of the recent-request ring for inspectors; default 64, 0 disables it. */
  readonly requestLogSize?: number;
}

export function newApiServer(opts: ApiServerOptions): ApiServerState {
  const rev = opts.initialRevision ?? 0;
  return {
    revision: rev,
    uidCounter: 0,
    startedAt: opts.now,
    stores: { Foo: newKindStore(), Deployment: newKindStore() },
    history: newHistory(Math.max(1, Math.trunc(opts.historyWindow))),
    compactedRv: rev,
    watches: new Map(),
    nextWatchId: 1,
    config: {
      bookmarkFrequencyMs: opts.bookmarkFrequencyMs ?? 60_000,
      defaultWatchTimeoutMs: opts.defaultWatchTimeoutMs ?? 1_800_000,
    },
    faults: { refuseConnectionsUntil: Number.NEGATIVE_INFINITY, errorResponses: null },
    requests: newRequestLog(opts.requestLogSize ?? 64),
  };
}
