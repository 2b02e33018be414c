/**
 * What a modern (v0.36.3) shared informer does with what it pops from its RealFIFO: `HandleDeltas` for a
 * single delta and `HandleBatchDeltas` for a batch.
 *
 * Models cg@36:tools/cache/controller.go `processDeltas` (one delta: Added / Updated / Deleted /
 * ReplacedAll / SyncAll / Bookmark), `processDeltasInBatch` (a transaction, then the callbacks) and
 * `processReplacedAllInfo`, as called from shared_informer.go `handleDeltas` / `handleBatchDeltas`.
 * Recorded behaviour: conformance/vectors-v0.36/realfifo.
 *
 * Rules: SI2 [C] (update the indexer first, then notify; the callback follows the cache, not the delta
 * type: an Added for a cached key is an OnUpdate, an Updated for an uncached key an OnAdd; OnDelete is sent
 * even for a key the indexer never held; ReplacedAll: tombstones for every cached key the objects lack and
 * add-or-update for each object, both decided from the indexer before it is replaced whole, then every
 * OnDelete, then the adds/updates in the objects' order; SyncAll: OnUpdate(obj, obj) for every cached
 * object, nothing stored; Bookmark: no callback, only the indexer's RV), SI7 (a batch is decided from the
 * indexer as it was, applied in one transaction, then its callbacks run in order, so the handler for its
 * first delta already sees the others), I7 (the indexer's RV, indexer-rv.ts), SI6 (isInInitialList of the
 * take goes to every OnAdd).
 *
 * Simplifications: the notifications are returned as data, with what was done to the indexer before them,
 * for the caller to distribute to listeners (SI3, SI5) and to narrate; no transformer. Where the real code
 * iterates a Go map (the indexer's keys for ReplacedAll's tombstones, its objects for SyncAll) the order
 * is sorted by key, as the v0.36.3 vectors record by convention.
 *
 * Test-only rule switches (src/engine/rules.ts, on outside tests): SI2_CALLBACK_BY_CACHE (off: Added →
 * OnAdd and Updated → OnUpdate whatever the cache holds), F3_ATOMIC_REPLACE (off: a ReplacedAll applied
 * key by key, with no whole replacement of the indexer).
 */
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { deletionHandlingKey, isTombstone } from '../model/objects';
import { RULES } from '../rules';
import { indexerGetByKey, indexerLen, indexerList, indexerListKeys } from './indexer';
import {
  type IndexerRvState,
  type StoreTransaction,
  storeBookmark,
  storeDelete,
  storeReplace,
  storeTransaction,
  storeUpsertKeyed,
} from './indexer-rv';
import type { Notification } from './process-deltas';
import {
  type RealDelta,
  type RealDeltaType,
  type RealFifoState,
  type RealFifoTake,
  type RealObjectDelta,
  realFifoFinish,
  realFifoTake,
} from './real-fifo';

/** What processing did to the indexer, in order; every store operation precedes every notification. */
export type RealStoreOp<T> =
  | {
      readonly op: 'add' | 'update' | 'delete';
      readonly key: string;
      readonly obj: T | DeletedFinalStateUnknown<T>;
      readonly delta: 'Added' | 'Updated' | 'Deleted';
    }
  /** ReplacedAll: the indexer now holds exactly `items` objects; `tombstones` keys went away. */
  | { readonly op: 'replace'; readonly items: number; readonly tombstones: number; readonly rv: string }
  | { readonly op: 'bookmark'; readonly rv: string };

/** One handler call, with the key it is about and the delta that caused it. */
export interface RealNotified<T> {
  readonly key: string;
  readonly cause: RealDeltaType;
  readonly notification: Notification<T>;
}

export interface RealProcessed<T> {
  readonly storeOps: readonly RealStoreOp<T>[];
  readonly notifications: readonly RealNotified<T>[];
}

/** The callback of an Added/Updated delta whose key the indexer holds as `old` (or not, SI2). */
function upsertNotification<T extends MetaObject>(
  d: RealObjectDelta<T>,
  obj: T,
  old: T | undefined,
  isInInitialList: boolean,
): Notification<T> {
  // RULES.SI2_CALLBACK_BY_CACHE off (tests only): the delta type decides.
  const asUpdate = RULES.SI2_CALLBACK_BY_CACHE ? old !== undefined : d.type === 'Updated';
  return asUpdate ? { kind: 'update', old: old ?? obj, new: obj } : { kind: 'add', obj, isInInitialList };
}

function objectOf<T extends MetaObject>(d: RealObjectDelta<T>): T {
  // F1: only a Deleted delta may carry a tombstone.
  if (isTombstone(d.obj)) throw new Error(`${d.type} delta for ${d.obj.key} carries a tombstone`);
  return d.obj;
}

/** processDeltas for one delta (SI2 [C], I7). */
export function processRealDelta<T extends MetaObject>(
  s: IndexerRvState<T>,
  d: RealDelta<T>,
  isInInitialList: boolean,
): RealProcessed<T> {
  switch (d.type) {
    case 'Added':
    case 'Updated': {
      const obj = objectOf(d);
      const key = deletionHandlingKey(obj);
      const old = indexerGetByKey(s.indexer, key);
      storeUpsertKeyed(s, key, obj, old);
      return {
        storeOps: [{ op: old === undefined ? 'add' : 'update', key, obj, delta: d.type }],
        notifications: [
          { key, cause: d.type, notification: upsertNotification(d, obj, old, isInInitialList) },
        ],
      };
    }
    case 'Deleted': {
      const key = deletionHandlingKey(d.obj);
      storeDelete(s, d.obj);
      return {
        storeOps: [{ op: 'delete', key, obj: d.obj, delta: 'Deleted' }],
        notifications: [{ key, cause: 'Deleted', notification: { kind: 'delete', obj: d.obj } }],
      };
    }
    case 'ReplacedAll':
      return processReplacedAll(s, d.objs, d.rv, isInInitialList);
    case 'SyncAll':
      // The indexer's List (Go map order; sorted here): OnUpdate(obj, obj), a sync (SI3).
      return {
        storeOps: [],
        notifications: indexerList(s.indexer).map((obj) => ({
          key: deletionHandlingKey(obj),
          cause: 'SyncAll' as const,
          notification: { kind: 'update' as const, old: obj, new: obj },
        })),
      };
    case 'Bookmark':
      storeBookmark(s, d.rv);
      return { storeOps: [{ op: 'bookmark', rv: d.rv }], notifications: [] };
    default: {
      const never: never = d;
      throw new Error(`unknown delta ${JSON.stringify(never)}`);
    }
  }
}

/** processReplacedAllInfo (SI2 [C]): decide from the indexer as it is, replace it whole, then notify. */
function processReplacedAll<T extends MetaObject>(
  s: IndexerRvState<T>,
  objs: readonly T[],
  rv: string,
  isInInitialList: boolean,
): RealProcessed<T> {
  const newKeys = new Set<string>();
  for (const o of objs) newKeys.add(deletionHandlingKey(o));
  const notifications: RealNotified<T>[] = [];
  // reconcileReplacement against the indexer as known objects: cached keys the list lacks (ListKeys, sorted).
  for (const key of indexerListKeys(s.indexer)) {
    if (newKeys.has(key)) continue;
    const tombstone: DeletedFinalStateUnknown<T> = {
      $tombstone: true,
      key,
      obj: indexerGetByKey(s.indexer, key) ?? null,
    };
    notifications.push({ key, cause: 'ReplacedAll', notification: { kind: 'delete', obj: tombstone } });
  }
  const tombstones = notifications.length;
  for (const obj of objs) {
    const key = deletionHandlingKey(obj);
    const old = indexerGetByKey(s.indexer, key);
    notifications.push({
      key,
      cause: 'ReplacedAll',
      notification:
        old === undefined ? { kind: 'add', obj, isInInitialList } : { kind: 'update', old, new: obj },
    });
  }
  // RULES.F3_ATOMIC_REPLACE off (tests only): one store operation per key, no whole replacement.
  if (!RULES.F3_ATOMIC_REPLACE) return replaceKeyByKey(s, notifications, rv);
  storeReplace(s, objs, rv);
  return {
    storeOps: [{ op: 'replace', items: indexerLen(s.indexer), tombstones, rv }],
    notifications,
  };
}

/** F3_ATOMIC_REPLACE off (tests only): the ReplacedAll's changes applied key by key, as Era B's deltas. */
function replaceKeyByKey<T extends MetaObject>(
  s: IndexerRvState<T>,
  notifications: readonly RealNotified<T>[],
  rv: string,
): RealProcessed<T> {
  const storeOps: RealStoreOp<T>[] = [];
  for (const { key, notification: n } of notifications) {
    if (n.kind === 'delete') {
      storeDelete(s, n.obj);
      storeOps.push({ op: 'delete', key, obj: n.obj, delta: 'Deleted' });
    } else {
      const obj = n.kind === 'add' ? n.obj : n.new;
      storeUpsertKeyed(s, key, obj, indexerGetByKey(s.indexer, key));
      storeOps.push({ op: n.kind, key, obj, delta: n.kind === 'add' ? 'Added' : 'Updated' });
    }
  }
  storeBookmark(s, rv);
  return { storeOps, notifications };
}

/**
 * processDeltasInBatch (SI7): 2..1000 Added/Updated/Deleted deltas with distinct keys (F7). Each is decided
 * from the indexer as it was before the batch, all are applied in one transaction, then every callback runs.
 */
export function processRealBatch<T extends MetaObject>(
  s: IndexerRvState<T>,
  deltas: readonly RealDelta<T>[],
  isInInitialList: boolean,
): RealProcessed<T> {
  const storeOps: RealStoreOp<T>[] = [];
  const notifications: RealNotified<T>[] = [];
  const txns: StoreTransaction<T>[] = [];
  for (const d of deltas) {
    if (d.type !== 'Added' && d.type !== 'Updated' && d.type !== 'Deleted') {
      throw new Error(`Delta type ${d.type} is not supported in batch processing`);
    }
    const key = deletionHandlingKey<T>(d.obj);
    if (d.type === 'Deleted') {
      txns.push({ type: 'Delete', obj: d.obj });
      storeOps.push({ op: 'delete', key, obj: d.obj, delta: 'Deleted' });
      notifications.push({ key, cause: 'Deleted', notification: { kind: 'delete', obj: d.obj } });
      continue;
    }
    const obj = objectOf(d);
    const old = indexerGetByKey(s.indexer, key);
    txns.push({ type: old === undefined ? 'Add' : 'Update', obj });
    storeOps.push({ op: old === undefined ? 'add' : 'update', key, obj, delta: d.type });
    notifications.push({
      key,
      cause: d.type,
      notification: upsertNotification(d, obj, old, isInInitialList),
    });
  }
  storeTransaction(s, txns);
  return { storeOps, notifications };
}

/** The informer's process function for one take: HandleBatchDeltas for a batch, else HandleDeltas. */
export function processRealTake<T extends MetaObject>(
  s: IndexerRvState<T>,
  take: RealFifoTake<T>,
): RealProcessed<T> {
  if (take.batch) return processRealBatch(s, take.deltas, take.isInInitialList);
  return processRealDelta(s, take.deltas[0]!, take.isInInitialList);
}

/**
 * One iteration of the informer's processLoop done at once (controller.go `processLoop`: PopBatch with
 * HandleBatchDeltas and HandleDeltas, or Pop when `batch` is false): take, process, finish. What the
 * caller distributes to listeners comes back with the take. A simulation that lets the reflector run
 * while a take is processed (UnlockWhileProcessing, F6) calls realFifoTake, processRealTake and
 * realFifoFinish itself instead.
 */
export function realPopAndProcess<T extends MetaObject>(
  f: RealFifoState<T>,
  s: IndexerRvState<T>,
  batch = true,
): { readonly take: RealFifoTake<T>; readonly processed: RealProcessed<T> } | 'empty' | 'closed' {
  const take = realFifoTake(f, batch);
  if (take === 'empty' || take === 'closed') return take;
  const processed = processRealTake(s, take);
  realFifoFinish(f);
  return { take, processed };
}
