/**
 * The shared update path of PUT and PATCH (registry/store.go Update's tryUpdate after the RV checks):
 * build the candidate object from the stored one (main resource or status subresource, S26), validate
 * it, then ShouldDeleteDuringUpdate (S28), the no-op short-circuit (S4), or a MODIFIED at the next
 * revision.
 */
import type { KObject, OwnerReference } from '../model/objects';
import { commitEvent, nextRevision } from './commit';
import { type ApiError, newFinalizersForbidden } from './errors';
import { objectWith, withRv } from './object-builders';
import { arrayEqual, flatEqual, ownerRefsEqual, recordEqual, sameObject } from './object-equality';
import type { ApiServerState } from './state';
import type { WriteResult } from './write-result';

const NO_FANOUT = [] as const;

/**
 * ShouldDeleteDuringUpdate, the S4 no-op check, else a MODIFIED at the next revision. `key` is the
 * object's storage key when the caller has it (commitEvent's).
 */
export function applyUpdate(
  s: ApiServerState,
  existing: KObject,
  candidate: KObject,
  now: number,
  key?: string,
): WriteResult {
  const kind = existing.kind;
  if (existing.metadata.deletionTimestamp !== null && candidate.metadata.finalizers.length === 0) {
    // S28: the update emptied the finalizers of a terminating object → the key is deleted as stored.
    const gone = withRv(existing, nextRevision(s));
    const { event, fanout } = commitEvent(s, 'DELETED', kind, gone, existing, now, key);
    return { code: 200, object: candidate, event, fanout };
  }
  if (sameObject(existing, candidate)) return { code: 200, object: existing, event: null, fanout: NO_FANOUT };
  const updated = withRv(candidate, nextRevision(s));
  const { event, fanout } = commitEvent(s, 'MODIFIED', kind, updated, existing, now, key);
  return { code: 200, object: updated, event, fanout };
}

/** The main resource: spec and metadata from the request, status and system fields from storage. */
export function mainUpdate(
  existing: KObject,
  spec: KObject['spec'],
  labels: Readonly<Record<string, string>>,
  finalizers: readonly string[],
  ownerReferences: readonly OwnerReference[],
): KObject {
  const em = existing.metadata;
  const specChanged = !flatEqual(existing.spec, spec);
  // Field by field in ObjectMeta's order (object-builders.ts objectWith): faster than spreads.
  return objectWith(
    existing,
    {
      namespace: em.namespace,
      name: em.name,
      uid: em.uid,
      resourceVersion: em.resourceVersion,
      generation: specChanged ? em.generation + 1 : em.generation,
      creationTimestamp: em.creationTimestamp,
      labels: recordEqual(em.labels, labels) ? em.labels : labels,
      ownerReferences: ownerRefsEqual(em.ownerReferences, ownerReferences)
        ? em.ownerReferences
        : ownerReferences,
      finalizers: arrayEqual(em.finalizers, finalizers) ? em.finalizers : finalizers,
      deletionTimestamp: em.deletionTimestamp,
    },
    specChanged ? spec : existing.spec,
  );
}

/** The status subresource: only status changes. */
export function withStatus(existing: KObject, status: KObject['status']): KObject {
  return flatEqual(existing.status, status)
    ? existing
    : objectWith(existing, existing.metadata, existing.spec, status);
}

/** ValidateObjectMetaUpdate: no new finalizers once deletion has started. */
export function validateFinalizers(existing: KObject, candidate: KObject): ApiError | null {
  if (existing.metadata.deletionTimestamp === null) return null;
  const old = existing.metadata.finalizers;
  const added = candidate.metadata.finalizers.filter((f) => !old.includes(f));
  return added.length > 0 ? newFinalizersForbidden(existing.kind, existing.metadata.name, added) : null;
}

export function mergeFlat<T extends object>(base: T, patch: Readonly<Record<string, unknown>>): T {
  let out: T | null = null;
  for (const [k, v] of Object.entries(patch)) {
    const cur = (base as Record<string, unknown>)[k];
    // Typed objects drop unknown fields and keep the field's type.
    if (v === undefined || !(k in base) || typeof v !== typeof cur || v === cur) continue;
    out ??= { ...base };
    (out as Record<string, unknown>)[k] = v;
  }
  return out ?? base;
}

export function mergeLabels(
  base: Readonly<Record<string, string>>,
  patch: Readonly<Record<string, string | null>>,
): Readonly<Record<string, string>> {
  const out: Record<string, string> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
