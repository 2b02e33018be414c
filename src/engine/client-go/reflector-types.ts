/**
 * What a reflector sends and receives, shared by the classic reflector (reflector.ts, v0.26), the modern
 * one (reflector-modern.ts, v0.36.3) and their common list pager (list-pager.ts): the LIST and WATCH
 * requests, the answers and watch events as the client sees them, and the record emitter of their
 * environments. The simulated server and the conformance harnesses speak these types.
 */
import type { MessageId, MessageParams } from '../model/messages';
import type { KObject } from '../model/objects';
import type { Arrow, Component } from '../model/trace';

export interface ListRequest {
  readonly verb: 'list';
  readonly resourceVersion: string;
  readonly limit: number;
  readonly continue?: string;
}

export interface WatchRequest {
  readonly verb: 'watch';
  readonly resourceVersion: string;
  readonly timeoutMs: number;
  readonly allowWatchBookmarks: true;
  /**
   * R19 (modern mode only): a watch-list request, `sendInitialEvents=true` with
   * `resourceVersionMatch=NotOlderThan`: the server streams the current state as ADDED events, then a
   * BOOKMARK marked as the end of the initial events.
   */
  readonly sendInitialEvents?: true;
  readonly resourceVersionMatch?: 'NotOlderThan';
}

export interface ApiError {
  /** HTTP status; 0 for a refused connection (no HTTP exchange happened). */
  readonly code: number;
  readonly reason: string;
  readonly message: string;
}

export type ListResponse =
  | {
      readonly code: 200;
      readonly items: readonly KObject[];
      readonly resourceVersion: string;
      readonly continue?: string;
    }
  | ApiError;

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
export interface ClientWatchEvent {
  readonly type: WatchEventType;
  /** The object (ADDED/MODIFIED/DELETED), or a stub carrying only metadata.resourceVersion (BOOKMARK). */
  readonly object: KObject | null;
  /** BOOKMARK: the RV it carries. ERROR: the status. */
  readonly resourceVersion?: string;
  readonly status?: ApiError;
  /**
   * BOOKMARK only: the object carries the annotation `k8s.io/initial-events-end: "true"`, the end of a
   * watch-list's initial events (R20). A server without WatchList never sets it.
   */
  readonly initialEventsEnd?: true;
}

/** Emits a trace record of the catalog's message M (src/engine/model/messages.ts). */
export type ReflectorEmit = <M extends MessageId>(
  component: Component,
  arrow: Arrow,
  message: M,
  params: MessageParams<M>,
  key?: string | null,
  object?: KObject | null,
) => void;

/** R4/R21: an Expired or Gone answer (isExpiredError accepts both reasons, for old servers). */
export function isExpiredError(e: ApiError): boolean {
  return e.code === 410 || e.reason === 'Expired' || e.reason === 'Gone';
}

/** R6/R21: the "Too large resource version" answer (a 504 carrying that message). */
export function isTooLargeResourceVersionError(e: ApiError): boolean {
  return e.code === 504 && e.message.includes('Too large resource version');
}
