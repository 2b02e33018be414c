/**
 * Figure 3 of `npm run bench`: DeltaFIFO + Indexer + workqueue operations per second on a fixed workload
 * that a client-go v0.26.15 Go benchmark ran the same way (docs/PERFORMANCE.md):
 *
 * - 1,000 keys (`bench/obj-0000` … `bench/obj-0999`), 1,000,000 writes in round-robin key order; a key's
 *   first write is `Add`, every later one `Update`, each with a new object carrying a new resourceVersion
 *   (the write's number);
 * - after every 4 writes, one round: 4 `Pop`s, each applying its deltas to the indexer with processDeltas
 *   (update if present, else add) and adding the key to a rate-limited workqueue (default controller
 *   limiter, name "bench"); then the workqueue is drained: `Get`, a `GetByKey` on the indexer, `Done`.
 *
 * One op per write, per Pop, per Get and per Done: 4,000,000 ops per run.
 *
 * `runRealFifoWq` runs the same workload on the modern pipeline (client-go v0.36.3, settings.era modern),
 * as the v0.36.3 Go benchmark does: RealFIFO `Add`/`Update` (one entry per write), one delta per `Pop`
 * (every write popped) processed by processDeltas into the indexer with its resourceVersion, then the
 * same workqueue drain. Same op count.
 */
import { fifoAdd, fifoPop, fifoUpdate, newDeltaFifo } from '../../engine/client-go/delta-fifo';
import { indexerGetByKey, newIndexer } from '../../engine/client-go/indexer';
import { type IndexerRvState, newIndexerRv } from '../../engine/client-go/indexer-rv';
import { processDeltas } from '../../engine/client-go/process-deltas';
import { processRealDelta } from '../../engine/client-go/process-real-deltas';
import {
  newRealFifo,
  realFifoAdd,
  realFifoFinish,
  realFifoTake,
  realFifoUpdate,
} from '../../engine/client-go/real-fifo';
import { newWorkqueue, wqAdd, wqDone, wqGet } from '../../engine/client-go/workqueue';
import type { MetaObject } from '../../engine/model/objects';

export const FIFO_WQ_KEYS = 1000;
export const FIFO_WQ_WRITES = 1_000_000;
const WRITES_PER_ROUND = 4;

/** The objects written: just the metadata client-go's machinery looks at. */
interface BenchObject extends MetaObject {
  readonly metadata: { readonly namespace: string; readonly name: string; readonly resourceVersion: string };
}

export interface FifoWqRun {
  readonly ops: number;
  readonly ms: number;
  /** Sanity figures: objects in the indexer at the end, items handed out by the workqueue. */
  readonly cached: number;
  readonly gets: number;
}

/** Runs the workload once with `writes` writes (a multiple of 4) and times it. */
export function runFifoWq(writes: number = FIFO_WQ_WRITES, keys: number = FIFO_WQ_KEYS): FifoWqRun {
  const names: string[] = [];
  for (let k = 0; k < keys; k++) names.push(`obj-${String(k).padStart(4, '0')}`);
  const fifo = newDeltaFifo<BenchObject>({ emitReplaced: true });
  const indexer = newIndexer<BenchObject>(['namespace']);
  const queue = newWorkqueue({ name: 'bench', limiter: { type: 'default' }, now: 0 });
  let ops = 0;
  let gets = 0;
  let now = 0;
  const t0 = performance.now();
  for (let i = 0; i < writes; ) {
    for (let j = 0; j < WRITES_PER_ROUND && i < writes; j++, i++) {
      const obj: BenchObject = {
        metadata: { namespace: 'bench', name: names[i % keys]!, resourceVersion: String(i + 1) },
      };
      if (i < keys) fifoAdd(fifo, obj);
      else fifoUpdate(fifo, obj);
      ops++;
    }
    for (let j = 0; j < WRITES_PER_ROUND; j++) {
      const popped = fifoPop(fifo);
      if (popped === undefined) break;
      processDeltas(indexer, popped.deltas, popped.isInInitialList);
      wqAdd(queue, popped.key, now);
      ops++;
    }
    now++;
    for (;;) {
      const got = wqGet(queue, now);
      if (!('item' in got)) break;
      ops++;
      gets++;
      if (indexerGetByKey(indexer, got.item) === undefined) throw new Error(`${got.item} not cached`);
      wqDone(queue, got.item, now);
      ops++;
    }
  }
  const ms = performance.now() - t0;
  return { ops, ms, cached: indexer.items.size, gets };
}

/** The same workload on the modern pipeline: RealFIFO, one delta per Pop, the indexer with its RV. */
export function runRealFifoWq(writes: number = FIFO_WQ_WRITES, keys: number = FIFO_WQ_KEYS): FifoWqRun {
  const names: string[] = [];
  for (let k = 0; k < keys; k++) names.push(`obj-${String(k).padStart(4, '0')}`);
  const fifo = newRealFifo<BenchObject>();
  const store: IndexerRvState<BenchObject> = newIndexerRv<BenchObject>(['namespace']);
  const queue = newWorkqueue({ name: 'bench', limiter: { type: 'default' }, now: 0 });
  let ops = 0;
  let gets = 0;
  let now = 0;
  const t0 = performance.now();
  for (let i = 0; i < writes; ) {
    for (let j = 0; j < WRITES_PER_ROUND && i < writes; j++, i++) {
      const obj: BenchObject = {
        metadata: { namespace: 'bench', name: names[i % keys]!, resourceVersion: String(i + 1) },
      };
      if (i < keys) realFifoAdd(fifo, obj);
      else realFifoUpdate(fifo, obj);
      ops++;
    }
    for (let j = 0; j < WRITES_PER_ROUND; j++) {
      // Pop (not PopBatch): one delta; the informer's processDeltas, then the deferred finish.
      const take = realFifoTake(fifo, false);
      if (take === 'empty' || take === 'closed') break;
      const processed = processRealDelta(store, take.deltas[0]!, take.isInInitialList);
      realFifoFinish(fifo);
      const op = processed.storeOps[0]!;
      if (op.op === 'add' || op.op === 'update') wqAdd(queue, op.key, now);
      ops++;
    }
    now++;
    for (;;) {
      const got = wqGet(queue, now);
      if (!('item' in got)) break;
      ops++;
      gets++;
      if (indexerGetByKey(store.indexer, got.item) === undefined) throw new Error(`${got.item} not cached`);
      wqDone(queue, got.item, now);
      ops++;
    }
  }
  const ms = performance.now() - t0;
  return { ops, ms, cached: store.indexer.items.size, gets };
}
