/** Vector objects `{ns, name, rv, data}` ⇄ engine MetaObjects, and the README's common rendering. */
import type { Notification } from '../../engine/client-go/process-deltas';
import type { DeletedFinalStateUnknown, MetaObject } from '../../engine/model/objects';
import { isTombstone } from '../../engine/model/objects';

export interface VObj {
  ns: string;
  name: string;
  rv: string;
  data: string;
}

/** The engine-side object: a MetaObject carrying the opaque data string. */
export interface CObj extends MetaObject {
  readonly data: string;
}

export function toObj(v: VObj): CObj {
  return { metadata: { namespace: v.ns, name: v.name, resourceVersion: v.rv }, data: v.data };
}

export function fromObj(o: CObj): VObj {
  return { ns: o.metadata.namespace, name: o.metadata.name, rv: o.metadata.resourceVersion, data: o.data };
}

/** `obj` field plus, for a tombstone, `tombstone: true` and `key` beside it (README "Common rendering"). */
export function objFields(o: CObj | DeletedFinalStateUnknown<CObj>): Record<string, unknown> {
  if (isTombstone(o)) return { obj: o.obj === null ? null : fromObj(o.obj), tombstone: true, key: o.key };
  return { obj: fromObj(o) };
}

/**
 * A handler call as the vectors render it; `withIsSync` adds the isSync flag of updates (the deltafifo and
 * realfifo components), `withIsInInitialList` the isInInitialList flag of adds (every v0.36.3 component).
 */
export function renderNotification(
  n: Notification<CObj>,
  withIsSync: boolean,
  withIsInInitialList = false,
): Record<string, unknown> {
  switch (n.kind) {
    case 'add':
      return withIsInInitialList
        ? { kind: 'add', ...objFields(n.obj), isInInitialList: n.isInInitialList }
        : { kind: 'add', ...objFields(n.obj) };
    case 'update': {
      const r: Record<string, unknown> = { kind: 'update', old: fromObj(n.old), new: fromObj(n.new) };
      if (withIsSync) r.isSync = n.old.metadata.resourceVersion === n.new.metadata.resourceVersion;
      return r;
    }
    case 'delete':
      return { kind: 'delete', ...objFields(n.obj) };
  }
}
