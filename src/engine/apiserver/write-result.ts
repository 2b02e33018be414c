/** What a write answers: the object and the event it committed, or an API error; and the watch fan-out. */
import type { KObject } from '../model/objects';
import type { ApiError } from './errors';
import type { HistoryEvent, WatchDelivery } from './events';

/** A success: 201 for a create, 200 otherwise (one member per code, so `code` narrows the union). */
export interface WriteOk<C extends 200 | 201 = 200 | 201> {
  readonly code: C;
  /** The object as the server answers it. */
  readonly object: KObject;
  /** The event written to history, or null for a no-op. */
  readonly event: HistoryEvent | null;
  readonly fanout: readonly WatchDelivery[];
}

export interface WriteFailure extends ApiError {
  readonly fanout: readonly WatchDelivery[];
}

export type WriteResult = WriteOk<200> | WriteOk<201> | WriteFailure;
