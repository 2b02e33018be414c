/**
 * The message catalog: every trace message id, the client-go (or apiserver / sample-controller) function
 * it narrates, and the names of the parameters its records carry. Nothing here is language: the English
 * and Chinese sentences live in src/i18n/en/narration.ts and src/i18n/zh-CN/narration.ts, keyed by the
 * same ids, and `renderNarration` (src/i18n/narration.ts) fills them from a record's params.
 *
 * Parameters are data: numbers, resourceVersions, keys, Kubernetes reason tokens (`Expired`,
 * `Conflict`; '' is metav1.StatusReasonUnknown or "no reason"), client-go names (`Added`, `OnUpdate`),
 * and the closed token lists of PARAM_TOKENS, which each language words in its own table. A template may
 * also use `{key}` and `{rv}`, the record's own key and resourceVersion (a parameter of that name wins).
 *
 * Emitters are typed against this catalog (`MessageParams<M>`): a record carries exactly the parameters
 * its message declares. Tests check that every emitted id is listed here (sim.test.ts) and that every
 * template uses only declared parameters (src/i18n/narration.test.ts).
 */
import type { MISTAKE_NAMES } from './scenario';
import type { ParamValue } from './trace';

/** The controller mistakes a message can narrate (settings.mistakes). */
type MistakeName = (typeof MISTAKE_NAMES)[number];

/**
 * Parameters a record carries only in some runs: `replica`, the apiserver replica that served a request,
 * present only with several replicas (S38), so that a run with one apiserver records exactly what it
 * always did. Templates never use them; each language words them as a suffix (`optional` in its table).
 */
export const OPTIONAL_PARAMS = ['replica'] as const;
export type OptionalParam = (typeof OPTIONAL_PARAMS)[number];

export interface MessageSpec {
  /** The client-go (or apiserver / sample-controller) function this step is part of. */
  readonly fn: string;
  /** The names of the parameters every record of this message carries. */
  readonly params: readonly string[];
  /** Parameters its records may carry besides (OPTIONAL_PARAMS). */
  readonly optional?: readonly OptionalParam[];
  /** For a controller mistake's message: the mistake (settings.mistakes) at work; its text names it. */
  readonly mistake?: MistakeName;
}

const HANDLER_PARAMS = [
  'handler',
  'rv',
  'oldRv',
  'listerRv',
  'listerAhead',
  'isInInitialList',
  'tombstone',
] as const;
const WRITE_PARAMS = ['verb', 'kind', 'code', 'reason', 'noop'] as const;
const NOT_DEEP_COPIED = ['worker', 'was', 'availableReplicas', 'rv'] as const;
const RESPONSE_PARAMS = ['worker', 'stage', 'code', 'reason', 'rv'] as const;

export const MESSAGES = {
  // Reflector (R*)
  'reflector.list': { fn: 'Reflector.ListAndWatch', params: ['rv', 'limit', 'relist'] },
  'reflector.list-page': { fn: 'ListPager.List', params: ['rv', 'limit', 'relist'] },
  'reflector.pager-full-relist': { fn: 'ListPager.List', params: ['rv', 'code'] },
  'reflector.list-rv-unavailable': { fn: 'Reflector.list', params: ['rv', 'code', 'reason'] },
  'reflector.list-failed': { fn: 'Reflector.ListAndWatch', params: ['code', 'reason'] },
  'reflector.replace': { fn: 'DeltaFIFO.Replace', params: ['items', 'tombstones', 'rv', 'relist'] },
  'reflector.watch': { fn: 'Reflector.watch', params: ['rv', 'timeoutSeconds'] },
  'reflector.watch-open': { fn: 'Reflector.watch', params: ['rv'] },
  'reflector.watch-refused': { fn: 'Reflector.watch', params: ['code', 'reason', 'delayMs'] },
  'reflector.watch-open-failed': { fn: 'Reflector.watch', params: ['code', 'reason'] },
  'reflector.watch-error': { fn: 'watchHandler', params: ['code', 'reason'] },
  'reflector.bookmark': { fn: 'watchHandler', params: ['rv'] },
  'reflector.event': { fn: 'watchHandler', params: ['type', 'rv'] },
  'reflector.very-short-watch': { fn: 'watchHandler', params: ['lastedMs'] },
  'reflector.watch-closed': { fn: 'Reflector.watch', params: ['events', 'rv'] },
  'reflector.resync-skipped': { fn: 'Reflector.startResync', params: [] },
  'reflector.backoff': { fn: 'wait.BackoffUntil', params: ['delayMs', 'next'] },
  // DeltaFIFO (D*)
  'deltafifo.add': { fn: 'DeltaFIFO.queueActionLocked', params: ['type', 'rv'] },
  'deltafifo.delete-ignored': { fn: 'DeltaFIFO.Delete', params: ['type', 'rv'] },
  'deltafifo.tombstone': { fn: 'DeltaFIFO.Replace', params: ['key', 'rv'] },
  'deltafifo.resync': { fn: 'DeltaFIFO.Resync', params: ['synced'] },
  // Modern mode (client-go v0.36.3): the WatchList reflector (R18–R21) and the atomic RealFIFO (F1–F7)
  'reflector.watch-list': { fn: 'Reflector.watchList', params: ['rv', 'timeoutSeconds'] },
  'reflector.initial-event': { fn: 'handleListWatch', params: ['type', 'rv'] },
  'reflector.initial-bookmark': { fn: 'handleListWatch', params: ['rv'] },
  'reflector.initial-events-end': { fn: 'handleListWatch', params: ['rv', 'items'] },
  'reflector.watch-list-backoff': { fn: 'Reflector.watchList', params: ['code', 'reason', 'delayMs'] },
  'reflector.watch-list-expired': { fn: 'Reflector.watchList', params: ['code', 'reason'] },
  'reflector.watch-list-failed': { fn: 'Reflector.ListAndWatch', params: ['code', 'reason'] },
  'reflector.watch-list-very-short': { fn: 'Reflector.ListAndWatch', params: ['lastedMs'] },
  'reflector.watch-list-closed': { fn: 'Reflector.watchList', params: ['events', 'rv'] },
  'reflector.replace-all': { fn: 'RealFIFO.Replace', params: ['items', 'rv', 'relist'] },
  'realfifo.add': { fn: 'RealFIFO.addToItems_locked', params: ['type', 'rv'] },
  'realfifo.bookmark': { fn: 'RealFIFO.Bookmark', params: ['rv'] },
  'realfifo.resync': { fn: 'RealFIFO.Resync', params: [] },
  // Informer (SI*)
  'informer.pop': { fn: 'DeltaFIFO.Pop', params: ['deltas', 'count', 'isInInitialList'] },
  // Modern lanes (client-go v0.36.3): RealFIFO.PopBatch, processDeltas / processDeltasInBatch (SI2 [C], SI7, I7)
  'informer.pop-batch': { fn: 'RealFIFO.PopBatch', params: ['deltas', 'count', 'isInInitialList', 'batch'] },
  'informer.store-add': { fn: 'processDeltas', params: ['type', 'batch'] },
  'informer.store-update': { fn: 'processDeltas', params: ['type', 'batch'] },
  'informer.store-delete': { fn: 'processDeltas', params: ['type', 'batch'] },
  'informer.replaced-all': { fn: 'processReplacedAllInfo', params: ['items', 'tombstones', 'rv'] },
  'indexer.transaction': { fn: 'threadSafeMap.Transaction', params: ['size', 'ops', 'rv'] },
  'indexer.replace': { fn: 'threadSafeMap.Replace', params: ['size', 'rv'] },
  'indexer.bookmark': { fn: 'threadSafeMap.Bookmark', params: ['rv'] },
  'informer.indexer-add': { fn: 'sharedIndexInformer.HandleDeltas', params: ['type'] },
  'informer.indexer-update': { fn: 'sharedIndexInformer.HandleDeltas', params: ['type'] },
  'informer.indexer-delete': { fn: 'sharedIndexInformer.HandleDeltas', params: ['type'] },
  'indexer.add': { fn: 'threadSafeMap.Add', params: ['size'] },
  'indexer.update': { fn: 'threadSafeMap.Update', params: ['size'] },
  'indexer.delete': { fn: 'threadSafeMap.Delete', params: ['size'] },
  'informer.handler-added': {
    fn: 'sharedIndexInformer.AddEventHandler',
    params: ['handler', 'initialAdds', 'resyncPeriodMs'],
  },
  'informer.dispatch': {
    fn: 'sharedProcessor.distribute',
    params: ['callback', 'type', 'isSync', 'listeners', 'filtered', 'isInInitialList'],
  },
  // Handlers (C2)
  'handler.OnAdd': { fn: 'ResourceEventHandler.OnAdd', params: HANDLER_PARAMS },
  'handler.OnUpdate': { fn: 'ResourceEventHandler.OnUpdate', params: HANDLER_PARAMS },
  'handler.OnDelete': { fn: 'ResourceEventHandler.OnDelete', params: HANDLER_PARAMS },
  'handler.foo-delete-ignored': { fn: 'sample-controller', params: [] },
  'handler.resync-dropped': { fn: 'sample-controller UpdateFunc', params: ['rv'] },
  'handler.tombstone-invalid': { fn: 'Controller.handleObject', params: [] },
  'handler.tombstone-unwrapped': { fn: 'Controller.handleObject', params: ['rv'] },
  'handler.not-owned': { fn: 'Controller.handleObject', params: [] },
  // Controller mistakes (settings.mistakes): each message names the mistake at work.
  'handler.foo-resync-dropped': {
    fn: 'sample-controller UpdateFunc',
    params: ['rv'],
    mistake: 'filterAllResyncs',
  },
  'handler.no-change-seen': {
    fn: 'sample-controller UpdateFunc',
    params: ['oldRv', 'rv', 'availableReplicas'],
    mistake: 'noDeepCopy',
  },
  'handler.tombstone-not-unwrapped': {
    fn: 'Controller.handleObject',
    params: [],
    mistake: 'noTombstoneUnwrap',
  },
  'handler.owner-lookup': { fn: 'fooLister.Get', params: ['owner', 'found'] },
  'handler.orphan-ignored': { fn: 'Controller.handleObject', params: ['owner'] },
  'workqueue.add': { fn: 'workqueue.Add', params: ['result', 'depth'] },
  // Workqueue and workers (W*, C3, C4)
  'workqueue.delayed-ready': { fn: 'delayingType.waitingLoop', params: ['depth'] },
  'controller.caches-synced': { fn: 'cache.WaitForCacheSync', params: ['workers'] },
  'worker.get': { fn: 'processNextWorkItem', params: ['worker', 'depth'] },
  'worker.get-foo': { fn: 'fooLister.Get', params: ['worker', 'found', 'rv'] },
  'worker.get-deployment': { fn: 'deploymentsLister.Get', params: ['worker', 'found', 'rv'] },
  'worker.foo-gone': { fn: 'Controller.syncHandler', params: ['worker'] },
  'worker.no-deployment-name': { fn: 'Controller.syncHandler', params: ['worker'] },
  'worker.invalid-key': { fn: 'Controller.syncHandler', params: ['worker'] },
  'worker.injected-failure': { fn: 'Controller.syncHandler', params: ['worker'] },
  'worker.not-controlled': { fn: 'Controller.syncHandler', params: ['worker'] },
  'client.request': {
    fn: 'clientset',
    params: ['worker', 'verb', 'kind', 'rv', 'replicas', 'availableReplicas'],
  },
  'client.response-ok': { fn: 'clientset', params: RESPONSE_PARAMS },
  'client.response-error': { fn: 'clientset', params: RESPONSE_PARAMS },
  'worker.cache-mutated': {
    fn: 'Controller.updateFooStatus',
    params: NOT_DEEP_COPIED,
    mistake: 'noDeepCopy',
  },
  'worker.mutated-stale-object': {
    fn: 'Controller.updateFooStatus',
    params: NOT_DEEP_COPIED,
    mistake: 'noDeepCopy',
  },
  'worker.forget-skipped': { fn: 'processNextWorkItem', params: ['worker', 'requeues'], mistake: 'noForget' },
  'worker.done-skipped': { fn: 'processNextWorkItem', params: ['worker'], mistake: 'noDone' },
  'workqueue.add-stuck': { fn: 'workqueue.Add', params: [], mistake: 'noDone' },
  'worker.forget': { fn: 'workqueue.Forget', params: ['worker'] },
  'worker.add-rate-limited': {
    fn: 'workqueue.AddRateLimited',
    params: ['worker', 'delayMs', 'requeues', 'error', 'code', 'reason'],
  },
  'worker.done': { fn: 'workqueue.Done', params: ['worker', 'requeued'] },
  // REST client (K1–K6): token waits, Retry-After retries
  'rest.throttled': {
    fn: 'Request.tryThrottle',
    params: ['client', 'verb', 'url', 'waitedMs', 'waited'],
  },
  'rest.throttled-quiet': { fn: 'Request.tryThrottle', params: ['client', 'verb', 'url', 'waitedMs'] },
  // [1.36] (settings.era modern): the same two logs as one structured line (K3).
  'rest.throttled-structured': {
    fn: 'Request.tryThrottle',
    params: ['client', 'verb', 'url', 'waitedMs', 'waited'],
  },
  'rest.retry-throttled-structured': {
    fn: 'Request.tryThrottleWithInfo',
    params: ['client', 'verb', 'url', 'waitedMs', 'waited', 'retries', 'retryAfter', 'code', 'retryReason'],
  },
  'rest.retry-after': {
    fn: 'withRetry.IsNextRetry',
    params: ['client', 'verb', 'url', 'code', 'reason', 'attempt', 'retryAfter'],
  },
  'rest.retry-throttled': {
    fn: 'Request.tryThrottleWithInfo',
    params: ['client', 'verb', 'url', 'waitedMs', 'waited', 'retries', 'retryAfter', 'code', 'retryReason'],
  },
  'rest.retry': {
    fn: 'withRetry.Before',
    params: ['client', 'verb', 'url', 'attempt', 'failed', 'retryAfter', 'waitedMs'],
  },
  'rest.retries-exhausted': {
    fn: 'withRetry.IsNextRetry',
    params: ['client', 'verb', 'url', 'code', 'reason', 'attempts'],
  },
  // API server (S*)
  'apiserver.list': {
    fn: 'kube-apiserver LIST',
    params: ['kind', 'rv', 'limit', 'code', 'reason', 'items', 'listRv', 'more', 'servedBy'],
    optional: ['replica'],
  },
  'apiserver.watch': {
    fn: 'kube-apiserver WATCH',
    params: ['kind', 'rv', 'outcome', 'code', 'reason', 'watchId', 'replayed'],
    optional: ['replica'],
  },
  'apiserver.watch-timeout': { fn: 'kube-apiserver', params: ['watchId'] },
  'apiserver.bookmark': { fn: 'cacheWatcher', params: ['watchId', 'rv'] },
  'apiserver.write': { fn: 'kube-apiserver', params: [...WRITE_PARAMS, 'revision'], optional: ['replica'] },
  'apiserver.rollout': { fn: 'deployment controller (simulated)', params: ['replicas', 'desired', 'code'] },
  'apiserver.gc': { fn: 'garbage collector', params: ['code'] },
  'apiserver.compaction': { fn: 'etcd3 compactor', params: ['compactedRv', 'revision'] },
  'apiserver.started': { fn: 'Cacher (re)initialisation', params: ['listRv', 'cacheInitMs'] },
  // HA: several apiserver replicas (S38, S39)
  'apiserver.connect': { fn: 'http2.Transport (load balancer)', params: ['replica', 'connections'] },
  'apiserver.goaway': { fn: 'WithProbabilisticGoaway', params: ['replica'] },
  'apiserver.replica-started': {
    fn: 'Cacher (re)initialisation',
    params: ['replica', 'listRv', 'cacheInitMs'],
  },
  // The 1.36 server (modern era): consistent reads from the cache, readiness (S5, S24, S32, S33)
  'apiserver.wait-fresh': {
    fn: 'watchCache.waitUntilFreshAndBlock',
    params: ['kind', 'rv', 'target', 'cacheRv'],
  },
  'apiserver.consistent-fallback': { fn: 'CacheDelegator.GetList', params: ['kind', 'target', 'cacheRv'] },
  'apiserver.cache-not-ready': {
    fn: 'Cacher (ResilientWatchCacheInitialization)',
    params: ['kind', 'verb', 'retryAfter'],
  },
  'recorder.event': { fn: 'EventRecorder', params: ['reason', 'eventType', 'code', 'revision'] },
  // Script and faults
  'user.write': { fn: 'kubectl', params: WRITE_PARAMS },
  'fault.close-watch': { fn: 'fault', params: ['watchIds'] },
  'fault.watch-error': { fn: 'fault', params: ['watchIds', 'code'] },
  'fault.compact': { fn: 'fault', params: ['rv'] },
  'fault.restart': { fn: 'fault', params: ['watchIds', 'downtimeMs'] },
  'fault.restart-replica': { fn: 'fault', params: ['replica', 'watchIds', 'downtimeMs', 'connections'] },
  'fault.lag-replica': { fn: 'fault', params: ['replica', 'lagMs', 'durationMs'] },
  'fault.refuse-connections': { fn: 'fault', params: ['durationMs'] },
  'fault.api-errors': { fn: 'fault', params: ['code', 'durationMs', 'retryAfter'] },
  'fault.add-latency': { fn: 'fault', params: ['extraMs', 'durationMs'] },
  'fault.slow-handlers': { fn: 'fault', params: ['extraMs', 'durationMs'] },
  'fault.fail-reconciles': { fn: 'fault', params: ['count'] },
} as const satisfies Readonly<Record<string, MessageSpec>>;

/** A message id of the catalog. */
export type MessageId = keyof typeof MESSAGES;

/** The parameter names a message declares. */
export type MessageParamName<M extends MessageId> = (typeof MESSAGES)[M]['params'][number];

/** The optional parameters a message declares (OPTIONAL_PARAMS), or never. */
export type MessageOptionalName<M extends MessageId> = (typeof MESSAGES)[M] extends {
  readonly optional: readonly (infer O extends string)[];
}
  ? O
  : never;

/** The params of a record of message M: exactly the declared names, and any of its optional ones. */
export type MessageParams<M extends MessageId> = { readonly [P in MessageParamName<M>]: ParamValue } & {
  readonly [P in MessageOptionalName<M>]?: ParamValue;
};

/** Every message id, in catalog order. */
export const MESSAGE_IDS: readonly MessageId[] = Object.keys(MESSAGES) as MessageId[];

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(MESSAGES, id);
}

/** Every parameter a record of `id` may carry: its declared ones, then its optional ones. */
export function messageParamNames(id: MessageId): readonly string[] {
  const spec: MessageSpec = MESSAGES[id];
  return spec.optional === undefined ? spec.params : [...spec.params, ...spec.optional];
}

/** The catalog entry of an id, or undefined for an id the catalog does not list. */
export function messageSpec(id: string): MessageSpec | undefined {
  return isMessageId(id) ? MESSAGES[id] : undefined;
}

/**
 * Parameters whose values come from a closed list of tokens (whatever message carries them): each
 * language words every token in its narration table (`{found}` reads "found" / "找到"). Booleans are
 * listed as true and false. Other parameters render as they are.
 *
 * - `result`: workqueue.Add's outcome (W1); `outcome`: how the server answered a WATCH (S16, S18;
 *   [1.36] `too-large`: a WatchList whose cache stayed below its RV for 3 s, S37);
 * - `servedBy`: who served a LIST, etcd, the kind's watch cache (S5–S8) or [1.36] a cache snapshot (S34);
 * - `next`: what ListAndWatch's caller does after its backoff; `stage`: the write a worker waits for;
 * - `error`: why a reconcile failed (injected by the scenario, a Deployment the Foo does not control, or
 *   an API error status, said with the record's `code` and `reason`);
 * - `found`: a lister lookup; `requeued`: Done re-queued the key (W4); `noop`: the write changed nothing;
 * - `retryReason`: why the REST client retried (K3's retry-reason: a 429, or another status code).
 */
export const PARAM_TOKENS = {
  result: ['queued', 'already-dirty', 'dirty-while-processing', 'shutting-down'],
  outcome: ['open', 'too-old', 'too-large', 'error'],
  servedBy: ['etcd', 'cache', 'snapshot', 'none'],
  next: ['relist'],
  stage: ['create-deployment', 'update-deployment', 'update-status'],
  error: ['injected', 'not-controlled', 'status'],
  found: [true, false],
  requeued: [true, false],
  noop: [true, false],
  retryReason: ['server-side-throttling', 'status'],
  // Modern lanes: a store record of a batch (processDeltasInBatch's Transaction) or of one delta.
  batch: [true, false],
} as const;

export type TokenParam = keyof typeof PARAM_TOKENS;

/**
 * Modern lanes (client-go v0.36.3): the function at work for a record where it depends on the record.
 * The informer's store records of a batch are processDeltasInBatch's (one Transaction, SI2 [C]); of one
 * popped entry, processDeltas's. Every other record names its catalog entry's `fn`.
 */
const BATCH_FN: Readonly<Record<string, string>> = {
  'informer.store-add': 'processDeltasInBatch',
  'informer.store-update': 'processDeltasInBatch',
  'informer.store-delete': 'processDeltasInBatch',
};

export function recordFn(message: string, params: Readonly<Record<string, ParamValue>>): string | null {
  if (params.batch === true && Object.hasOwn(BATCH_FN, message)) return BATCH_FN[message]!;
  return isMessageId(message) ? MESSAGES[message].fn : null;
}
