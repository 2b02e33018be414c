/**
 * The simulated kube-apiserver (spec §1, S1–S30): pure, synchronous functions over plain-data state.
 * The simulator core owns time (latencies, timers); these functions take `now` where they need it.
 */
export { nextRevision } from './commit';
export { decodeContinue, encodeContinue } from './continue-token';
export type { ApiError, ErrorCode, StatusCause, StatusReason } from './errors';
export {
  alreadyExists,
  badRequest,
  conflict,
  connectionRefused,
  expired,
  internalError,
  notFound,
  OPTIMISTIC_LOCK_ERROR_MSG,
  tooLargeResourceVersion,
  tooManyRequests,
  tooOldWatch,
} from './errors';
export type {
  BookmarkEvent,
  ErrorEvent,
  HistoryEvent,
  ObjectEvent,
  ObjectEventType,
  WatchDelivery,
  WatchEvent,
} from './events';
export {
  clearFaults,
  serverCompact,
  serverRequestFault,
  setErrorResponses,
  setRefuseConnections,
} from './faults';
export { findOrphanDeployments } from './gc';
export { KIND_INFO, KINDS, objectKey, qualifiedResource } from './kinds';
export type { ListOk, ListOptions, ListResult } from './list';
export { parseResourceVersion, serverList } from './list';
export type { TemplateMeta } from './object-builders';
export { emptyObject, newDeploymentObject, newFooObject } from './object-builders';
export {
  serverGet,
  serverHistory,
  serverObjects,
  serverObjectsAt,
  serverOpenWatches,
  serverRecentRequests,
} from './queries';
export type { RequestRecord, RequestVerb } from './request-log';
export type { ApiServerOptions, ApiServerState, FaultState, OpenWatch } from './state';
export { newApiServer } from './state';
export type { WatchOpened, WatchOptions, WatchRefusedInStream, WatchResult } from './watch';
export {
  serverCloseWatch,
  serverDueBookmarks,
  serverExpiredWatches,
  serverGetWatch,
  serverNextWatchTimer,
  serverWatch,
  serverWatchError,
} from './watch';
export type { ObjectPatch, UpdateOptions, WriteFailure, WriteOk, WriteResult } from './writes';
export { serverCreate, serverDelete, serverPatch, serverRemoveFinalizer, serverUpdate } from './writes';
