/**
 * The normalized scenario: what `parseScenario` returns after validation, with every default filled and
 * every duration converted to integer virtual milliseconds. The engine consumes only this shape.
 *
 * The file format (YAML or JSON, `apiVersion: informer-lab/v1`, `kind: Scenario`) is documented in
 * docs/SCENARIOS.md; durations there may be written as numbers (ms) or strings like "500ms", "2s", "1m".
 */
import type { Kind } from './objects';

export const SCENARIO_API_VERSION = 'informer-lab/v1';

/**
 * S38: the kube-apiserver replicas behind the load balancer, by name, in order. A scenario runs the
 * first `settings.apiServerReplicas` of them (1–3); faults name a replica by these letters.
 */
export const REPLICA_NAMES = ['A', 'B', 'C'] as const;
export type ReplicaName = (typeof REPLICA_NAMES)[number];

/** A closed interval of virtual ms, min ≤ max; a latency is drawn uniformly from it by the seeded PRNG. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

export type RateLimiterSetting =
  | { readonly type: 'default' }
  | { readonly type: 'exponential'; readonly baseMs: number; readonly maxMs: number }
  | { readonly type: 'fastslow'; readonly fastMs: number; readonly slowMs: number; readonly maxFast: number }
  | { readonly type: 'bucket'; readonly qps: number; readonly burst: number }
  | { readonly type: 'maxOf'; readonly limiters: readonly RateLimiterSetting[] };

/**
 * Switches that make the sample controller behave like common buggy controllers (issue 4), all off by
 * default: mutate the cached Foo instead of a DeepCopy (C7), skip unwrapping DeletedFinalStateUnknown
 * tombstones (SI12), never call Forget (backoff keeps growing, W10), never call Done (the key is stuck in
 * processing, W3), and drop every same-resourceVersion (resync) update of the Foo handler as well (SI3).
 */
export interface ControllerMistakes {
  readonly noDeepCopy: boolean;
  readonly noTombstoneUnwrap: boolean;
  readonly noForget: boolean;
  readonly noDone: boolean;
  readonly filterAllResyncs: boolean;
}

export const MISTAKE_NAMES = [
  'noDeepCopy',
  'noTombstoneUnwrap',
  'noForget',
  'noDone',
  'filterAllResyncs',
] as const;

/**
 * Which client-go the informer lanes and the controller model (spec §0.1): `classic` is client-go 1.26
 * (DeltaFIFO, LIST then WATCH, sample-controller's DefaultControllerRateLimiter); `modern` is client-go
 * v0.36.3 with every feature gate at its default (WatchList, the atomic RealFIFO with PopBatch, the
 * indexer's resourceVersion, sample-controller 1.36's own rate limiter).
 */
export const ERAS = ['classic', 'modern'] as const;
export type Era = (typeof ERAS)[number];

export interface Settings {
  /** The client-go era the lanes and the controller model (default `classic`). */
  readonly era: Era;
  /** Informer default resync (C1: 30 s); 0 = never. */
  readonly resyncPeriodMs: number;
  /** Worker goroutines (C1: 2). */
  readonly workers: number;
  /** The controller workqueue's limiter (classic sample-controller: DefaultControllerRateLimiter). */
  readonly rateLimiter: RateLimiterSetting;
  /**
   * A fixed capacity, in events, for every kind's watch-cache ring (each kind has its own, S19), or null
   * for the real dynamics (100 → 102 400 by the 75 s rule). A pin is a declared compression of time: a
   * lesson overflows a ring of 10 with a dozen events instead of a hundred.
   */
  readonly historyWindow: number | null;
  /** Bookmark cadence (S23, ~1 min); 0 = the server sends no bookmarks. */
  readonly bookmarkIntervalMs: number;
  /** S32: etcd's progress-notify interval (kubeadm 5 s; etcd's own default 10 min); 0 = none. */
  readonly progressNotifyIntervalMs: number;
  /** S35: the apiserver's etcd compaction interval (5 min); 0 = never. */
  readonly compactionIntervalMs: number;
  /** S12, S21: each informer's label selector ("" or absent = every object). */
  readonly labelSelector: Readonly<Partial<Record<Kind, string>>>;
  /** Reflector watch timeout range (R9: [300 s, 600 s)). */
  readonly watchTimeout: Range;
  /** Reflector LIST page size (S15, pager default 500). */
  readonly pageSize: number;
  readonly latency: {
    /** One way, client → server and server → client, per request/response. */
    readonly request: Range;
    /** Server → reflector, per watch event. */
    readonly watchDelivery: Range;
    /** Time a resource event handler takes per notification. */
    readonly handler: Range;
  };
  readonly reconcile: {
    /** Time a worker's syncHandler spends before its first client call. */
    readonly duration: Range;
    /** Probability in [0, 1] that a sync fails with an injected error (then AddRateLimited). */
    readonly failureRate: number;
  };
  /** Server-side: time the (simulated) deployment controller takes to make status.availableReplicas follow spec. */
  readonly deploymentRollout: Range;
  /** Server-side: delay of the garbage collector's sweep after an owner disappears. */
  readonly gcDelay: Range;
  /** Common controller bugs to switch on (all off by default). */
  readonly mistakes: ControllerMistakes;
  /**
   * The controller's rest.Config QPS and Burst, for both of its clientsets (K2, K7): 0 = unset, as in
   * sample-controller (each REST client then has its own bucket of 5 QPS, burst 10); QPS > 0 = one
   * bucket per clientset; QPS < 0 = no client-side rate limiter.
   */
  readonly qps: number;
  readonly burst: number;
  /**
   * S38: kube-apiserver replicas behind one load balancer, all on one etcd (1–3). Each has its own
   * Cachers (S31); the controller's one HTTP/2 connection stays on one replica until it breaks or the
   * server sends GOAWAY.
   */
  readonly apiServerReplicas: number;
  /**
   * S38: with 2–3 replicas, each replica's etcd → Cacher delay is drawn once from this range (seeded,
   * uniform); with one apiserver there is no lag (the watch delivery latency covers the whole way).
   */
  readonly replicaLag: Range;
  /** S38: kube-apiserver's `--goaway-chance` (0 = off, at most 0.02): a GOAWAY after that share of requests. */
  readonly goawayChance: number;
  /**
   * S24: the 1.36 kube-apiserver's `WatchList` feature gate (default on). Off, a watch with
   * sendInitialEvents is refused with 422 Invalid (validateWatchOptions) and the modern reflector falls
   * back to LIST then WATCH (R21). The classic era's 1.26 server has no such gate and its reflector never
   * asks for a watch-list, so the setting is read and kept there but changes nothing.
   */
  readonly serverWatchList: boolean;
}

export interface ObjectManifest {
  readonly kind: Kind;
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly finalizers: readonly string[];
  /** Foo: deploymentName + replicas; Deployment: replicas (+ optional owner Foo name). */
  readonly spec: { readonly deploymentName?: string; readonly replicas: number };
  /** Deployment only: the name of the Foo in the same namespace that controls it. */
  readonly ownerFoo?: string;
}

export interface ObjectRef {
  readonly kind: Kind;
  readonly namespace: string;
  readonly name: string;
}

/** A scripted action at a virtual time. Interventions from the UI become these too. */
export type ScriptAction =
  | { readonly at: number; readonly action: 'create'; readonly object: ObjectManifest }
  /** Full update: applies to the server's latest version unless resourceVersion is given (then it may 409). */
  | {
      readonly at: number;
      readonly action: 'update';
      readonly target: ObjectRef;
      readonly spec: { readonly deploymentName?: string; readonly replicas?: number };
      readonly labels?: Readonly<Record<string, string>>;
      readonly resourceVersion?: string;
    }
  | {
      readonly at: number;
      readonly action: 'patch';
      readonly target: ObjectRef;
      readonly spec?: { readonly deploymentName?: string; readonly replicas?: number };
      readonly labels?: Readonly<Record<string, string>>;
    }
  | { readonly at: number; readonly action: 'delete'; readonly target: ObjectRef }
  | {
      readonly at: number;
      readonly action: 'removeFinalizer';
      readonly target: ObjectRef;
      readonly finalizer: string;
    }
  /** Faults. `kind` limits watch faults to one informer's watch; absent = every open watch. */
  | { readonly at: number; readonly action: 'closeWatch'; readonly kind?: Kind }
  | { readonly at: number; readonly action: 'watchError'; readonly code: 410 | 500; readonly kind?: Kind }
  /** S35: a forced etcd compaction at the current revision (limits etcd reads, not watches). */
  | { readonly at: number; readonly action: 'compact' }
  /**
   * S33, S36: the apiserver restarts: down (watches end, connections refused) for `downtimeMs`, then every
   * Cacher re-initialises and is ready `cacheInitMs` later.
   */
  | {
      readonly at: number;
      readonly action: 'restartApiServer';
      readonly downtimeMs: number;
      readonly cacheInitMs: number;
      /**
       * S38: restart only this replica (its watches end, connections to it break, then its Cachers
       * re-initialise); absent = every replica (the whole control plane, as with one apiserver).
       */
      readonly replica?: ReplicaName;
    }
  /**
   * S37, S39b: the replica's Cachers receive every etcd event `lagMs` late, for `durationMs` (its etcd
   * watches lag: an overloaded replica, a slow network to etcd). Events keep their order.
   */
  | {
      readonly at: number;
      readonly action: 'lagReplica';
      readonly replica: ReplicaName;
      readonly lagMs: number;
      readonly durationMs: number;
    }
  | { readonly at: number; readonly action: 'refuseConnections'; readonly durationMs: number }
  | {
      readonly at: number;
      readonly action: 'apiErrors';
      readonly code: 429 | 500;
      readonly durationMs: number;
      /**
       * The answers' Retry-After in seconds (K5; 0 = no header). Absent: 1 for 429 (max-in-flight and
       * priority-and-fairness send `Retry-After: 1`), none for 500.
       */
      readonly retryAfter?: number;
    }
  | {
      readonly at: number;
      readonly action: 'addLatency';
      readonly extraMs: number;
      readonly durationMs: number;
    }
  /** Every resource event handler takes `extraMs` longer per notification, for `durationMs`. */
  | {
      readonly at: number;
      readonly action: 'slowHandlers';
      readonly extraMs: number;
      readonly durationMs: number;
    }
  /** The next `count` reconciles fail with an injected error. */
  | { readonly at: number; readonly action: 'failReconciles'; readonly count: number }
  /**
   * SI8: register one more event handler on a running informer (a logging handler: it records what it
   * is called with and enqueues nothing). It first gets one OnAdd(obj, isInInitialList=true) per cached
   * object; `resyncPeriodMs` absent = the informer's default.
   */
  | {
      readonly at: number;
      readonly action: 'addHandler';
      readonly kind: Kind;
      readonly name: string;
      readonly resyncPeriodMs?: number;
    };

export type ScriptActionName = ScriptAction['action'];

/** Every script action, in the order docs/SCENARIOS.md lists them (user writes, faults, handlers). */
export const SCRIPT_ACTIONS = [
  'create',
  'update',
  'patch',
  'delete',
  'removeFinalizer',
  'closeWatch',
  'watchError',
  'compact',
  'restartApiServer',
  'lagReplica',
  'refuseConnections',
  'apiErrors',
  'addLatency',
  'slowHandlers',
  'failReconciles',
  'addHandler',
] as const satisfies readonly ScriptActionName[];
// Compile-time completeness: every action of the ScriptAction union is listed.
const SCRIPT_ACTIONS_COMPLETE: Exclude<ScriptActionName, (typeof SCRIPT_ACTIONS)[number]> extends never
  ? true
  : never = true;
void SCRIPT_ACTIONS_COMPLETE;

export interface Scenario {
  readonly apiVersion: typeof SCENARIO_API_VERSION;
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly seed: number;
  readonly settings: Settings;
  readonly objects: readonly ObjectManifest[];
  /** Sorted by `at` (stable: file order breaks ties). */
  readonly script: readonly ScriptAction[];
}
