/**
 * Plain views of model values, the same in the engine and on the page: an object as an inspector row,
 * a trace record as the event log and the figure show it (model/frame.ts). Pure functions of model types.
 */
import type { ObjectRow, RecordView } from './frame';
import {
  type DeletedFinalStateUnknown,
  isTombstone,
  type Kind,
  type KObject,
  metaNamespaceKey,
} from './objects';
import type { TraceRecord } from './trace';

export function objectRow(o: KObject): ObjectRow {
  const m = o.metadata;
  const owner = m.ownerReferences.find((r) => r.controller);
  return {
    kind: o.kind,
    key: metaNamespaceKey(o),
    rv: m.resourceVersion,
    uid: m.uid,
    generation: m.generation,
    replicas: o.spec.replicas,
    availableReplicas: o.status.availableReplicas,
    ref: o.kind === 'Foo' ? o.spec.deploymentName : (owner?.name ?? ''),
    finalizers: m.finalizers,
    deleting: m.deletionTimestamp !== null,
  };
}

export function objOrTomb(o: KObject | DeletedFinalStateUnknown<KObject> | null): {
  row: ObjectRow | null;
  tomb: boolean;
  kind: Kind | null;
} {
  if (o === null) return { row: null, tomb: false, kind: null };
  if (isTombstone(o))
    return { row: o.obj === null ? null : objectRow(o.obj), tomb: true, kind: o.obj?.kind ?? null };
  return { row: objectRow(o), tomb: false, kind: o.kind };
}

export function recordView(r: TraceRecord): RecordView {
  const o = objOrTomb(r.object);
  return {
    step: r.step,
    time: r.time,
    lane: r.lane,
    component: r.component,
    arrow: r.arrow,
    key: r.key,
    rv: r.resourceVersion,
    message: r.message,
    params: r.params,
    objectKind: o.kind,
    tombstone: o.tomb,
    object: o.row,
  };
}
