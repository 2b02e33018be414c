/**
 * processDeltas: what the shared informer does with one popped Deltas (its HandleDeltas, Era A).
 *
 * Models cg:tools/cache/controller.go:`processDeltas` as called from
 * cg:tools/cache/shared_informer.go:`sharedIndexInformer.HandleDeltas` (v0.26).
 *
 * Rules: SI2 (for each delta, oldest first, update the indexer first, then notify; the callback is chosen
 * by cache state, not by delta type), SI3 (an update whose old and new share a resourceVersion is a sync:
 * derivable from the notification, so not stored), SI6 (isInInitialList is passed through to adds),
 * SI12 (OnDelete may carry a DeletedFinalStateUnknown).
 *
 * Simplifications: the notifications are returned as data rather than called, so the caller
 * (the informer's processor) distributes them to listeners (SI3, SI5); no transformer.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): SI2_CALLBACK_BY_CACHE.
 */
import type { DeletedFinalStateUnknown, MetaObject } from '../model/objects';
import { deletionHandlingKey, isTombstone } from '../model/objects';
import { RULES } from '../rules';
import type { Delta } from './delta-fifo';
import type { IndexerState } from './indexer';
import { indexerDeleteKeyed, indexerGetByKey, indexerPutKeyed } from './indexer';

/** A handler call: OnAdd(obj, isInInitialList), OnUpdate(old, new), OnDelete(obj) (SI10). */
export type Notification<T> =
  | { readonly kind: 'add'; readonly obj: T; readonly isInInitialList: boolean }
  /** isSync (SI3) is `old.metadata.resourceVersion === new.metadata.resourceVersion`. */
  | { readonly kind: 'update'; readonly old: T; readonly new: T }
  | { readonly kind: 'delete'; readonly obj: T | DeletedFinalStateUnknown<T> };

export interface ProcessedDelta<T> {
  readonly delta: Delta<T>;
  readonly key: string;
  /** What was done to the indexer (a `delete` of an absent key is a no-op, I2). */
  readonly storeOp: 'add' | 'update' | 'delete';
  readonly notification: Notification<T>;
}

/** SI3: a "sync" update (same resourceVersion), filtered per listener by the resync flags. */
export function isSyncUpdate<T extends MetaObject>(n: Notification<T>): boolean {
  return n.kind === 'update' && n.old.metadata.resourceVersion === n.new.metadata.resourceVersion;
}

/**
 * Test-only (RULES.SI2_CALLBACK_BY_CACHE off, src/engine/rules.ts): the callback follows the delta type,
 * Added/Replaced → OnAdd and Updated/Sync → OnUpdate (old = the cached object, or the object itself).
 */
function byDeltaType<T extends MetaObject>(
  delta: Delta<T>,
  key: string,
  obj: T,
  old: T | undefined,
  isInInitialList: boolean,
): ProcessedDelta<T> {
  const storeOp = old === undefined ? 'add' : 'update';
  if (delta.type === 'Added' || delta.type === 'Replaced') {
    return { delta, key, storeOp, notification: { kind: 'add', obj, isInInitialList } };
  }
  return { delta, key, storeOp, notification: { kind: 'update', old: old ?? obj, new: obj } };
}

/**
 * Apply `deltas` (oldest first) to the indexer and return, per delta, the store operation and the
 * notification, in order (SI2).
 *
 * `fifoKey` is the key the deltas were popped under, when the caller has it (the informer's Pop): the
 * DeltaFIFO groups deltas by the same DeletionHandlingMetaNamespaceKeyFunc (D2), so it is every
 * delta's key. Passing it saves building the key again and hashing a fresh string on the indexer
 * lookup; without it each delta's key is built.
 */
export function processDeltas<T extends MetaObject>(
  ix: IndexerState<T>,
  deltas: readonly Delta<T>[],
  isInInitialList: boolean,
  fifoKey?: string,
): ProcessedDelta<T>[] {
  // One result per delta: sized up front (an array grown by push starts with 16 slots).
  const out = new Array<ProcessedDelta<T>>(deltas.length);
  for (let i = 0; i < deltas.length; i++) {
    const delta = deltas[i]!;
    const obj = delta.obj;
    const key = fifoKey ?? deletionHandlingKey(obj);
    switch (delta.type) {
      case 'Added':
      case 'Updated':
      case 'Replaced':
      case 'Sync': {
        // D1/D7: only Deleted deltas carry tombstones; anything else is a caller bug.
        if (isTombstone(obj)) throw new Error(`${delta.type} delta for ${key} carries a tombstone`);
        // SI2: chosen by cache state — an Added for a cached key is an update, an Updated for an
        // uncached key is an add.
        // The key is built once per delta and the cached object looked up once (Add and Update are
        // the same upsert, I2).
        const old = indexerGetByKey(ix, key);
        indexerPutKeyed(ix, key, obj, old);
        if (!RULES.SI2_CALLBACK_BY_CACHE) {
          out[i] = byDeltaType(delta, key, obj, old, isInInitialList);
        } else if (old !== undefined) {
          out[i] = { delta, key, storeOp: 'update', notification: { kind: 'update', old, new: obj } };
        } else {
          out[i] = { delta, key, storeOp: 'add', notification: { kind: 'add', obj, isInInitialList } };
        }
        break;
      }
      case 'Deleted':
        // SI2/SI12: delete (no-op if absent), then notify with the delta's object, tombstone or not.
        indexerDeleteKeyed(ix, key);
        out[i] = { delta, key, storeOp: 'delete', notification: { kind: 'delete', obj } };
        break;
      default: {
        const never: never = delta.type;
        throw new Error(`unknown delta type ${String(never)}`);
      }
    }
  }
  return out;
}
