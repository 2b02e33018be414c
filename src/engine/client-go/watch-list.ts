/**
 * One watch-list attempt of the modern reflector (client-go v0.36.3, `WatchListClient` on): the streaming
 * request that replaces the initial LIST, its temporary store and how it ends.
 *
 * Models cg@36:tools/cache/reflector.go `watchList` (the retry loop and `isErrorRetriableWithSideEffectsFn`),
 * `handleListWatch` / `handleAnyWatch` with `exitOnWatchListBookmarkReceived` (events go to a temporary
 * store; the bookmark annotated `k8s.io/initial-events-end: "true"` ends the attempt) and
 * `rewatchResourceVersion`. Recorded behaviour: conformance/vectors-v0.36/informer.
 *
 * Rules (R18–R21 as corrected in the spec, R10, R12):
 * - R19: the request is a watch with `sendInitialEvents=true`, `resourceVersionMatch=NotOlderThan`,
 *   bookmarks on, a timeout as R9's, from rewatchResourceVersion: "" when the RV is marked unavailable,
 *   else lastSyncResourceVersion ("" at the very first start).
 * - R20: ADDED / MODIFIED / DELETED go to the temporary store (a fresh one per attempt), never to the FIFO;
 *   a bookmark before the end one reaches no store (the temporary store is no ReflectorBookmarkStore);
 *   the attempt's resourceVersion follows every event once a non-ADDED one (a bookmark counts) has come,
 *   so at the end bookmark it is that bookmark's RV. The caller then hands the temporary store's objects
 *   to the FIFO as one Replace with that RV and keeps reading the same stream as its watch.
 * - R21: a refused connection or 429 (on the request or as an ERROR event) backs off and tries again; an
 *   Expired or "Too large resource version" answer marks the RV unavailable and tries again at once (so
 *   from ""); anything else, a 422 from a server without WatchList or an ERROR 500 included, falls back
 *   to LIST then WATCH in the same ListAndWatch. A stream that closes cleanly before its end bookmark is
 *   tried again at once from the same RV if it delivered an event or lasted a second; otherwise it is a
 *   very short watch (R12), which falls back to LIST too.
 *
 * Simplifications: the temporary store is an indexer without indices (indexer.ts, as the real one is a
 * plain Store), whose List is sorted by key where Go's map order is arbitrary (the vectors' convention).
 */
import type { KObject } from '../model/objects';
import { type IndexerState, indexerAdd, indexerDelete, indexerLen, indexerList, newIndexer } from './indexer';
import {
  type ApiError,
  type ClientWatchEvent,
  isExpiredError,
  isTooLargeResourceVersionError,
  type WatchRequest,
} from './reflector-types';

export interface WatchListState {
  /** The RV the request asked for (rewatchResourceVersion). */
  readonly requestRv: string;
  /** When the request was sent (the very-short-watch clock, R12). */
  readonly startedAt: number;
  /** Server-side stream id once open. */
  streamId: number | null;
  /** Events received on this stream, bookmarks included. */
  eventCount: number;
  /** A MODIFIED, DELETED or BOOKMARK has come: past any synthetic ADDED events. */
  eventReceivedBesidesAdded: boolean;
  /** The RV handed to Replace: the last event's once eventReceivedBesidesAdded, else "". */
  resourceVersion: string;
  /** R20's temporary store. */
  temporaryStore: IndexerState<KObject>;
}

/** What one event did to the attempt. */
export type WatchListEventOutcome =
  | { readonly kind: 'stored'; readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly rv: string }
  /** A bookmark; `end` when it carries the initial-events-end annotation (the attempt succeeded). */
  | { readonly kind: 'bookmark'; readonly rv: string; readonly end: boolean }
  | { readonly kind: 'error'; readonly error: ApiError };

/** How the attempt's failure is handled (R21, `isErrorRetriableWithSideEffectsFn`). */
export type WatchListRetry = 'backoff' | 'from-empty' | 'fallback-to-list';

/** R19: rewatchResourceVersion. */
export function rewatchResourceVersion(r: {
  readonly lastSyncResourceVersion: string;
  readonly isLastSyncResourceVersionUnavailable: boolean;
}): string {
  return r.isLastSyncResourceVersionUnavailable ? '' : r.lastSyncResourceVersion;
}

export function newWatchList(requestRv: string, now: number): WatchListState {
  return {
    requestRv,
    startedAt: now,
    streamId: null,
    eventCount: 0,
    eventReceivedBesidesAdded: false,
    resourceVersion: '',
    temporaryStore: newIndexer<KObject>([]),
  };
}

/** R19: the watch-list request. */
export function watchListRequest(rv: string, timeoutMs: number): WatchRequest {
  return {
    verb: 'watch',
    resourceVersion: rv,
    timeoutMs,
    allowWatchBookmarks: true,
    sendInitialEvents: true,
    resourceVersionMatch: 'NotOlderThan',
  };
}

/** R21: what a failed attempt leads to. */
export function classifyWatchListError(err: ApiError): WatchListRetry {
  if (err.code === 0 || err.code === 429) return 'backoff';
  if (isExpiredError(err) || isTooLargeResourceVersionError(err)) return 'from-empty';
  return 'fallback-to-list';
}

/** One event of the attempt's stream (handleAnyWatch with exitOnWatchListBookmarkReceived, R20). */
export function watchListOnEvent(wl: WatchListState, ev: ClientWatchEvent): WatchListEventOutcome {
  if (ev.type === 'ERROR') {
    return {
      kind: 'error',
      error: ev.status ?? { code: 500, reason: 'InternalError', message: 'unknown watch error' },
    };
  }
  let outcome: WatchListEventOutcome;
  if (ev.type === 'BOOKMARK') {
    wl.eventReceivedBesidesAdded = true;
    const rv = ev.resourceVersion ?? ev.object?.metadata.resourceVersion ?? '';
    outcome = { kind: 'bookmark', rv, end: ev.initialEventsEnd === true };
  } else {
    const obj = ev.object!;
    if (ev.type === 'ADDED') indexerAdd(wl.temporaryStore, obj);
    else {
      wl.eventReceivedBesidesAdded = true;
      if (ev.type === 'MODIFIED') indexerAdd(wl.temporaryStore, obj);
      else indexerDelete(wl.temporaryStore, obj);
    }
    outcome = { kind: 'stored', type: ev.type, rv: obj.metadata.resourceVersion };
  }
  if (wl.eventReceivedBesidesAdded) wl.resourceVersion = outcome.rv;
  wl.eventCount++;
  return outcome;
}

/**
 * The stream ended without an error before its end bookmark: `retry` at once from the same RV, or a
 * very short watch (R12: under a second and no event), which falls back to LIST.
 */
export function watchListOnClosed(wl: WatchListState, now: number): 'retry' | 'very-short' {
  return now - wl.startedAt < 1000 && wl.eventCount === 0 ? 'very-short' : 'retry';
}

/** How many objects the temporary store holds. */
export function watchListSize(wl: WatchListState): number {
  return indexerLen(wl.temporaryStore);
}

/** The temporary store's objects for Replace (its List: sorted by key here, map order in Go). */
export function watchListObjects(wl: WatchListState): KObject[] {
  return indexerList(wl.temporaryStore);
}
