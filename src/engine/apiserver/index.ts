/**
 * The simulated kube-apiserver (spec §1, S1–S41, the classic 1.26 server): etcd and one Cacher per
 * resource; pure, synchronous functions over plain-data state.
 * The simulator core owns time (latencies, timers); these functions take `now` where they need it.
 */

export type { CacherState } from './cacher';
export { cacherOldest, cacherReady, cacherRvAt } from './cacher';
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
export { catchUpCaches, etcdCompactorTick, etcdOtherWrite } from './etcd';
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
  serverDown,
  serverReplicaDown,
  serverRequestFault,
  serverRestart,
  serverRestartReplica,
  serverStart,
  serverStartReplica,
  setErrorResponses,
  setRefuseConnections,
} from './faults';
export { findOrphanDeployments } from './gc';
export type { CacheEntry, HistoryRing } from './history';
export { EVENT_FRESH_MS, RING_MAX_CAPACITY, RING_MIN_CAPACITY } from './history';
export { KIND_INFO, KINDS, objectKey, qualifiedResource } from './kinds';
export type { ListOk, ListOptions, ListResult } from './list';
export { CACHE_WAIT_MS, parseResourceVersion, serverList, serverListWaitUntil } from './list';
export type { TemplateMeta } from './object-builders';
export { emptyObject, metaWith, newDeploymentObject, newFooObject, objectWith } from './object-builders';
export {
  serverGet,
  serverHistory,
  serverObjects,
  serverObjectsAt,
  serverOpenWatches,
  serverRecentRequests,
} from './queries';
export { replicaSnapshot } from './replica-cache';
export { serverReplicaArrivals } from './replica-feed';
export type { FeedEntry, ReplicaState } from './replicas';
export {
  replicaLagAt,
  replicaNextArrival,
  replicaPendingEvents,
  replicaSetLag,
} from './replicas';
export type { RequestRecord, RequestVerb } from './request-log';
export { tagLastRequest } from './request-log';
export type {
  ApiServerOptions,
  ApiServerState,
  FaultState,
  OpenWatch,
  ServerConfig,
  ServerVersion,
} from './state';
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
  serverWatchWaitUntil,
} from './watch';
export type { ObjectPatch, UpdateOptions, WriteFailure, WriteOk, WriteResult } from './writes';
export { serverCreate, serverDelete, serverPatch, serverRemoveFinalizer, serverUpdate } from './writes';
