/**
 * The "byte-identical" test of S4 (etcd3/store.go GuaranteedUpdate skips a write whose encoding equals
 * the stored bytes), over the fields this object model has. Objects are flat enough that a field-wise
 * comparison is exact.
 */
import type { KObject, OwnerReference } from '../model/objects';

export function sameObject(a: KObject, b: KObject): boolean {
  if (a === b) return true;
  const am = a.metadata;
  const bm = b.metadata;
  return (
    flatEqual(a.spec, b.spec) &&
    flatEqual(a.status, b.status) &&
    am.generation === bm.generation &&
    am.deletionTimestamp === bm.deletionTimestamp &&
    recordEqual(am.labels, bm.labels) &&
    arrayEqual(am.finalizers, bm.finalizers) &&
    ownerRefsEqual(am.ownerReferences, bm.ownerReferences)
  );
}

/**
 * Equality of flat records of primitives (spec, status, owner references): the same number of keys and
 * every key of a equal in b. Plain data has no inherited enumerable keys, so for…in walks exactly
 * Object.keys, without allocating its array (this runs on every write).
 */
export function flatEqual(a: object, b: object): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

export function recordEqual(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  return flatEqual(a, b);
}

export function arrayEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function ownerRefsEqual(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!flatEqual(a[i]!, b[i]!)) return false;
  return true;
}
