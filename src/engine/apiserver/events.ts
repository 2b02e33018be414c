/**
 * The events of the simulated kube-apiserver: what its history stores (S8, S19) and what a watch
 * stream carries (object events, bookmarks S23, ERROR S18). Types only.
 */
import type { Kind, KObject } from '../model/objects';
import type { ApiError } from './errors';

export type ObjectEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A change event; what the server stores in its history and sends to watchers. */
export interface ObjectEvent {
  readonly type: ObjectEventType;
  readonly kind: Kind;
  /** ADDED/MODIFIED: the new state. DELETED: the last state with its RV rewritten to `rv` (S27). */
  readonly object: KObject;
  /** The event's revision (= Number(object.metadata.resourceVersion)). */
  readonly rv: number;
}

/**
 * A history entry: the event plus `prev`, the state before it (null for ADDED), which lets a list at
 * an older revision be rebuilt (S8). History events are sent to watchers as they are (no copy);
 * `prev` is server-side bookkeeping and not part of the wire event.
 */
export interface HistoryEvent extends ObjectEvent {
  readonly prev: KObject | null;
}

/** S23: an empty object of the watched kind carrying only metadata.resourceVersion. */
export interface BookmarkEvent {
  readonly type: 'BOOKMARK';
  readonly kind: Kind;
  readonly object: KObject;
  readonly rv: number;
  /** S24: the `k8s.io/initial-events-end: "true"` annotation of the end-of-initial-events bookmark. */
  readonly initialEventsEnd: boolean;
}

/** S18 / injected errors: the stream's ERROR event, whose object is a metav1.Status. */
export interface ErrorEvent {
  readonly type: 'ERROR';
  readonly status: ApiError;
}

export type WatchEvent = ObjectEvent | BookmarkEvent | ErrorEvent;

/** One event to put on one open watch stream. */
export interface WatchDelivery {
  readonly watchId: number;
  readonly event: WatchEvent;
}
