/**
 * The garbage collector's question (kube-controller-manager garbagecollector, S30, background
 * propagation only): which dependents have lost their owners? A Deployment whose ownerReferences all
 * point at objects that no longer exist (matched by uid, as the GC does) is an orphan the GC deletes,
 * each deletion producing its own DELETED event.
 *
 * Simplifications: no dependency graph, no foreground/orphan policies, no blockOwnerDeletion. An owner
 * still terminating (finalizers pending) still exists. Deployments already terminating are skipped
 * (deleting them again would change nothing, S28).
 */
import type { Deployment } from '../model/objects';
import { KINDS } from './kinds';
import type { ApiServerState } from './state';

/** Deployments whose owners (by uid) are all gone, in key order. */
export function findOrphanDeployments(s: ApiServerState): Deployment[] {
  const uids = new Set<string>();
  for (const kind of KINDS) for (const o of s.stores[kind].objects.values()) uids.add(o.metadata.uid);
  const out: Deployment[] = [];
  const st = s.stores.Deployment;
  for (const key of st.keys) {
    const d = st.objects.get(key)! as Deployment;
    const refs = d.metadata.ownerReferences;
    if (refs.length === 0 || d.metadata.deletionTimestamp !== null) continue;
    if (refs.every((r) => !uids.has(r.uid))) out.push(d);
  }
  return out;
}
