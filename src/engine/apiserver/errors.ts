/**
 * API errors of the simulated kube-apiserver, as plain data shaped like metav1.Status, with the exact
 * message texts of the real server (apimachinery pkg/api/errors/errors.go, apiserver
 * pkg/storage/etcd3/errors.go, pkg/storage/errors.go, pkg/registry/generic/registry/store.go).
 *
 * Rules: S7 (504 "Too large resource version"), S8 (410 list too old), S13 (400 continue + RV),
 * S14 (410 expired continue with a new token), S18 (410 watch too old), S25 (409 AlreadyExists),
 * S26 (409 Conflict, 422 Invalid, 404).
 *
 * A refused connection is not an HTTP status: it is `code: 0, reason: 'ConnectionRefused'`.
 */
import type { Kind } from '../model/objects';
import { KIND_INFO, qualifiedResource } from './kinds';

/** metav1.StatusReason values used here; '' is metav1.StatusReasonUnknown. */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Expired'
  | 'Timeout'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ConnectionRefused'
  | '';

export interface StatusCause {
  readonly type: string;
  readonly message: string;
  readonly field?: string;
}

/** The status codes this server answers errors with; 0 is a refused connection (no HTTP exchange). */
export type ErrorCode = 0 | 400 | 404 | 409 | 410 | 422 | 429 | 500 | 504;

export interface ApiError {
  /** HTTP status code (a literal union, so `code === 200` tells a success from an ApiError). */
  readonly code: ErrorCode;
  readonly reason: StatusReason;
  readonly message: string;
  /** Status.details.retryAfterSeconds (the Retry-After header). */
  readonly retryAfterSeconds?: number;
  readonly causes?: readonly StatusCause[];
  /** S14: the ListMeta.continue of a 410 for an expired continue token. */
  readonly continue?: string;
}

/** store.go OptimisticLockErrorMsg (S26). */
export const OPTIMISTIC_LOCK_ERROR_MSG =
  'the object has been modified; please apply your changes to the latest version and try again';

/** etcd3/errors.go, S8. */
export const EXPIRED_LIST_MSG = 'The resourceVersion for the provided list is too old.';
/** etcd3/errors.go, the etcd-direct watch variant of S18 (used for an injected 410 on a live watch). */
export const EXPIRED_WATCH_MSG = 'The resourceVersion for the provided watch is too old.';
/** etcd3/errors.go `inconsistentContinue`, S14. */
export const INCONSISTENT_CONTINUE_MSG =
  'The provided continue parameter is too old to display a consistent list result. You can start a new ' +
  'list without the continue parameter, or use the continue token in this response to retrieve the ' +
  'remainder of the results. Continuing with the provided token results in an inconsistent list - ' +
  'objects that were created, modified, or deleted between the time the first chunk was returned and now ' +
  'may show up in the list.';
/** etcd3/store.go ErrResourceVersionSetOnCreate (S25). */
export const RV_SET_ON_CREATE_MSG = 'resourceVersion should not be set on objects to be created';

export function notFound(kind: Kind, name: string): ApiError {
  return { code: 404, reason: 'NotFound', message: `${qualifiedResource(kind)} "${name}" not found` };
}

/** S25; `terminating` adds registry/store.go's "object is being deleted: " prefix. */
export function alreadyExists(kind: Kind, name: string, terminating: boolean): ApiError {
  const base = `${qualifiedResource(kind)} "${name}" already exists`;
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: terminating ? `object is being deleted: ${base}` : base,
  };
}

/** errors.NewConflict: "Operation cannot be fulfilled on <resource> "<name>": <err>". */
export function conflict(kind: Kind, name: string, err: string = OPTIMISTIC_LOCK_ERROR_MSG): ApiError {
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": ${err}`,
  };
}

/**
 * The UID precondition of an update failed (storage.Preconditions.Check → StorageError InvalidObj →
 * InterpretUpdateError → Conflict); the real message embeds the StorageError text.
 */
export function uidPreconditionConflict(
  kind: Kind,
  namespace: string,
  name: string,
  sentUid: string,
  storedUid: string,
): ApiError {
  const key = `${KIND_INFO[kind].etcdPrefix}/${namespace}/${name}`;
  return conflict(
    kind,
    name,
    `StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: ` +
      `Precondition failed: UID in precondition: ${sentUid}, UID in object meta: ${storedUid}`,
  );
}

/**
 * errors.NewInvalid with one field error. `kindLabel` is the GroupKind string: the registry's RV check
 * uses the *resource* as the kind ("foos.samplecontroller.k8s.io"), strategy validation uses the Kind
 * ("Foo.samplecontroller.k8s.io").
 */
export function invalid(
  kindLabel: string,
  name: string,
  field: string,
  detail: string,
  type: string,
): ApiError {
  return {
    code: 422,
    reason: 'Invalid',
    message: `${kindLabel} "${name}" is invalid: ${field}: ${detail}`,
    causes: [{ type, message: detail, field }],
  };
}

/** S26: a PUT without metadata.resourceVersion on a kind that forbids unconditional updates. */
export function resourceVersionRequired(kind: Kind, name: string): ApiError {
  // The Go code formats the uint64 0 with %#v, hence "0x0".
  return invalid(
    qualifiedResource(kind),
    name,
    'metadata.resourceVersion',
    'Invalid value: 0x0: must be specified for an update',
    'FieldValueInvalid',
  );
}

/** ValidateObjectMetaUpdate: finalizers may only be removed once deletionTimestamp is set. */
export function newFinalizersForbidden(kind: Kind, name: string, added: readonly string[]): ApiError {
  const list = added.map((f) => `"${f}"`).join(', ');
  return invalid(
    `${kind}.${KIND_INFO[kind].group}`,
    name,
    'metadata.finalizers',
    `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${list}}`,
    'FieldValueForbidden',
  );
}

/**
 * S24: a watch with sendInitialEvents on a server whose `WatchList` gate is off. The handler
 * (as@36:pkg/endpoints/handlers/get.go:217–219) wraps validateWatchOptions' field error
 * (am@36:pkg/apis/meta/internalversion/validation/validation.go) in errors.NewInvalid for the GroupKind
 * ListOptions.meta.k8s.io with an empty name: 422 Invalid.
 */
export function watchListForbidden(): ApiError {
  return invalid(
    'ListOptions.meta.k8s.io',
    '',
    'sendInitialEvents',
    'Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled',
    'FieldValueForbidden',
  );
}

export function badRequest(message: string): ApiError {
  return { code: 400, reason: 'BadRequest', message };
}

/** errors.NewResourceExpired: 410 Gone with reason Expired (S8, S14, S18). */
export function expired(message: string, continueToken?: string): ApiError {
  return continueToken === undefined
    ? { code: 410, reason: 'Expired', message }
    : { code: 410, reason: 'Expired', message, continue: continueToken };
}

/** S18 (watch cache): `too old resource version: N (M)`. */
export function tooOldWatch(requested: number, oldestServable: number): ApiError {
  return expired(`too old resource version: ${requested} (${oldestServable})`);
}

/**
 * S7/S10: storage.NewTooLargeResourceVersionError, built on errors.NewTimeoutError, which prefixes the
 * message with "Timeout: " (so the wire message is "Timeout: Too large resource version: N, current: M").
 */
export function tooLargeResourceVersion(requested: number, current: number): ApiError {
  return {
    code: 504,
    reason: 'Timeout',
    message: `Timeout: Too large resource version: ${requested}, current: ${current}`,
    retryAfterSeconds: 1,
    causes: [{ type: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
  };
}

/** The apiserver's max-in-flight / priority-and-fairness rejection. */
export function tooManyRequests(): ApiError {
  return {
    code: 429,
    reason: 'TooManyRequests',
    message: 'Too many requests, please try again later.',
    retryAfterSeconds: 1,
  };
}

/** errors.NewInternalError: "Internal error occurred: <err>". */
export function internalError(err: string): ApiError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${err}` };
}

/** A plain Go error surfacing from storage (ErrorToAPIStatus): 500 with reason Unknown (''). */
export function unknownServerError(message: string): ApiError {
  return { code: 500, reason: '', message };
}

/** Not an HTTP answer: the TCP connection was refused (what client-go's net.OpError says). */
export function connectionRefused(): ApiError {
  return {
    code: 0,
    reason: 'ConnectionRefused',
    message: 'dial tcp 10.96.0.1:443: connect: connection refused',
  };
}
