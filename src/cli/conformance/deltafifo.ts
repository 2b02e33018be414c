/**
 * The `deltafifo` conformance harness (conformance/README.md, component `deltafifo`): replays a script
 * through the engine's DeltaFIFO and, with known objects, the informer's processDeltas against an indexer
 * with the `namespace` index, rendering one trace line per op.
 */
import {
  type Delta,
  type DeltaFifoState,
  fifoAdd,
  fifoAddIfNotPresent,
  fifoDelete,
  fifoGetByKey,
  fifoHasSynced,
  fifoListKeys,
  fifoPop,
  fifoQueueKeys,
  fifoReplace,
  fifoResync,
  fifoUpdate,
  newDeltaFifo,
} from '../../engine/client-go/delta-fifo';
import { type IndexerState, indexerIndexKeys, indexerList, newIndexer } from '../../engine/client-go/indexer';
import { isSyncUpdate, type Notification, processDeltas } from '../../engine/client-go/process-deltas';
import type { DeletedFinalStateUnknown, MetaObject } from '../../engine/model/objects';
import { isTombstone, metaNamespaceKey } from '../../engine/model/objects';
import type { TraceLine, VectorScript } from './types';

/** A vector object `{ns, name, rv, data}`. */
interface VObj {
  ns: string;
  name: string;
  rv: string;
  data: string;
}

/** The engine-side object: a MetaObject carrying the opaque data string. */
interface CObj extends MetaObject {
  readonly data: string;
}

function toObj(v: VObj): CObj {
  return { metadata: { namespace: v.ns, name: v.name, resourceVersion: v.rv }, data: v.data };
}

function fromObj(o: CObj): VObj {
  return { ns: o.metadata.namespace, name: o.metadata.name, rv: o.metadata.resourceVersion, data: o.data };
}

/** `obj` field plus, for a tombstone, `tombstone: true` and `key` beside it (README "Common rendering"). */
function objFields(o: CObj | DeletedFinalStateUnknown<CObj>): Record<string, unknown> {
  if (isTombstone(o)) return { obj: o.obj === null ? null : fromObj(o.obj), tombstone: true, key: o.key };
  return { obj: fromObj(o) };
}

function renderDeltas(ds: readonly Delta<CObj>[]): unknown[] {
  return ds.map((d) => ({ type: d.type, ...objFields(d.obj) }));
}

function renderNotification(n: Notification<CObj>): Record<string, unknown> {
  switch (n.kind) {
    case 'add':
      return { kind: 'add', obj: fromObj(n.obj) };
    case 'update':
      return { kind: 'update', isSync: isSyncUpdate(n), old: fromObj(n.old), new: fromObj(n.new) };
    case 'delete':
      return { kind: 'delete', ...objFields(n.obj) };
  }
}

function pop(
  f: DeltaFifoState<CObj>,
  known: IndexerState<CObj> | null,
  requeue: boolean,
): Record<string, unknown> {
  const p = fifoPop(f);
  if (p === undefined) return { empty: true };
  const line: Record<string, unknown> = { key: p.key, deltas: renderDeltas(p.deltas) };
  if (requeue) {
    // D10: the process function returned ErrRequeue; the indexer is not touched.
    fifoAddIfNotPresent(f, p.key, p.deltas);
    line.requeued = true;
  } else if (known !== null) {
    line.notifications = processDeltas(known, p.deltas, p.isInInitialList).map((r) =>
      renderNotification(r.notification),
    );
  }
  return line;
}

export function replay(script: VectorScript): TraceLine[] {
  const fifo = newDeltaFifo<CObj>({ emitReplaced: script.emitReplaced === true });
  const known = script.knownObjects === true ? newIndexer<CObj>(['namespace']) : null;
  const out: TraceLine[] = [];
  script.ops.forEach((raw, i) => {
    const op = String(raw.op);
    let fields: Record<string, unknown> = {};
    switch (op) {
      case 'add':
        fifoAdd(fifo, toObj(raw.obj as VObj));
        break;
      case 'update':
        fifoUpdate(fifo, toObj(raw.obj as VObj));
        break;
      case 'delete':
        fifoDelete(fifo, known, toObj(raw.obj as VObj));
        break;
      case 'replace':
        fifoReplace(fifo, known, (raw.objs as VObj[]).map(toObj), String(raw.rv));
        break;
      case 'resync':
        fifoResync(fifo, known);
        break;
      case 'pop':
        fields = pop(fifo, known, raw.requeue === true);
        break;
      case 'list':
        fields = { keys: fifoListKeys(fifo), queue: fifoQueueKeys(fifo) };
        break;
      case 'hasSynced':
        fields = { hasSynced: fifoHasSynced(fifo) };
        break;
      case 'getByKey': {
        const d = fifoGetByKey(fifo, String(raw.key));
        fields = d === undefined ? { exists: false } : { exists: true, deltas: renderDeltas(d) };
        break;
      }
      case 'known':
        fields =
          known === null
            ? { err: 'no knownObjects' }
            : { known: indexerList(known).map((o) => ({ key: metaNamespaceKey(o), obj: fromObj(o) })) };
        break;
      case 'byNamespace':
        fields =
          known === null
            ? { err: 'no knownObjects' }
            : { keys: indexerIndexKeys(known, 'namespace', String(raw.ns)) };
        break;
      default:
        throw new Error(`unknown deltafifo op ${JSON.stringify(op)}`);
    }
    out.push({ i, op, ...fields });
  });
  return out;
}
