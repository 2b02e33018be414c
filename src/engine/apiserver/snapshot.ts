/**
 * The state of one kind at an older revision N, rebuilt by rolling back the history events newer than
 * N (newest first): an ADDED is undone by removing the key, a MODIFIED or DELETED by restoring `prev`.
 * This is what lets the server answer an "Exact N" list (S8) and serve every page of a paginated list
 * at the first page's revision (S13). Possible iff compactedRv ≤ N ≤ revision (the history holds every
 * event after compactedRv).
 */
import type { Kind, KObject } from '../model/objects';
import { historyAt } from './history';
import { objectKey } from './kinds';
import type { ApiServerState } from './state';

export interface Snapshot {
  /** Keys ascending (S11). */
  readonly keys: readonly string[];
  readonly objects: readonly KObject[];
}

/** The objects of `kind` at revision rv in key order, or null if rv is compacted or in the future. */
export function snapshotAt(s: ApiServerState, kind: Kind, rv: number): Snapshot | null {
  if (rv < s.compactedRv || rv > s.revision) return null;
  const st = s.stores[kind];
  if (rv === s.revision) {
    return { keys: st.keys, objects: st.keys.map((k) => st.objects.get(k)!) };
  }
  const state = new Map(st.objects);
  const h = s.history;
  // Invariant (state.ts): the event of revision r is at index r − compactedRv − 1.
  for (let i = h.size - 1; i >= rv - s.compactedRv; i--) {
    const ev = historyAt(h, i);
    if (ev.kind !== kind) continue;
    const key = objectKey(ev.object.metadata.namespace, ev.object.metadata.name);
    if (ev.type === 'ADDED') state.delete(key);
    else state.set(key, ev.prev!);
  }
  const keys = [...state.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys, objects: keys.map((k) => state.get(k)!) };
}
