/**
 * Object diffs for a key's history: field by field between two versions of an object (rv, generation,
 * replicas, availableReplicas, finalizers, deleting, uid), and the versions of each kind a key's records
 * carried, ordered by resourceVersion with the changes from the version before. Pure.
 */
import type { ObjectRow, RecordView } from '../../engine/model/frame';

export type DiffField =
  | 'rv'
  | 'generation'
  | 'replicas'
  | 'availableReplicas'
  | 'finalizers'
  | 'deleting'
  | 'uid';

export const DIFF_FIELDS: readonly DiffField[] = [
  'rv',
  'generation',
  'replicas',
  'availableReplicas',
  'finalizers',
  'deleting',
  'uid',
];

export type FieldValue = string | number | boolean | readonly string[] | null;

export interface FieldChange {
  readonly field: DiffField;
  /** null when there was no object before (a creation). */
  readonly before: FieldValue;
  /** null when there is no object after (a deletion). */
  readonly after: FieldValue;
}

function same(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * The fields that differ from `a` to `b`, in DIFF_FIELDS order. A null side (no object) makes every
 * field of the other side a change; two nulls, or two equal versions, give [].
 */
export function objectDiff(a: ObjectRow | null, b: ObjectRow | null): FieldChange[] {
  if (a === null && b === null) return [];
  const out: FieldChange[] = [];
  for (const field of DIFF_FIELDS) {
    const before: FieldValue = a === null ? null : a[field];
    const after: FieldValue = b === null ? null : b[field];
    if (!same(before, after)) out.push({ field, before, after });
  }
  return out;
}

/** Shows a field value: arrays as "[a, b]", null as "—". */
export function formatFieldValue(v: FieldValue): string {
  if (v === null) return '—';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return String(v);
}

export interface ObjectVersion {
  readonly kind: string;
  readonly object: ObjectRow;
  /** The first record (step, time) that carried this version. */
  readonly firstStep: number;
  readonly firstTime: number;
  /** Records that carried it. */
  readonly seen: number;
  /** Changes from the previous version of the same kind (every field for the first one). */
  readonly changes: readonly FieldChange[];
}

function rvNumber(rv: string): number {
  const n = Number(rv);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

/**
 * The distinct persisted versions (by kind, uid and resourceVersion; request bodies without a
 * resourceVersion are skipped) of the object `key` names that the records carried, each kind's versions ordered by resourceVersion (a stale lister may show an old version after
 * a newer one was written; ordering by RV keeps the diffs meaningful). Kinds in order of first appearance.
 */
export function objectVersions(records: readonly RecordView[], key: string): ObjectVersion[] {
  const byKind = new Map<
    string,
    Map<string, { object: ObjectRow; firstStep: number; firstTime: number; seen: number }>
  >();
  for (const r of records) {
    const o = r.object;
    // An object without a resourceVersion is a request body (a create not yet persisted): not a version.
    if (o === null || o.key !== key || o.rv === '') continue;
    let versions = byKind.get(o.kind);
    if (versions === undefined) {
      versions = new Map();
      byKind.set(o.kind, versions);
    }
    const id = `${o.uid}@${o.rv}`;
    const v = versions.get(id);
    if (v === undefined) versions.set(id, { object: o, firstStep: r.step, firstTime: r.time, seen: 1 });
    else v.seen++;
  }
  const out: ObjectVersion[] = [];
  for (const [kind, versions] of byKind) {
    const sorted = [...versions.values()].sort(
      (a, b) => rvNumber(a.object.rv) - rvNumber(b.object.rv) || a.firstStep - b.firstStep,
    );
    let prev: ObjectRow | null = null;
    for (const v of sorted) {
      out.push({ kind, ...v, changes: objectDiff(prev, v.object) });
      prev = v.object;
    }
  }
  return out;
}

/** The records that touched `key`: their own key, or the object they carry. */
export function recordsForKey(records: readonly RecordView[], key: string): RecordView[] {
  return records.filter((r) => r.key === key || r.object?.key === key);
}
