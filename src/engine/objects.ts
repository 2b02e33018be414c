/**
 * Functions over the object model (./model/objects.ts): tombstones and the key functions (I1, D2).
 */
import type { DeletedFinalStateUnknown, MetaObject } from './model/objects';

export function isTombstone<T>(x: T | DeletedFinalStateUnknown<T>): x is DeletedFinalStateUnknown<T> {
  return (x as { $tombstone?: unknown }).$tombstone === true;
}

/** MetaNamespaceKeyFunc (I1): "ns/name", or "name" for cluster-scoped objects. */
export function metaNamespaceKey(obj: MetaObject): string {
  const m = obj.metadata;
  return m.namespace === '' ? m.name : `${m.namespace}/${m.name}`;
}

/** DeletionHandlingMetaNamespaceKeyFunc (I1, D2): a tombstone's key, else MetaNamespaceKeyFunc. */
export function deletionHandlingKey<T extends MetaObject>(obj: T | DeletedFinalStateUnknown<T>): string {
  return isTombstone(obj) ? obj.key : metaNamespaceKey(obj);
}

/** SplitMetaNamespaceKey (I1): one part (name) or two (ns/name); more is an error. */
export function splitMetaNamespaceKey(key: string): { namespace: string; name: string } | { error: string } {
  const parts = key.split('/');
  if (parts.length === 1) return { namespace: '', name: parts[0]! };
  if (parts.length === 2) return { namespace: parts[0]!, name: parts[1]! };
  return { error: `unexpected key format: "${key}"` };
}
