/**
 * Read-only views of the server state for the simulator, inspectors and tests. They do not count as
 * API requests (no request log entry, no faults).
 */
import type { Kind, KObject } from '../model/objects';
import type { HistoryEvent } from './events';
import { historyToArray } from './history';
import { objectKey } from './kinds';
import { type RequestRecord, recentRequests } from './request-log';
import { snapshotAt } from './snapshot';
import type { ApiServerState, OpenWatch } from './state';
import { storeSorted } from './store';

/** The stored object, or undefined. */
export function serverGet(
  s: ApiServerState,
  kind: Kind,
  namespace: string,
  name: string,
): KObject | undefined {
  return s.stores[kind].objects.get(objectKey(namespace, name));
}

/** The current objects of a kind, in key order (S11). */
export function serverObjects(s: ApiServerState, kind: Kind): KObject[] {
  return storeSorted(s.stores[kind]);
}

/** The objects of a kind as they were at revision rv, or null if rv is compacted or in the future. */
export function serverObjectsAt(s: ApiServerState, kind: Kind, rv: number): KObject[] | null {
  const snap = snapshotAt(s, kind, rv);
  return snap === null ? null : snap.objects.slice();
}

/** A kind's watch-cache ring on a replica (default A), oldest first (S19). */
export function serverHistory(s: ApiServerState, kind: Kind, replica = 0): HistoryEvent[] {
  return historyToArray(s.replicas[replica]!.cachers[kind].ring);
}

/** The open watches, in opening order. */
export function serverOpenWatches(s: ApiServerState): OpenWatch[] {
  return [...s.watches.values()];
}

/** The recent requests, oldest first. */
export function serverRecentRequests(s: ApiServerState): RequestRecord[] {
  return recentRequests(s.requests);
}
