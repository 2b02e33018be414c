/**
 * English narration: a sentence per message id of the engine's catalog (src/engine/model/messages.ts)
 * and the words for the tokens of closed-list parameters. English is the fallback language. client-go
 * names (Pop, Replace, OnAdd, AddRateLimited, Forget, Done, resourceVersion ...) and Kubernetes reason
 * tokens (Expired, Conflict ...) are shown as they are.
 */
import type { NarrationTable } from '../narration-table';

export const narration: NarrationTable = {
  templates: {
    // Reflector (R*)
    'reflector.list': 'LIST resourceVersion="{rv}" limit={limit}',
    'reflector.list-page': 'LIST next page (continue token)',
    'reflector.pager-full-relist': 'continue token expired ({code}): one full list at resourceVersion="{rv}"',
    'reflector.list-rv-unavailable':
      'LIST at "{rv}" failed with {code} {reason}: relist at once with resourceVersion=""',
    'reflector.list-failed': 'LIST failed: {code} {reason}',
    'reflector.replace': 'Replace({items} items, "{rv}"): Replaced deltas, {tombstones} tombstones',
    'reflector.watch': 'WATCH from resourceVersion="{rv}" (timeout {timeoutSeconds}s, bookmarks on)',
    'reflector.watch-open': 'watch stream open from "{rv}"',
    'reflector.watch-refused':
      'watch request failed ({reason}): back off {delayMs} ms, then re-watch (cache kept)',
    'reflector.watch-open-failed': 'watch request failed: {code} {reason}',
    'reflector.watch-error': 'watch ERROR {code} {reason}',
    'reflector.bookmark': 'BOOKMARK: lastSyncResourceVersion = "{rv}"',
    'reflector.event': '{type} {key} rv={rv}',
    'reflector.very-short-watch': 'very short watch ({lastedMs} ms, no events): treated as an error',
    'reflector.watch-closed': 'watch closed cleanly after {events} events: re-watch from "{rv}" (no relist)',
    'reflector.resync-skipped': 'resync check: no listener due',
    'reflector.backoff': 'ListAndWatch returned: back off {delayMs} ms, then {next}',
    // DeltaFIFO (D*)
    'deltafifo.add': '{type} delta for {key} (rv {rv})',
    'deltafifo.delete-ignored': 'delete of unknown {key} ignored',
    'deltafifo.tombstone': 'Deleted(DeletedFinalStateUnknown) for vanished {key}',
    'deltafifo.resync': 'Resync: {synced} Sync deltas from the indexer (no server request)',
    // Modern mode (client-go v0.36.3)
    'reflector.watch-list':
      'watch-list request: WATCH sendInitialEvents=true, resourceVersionMatch=NotOlderThan from resourceVersion="{rv}" (timeout {timeoutSeconds}s, bookmarks on)',
    'reflector.initial-event': '{type} {key} rv={rv} into the temporary store (initial events)',
    'reflector.initial-bookmark': 'BOOKMARK rv={rv} during the initial events: nothing queued',
    'reflector.initial-events-end':
      'BOOKMARK k8s.io/initial-events-end at "{rv}": {items} objects streamed, the stream becomes the watch',
    'reflector.watch-list-backoff':
      'watch-list request failed ({reason}): back off {delayMs} ms, then try again',
    'reflector.watch-list-expired':
      'watch-list failed with {code} {reason}: try again at once from resourceVersion=""',
    'reflector.watch-list-failed': 'watch-list failed with {code} {reason}: fall back to LIST, then WATCH',
    'reflector.watch-list-very-short':
      'watch-list stream closed after {lastedMs} ms with no events: fall back to LIST, then WATCH',
    'reflector.watch-list-closed':
      'watch-list stream closed before its end bookmark after {events} events: try again from "{rv}"',
    'reflector.replace-all': 'Replace({items} items, "{rv}"): one ReplacedAll delta',
    'realfifo.add': '{type} delta for {key} (rv {rv}) appended',
    'realfifo.bookmark': 'Bookmark delta (rv {rv}) appended',
    'realfifo.resync': 'Resync: one SyncAll delta appended (no server request)',
    // Informer (SI*)
    'informer.pop': 'Pop {key}: [{deltas}]',
    'informer.pop-batch': 'PopBatch: {count} delta(s) [{deltas}]',
    'informer.store-add': '{type}: {key} not cached → {batch}Add',
    'informer.store-update': '{type}: {key} cached → {batch}Update',
    'informer.store-delete': '{type}: {batch}Delete {key}',
    'informer.replaced-all':
      'ReplacedAll at "{rv}": {items} objects replace the indexer whole, {tombstones} cached object(s) gone',
    'indexer.transaction':
      'Transaction of {ops} operation(s) under one lock; {size} objects, indexer RV "{rv}"',
    'indexer.replace': 'Replace: {size} objects, indexer RV "{rv}"',
    'indexer.bookmark': 'Bookmark: the indexer’s resourceVersion becomes "{rv}" (no object changes)',
    'informer.indexer-add': '{type}: {key} not cached → indexer.Add',
    'informer.indexer-update': '{type}: {key} cached → indexer.Update',
    'informer.indexer-delete': '{type}: indexer.Delete {key}',
    'indexer.add': 'store {key} (rv {rv}); {size} objects',
    'indexer.update': 'store {key} (rv {rv}); {size} objects',
    'indexer.delete': 'remove {key}; {size} objects',
    'informer.handler-added':
      'handler {handler} added to a running informer: {initialAdds} initial OnAdd (isInInitialList=true)',
    'informer.dispatch': '{callback} for {key} to {listeners} listener(s)',
    // Handlers (C2)
    'handler.OnAdd': '{handler}: OnAdd {key} rv={rv} (lister has {listerRv})',
    'handler.OnUpdate': '{handler}: OnUpdate {key} {oldRv} → {rv} (lister has {listerRv})',
    'handler.OnDelete': '{handler}: OnDelete {key} (lister has {listerRv})',
    'handler.foo-delete-ignored': 'no DeleteFunc for Foo: nothing enqueued',
    'handler.resync-dropped': 'same resourceVersion {rv}: periodic resync dropped',
    'handler.tombstone-invalid': 'tombstone without an object: ignored',
    'handler.tombstone-unwrapped': 'unwrapped DeletedFinalStateUnknown {key} (rv {rv})',
    'handler.not-owned': '{key} has no Foo controller: ignored',
    // Controller mistakes (settings.mistakes): each sentence names the mistake at work.
    'handler.foo-resync-dropped':
      'filterAllResyncs: Foo {key} at the same resourceVersion {rv} dropped: the periodic resync no longer re-enqueues Foos',
    'handler.no-change-seen':
      'noDeepCopy: OnUpdate {key} {oldRv} → {rv} differs only in resourceVersion: the cached old object was already mutated (availableReplicas {availableReplicas}), so comparing old and new shows no change',
    'handler.tombstone-not-unwrapped':
      'noTombstoneUnwrap: "error decoding object, invalid type": DeletedFinalStateUnknown {key} ignored, its owner Foo is not enqueued',
    'handler.owner-lookup': 'owner {owner} in the Foo lister: {found}',
    'handler.orphan-ignored': 'owner {owner} not found: orphaned object ignored',
    'workqueue.add': 'Add {key}: {result} (depth {depth})',
    // Workqueue and workers (W*, C3, C4)
    'workqueue.delayed-ready': '{key} ready after its delay (depth {depth})',
    'controller.caches-synced': 'caches synced: starting {workers} workers',
    'worker.get': 'worker {worker}: Get → {key} (depth {depth})',
    'worker.get-foo': 'worker {worker}: Foo {key} in lister: {found} (rv {rv})',
    'worker.get-deployment': 'worker {worker}: Deployment {key} in lister: {found} (rv {rv})',
    'worker.foo-gone': 'worker {worker}: Foo {key} no longer exists: done',
    'worker.no-deployment-name': 'worker {worker}: spec.deploymentName is empty: done',
    'worker.invalid-key': 'worker {worker}: invalid key {key}',
    'worker.injected-failure': 'worker {worker}: reconcile of {key} fails (injected)',
    'worker.not-controlled': 'worker {worker}: {key} is not controlled by this Foo',
    'client.request': 'worker {worker}: {verb} {kind} {key}',
    'client.response-ok': 'worker {worker}: {stage} → {code} (rv {rv})',
    'client.response-error': 'worker {worker}: {stage} → {code} {reason}',
    'worker.cache-mutated':
      "worker {worker}: noDeepCopy: status.availableReplicas {was} → {availableReplicas} set on the lister's own Foo {key}: the cache now holds rv {rv} with a status the server never had",
    'worker.mutated-stale-object':
      'worker {worker}: noDeepCopy: status.availableReplicas {was} → {availableReplicas} set on its Foo {key} (rv {rv}), an object the cache has already replaced',
    'worker.forget-skipped':
      'worker {worker}: success, but noForget: Forget {key} is not called, NumRequeues stays {requeues} and the next failure backs off from there',
    'worker.done-skipped':
      'worker {worker}: noDone: Done {key} is not called, so {key} stays in processing forever',
    'workqueue.add-stuck':
      'noDone: {key} is marked dirty but is still in processing with no worker holding it: it is never queued again',
    'worker.forget': 'worker {worker}: success, Forget {key}',
    'worker.add-rate-limited':
      'worker {worker}: {error}: AddRateLimited {key} in {delayMs} ms (requeues {requeues})',
    'worker.done': 'worker {worker}: Done {key}{requeued}',
    // REST client (K1–K6): client-go 1.26's log wording (K3). [1.36] logs "Waited before sending request"
    // as a structured line instead (sim/rest-actors.ts restDepart).
    'rest.throttled':
      '{client}: Waited for {waited} due to client-side throttling, not priority and fairness, request: {verb}:{url}',
    'rest.throttled-structured':
      '{client}: "Waited before sending request" delay="{waited}" reason="client-side throttling, not priority and fairness" verb="{verb}" URL="{url}"',
    'rest.retry-throttled-structured':
      '{client}: "Waited before sending request" delay="{waited}" reason="retries: {retries}, retry-after: {retryAfter}s - retry-reason: {retryReason}" verb="{verb}" URL="{url}"',
    'rest.throttled-quiet':
      '{client}: {verb} waited {waitedMs} ms for a token (under 50 ms: client-go logs nothing)',
    'rest.retry-after':
      '{client}: attempt {attempt} of 11 answered {code} {reason} with Retry-After: {retryAfter}: sleep {retryAfter} s, then retry',
    'rest.retry-throttled':
      '{client}: Waited for {waited}, retries: {retries}, retry-after: {retryAfter}s - retry-reason: {retryReason} - request: {verb}:{url}',
    'rest.retry':
      'Got a Retry-After {retryAfter}s response for attempt {failed} to {url}: attempt {attempt} of 11 goes out (token wait {waitedMs} ms)',
    'rest.retries-exhausted':
      '{client}: attempt {attempts} of 11 answered {code} {reason}: retries used up, the caller gets the error',
    // API server (S*)
    'apiserver.list': 'LIST {kind} rv="{rv}" → {code} {items} items at revision {listRv}{servedBy}',
    'apiserver.watch': 'WATCH {kind} from "{rv}" → {outcome}',
    'apiserver.watch-timeout': 'watch {watchId} reached its timeout: stream ends (no ERROR)',
    'apiserver.bookmark': 'BOOKMARK to watch {watchId} at revision {rv}',
    'apiserver.write': '{verb} {kind} {key} → {code} {reason}{noop}',
    'apiserver.rollout':
      'a replica of {key} became ready: status.availableReplicas → {replicas} of {desired}',
    'apiserver.gc': 'delete orphaned Deployment {key}',
    'apiserver.compaction':
      'the apiserver compactor writes compact_rev_key (revision {revision}); etcd is compacted through revision {compactedRv}: older exact lists and continue tokens get 410, watches are not affected',
    'apiserver.started':
      'the API server is up again: every resource’s watch cache re-initialises from etcd at revision {listRv} (ready in {cacheInitMs} ms); older watches will get 410',
    'apiserver.connect':
      'the controller opens HTTP/2 connection #{connections}: the load balancer puts it on replica {replica}, and its requests stay there until the connection breaks or a GOAWAY',
    'apiserver.goaway':
      'replica {replica} answers with GOAWAY (--goaway-chance): open watches go on, the controller’s next request opens a new connection',
    'apiserver.replica-started':
      'replica {replica} is up again: its watch caches re-initialise from etcd at revision {listRv} (ready in {cacheInitMs} ms); the other replicas were not touched',
    'apiserver.wait-fresh':
      'the {kind} watch cache is at revision {cacheRv}, below {target}: the request waits (at most 3 s) while the cacher asks etcd for a progress notification every 100 ms',
    'apiserver.consistent-fallback':
      'the {kind} watch cache is still at revision {cacheRv}, below {target}, after 3 s: the consistent list is read from etcd instead',
    'apiserver.cache-not-ready':
      'the {kind} watch cache is re-initialising: {verb} answered 429 TooManyRequests with Retry-After: {retryAfter}',
    'recorder.event':
      'the event recorder writes Event {reason} ({eventType}) through the CoreV1 client → {code}',
    // Script and faults
    'user.write': '{verb} {kind} {key} → {code} {reason}{noop}',
    'fault.close-watch': 'watches closed by the server: {watchIds}',
    'fault.watch-error': 'injected: watches ended with ERROR {code}: {watchIds}',
    'fault.compact':
      'etcd compacted through revision {rv}: exact lists and continue tokens before it expire; watches are served by the watch cache and keep going',
    'fault.restart':
      'the API server stops for {downtimeMs} ms: its watches end ({watchIds}), connections are refused',
    'fault.restart-replica':
      'replica {replica} stops for {downtimeMs} ms: the watches it serves end ({watchIds}), connections on it break ({connections}); the other replicas go on',
    'fault.lag-replica':
      'replica {replica}’s watch caches get etcd’s events {lagMs} ms late, for {durationMs} ms',
    'fault.refuse-connections': 'API server refuses connections for {durationMs} ms',
    'fault.api-errors': 'API server answers {code} for {durationMs} ms (Retry-After: {retryAfter})',
    'fault.add-latency': '+{extraMs} ms latency for {durationMs} ms',
    'fault.slow-handlers': 'resource event handlers take {extraMs} ms longer for {durationMs} ms',
    'fault.fail-reconciles': 'the next {count} reconciles fail',
  },
  tokens: {
    result: {
      queued: 'queued',
      'already-dirty': 'already dirty (merged)',
      'dirty-while-processing': 'dirty while processing: queued again after Done',
      'shutting-down': 'the queue is shutting down',
    },
    outcome: {
      open: 'open, {replayed} events to replay',
      'too-old': 'too old: one ERROR event, then the stream closes',
      'too-large':
        'the cache stayed below that revision for 3 s: one ERROR event (504 Too large resource version), then the stream closes',
      error: '{code} {reason}',
    },
    servedBy: {
      etcd: ' (from etcd)',
      cache: ' (from the watch cache)',
      snapshot: ' (from a watch-cache snapshot)',
      none: '',
    },
    next: { relist: 'relist' },
    stage: {
      'create-deployment': 'create Deployment',
      'update-deployment': 'update Deployment',
      'update-status': 'update Foo status',
    },
    error: {
      injected: 'injected failure',
      'not-controlled': 'the Deployment is not controlled by this Foo',
      status: 'error {code} {reason}',
    },
    found: { true: 'found', false: 'not found' },
    requeued: { true: ' (re-added meanwhile: queued again)', false: '' },
    noop: { true: 'no-op: no new revision, no event', false: '' },
    retryReason: {
      'server-side-throttling': 'due to server-side throttling, FlowSchema UID: ""',
      status: '{code}',
    },
    batch: { true: 'Transaction ', false: 'indexer.' },
  },
  optional: { replica: ' (replica {replica})' },
};
