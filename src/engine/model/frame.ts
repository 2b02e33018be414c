/**
 * The frame: what the screen shows at one step, as plain, structured-clone-friendly data sized for the
 * screen (long lists are cut to a limit and carry their full count). The engine builds it
 * (sim/frame.ts `buildFrame`) and the Worker posts it; the view never sees the world. `digest` hashes
 * everything else in the frame, so two frames with the same digest show the same thing.
 */
import type { Kind } from './objects';
import type { Arrow, Component, ParamValue } from './trace';

/** Counters of notable races and outcomes over a run (the "not a toy" figures). */
export interface WorldStats {
  conflicts: number;
  alreadyExists: number;
  listerAhead: number;
  addedWhileProcessing: number;
  relists: number;
  reconciles: number;
  failedReconciles: number;
}

/** One object as a row: the fields an inspector shows. */
export interface ObjectRow {
  readonly kind: Kind;
  readonly key: string;
  readonly rv: string;
  readonly uid: string;
  readonly generation: number;
  readonly replicas: number;
  readonly availableReplicas: number;
  /** Foo: spec.deploymentName; Deployment: the controlling Foo's name, or ''. */
  readonly ref: string;
  readonly finalizers: readonly string[];
  readonly deleting: boolean;
}

export interface RecordView {
  readonly step: number;
  readonly time: number;
  readonly lane: Kind | null;
  readonly component: Component;
  readonly arrow: Arrow;
  readonly key: string | null;
  readonly rv: string | null;
  readonly message: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The carried object's kind (Foo / Deployment), for token shapes; null for keys only. */
  readonly objectKind: Kind | null;
  readonly tombstone: boolean;
  readonly object: ObjectRow | null;
}

export interface DeltaView {
  readonly type: string;
  readonly rv: string | null;
  readonly tombstone: boolean;
}

export interface NotificationView {
  readonly kind: 'add' | 'update' | 'delete';
  readonly key: string;
  readonly rv: string | null;
  readonly oldRv: string | null;
  readonly tombstone: boolean;
  readonly isInInitialList: boolean;
}

/** One RealFIFO entry (modern lanes): an object delta, or an atomic one (ReplacedAll, SyncAll, Bookmark). */
export interface RealFifoEntryView {
  readonly type: 'Added' | 'Updated' | 'Deleted' | 'ReplacedAll' | 'SyncAll' | 'Bookmark';
  /** The object's key (object deltas), else null. */
  readonly key: string | null;
  /** The object's RV, a ReplacedAll's or Bookmark's RV, or null (SyncAll, a tombstone without object). */
  readonly rv: string | null;
  readonly tombstone: boolean;
  /** ReplacedAll only: how many objects it carries. */
  readonly objects?: number;
  /** ReplacedAll only: the keys of its first objects (at most REPLACED_ALL_KEYS), in the order given. */
  readonly keys?: readonly string[];
}

/** How many of a ReplacedAll's keys a frame carries (the figure shows a few; the count says the rest). */
export const REPLACED_ALL_KEYS = 8;

/**
 * What a modern lane (settings.era modern, client-go v0.36.3) adds to its LaneView: the RealFIFO's
 * entries in pop order (the first `limit`; `fifo.length` counts them all, `fifo.queue` stays empty), the
 * take being processed, the lock and the indexer's resourceVersion (I7). Classic frames have no such
 * field, so their digests are what they were.
 */
export interface ModernLaneView {
  readonly entries: readonly RealFifoEntryView[];
  /** The take between its pop and its finish (UnlockWhileProcessing), or null. */
  readonly processing: {
    readonly entries: readonly RealFifoEntryView[];
    readonly batch: boolean;
    readonly isInInitialList: boolean;
  } | null;
  /** The FIFO keeps its lock while processing (≥ 2 batches were queued): the reflector waits. */
  readonly locked: boolean;
  /** Reflector actions waiting for the lock. */
  readonly held: number;
  /** LastStoreSyncResourceVersion (I7). */
  readonly indexerRv: string;
  /**
   * R19/R20: while a watch-list attempt runs, the objects its temporary store holds so far (the initial
   * events received before the end bookmark); null when no watch-list is in progress.
   */
  readonly streamed: number | null;
}

export interface LaneView {
  readonly kind: Kind;
  /** Present only in modern lanes. */
  readonly modern?: ModernLaneView;
  readonly reflector: {
    readonly phase: string;
    readonly lastSyncResourceVersion: string;
    readonly rvUnavailable: boolean;
    readonly backoffUntil: number | null;
    readonly nextResyncAt: number | null;
    readonly listCount: number;
    readonly watch: {
      readonly fromRv: string;
      readonly startedAt: number;
      readonly streamId: number | null;
      readonly events: number;
      /** S38 (several replicas only): the replica serving this watch, while it is open there. */
      readonly replica?: string;
    } | null;
  };
  readonly fifo: {
    readonly length: number;
    readonly hasSynced: boolean;
    readonly populated: boolean;
    readonly initialPopulationCount: number;
    readonly queue: readonly { readonly key: string; readonly deltas: readonly DeltaView[] }[];
  };
  readonly indexer: {
    readonly count: number;
    readonly items: readonly ObjectRow[];
    readonly indices: readonly {
      readonly name: string;
      readonly buckets: readonly { readonly value: string; readonly keys: readonly string[] }[];
    }[];
    /**
     * Keys whose cached resourceVersion differs from the server's ("cache vs server"); `mutated` (present
     * only when true) marks a cached object at the server's resourceVersion with other contents, i.e.
     * mutated in place by the noDeepCopy mistake (C7).
     */
    readonly diff: readonly {
      readonly key: string;
      readonly cached: string | null;
      readonly server: string | null;
      readonly mutated?: true;
      /**
       * S6, S39 (present only with several apiserver replicas): the key's resourceVersion in the cache of
       * the replica this informer reads from (its open watch's, else the controller's connection's), or
       * null if that cache lacks it. A lagging replica's list at "0" leaves the informer equal to it and
       * behind the server.
       */
      readonly replica?: string | null;
    }[];
  };
  readonly listeners: readonly {
    readonly id: number;
    readonly handler: string;
    readonly pendingCount: number;
    readonly pending: readonly NotificationView[];
    readonly delivered: number;
    readonly isResyncing: boolean;
    readonly resyncPeriodMs: number;
    readonly nextResync: number;
    readonly initialPending: number;
    /** SI9.2: the registration's HasSynced. */
    readonly hasSynced: boolean;
  }[];
}

/** A call waiting in a REST client: for a token (K1) or asleep for a Retry-After (K4). */
export interface RestWaitView {
  /** The worker whose write it is, or null for a reflector's LIST / WATCH (then `lane` says whose). */
  readonly worker: number | null;
  readonly lane: Kind;
  readonly verb: string;
  readonly url: string;
  readonly key: string | null;
  readonly phase: 'throttled' | 'retry-after';
  readonly since: number;
  readonly until: number;
  /** The attempt that goes out when the wait ends (1 = the first). */
  readonly attempt: number;
}

/** One REST client of the controller's clientsets (K2, K7) and its token bucket. */
export interface RestClientView {
  readonly name: string;
  /** Its own bucket, one shared by its clientset (QPS set), or no limiter (negative QPS). */
  readonly scope: 'own' | 'shared' | 'none';
  /** The other REST clients drawing on the same bucket. */
  readonly sharedWith: readonly string[];
  readonly qps: number | null;
  readonly burst: number | null;
  /** Tokens in the bucket now, rounded down to a tenth; negative: owed to calls waiting for a token. */
  readonly tokens: number | null;
  /** Attempts sent, first attempts that waited for a token, retries after a Retry-After. */
  readonly attempts: number;
  readonly throttled: number;
  readonly retries: number;
  /** Calls on the wire now. */
  readonly inFlight: number;
  /** Calls waiting, the soonest to leave first (at most the frame's list limit). */
  readonly waiting: readonly RestWaitView[];
  readonly waitingCount: number;
}

/** One kube-apiserver replica's Cacher of one kind (S31–S33): as `Frame.server.caches` shows A's. */
export interface CacheView {
  readonly rv: number;
  readonly listRv: number;
  readonly oldest: number;
  readonly size: number;
  readonly capacity: number;
  readonly pinned: boolean;
  readonly ready: boolean;
  readonly progressNotifications: number;
}

/**
 * S38: one kube-apiserver replica behind the load balancer, as the figure's server region draws it side
 * by side with the others. Frames carry these only with 2–3 replicas.
 */
export interface ReplicaView {
  /** 'A', 'B' or 'C'. */
  readonly name: string;
  /** False while it is down (its own restart, or the whole control plane's). */
  readonly up: boolean;
  /** Every one of its Cachers is ready (S33); false while one initialises. */
  readonly ready: boolean;
  /** Its etcd → Cacher delay now, ms: its own (seeded), or a lagReplica fault's while in force. */
  readonly lagMs: number;
  /** When the lagReplica fault in force ends, or null. */
  readonly lagUntil: number | null;
  /** Events of Foos and Deployments etcd has that have not reached its caches yet. */
  readonly behind: number;
  /** The etcd revision up to which everything has reached it (etcd's own revision when caught up). */
  readonly seenRev: number;
  /** Its restarts so far. */
  readonly restarts: number;
  /** Its Cachers per kind: cache RV, list RV, oldest, ring (S18, S19, S32, S33). */
  readonly caches: Readonly<Record<Kind, CacheView>>;
  /** Open watches it serves. */
  readonly watches: number;
  /** The controller's connection is on it. */
  readonly connected: boolean;
}

/**
 * S38: a client's HTTP/2 connection through the load balancer. The controller has one: its two
 * clientsets share one transport (sim/connections.ts), so its informers and workers move together.
 */
export interface ConnectionView {
  readonly client: 'controller';
  /** The replica it is on, or null: none now (the next request opens one). */
  readonly replica: string | null;
  /** When it was opened, or null. */
  readonly since: number | null;
  /** Connections opened and GOAWAYs received so far. */
  readonly opened: number;
  readonly goaways: number;
}

export interface Frame {
  readonly step: number;
  readonly time: number;
  readonly records: readonly RecordView[];
  readonly server: {
    /** S1: etcd's revision. */
    readonly revision: number;
    /** S35: etcd's last compaction point (limits etcd reads only). */
    readonly compactedRv: number;
    /** The events held by all kinds' watch-cache rings, and their capacities added up (S19). */
    readonly historyCount: number;
    readonly historyCapacity: number;
    /** etcd writes of resources the lab does not model (core/v1 Events, compact_rev_key), S1. */
    readonly otherWrites: { readonly count: number; readonly last: string | null };
    /**
     * One Cacher per kind (S31–S33): its cache RV, list RV, S18's oldest, ring size and capacity. With
     * several replicas these are replica A's, and `replicas` has each one's.
     */
    readonly caches: Readonly<Record<Kind, CacheView>>;
    /** S38: each apiserver replica, A first; present only with 2–3 replicas (one apiserver: `caches`). */
    readonly replicas?: readonly ReplicaView[];
    /** S38: the clients' connections and the replica each is on; present only with 2–3 replicas. */
    readonly connections?: readonly ConnectionView[];
    readonly counts: Readonly<Record<Kind, number>>;
    readonly objects: Readonly<Record<Kind, readonly ObjectRow[]>>;
    readonly watches: readonly {
      readonly id: number;
      readonly kind: Kind;
      readonly startRv: number;
      readonly openedAt: number;
      readonly deadline: number;
      readonly lastSentRv: number | null;
      readonly eventsSent: number;
      readonly nextBookmarkAt: number | null;
      /** S38 (several replicas only): the replica serving it. */
      readonly replica?: string;
    }[];
    readonly requests: readonly {
      readonly time: number;
      readonly verb: string;
      readonly kind: Kind;
      readonly key: string | null;
      readonly rv: string | null;
      readonly code: number;
      readonly reason: string | null;
      /** S38 (several replicas only): the replica that served (or refused) it. */
      readonly replica?: string;
    }[];
    readonly faults: {
      readonly refuseConnectionsUntil: number | null;
      readonly errorResponses: {
        readonly code: number;
        readonly untilMs: number;
        /** The answers' Retry-After seconds when set by the fault (K5). */
        readonly retryAfterSeconds?: number;
      } | null;
      readonly extraLatencyMs: number;
      readonly extraLatencyUntil: number | null;
      readonly failNextReconciles: number;
    };
  };
  readonly lanes: Readonly<Record<Kind, LaneView>>;
  readonly workqueue: {
    readonly name: string;
    readonly depth: number;
    readonly queue: readonly string[];
    readonly dirty: readonly string[];
    readonly processing: readonly string[];
    readonly waiting: readonly { readonly item: string; readonly readyAt: number }[];
    readonly requeues: readonly { readonly item: string; readonly n: number }[];
    readonly metrics: {
      readonly depth: number;
      readonly adds: number;
      readonly retries: number;
      readonly queueDurationAvgMs: number;
      readonly workDurationAvgMs: number;
      readonly longestRunningMs: number;
    };
  };
  readonly workers: readonly {
    readonly id: number;
    readonly phase: string;
    readonly key: string | null;
    readonly stage: string | null;
    readonly lastResult: {
      readonly key: string;
      readonly outcome: string;
      readonly code: number | null;
      readonly message: string;
    } | null;
    readonly processed: number;
  }[];
  readonly controllerStarted: boolean;
  /** The controller's REST clients: AppsV1, SamplecontrollerV1alpha1, CoreV1 (K1–K7). */
  readonly clients: readonly RestClientView[];
  readonly stats: WorldStats;
  readonly digest: string;
}
