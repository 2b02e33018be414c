/**
 * The simulated kube-apiserver's whole state, as data a keyframe copies exactly (timeline/keyframes.ts): etcd and
 * one Cacher per resource, as in a real 1.26 apiserver with the watch cache on (S31).
 *
 * - etcd (etcd.ts): the global revision shared by every kind (S1), the current objects per kind
 *   (`stores`), and each kind's events since the last compaction (`logs`, `compactedRv`) for exact-RV
 *   lists and continue tokens (S8, S13, S14, S35).
 * - The Cachers (cacher.ts): per kind, a watch-cache ring with S19's capacity dynamics (or a capacity
 *   pinned by the scenario's `historyWindow`), its own cache RV fed by its events and by etcd progress
 *   notifications (S32), its own `oldest` for "too old" (S18), readiness after a (re)initialisation (S33).
 * - The replicas (replicas.ts, S38): one or more kube-apiservers on this etcd, each with its own Cachers
 *   and its own etcd → Cacher delay. A replica with no delay receives every event at the write's time,
 *   so its cache holds etcd's objects (`stores`) and only its RV can lag, by the progress interval, for a
 *   quiet kind; a lagging replica's cache is etcd's objects rolled back over what is still on its way.
 *   With one apiserver there is one replica, A, with no delay.
 * - Open watches (cacheWatchers, each on one replica), faults, the compactor's counter, a request log.
 *
 * Invariant: each kind's log holds exactly that kind's events with compactedRv < rv ≤ revision, in
 * order; a revision with no modelled event is a write of another resource (`otherWrites`).
 */
import type { LabelSelector } from '../model/label-selector';
import type { Kind } from '../model/objects';
import type { HistoryEvent } from './events';
import { newReplica, type ReplicaState } from './replicas';
import { newRequestLog, type RequestLog } from './request-log';
import { type KindStore, newKindStore } from './store';

/** An open watch (a cacheWatcher). Mutable record owned by the server state. */
export interface OpenWatch {
  readonly id: number;
  readonly kind: Kind;
  /** S38: the replica whose Cacher serves it (its index in ApiServerState.replicas). */
  readonly replica: number;
  /** The revision the stream starts after (the requested N, or the revision at open for ""/"0"). */
  readonly startRv: number;
  readonly openedAt: number;
  readonly timeoutMs: number;
  /** openedAt + timeoutMs: the server ends the stream then (S22). */
  readonly deadline: number;
  readonly allowBookmarks: boolean;
  /** Opened with sendInitialEvents=true (S24, WatchList). */
  readonly sendInitialEvents: boolean;
  /** S21: the watch's label selector, or null for every object. */
  readonly selector: LabelSelector | null;
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
  /** An apiserver restart (S33, S36): the process is down while now < this. */
  downUntil: number;
}

/**
 * Which kube-apiserver the state models: '1.26' (as@26, the classic era's server) or '1.36' (as@36 with
 * every feature gate at its default, the modern era's). Rules tagged [1.26] / [1.36] in the spec switch on
 * it; untagged rules hold for both.
 */
export type ServerVersion = '1.26' | '1.36';

export interface ServerConfig {
  /** The server's version (set once, where the world is created from the scenario's era). */
  readonly version: ServerVersion;
  /** S23: bookmark cadence (the cacher's defaultBookmarkFrequency is 1 min). */
  readonly bookmarkFrequencyMs: number;
  /**
   * S22: the watch timeout when the client sends none. The real server draws 1800–3600 s; the engine has
   * no randomness here, so the simulator should pass a drawn timeout; this lower bound is the fallback.
   */
  readonly defaultWatchTimeoutMs: number;
  /** S32: etcd's progress-notify interval; 0 = none. */
  readonly progressNotifyMs: number;
  /** The scenario's historyWindow: every ring's fixed capacity, or null for S19's dynamics. */
  readonly ringPin: number | null;
  /**
   * S24: the `WatchList` feature gate. Off, a watch carrying sendInitialEvents is refused with 422 Invalid
   * (validateWatchOptions). Only a 1.36 server has it; the simulator forwards sendInitialEvents to no
   * other.
   */
  readonly watchList: boolean;
}

export interface ApiServerState {
  /** S1: the global etcd revision; the RV of the latest write of any kind. */
  revision: number;
  /** uids are `uid-000001`, `uid-000002`, … in creation order. */
  uidCounter: number;
  readonly startedAt: number;
  readonly stores: Readonly<Record<Kind, KindStore>>;
  /** etcd: each kind's events with compactedRv < rv ≤ revision, oldest first (S8, S35). */
  readonly logs: Readonly<Record<Kind, HistoryEvent[]>>;
  /** etcd's last compaction point: exact reads and continue tokens below it get 410 (S8, S14, S35). */
  compactedRv: number;
  /** The compactor's revision at its previous tick (0: no tick yet), S35. */
  compactorLastRev: number;
  /** Writes of resources the lab does not model (the compaction key, Events): S1's sparse RVs. */
  readonly otherWrites: { count: number; last: { resource: string; rv: number; at: number } | null };
  /** S38: the kube-apiserver replicas (A, B, C), each with one Cacher per kind (S31); at least one. */
  readonly replicas: readonly ReplicaState[];
  /** Open watches by id, in opening order. */
  readonly watches: Map<number, OpenWatch>;
  nextWatchId: number;
  readonly config: ServerConfig;
  readonly faults: FaultState;
  readonly requests: RequestLog;
}

export interface ApiServerOptions {
  /**
   * A fixed capacity for every kind's watch-cache ring (≥ 1), or absent/null for S19's dynamics
   * (100 → 102 400, the 75 s rule).
   */
  readonly historyWindow?: number | null;
  /** S32: etcd progress-notify interval; default 5 000 (kubeadm's 5 s); 0 = none. */
  readonly progressNotifyMs?: number;
  readonly now: number;
  /** Default 60 000 (S23). */
  readonly bookmarkFrequencyMs?: number;
  /** Default 1 800 000 (S22's minRequestTimeout). */
  readonly defaultWatchTimeoutMs?: number;
  /** The revision the server starts at (a real cluster is never at 0); default 0. */
  readonly initialRevision?: number;
  /** Size of the recent-request ring for inspectors; default 64, 0 disables it. */
  readonly requestLogSize?: number;
  /** S38: kube-apiserver replicas on this etcd (default 1); their lags start at 0 (replicas.ts). */
  readonly replicas?: number;
  /** S24: the WatchList feature gate (default true). */
  readonly watchList?: boolean;
  /** The server's version (default '1.26'). */
  readonly version?: ServerVersion;
}

export function newApiServer(opts: ApiServerOptions): ApiServerState {
  const rev = opts.initialRevision ?? 0;
  const pin = opts.historyWindow == null ? null : Math.max(1, Math.trunc(opts.historyWindow));
  return {
    revision: rev,
    uidCounter: 0,
    startedAt: opts.now,
    stores: { Foo: newKindStore(), Deployment: newKindStore() },
    logs: { Foo: [], Deployment: [] },
    compactedRv: rev,
    compactorLastRev: 0,
    otherWrites: { count: 0, last: null },
    replicas: Array.from({ length: Math.max(1, Math.trunc(opts.replicas ?? 1)) }, (_, i) =>
      newReplica(i, pin, rev, opts.now),
    ),
    watches: new Map(),
    nextWatchId: 1,
    config: {
      version: opts.version ?? '1.26',
      bookmarkFrequencyMs: opts.bookmarkFrequencyMs ?? 60_000,
      defaultWatchTimeoutMs: opts.defaultWatchTimeoutMs ?? 1_800_000,
      progressNotifyMs: opts.progressNotifyMs ?? 5_000,
      ringPin: pin,
      watchList: opts.watchList ?? true,
    },
    faults: {
      refuseConnectionsUntil: Number.NEGATIVE_INFINITY,
      errorResponses: null,
      downUntil: Number.NEGATIVE_INFINITY,
    },
    requests: newRequestLog(opts.requestLogSize ?? 64),
  };
}
