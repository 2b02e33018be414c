/**
 * Writes: create, update (PUT, main resource or status subresource), patch, delete, and finalizer
 * removal (apiserver pkg/registry/generic/registry/store.go Create/Update/Delete,
 * pkg/storage/etcd3/store.go Create/GuaranteedUpdate/conditionalDelete, the CRD and Deployment
 * strategies). Rules S1, S4, S25–S28, S30 (background deletion adds no finalizer).
 *
 * Every result carries `fanout`: the event each open watch of the kind receives (none for a failure or
 * a no-op).
 *
 * - Create (S25): 201; uid (uid-000001…), creationTimestamp = now, generation 1, RV, status reset to
 *   zero (both strategies' PrepareForCreate). A set resourceVersion → 500 (etcd3 store's plain error,
 *   checked before existence). An existing key → 409 AlreadyExists, prefixed "object is being deleted: "
 *   when that object is terminating.
 * - Update (S26), in the registry's order: 404 if missing; 409 if the object's uid is set and differs
 *   (storage UID precondition); no RV → 422 Invalid for Foo, unconditional for Deployment; RV ≠ stored
 *   → 409 Conflict. The main resource takes spec, labels, finalizers, ownerReferences from the request
 *   and ignores status; the status subresource takes only status. generation + 1 iff spec changed.
 *   Finalizers cannot be added to a terminating object (422). A byte-identical result is a no-op: no
 *   revision, no event (S4).
 * - Patch: a merge patch (plain data, see ObjectPatch) applied to the latest object with no RV
 *   precondition, then the same update path.
 * - Delete (S27): no finalizers → the key is removed and DELETED carries the last state with the new
 *   RV. With finalizers (S28) → MODIFIED with deletionTimestamp = now and generation + 1; a repeated
 *   delete changes nothing. An update that empties the finalizers of a terminating object deletes it
 *   instead (ShouldDeleteDuringUpdate → deleteWithoutFinalizers): the key is removed from etcd as
 *   stored, so the DELETED event carries the stored state (finalizers still listed) at the new RV,
 *   while the response carries the updated object, as in the real registry.
 *
 * Simplifications: no admission, no defaulting or validation beyond the rules above, no generateName,
 * no DeleteOptions (preconditions, grace periods, propagation policies other than Background), no
 * managedFields.
 *
 * Test-only rule switches (src/engine/rules.ts, all on outside tests): S25_ALREADY_EXISTS,
 * S26_OPTIMISTIC_CONCURRENCY, S28_FINALIZERS.
 */
import type {
  DeploymentSpec,
  DeploymentStatus,
  FooSpec,
  FooStatus,
  Kind,
  KObject,
  OwnerReference,
} from '../model/objects';
import { RULES } from '../rules';
import { commitEvent, nextRevision } from './commit';
import {
  type ApiError,
  alreadyExists,
  conflict,
  notFound,
  RV_SET_ON_CREATE_MSG,
  resourceVersionRequired,
  uidPreconditionConflict,
  unknownServerError,
} from './errors';
import type { WatchDelivery } from './events';
import { KIND_INFO, objectKey } from './kinds';
import { metaWith, objectWith, withMeta, withRv, zeroStatus } from './object-builders';
import { type RequestRecord, type RequestVerb, recordRequest } from './request-log';
import type { ApiServerState } from './state';
import {
  applyUpdate,
  mainUpdate,
  mergeFlat,
  mergeLabels,
  validateFinalizers,
  withStatus,
} from './update-path';

import type { WriteFailure, WriteResult } from './write-result';

export type { WriteFailure, WriteOk, WriteResult } from './write-result';

export interface UpdateOptions {
  readonly subresource?: 'status';
}

/** A JSON-merge-patch-like change: present fields replace, labels set to null are removed. */
export interface ObjectPatch {
  readonly spec?: Readonly<Partial<FooSpec & DeploymentSpec>>;
  /** Only applied with subresource 'status'. */
  readonly status?: Readonly<Partial<FooStatus & DeploymentStatus>>;
  readonly labels?: Readonly<Record<string, string | null>>;
  /** Replaces the whole list (merge patch replaces arrays). */
  readonly finalizers?: readonly string[];
  readonly ownerReferences?: readonly OwnerReference[];
}

const NO_FANOUT: readonly WatchDelivery[] = [];

function fail(e: ApiError): WriteFailure {
  return { ...e, fanout: NO_FANOUT };
}

/**
 * The request log's record of a write: its optional fields only when present, in this order. Each shape
 * is one whole object literal: a record built field by field (or with spreads) keeps later fields out
 * of line, which costs memory, and a timeline's keyframes keep thousands of these records.
 */
function log(
  s: ApiServerState,
  now: number,
  verb: RequestVerb,
  kind: Kind,
  key: string,
  res: WriteResult,
  rv?: string,
  subresource?: 'status',
): void {
  const code = res.code;
  let rec: RequestRecord;
  if (code === 200 || code === 201) {
    if (rv === undefined)
      rec =
        subresource === undefined
          ? { time: now, verb, kind, key, code }
          : { time: now, verb, kind, key, subresource, code };
    else
      rec =
        subresource === undefined
          ? { time: now, verb, kind, key, rv, code }
          : { time: now, verb, kind, key, rv, subresource, code };
  } else {
    const reason = res.reason;
    if (rv === undefined)
      rec =
        subresource === undefined
          ? { time: now, verb, kind, key, code, reason }
          : { time: now, verb, kind, key, subresource, code, reason };
    else
      rec =
        subresource === undefined
          ? { time: now, verb, kind, key, rv, code, reason }
          : { time: now, verb, kind, key, rv, subresource, code, reason };
  }
  recordRequest(s.requests, rec);
}

// ---------------------------------------------------------------------------------------------------
// Create (S25)

export function serverCreate(s: ApiServerState, obj: KObject, now: number): WriteResult {
  const m = obj.metadata;
  const key = objectKey(m.namespace, m.name);
  const res = create(s, obj, now, key);
  log(s, now, 'create', obj.kind, key, res);
  return res;
}

function create(s: ApiServerState, obj: KObject, now: number, key: string): WriteResult {
  const kind = obj.kind;
  const m = obj.metadata;
  if (m.resourceVersion !== '') return fail(unknownServerError(RV_SET_ON_CREATE_MSG));
  const existing = s.stores[kind].objects.get(key);
  if (existing) {
    // RULES.S25_ALREADY_EXISTS off (tests only, ../rules.ts): "created", the stored object unchanged.
    if (!RULES.S25_ALREADY_EXISTS) return { code: 201, object: existing, event: null, fanout: NO_FANOUT };
    return fail(alreadyExists(kind, m.name, existing.metadata.deletionTimestamp !== null));
  }
  s.uidCounter++;
  const created = objectWith(
    obj,
    metaWith(m, {
      uid: `uid-${String(s.uidCounter).padStart(6, '0')}`,
      resourceVersion: String(nextRevision(s)),
      generation: 1,
      creationTimestamp: now,
      deletionTimestamp: null,
    }),
    obj.spec,
    zeroStatus(kind),
  );
  const { event, fanout } = commitEvent(s, 'ADDED', kind, created, null, now, key);
  return { code: 201, object: created, event, fanout };
}

// ---------------------------------------------------------------------------------------------------
// Update (S26)

export function serverUpdate(
  s: ApiServerState,
  obj: KObject,
  now: number,
  opts: UpdateOptions = {},
): WriteResult {
  const m = obj.metadata;
  const key = objectKey(m.namespace, m.name);
  const res = update(s, obj, now, key, opts.subresource);
  log(s, now, 'update', obj.kind, key, res, m.resourceVersion, opts.subresource);
  return res;
}

function update(
  s: ApiServerState,
  obj: KObject,
  now: number,
  key: string,
  subresource: 'status' | undefined,
): WriteResult {
  const kind = obj.kind;
  const m = obj.metadata;
  const existing = s.stores[kind].objects.get(key);
  if (!existing) return fail(notFound(kind, m.name));
  if (m.uid !== '' && m.uid !== existing.metadata.uid) {
    return fail(uidPreconditionConflict(kind, m.namespace, m.name, m.uid, existing.metadata.uid));
  }
  if (m.resourceVersion === '') {
    if (!KIND_INFO[kind].allowUnconditionalUpdate) return fail(resourceVersionRequired(kind, m.name));
  } else if (m.resourceVersion !== existing.metadata.resourceVersion && RULES.S26_OPTIMISTIC_CONCURRENCY) {
    // (the switch is for tests only, ../rules.ts: off = last writer wins)
    return fail(conflict(kind, m.name));
  }
  if (subresource === 'status') return applyUpdate(s, existing, withStatus(existing, obj.status), now, key);
  const candidate = mainUpdate(existing, obj.spec, m.labels, m.finalizers, m.ownerReferences);
  const invalid = validateFinalizers(existing, candidate);
  if (invalid) return fail(invalid);
  return applyUpdate(s, existing, candidate, now, key);
}

// ---------------------------------------------------------------------------------------------------
// Patch

export function serverPatch(
  s: ApiServerState,
  kind: Kind,
  namespace: string,
  name: string,
  patch: ObjectPatch,
  now: number,
  opts: UpdateOptions = {},
): WriteResult {
  const key = objectKey(namespace, name);
  const res = patchObject(s, kind, key, name, patch, now, opts.subresource);
  log(s, now, 'patch', kind, key, res, undefined, opts.subresource);
  return res;
}

function patchObject(
  s: ApiServerState,
  kind: Kind,
  key: string,
  name: string,
  patch: ObjectPatch,
  now: number,
  subresource: 'status' | undefined,
): WriteResult {
  const existing = s.stores[kind].objects.get(key);
  if (!existing) return fail(notFound(kind, name));
  if (subresource === 'status') {
    const status = patch.status ? mergeFlat(existing.status, patch.status) : existing.status;
    return applyUpdate(s, existing, withStatus(existing, status), now, key);
  }
  const em = existing.metadata;
  const candidate = mainUpdate(
    existing,
    patch.spec ? mergeFlat(existing.spec, patch.spec) : existing.spec,
    patch.labels ? mergeLabels(em.labels, patch.labels) : em.labels,
    patch.finalizers ?? em.finalizers,
    patch.ownerReferences ?? em.ownerReferences,
  );
  const invalid = validateFinalizers(existing, candidate);
  if (invalid) return fail(invalid);
  return applyUpdate(s, existing, candidate, now, key);
}

// ---------------------------------------------------------------------------------------------------
// Delete (S27, S28) and finalizers

export function serverDelete(
  s: ApiServerState,
  kind: Kind,
  namespace: string,
  name: string,
  now: number,
): WriteResult {
  const key = objectKey(namespace, name);
  const res = deleteObject(s, kind, key, name, now);
  log(s, now, 'delete', kind, key, res);
  return res;
}

function deleteObject(s: ApiServerState, kind: Kind, key: string, name: string, now: number): WriteResult {
  const existing = s.stores[kind].objects.get(key);
  if (!existing) return fail(notFound(kind, name));
  const em = existing.metadata;
  if (em.deletionTimestamp !== null) {
    // S28: already terminating; a repeated delete changes nothing.
    return { code: 200, object: existing, event: null, fanout: NO_FANOUT };
  }
  const rv = nextRevision(s);
  if (em.finalizers.length > 0 && RULES.S28_FINALIZERS) {
    // S28 (RULES.S28_FINALIZERS off, tests only: deleted at once): markAsDeleting (generation + 1 if > 0, deletionTimestamp = now) → MODIFIED.
    const marked = withMeta(existing, {
      deletionTimestamp: now,
      generation: em.generation > 0 ? em.generation + 1 : em.generation,
      resourceVersion: String(rv),
    });
    const { event, fanout } = commitEvent(s, 'MODIFIED', kind, marked, existing, now, key);
    return { code: 200, object: marked, event, fanout };
  }
  // S27: the last state, stamped with the deletion revision.
  const gone = withRv(existing, rv);
  const { event, fanout } = commitEvent(s, 'DELETED', kind, gone, existing, now, key);
  return { code: 200, object: gone, event, fanout };
}

/** Removes one finalizer (a patch of the finalizer list); a no-op if it is not there. */
export function serverRemoveFinalizer(
  s: ApiServerState,
  kind: Kind,
  namespace: string,
  name: string,
  finalizer: string,
  now: number,
): WriteResult {
  const existing = s.stores[kind].objects.get(objectKey(namespace, name));
  const finalizers = existing ? existing.metadata.finalizers.filter((f) => f !== finalizer) : [];
  return serverPatch(s, kind, namespace, name, { finalizers }, now);
}
