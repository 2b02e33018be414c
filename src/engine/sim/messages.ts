/**
 * The narration catalog: every trace message id, the client-go function at work, and an English template
 * whose `{param}` placeholders are filled from the record's params (plus `{key}` and `{rv}`). The CLI's
 * text format and, later, the narration panel render records through it. A test runs scenarios and
 * checks that every emitted message id is listed here.
 */

export interface MessageSpec {
  /** The client-go (or apiserver / sample-controller) function this step is part of. */
  readonly fn: string;
  readonly en: string;
}

export const MESSAGES: Readonly<Record<string, MessageSpec>> = {
  // Reflector (R*)
  'reflector.list': { fn: 'Reflector.ListAndWatch', en: 'LIST resourceVersion="{rv}" limit={limit}' },
  'reflector.list-page': { fn: 'ListPager.List', en: 'LIST next page (continue token)' },
  'reflector.pager-full-relist': {
    fn: 'ListPager.List',
    en: 'continue token expired ({code}): one full list at resourceVersion="{rv}"',
  },
  'reflector.list-rv-unavailable': {
    fn: 'Reflector.list',
    en: 'LIST at "{rv}" failed with {code} {reason}: relist at once with resourceVersion=""',
  },
  'reflector.list-failed': { fn: 'Reflector.ListAndWatch', en: 'LIST failed: {code} {reason}' },
  'reflector.replace': {
    fn: 'DeltaFIFO.Replace',
    en: 'Replace({items} items, "{rv}"): Replaced deltas, {tombstones} tombstones',
  },
  'reflector.watch': {
    fn: 'Reflector.watch',
    en: 'WATCH from resourceVersion="{rv}" (timeout {timeoutSeconds}s, bookmarks on)',
  },
  'reflector.watch-open': { fn: 'Reflector.watch', en: 'watch stream open from "{rv}"' },
  'reflector.watch-refused': {
    fn: 'Reflector.watch',
    en: 'watch request failed ({reason}): back off {delayMs} ms, then re-watch (cache kept)',
  },
  'reflector.watch-open-failed': { fn: 'Reflector.watch', en: 'watch request failed: {code} {reason}' },
  'reflector.watch-error': { fn: 'watchHandler', en: 'watch ERROR {code} {reason}: "{message}"' },
  'reflector.bookmark': { fn: 'watchHandler', en: 'BOOKMARK: lastSyncResourceVersion = "{rv}"' },
  'reflector.event': { fn: 'watchHandler', en: '{type} {key} rv={rv}' },
  'reflector.very-short-watch': {
    fn: 'watchHandler',
    en: 'very short watch ({lastedMs} ms, no events): treated as an error',
  },
  'reflector.watch-closed': {
    fn: 'Reflector.watch',
    en: 'watch closed cleanly after {events} events: re-watch from "{rv}" (no relist)',
  },
  'reflector.resync-skipped': { fn: 'Reflector.startResync', en: 'resync check: no listener due' },
  'reflector.backoff': {
    fn: 'wait.BackoffUntil',
    en: 'ListAndWatch returned: back off {delayMs} ms, then {next}',
  },
  // DeltaFIFO (D*)
  'deltafifo.add': { fn: 'DeltaFIFO.queueActionLocked', en: '{type} delta for {key} (rv {rv})' },
  'deltafifo.delete-ignored': { fn: 'DeltaFIFO.Delete', en: 'delete of unknown {key} ignored' },
  'deltafifo.tombstone': {
    fn: 'DeltaFIFO.Replace',
    en: 'Deleted(DeletedFinalStateUnknown) for vanished {key}',
  },
  'deltafifo.resync': {
    fn: 'DeltaFIFO.Resync',
    en: 'Resync: {synced} Sync deltas from the indexer (no server request)',
  },
  // Informer (SI*)
  'informer.pop': { fn: 'DeltaFIFO.Pop', en: 'Pop {key}: [{deltas}]' },
  'informer.indexer-add': {
    fn: 'sharedIndexInformer.HandleDeltas',
    en: '{type}: {key} not cached → indexer.Add',
  },
  'informer.indexer-update': {
    fn: 'sharedIndexInformer.HandleDeltas',
    en: '{type}: {key} cached → indexer.Update',
  },
  'informer.indexer-delete': { fn: 'sharedIndexInformer.HandleDeltas', en: '{type}: indexer.Delete {key}' },
  'indexer.add': { fn: 'threadSafeMap.Add', en: 'store {key} (rv {rv}); {size} objects' },
  'indexer.update': { fn: 'threadSafeMap.Update', en: 'store {key} (rv {rv}); {size} objects' },
  'indexer.delete': { fn: 'threadSafeMap.Delete', en: 'remove {key}; {size} objects' },
  'informer.handler-added': {
    fn: 'sharedIndexInformer.AddEventHandler',
    en: 'handler {handler} added to a running informer: {initialAdds} initial OnAdd (isInInitialList=true)',
  },
  'informer.dispatch': {
    fn: 'sharedProcessor.distribute',
    en: '{callback} for {key} to {listeners} listener(s)',
  },
  // Handlers (C2)
  'handler.OnAdd': {
    fn: 'ResourceEventHandler.OnAdd',
    en: '{handler}: OnAdd {key} rv={rv} (lister has {listerRv})',
  },
  'handler.OnUpdate': {
    fn: 'ResourceEventHandler.OnUpdate',
    en: '{handler}: OnUpdate {key} {oldRv} → {rv} (lister has {listerRv})',
  },
  'handler.OnDelete': {
    fn: 'ResourceEventHandler.OnDelete',
    en: '{handler}: OnDelete {key} (lister has {listerRv})',
  },
  'handler.foo-delete-ignored': { fn: 'sample-controller', en: 'no DeleteFunc for Foo: nothing enqueued' },
  'handler.resync-dropped': {
    fn: 'sample-controller UpdateFunc',
    en: 'same resourceVersion {rv}: periodic resync dropped',
  },
  'handler.tombstone-invalid': { fn: 'Controller.handleObject', en: 'tombstone without an object: ignored' },
  'handler.tombstone-unwrapped': {
    fn: 'Controller.handleObject',
    en: 'unwrapped DeletedFinalStateUnknown {key} (rv {rv})',
  },
  'handler.not-owned': { fn: 'Controller.handleObject', en: '{key} has no Foo controller: ignored' },
  // Controller mistakes (settings.mistakes): each message names the mistake at work.
  'handler.foo-resync-dropped': {
    fn: 'sample-controller UpdateFunc',
    en: 'filterAllResyncs: Foo {key} at the same resourceVersion {rv} dropped: the periodic resync no longer re-enqueues Foos',
  },
  'handler.no-change-seen': {
    fn: 'sample-controller UpdateFunc',
    en: 'noDeepCopy: OnUpdate {key} {oldRv} → {rv} differs only in resourceVersion: the cached old object was already mutated (availableReplicas {availableReplicas}), so comparing old and new shows no change',
  },
  'handler.tombstone-not-unwrapped': {
    fn: 'Controller.handleObject',
    en: 'noTombstoneUnwrap: "error decoding object, invalid type": DeletedFinalStateUnknown {key} ignored, its owner Foo is not enqueued',
  },
  'handler.owner-lookup': { fn: 'fooLister.Get', en: 'owner {owner} in the Foo lister: {found}' },
  'handler.orphan-ignored': {
    fn: 'Controller.handleObject',
    en: 'owner {owner} not found: orphaned object ignored',
  },
  'workqueue.add': { fn: 'workqueue.Add', en: 'Add {key}: {result} (depth {depth})' },
  // Workqueue and workers (W*, C3, C4)
  'workqueue.delayed-ready': {
    fn: 'delayingType.waitingLoop',
    en: '{key} ready after its delay (depth {depth})',
  },
  'controller.caches-synced': {
    fn: 'cache.WaitForCacheSync',
    en: 'caches synced: starting {workers} workers',
  },
  'worker.get': { fn: 'processNextWorkItem', en: 'worker {worker}: Get → {key} (depth {depth})' },
  'worker.get-foo': { fn: 'fooLister.Get', en: 'worker {worker}: Foo {key} in lister: {found} (rv {rv})' },
  'worker.get-deployment': {
    fn: 'deploymentsLister.Get',
    en: 'worker {worker}: Deployment {key} in lister: {found} (rv {rv})',
  },
  'worker.foo-gone': {
    fn: 'Controller.syncHandler',
    en: 'worker {worker}: Foo {key} no longer exists: done',
  },
  'worker.no-deployment-name': {
    fn: 'Controller.syncHandler',
    en: 'worker {worker}: spec.deploymentName is empty: done',
  },
  'worker.invalid-key': { fn: 'Controller.syncHandler', en: 'worker {worker}: invalid key {key}' },
  'worker.injected-failure': {
    fn: 'Controller.syncHandler',
    en: 'worker {worker}: reconcile of {key} fails (injected)',
  },
  'worker.not-controlled': {
    fn: 'Controller.syncHandler',
    en: 'worker {worker}: {key} is not controlled by this Foo',
  },
  'client.request': { fn: 'clientset', en: 'worker {worker}: {verb} {kind} {key}' },
  'client.response-ok': { fn: 'clientset', en: 'worker {worker}: {stage} → {code} (rv {rv})' },
  'client.response-error': { fn: 'clientset', en: 'worker {worker}: {stage} → {code} {reason}' },
  'worker.cache-mutated': {
    fn: 'Controller.updateFooStatus',
    en: "worker {worker}: noDeepCopy: status.availableReplicas {was} → {availableReplicas} set on the lister's own Foo {key}: the cache now holds rv {rv} with a status the server never had",
  },
  'worker.mutated-stale-object': {
    fn: 'Controller.updateFooStatus',
    en: 'worker {worker}: noDeepCopy: status.availableReplicas {was} → {availableReplicas} set on its Foo {key} (rv {rv}), an object the cache has already replaced',
  },
  'worker.forget-skipped': {
    fn: 'processNextWorkItem',
    en: 'worker {worker}: success, but noForget: Forget {key} is not called, NumRequeues stays {requeues} and the next failure backs off from there',
  },
  'worker.done-skipped': {
    fn: 'processNextWorkItem',
    en: 'worker {worker}: noDone: Done {key} is not called, so {key} stays in processing forever',
  },
  'workqueue.add-stuck': {
    fn: 'workqueue.Add',
    en: 'noDone: {key} is marked dirty but is still in processing with no worker holding it: it is never queued again',
  },
  'worker.forget': { fn: 'workqueue.Forget', en: 'worker {worker}: success, Forget {key}' },
  'worker.add-rate-limited': {
    fn: 'workqueue.AddRateLimited',
    en: 'worker {worker}: error "{error}": AddRateLimited {key} in {delayMs} ms (requeues {requeues})',
  },
  'worker.done': { fn: 'workqueue.Done', en: 'worker {worker}: Done {key}{requeuedNote}' },
  // API server (S*)
  'apiserver.list': {
    fn: 'kube-apiserver LIST',
    en: 'LIST {kind} rv="{rv}" → {code} {items} items at revision {listRv}',
  },
  'apiserver.watch': { fn: 'kube-apiserver WATCH', en: 'WATCH {kind} from "{rv}" → {result}' },
  'apiserver.watch-timeout': {
    fn: 'kube-apiserver',
    en: 'watch {watchId} reached its timeout: stream ends (no ERROR)',
  },
  'apiserver.bookmark': { fn: 'cacheWatcher', en: 'BOOKMARK to watch {watchId} at revision {rv}' },
  'apiserver.write': { fn: 'kube-apiserver', en: '{verb} {kind} {key} → {code} {reason}' },
  'apiserver.rollout': {
    fn: 'deployment controller (simulated)',
    en: 'a replica of {key} became ready: status.availableReplicas → {replicas} of {desired}',
  },
  'apiserver.gc': { fn: 'garbage collector', en: 'delete orphaned Deployment {key}' },
  // Script and faults
  'user.write': { fn: 'kubectl', en: '{verb} {kind} {key} → {code} {reason}' },
  'fault.close-watch': { fn: 'fault', en: 'watch {watchId} closed by the server' },
  'fault.watch-error': { fn: 'fault', en: 'watch {watchId} ends with ERROR {code}' },
  'fault.compact': { fn: 'fault', en: 'history compacted through revision {rv}' },
  'fault.refuse-connections': { fn: 'fault', en: 'API server refuses connections for {durationMs} ms' },
  'fault.api-errors': { fn: 'fault', en: 'API server answers {code} for {durationMs} ms' },
  'fault.add-latency': { fn: 'fault', en: '+{extraMs} ms latency for {durationMs} ms' },
  'fault.slow-handlers': {
    fn: 'fault',
    en: 'resource event handlers take {extraMs} ms longer for {durationMs} ms',
  },
  'fault.fail-reconciles': { fn: 'fault', en: 'the next {count} reconciles fail' },
};

/** What narration needs of a record (a TraceRecord, or a RecordView with `rv`). */
export interface NarratedRecord {
  readonly message: string;
  readonly key: string | null;
  readonly params: Readonly<Record<string, string | number | boolean | null>>;
  readonly resourceVersion?: string | null;
  readonly rv?: string | null;
}

/** Renders a record's English narration (unknown ids render as the id itself). */
export function renderMessage(r: NarratedRecord): string {
  const spec = MESSAGES[r.message];
  if (spec === undefined) return r.message;
  const params: Record<string, unknown> = {
    key: r.key ?? '',
    rv: r.resourceVersion ?? r.rv ?? '',
    ...r.params,
  };
  if (r.message === 'worker.done')
    params.requeuedNote = r.params.requeued === true ? ' (re-added meanwhile: queued again)' : '';
  return spec.en.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === null || v === undefined ? '—' : String(v);
  });
}
