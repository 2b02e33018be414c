/**
 * Defaults and limits of the scenario format (docs/SCENARIOS.md). A scenario file may omit any
 * setting; `parseScenario` fills it from DEFAULT_SETTINGS. The values are the classic
 * sample-controller setup on client-go 1.26–1.32 ("Era A"), with simulated latencies chosen so a
 * learner can follow one key through the figure.
 */
import type { Settings } from './scenario';

export const DEFAULT_SETTINGS: Settings = {
  era: 'classic', // client-go 1.26 (a link or file without an era is classic)
  resyncPeriodMs: 30_000, // C1: sample-controller main.go, NewSharedInformerFactory(..., 30s)
  workers: 2, // C1: controller.Run(ctx, 2)
  rateLimiter: { type: 'default' }, // W14: DefaultControllerRateLimiter (classic era)
  historyWindow: null, // S19: per-kind rings with the real dynamics; a number pins every ring's capacity
  bookmarkIntervalMs: 60_000, // S23: ~1 min
  // S32: kubeadm (and so kind and most self-built clusters) runs etcd with a 5 s progress-notify
  // interval; etcd's own default is 10 min. 5 s keeps a quiet kind's cache RV, and so its bookmarks,
  // moving within a lesson's few seconds; `progressNotifyInterval: 10m` shows etcd's default.
  progressNotifyIntervalMs: 5_000,
  compactionIntervalMs: 300_000, // S35: --etcd-compaction-interval default 5 min
  labelSelector: {}, // S12: informers list and watch everything
  watchTimeout: { min: 300_000, max: 600_000 }, // R9: minWatchTimeout 5 min, up to 2×
  pageSize: 500, // S15: pager default page size
  latency: {
    request: { min: 2, max: 12 },
    watchDelivery: { min: 5, max: 40 },
    handler: { min: 0, max: 5 },
  },
  reconcile: { duration: { min: 5, max: 30 }, failureRate: 0 },
  deploymentRollout: { min: 20, max: 150 }, // per replica that becomes ready (compressed time)
  gcDelay: { min: 100, max: 500 },
  mistakes: {
    noDeepCopy: false,
    noTombstoneUnwrap: false,
    noForget: false,
    noDone: false,
    filterAllResyncs: false,
  },
  qps: 0, // K2, K7: rest.Config QPS unset (5 per REST client), as in sample-controller's main.go
  burst: 0, // K2, K7: Burst unset (10 per REST client)
  apiServerReplicas: 1, // one kube-apiserver, as in kind and most single-node clusters
  // S38: each replica's etcd → Cacher delay, drawn once per replica when there are 2–3: a healthy
  // control plane spread over zones sees etcd's events a few ms apart (network plus processing), never
  // near the 3 s a read waits before 504. docs/ARCHITECTURE.md says why this range.
  replicaLag: { min: 0, max: 20 },
  goawayChance: 0, // S38: --goaway-chance is off by default
  serverWatchList: true, // S24: the 1.36 server's WatchList gate is on by default (1.26 has none)
};

/** Defaults of the restartApiServer action (S33): time down, then time each cache takes to list etcd. */
export const DEFAULT_RESTART = { downtimeMs: 1_000, cacheInitMs: 300 } as const;

/** Defaults for omitted fields of an `exponential` / `bucket` rate limiter (W14's components). */
export const DEFAULT_EXPONENTIAL = { baseMs: 5, maxMs: 1_000_000 } as const;
export const DEFAULT_BUCKET = { qps: 10, burst: 100 } as const;

/** Seed used when a scenario gives none. */
export const DEFAULT_SEED = 1;
/** Namespace used when a manifest or target gives none (as kubectl does for the default context). */
export const DEFAULT_NAMESPACE = 'default';

/** API versions of the two modelled kinds, as in the sample-controller and Kubernetes. */
export const FOO_API_VERSION = 'samplecontroller.k8s.io/v1alpha1';
export const DEPLOYMENT_API_VERSION = 'apps/v1';

/** Size caps: beyond these a scenario is rejected with a clear message (hostile or runaway input). */
export const LIMITS = {
  /** UTF-8 bytes of scenario text. */
  textBytes: 2 * 1024 * 1024,
  objects: 20_000,
  script: 10_000,
  /** At most this many problems are listed; the rest are counted in one final message. */
  errors: 100,
  titleChars: 200,
  descriptionChars: 20_000,
  /** Nesting depth of `maxOf` rate limiters. */
  rateLimiterDepth: 4,
  /** Children of one `maxOf`. */
  rateLimiterChildren: 8,
  labels: 64,
  finalizers: 32,
} as const;

/** Bounds of numeric settings (inclusive). */
export const BOUNDS = {
  workers: { min: 1, max: 16 },
  historyWindow: { min: 10, max: 100_000 },
  pageSize: { min: 1, max: 100_000 },
  /** sample-controller's CRD schema: Foo spec.replicas minimum 1, maximum 10. */
  fooReplicas: { min: 1, max: 10 },
  deploymentReplicas: { min: 0, max: 1000 },
  maxFast: { min: 0, max: 1000 },
  bucketQps: { min: 0.001, max: 1_000_000 },
  bucketBurst: { min: 1, max: 1_000_000 },
  failReconciles: { min: 1, max: 100_000 },
  /** settings.qps: 0 (unset), negative (no limiter), or a rate in this range (K2). */
  clientQps: { min: 0.01, max: 1_000_000 },
  /** settings.burst: 0 (unset) or a burst in this range (K2). */
  clientBurst: { min: 0, max: 1_000_000 },
  /** apiErrors.retryAfter, seconds (0 = no Retry-After header). */
  retryAfter: { min: 0, max: 3600 },
  /** client-go's minimumResyncPeriod: a non-zero resync below 1 s is raised to 1 s. */
  minResyncMs: 1000,
  minBookmarkMs: 1000,
  minWatchTimeoutMs: 1000,
  minProgressNotifyMs: 100,
  minCompactionMs: 1000,
  /** S38: kube-apiserver replicas behind the load balancer. */
  apiServerReplicas: { min: 1, max: 3 },
  /** S38: --goaway-chance must be in [0, 0.02] (server_run_options.go). */
  goawayChance: { min: 0, max: 0.02 },
  /** lagReplica: at most 30 min of lag (a cache that far behind etcd would be re-initialised, S33). */
  maxReplicaLagMs: 1_800_000,
} as const;
