/**
 * Test-only rule switches: each lesson (src/scenarios/lessons) teaches one behaviour of client-go or the
 * API server, and its test proves the lesson's goal is not vacuous by running it again with that
 * behaviour switched off here and checking that the goal then fails.
 *
 * Every switch is `true` (the real behaviour) by default and nothing outside tests changes it: the
 * browser app, the Worker, the CLI and the conformance replay always run with every rule on. The
 * switches are module state on purpose (not World state): they are not part of a simulation, a
 * keyframe or a link. The engine reads them with a plain property check on the one path each governs,
 * so the cost on hot paths is a property load.
 *
 * What "off" means, per switch (the code path that checks it is named in brackets):
 * - D7_REPLACE_TOMBSTONES: Replace queues no DeletedFinalStateUnknown for keys the indexer knows but
 *   the list no longer has (D7 step 3) [client-go/delta-fifo.ts fifoReplace].
 * - D11_SYNCED_AFTER_INITIAL_POPS: HasSynced is true as soon as the FIFO is populated, before the first
 *   list's items are popped (so those pops say isInInitialList=false, SI6) [delta-fifo.ts fifoHasSynced;
 *   modern mode: real-fifo.ts checkSynced].
 * - D13_KEEP_POSITION: a delta for a key that is already queued moves the key to the tail of the queue
 *   instead of leaving it where it is (D3) [delta-fifo.ts queueAction].
 * - R11_REWATCH_WITHOUT_RELIST: a watch the server closes cleanly is treated like an error: back off,
 *   then relist [client-go/reflector.ts reflectorOnWatchClosed; reflector-modern.ts
 *   modernReflectorOnWatchClosed].
 * - R13_RELIST_AFTER_WATCH_ERROR: a watch that ends with an ERROR event (410 Gone included) is opened
 *   again at once from the same resourceVersion, without a backoff and without a relist (the book's
 *   description) [reflector.ts reflectorOnWatchEvent; reflector-modern.ts onWatchEvent].
 * - R16_RESYNC_FROM_CACHE: the resync timer relists from the server (LIST + Replace) instead of queueing
 *   Sync deltas from the indexer (a SyncAll in modern mode) [reflector.ts reflectorOnTimer;
 *   reflector-modern.ts modernReflectorOnTimer].
 * - SI2_CALLBACK_BY_CACHE: the callback follows the delta type (Added and Replaced → OnAdd, Updated and
 *   Sync → OnUpdate) instead of whether the key is cached [client-go/process-deltas.ts processDeltas;
 *   modern mode: process-real-deltas.ts upsertNotification].
 * - SI3_SYNC_FILTER: same-resourceVersion updates reach every listener, resyncing or not
 *   [client-go/shared-informer.ts processorDistribute].
 * - W1_DEDUP: Add of an item that is already dirty and not processing appends it to the queue again
 *   [client-go/workqueue/queue.ts wqAdd].
 * - W9_FORGET: Forget leaves the limiter's failure history alone [workqueue/rate-limiting.ts wqForget].
 * - S18_TOO_OLD_WATCH: the server opens a watch from a resourceVersion older than its history window
 *   and replays what it still has, silently skipping the lost events [apiserver/watch.ts openWatch].
 * - S23_BOOKMARKS: the server sends no BOOKMARK events [apiserver/watch.ts nextBookmarkTime].
 * - S33_CACHE_REINIT: a restarted API server keeps its watch caches as they were (rings, list RVs)
 *   instead of re-initialising them from etcd, so old watches resume without 410 [apiserver/replicas.ts
 *   replicaReinit].
 * - S38_REPLICA_LAG: every apiserver replica's Cachers receive etcd's events at the write's time, whatever
 *   their lag, as if there were one cache [apiserver/replicas.ts replicaLagAt].
 * - S38_STICKY_CONNECTIONS: the load balancer routes every request on its own (as an L7 balancer would)
 *   instead of keeping the controller's HTTP/2 connection, and so its requests, on one replica
 *   [sim/connections.ts routeRequest].
 * - S25_ALREADY_EXISTS: a create of an existing name succeeds (201) and returns the stored object
 *   unchanged, with no event [apiserver/writes.ts create].
 * - S26_OPTIMISTIC_CONCURRENCY: an update carrying a stale resourceVersion is applied (last writer wins)
 *   instead of answering 409 Conflict [apiserver/writes.ts update].
 * - S28_FINALIZERS: a delete removes the object at once even if it has finalizers [writes.ts delete].
 * - K2_CLIENT_RATE_LIMIT: the REST clients have no client-side token bucket: every request leaves at once
 *   (K1, K2) [client-go/rest/rest-client.ts restTakeToken].
 * - K4_RETRY_AFTER: a 429 or 5xx with Retry-After reaches the caller at once instead of being retried
 *   [client-go/rest/rest-client.ts restAnswer].
 * Modern mode (settings.era modern, client-go v0.36.3):
 * - F1_ARRIVAL_ORDER: an Added/Updated/Deleted for a key that already has a delta queued is placed right
 *   after that key's last queued delta (the key keeps its place, as in a DeltaFIFO) instead of at the
 *   tail in arrival order [client-go/real-fifo.ts append].
 * - F3_ATOMIC_REPLACE: a ReplacedAll is applied one key at a time (each tombstone deleted, each object
 *   added or updated, as Era B's per-object deltas were) instead of replacing the indexer whole before any
 *   callback [client-go/process-real-deltas.ts processReplacedAll].
 * - F7_POP_BATCH: the informer pops one delta at a time (`Pop`) instead of `PopBatch`, so each delta is
 *   applied and handed to the listeners before the next is taken [sim/modern-lane.ts modernInformerPop].
 * - R18_WATCH_LIST: the reflector does not stream its initial list (`WatchListClient` off): every
 *   ListAndWatch starts with LIST and then a plain watch [client-go/reflector-modern.ts listAndWatch].
 * - R21_WATCH_LIST_FALLBACK: a watch-list request the server refuses for good (422 from a server without
 *   the WatchList gate, an ERROR 500) is retried after a backoff, like a 429, instead of falling back to
 *   LIST then WATCH [reflector-modern.ts watchListFailed].
 */

export const RULE_IDS = [
  'D7_REPLACE_TOMBSTONES',
  'D11_SYNCED_AFTER_INITIAL_POPS',
  'D13_KEEP_POSITION',
  'R11_REWATCH_WITHOUT_RELIST',
  'R13_RELIST_AFTER_WATCH_ERROR',
  'R16_RESYNC_FROM_CACHE',
  'SI2_CALLBACK_BY_CACHE',
  'SI3_SYNC_FILTER',
  'W1_DEDUP',
  'W9_FORGET',
  'S18_TOO_OLD_WATCH',
  'S23_BOOKMARKS',
  'S33_CACHE_REINIT',
  'S38_REPLICA_LAG',
  'S38_STICKY_CONNECTIONS',
  'S25_ALREADY_EXISTS',
  'S26_OPTIMISTIC_CONCURRENCY',
  'S28_FINALIZERS',
  'K2_CLIENT_RATE_LIMIT',
  'K4_RETRY_AFTER',
  'F1_ARRIVAL_ORDER',
  'F3_ATOMIC_REPLACE',
  'F7_POP_BATCH',
  'R18_WATCH_LIST',
  'R21_WATCH_LIST_FALLBACK',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** The switches; all true. Only tests change them, and only through withRulesOff. */
export const RULES: Record<RuleId, boolean> = {
  D7_REPLACE_TOMBSTONES: true,
  D11_SYNCED_AFTER_INITIAL_POPS: true,
  D13_KEEP_POSITION: true,
  R11_REWATCH_WITHOUT_RELIST: true,
  R13_RELIST_AFTER_WATCH_ERROR: true,
  R16_RESYNC_FROM_CACHE: true,
  SI2_CALLBACK_BY_CACHE: true,
  SI3_SYNC_FILTER: true,
  W1_DEDUP: true,
  W9_FORGET: true,
  S18_TOO_OLD_WATCH: true,
  S23_BOOKMARKS: true,
  S33_CACHE_REINIT: true,
  S38_REPLICA_LAG: true,
  S38_STICKY_CONNECTIONS: true,
  S25_ALREADY_EXISTS: true,
  S26_OPTIMISTIC_CONCURRENCY: true,
  S28_FINALIZERS: true,
  K2_CLIENT_RATE_LIMIT: true,
  K4_RETRY_AFTER: true,
  F1_ARRIVAL_ORDER: true,
  F3_ATOMIC_REPLACE: true,
  F7_POP_BATCH: true,
  R18_WATCH_LIST: true,
  R21_WATCH_LIST_FALLBACK: true,
};

/** Runs `fn` with the given rules switched off, and switches them back on afterwards (even if it throws). */
export function withRulesOff<T>(ids: readonly RuleId[], fn: () => T): T {
  const saved = ids.map((id) => [id, RULES[id]] as const);
  for (const id of ids) RULES[id] = false;
  try {
    return fn();
  } finally {
    for (const [id, v] of saved) RULES[id] = v;
  }
}

/** True when every rule is on (what every non-test run must see). */
export function allRulesOn(): boolean {
  return RULE_IDS.every((id) => RULES[id]);
}
