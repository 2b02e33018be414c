/**
 * The `realfifo` conformance harness (conformance/README.md, "Component `realfifo`", client-go v0.36.3):
 * replays a script through the engine's RealFIFO (real-fifo.ts) and the modern informer's processing
 * (process-real-deltas.ts) against an indexer with its resourceVersion (indexer-rv.ts) and the `namespace`
 * index, with one recording handler. Everything runs in one thread: a pop returns once the handler ran
 * for everything it took, so each handler call records the indexer as processing left it.
 */
import { indexerIndexKeys, indexerList } from '../../engine/client-go/indexer';
import {
  type IndexerRvState,
  lastStoreSyncResourceVersion,
  newIndexerRv,
} from '../../engine/client-go/indexer-rv';
import { processRealTake } from '../../engine/client-go/process-real-deltas';
import {
  ERR_FIFO_CLOSED,
  newRealFifo,
  type RealDelta,
  type RealFifoState,
  realFifoAdd,
  realFifoBookmark,
  realFifoClose,
  realFifoDelete,
  realFifoFinish,
  realFifoHasSynced,
  realFifoReplace,
  realFifoResync,
  realFifoTake,
  realFifoUpdate,
} from '../../engine/client-go/real-fifo';
import { metaNamespaceKey } from '../../engine/model/objects';
import type { TraceLine, VectorScript } from './types';
import { type CObj, fromObj, objFields, renderNotification, toObj, type VObj } from './vector-objects';

/** A delta as the v0.36.3 vectors render it. */
export function renderRealDelta(d: RealDelta<CObj>): Record<string, unknown> {
  switch (d.type) {
    case 'Added':
    case 'Updated':
    case 'Deleted':
      return { type: d.type, ...objFields(d.obj) };
    case 'ReplacedAll':
      return { type: 'ReplacedAll', rv: d.rv, objs: d.objs.map(fromObj) };
    case 'SyncAll':
      return { type: 'SyncAll' };
    case 'Bookmark':
      return { type: 'Bookmark', rv: d.rv };
  }
}

/** What the indexer holds: key → the rv of the object held. */
function indexerRvs(s: IndexerRvState<CObj>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of indexerList(s.indexer)) out[metaNamespaceKey(o)] = o.metadata.resourceVersion;
  return out;
}

function pop(f: RealFifoState<CObj>, s: IndexerRvState<CObj>, batch: boolean): Record<string, unknown> {
  const take = realFifoTake(f, batch);
  if (take === 'empty') return { empty: true };
  if (take === 'closed') return { err: ERR_FIFO_CLOSED };
  const processed = processRealTake(s, take);
  // The recording handler runs each call now, after the indexer was updated for the whole take.
  const notifications = processed.notifications.map((p) => ({
    ...renderNotification(p.notification, true, true),
    indexer: indexerRvs(s),
  }));
  realFifoFinish(f);
  return { deltas: take.deltas.map(renderRealDelta), notifications };
}

export function replay(script: VectorScript): TraceLine[] {
  const fifo = newRealFifo<CObj>();
  const store = newIndexerRv<CObj>(['namespace']);
  const out: TraceLine[] = [];
  script.ops.forEach((raw, i) => {
    const op = String(raw.op);
    let fields: Record<string, unknown> = {};
    switch (op) {
      case 'add':
        realFifoAdd(fifo, toObj(raw.obj as VObj));
        break;
      case 'update':
        realFifoUpdate(fifo, toObj(raw.obj as VObj));
        break;
      case 'delete':
        realFifoDelete(fifo, toObj(raw.obj as VObj));
        break;
      case 'replace':
        realFifoReplace(fifo, (raw.objs as VObj[]).map(toObj), String(raw.rv));
        break;
      case 'resync':
        realFifoResync(fifo);
        break;
      case 'bookmark':
        realFifoBookmark(fifo, String(raw.rv));
        break;
      case 'close':
        realFifoClose(fifo);
        break;
      case 'pop':
      case 'popBatch':
        fields = pop(fifo, store, op === 'popBatch');
        break;
      case 'hasSynced':
        fields = { hasSynced: realFifoHasSynced(fifo) };
        break;
      case 'known':
        fields = {
          known: indexerList(store.indexer).map((o) => ({ key: metaNamespaceKey(o), obj: fromObj(o) })),
        };
        break;
      case 'storeRV':
        fields = { storeRV: lastStoreSyncResourceVersion(store) };
        break;
      case 'byNamespace':
        fields = { keys: indexerIndexKeys(store.indexer, 'namespace', String(raw.ns)) };
        break;
      default:
        throw new Error(`unknown realfifo op ${JSON.stringify(op)}`);
    }
    out.push({ i, op, ...fields });
  });
  return out;
}
