/**
 * The current objects of one kind: a Map by storage key plus the keys kept sorted, so a LIST returns
 * items in key order (S11, etcd range order: byte order of "namespace/name") and a page after a given
 * key is a binary search away (S13).
 *
 * Keys compare with `<` on JS strings (UTF-16 code units), which is byte order for the ASCII names
 * Kubernetes allows.
 */
import { SharedMap } from '../kernel/shared-map';
import type { KObject } from '../model/objects';

export interface KindStore {
  /** Shared with keyframes shard by shard (kernel/shared-map.ts); its iteration order is not key order. */
  readonly objects: SharedMap<KObject>;
  /** The keys of `objects`, ascending. */
  readonly keys: string[];
}

export function newKindStore(): KindStore {
  return { objects: new SharedMap(), keys: [] };
}

/** Index of the first element of `keys` that is ≥ key. */
export function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of `keys` that is > key. */
export function upperBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function storePut(st: KindStore, key: string, obj: KObject): void {
  if (!st.objects.has(key)) st.keys.splice(lowerBound(st.keys, key), 0, key);
  st.objects.set(key, obj);
}

export function storeRemove(st: KindStore, key: string): void {
  if (!st.objects.delete(key)) return;
  st.keys.splice(lowerBound(st.keys, key), 1);
}

/** All objects in key order. */
export function storeSorted(st: KindStore): KObject[] {
  const out = new Array<KObject>(st.keys.length);
  for (let i = 0; i < st.keys.length; i++) out[i] = st.objects.get(st.keys[i]!)!;
  return out;
}
