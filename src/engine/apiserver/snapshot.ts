/**
 * etcd's state of one kind at an older revision N, rebuilt by rolling back that kind's logged events
 * newer than N (newest first): an ADDED is undone by removing the key, a MODIFIED or DELETED by
 * restoring `prev`. This is what lets etcd answer an "Exact N" list (S8) and serve every page of a
 * paginated list at the first page's revision (S13). Possible iff compactedRv ≤ N ≤ revision (the log
 * holds every event of the kind after compactedRv, S35).
 */
import type { Kind, KObject } from '../model/objects';
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
  const log = s.logs[kind];
  if (log.length === 0 || log[log.length - 1]!.rv <= rv) {
    return { keys: st.keys, objects: st.keys.map((k) => st.objects.get(k)!) };
  }
  const state = new Map(st.objects);
  for (let i = log.length - 1; i >= 0; i--) {
    const ev = log[i]!;
    if (ev.rv <= rv) break;
    const key = objectKey(ev.object.metadata.namespace, ev.object.metadata.name);
    if (ev.type === 'ADDED') state.delete(key);
    else state.set(key, ev.prev!);
  }
  const keys = [...state.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { keys, objects: keys.map((k) => state.get(k)!) };
}
