/**
 * etcd as the apiserver sees it (apiserver pkg/storage/etcd3/store.go, compact.go). Rules S1, S3, S5,
 * S8, S14, S35.
 *
 * - S1: one revision counter for every resource; each write takes the next revision.
 * - etcd keeps every revision since its last compaction, so it can serve a list at an exact older
 *   revision (S8) and every page of a paginated list at the first page's revision (S13). Here that is a
 *   log of each kind's events since `compactedRv`, from which snapshot.ts rolls the state back.
 * - S35: compaction drops the revisions ≤ the compaction point: exact lists and continue tokens below it
 *   get 410 (S8, S14). It does **not** touch the Cachers' rings (cacher.ts): cached watches and lists
 *   keep working ([1.26] the cacher has no compaction hook; [1.36] compaction also drops the cache
 *   snapshots of S34 below it, at the cache's next 15 s compactor poll: cacher.ts).
 * - Periodic compaction (etcd3/compact.go `compactor`, `compact`): every `--etcd-compaction-interval`
 *   (5 min) the apiserver compare-and-swaps `compact_rev_key` (itself an etcd write: the revision moves
 *   with no resource event) and compacts up to the revision it saw at its previous tick (none on the
 *   first tick), so a revision stays readable 5–10 min. One compactor for the whole control plane: with
 *   several replicas (S38) the compare-and-swap makes them compact about once per interval together.
 * - Writes of resources the lab does not model (the compaction key, core/v1 Events) also take a
 *   revision (`etcdOtherWrite`): they make the modelled kinds' RVs sparse, as in a real cluster (S1).
 *
 * Before the revision moves, every Cacher of every replica applies its pending progress notifications
 * (cacher.ts cacherCatchUp), so the RV a notification carries is the revision of its time (as that
 * replica saw it: replicas.ts).
 */
import { KINDS } from '../model/objects';
import { replicaCatchUp, replicaOtherWrite } from './replicas';
import type { ApiServerState } from './state';

/** Applies every Cacher's progress notifications due by `now` (S32), on every replica. */
export function catchUpCaches(s: ApiServerState, now: number): void {
  for (const r of s.replicas) replicaCatchUp(r, now, s.config.progressNotifyMs, s.compactedRv);
}

/** A write of a resource the lab does not model: the next revision, no event (S1). Returns it. */
export function etcdOtherWrite(s: ApiServerState, now: number, resource: string): number {
  catchUpCaches(s, now);
  s.revision++;
  for (const r of s.replicas) replicaOtherWrite(r, s.revision, now);
  s.otherWrites.count++;
  s.otherWrites.last = { resource, rv: s.revision, at: now };
  return s.revision;
}

/**
 * Compacts etcd at `rv` (default: the current revision), clamped to what exists; never moves backwards.
 * Drops the log entries at or below it. Returns the compaction point after the call.
 */
export function etcdCompact(s: ApiServerState, rv?: number): number {
  const target = Math.min(rv ?? s.revision, s.revision);
  if (target <= s.compactedRv) return s.compactedRv;
  for (const k of KINDS) {
    const log = s.logs[k];
    let n = 0;
    while (n < log.length && log[n]!.rv <= target) n++;
    if (n > 0) log.splice(0, n);
  }
  s.compactedRv = target;
  return target;
}

/**
 * One tick of the apiserver's compactor (S35): the compare-and-swap write of compact_rev_key (a new
 * revision), then compaction up to the revision of the previous tick, if there was one.
 */
export function etcdCompactorTick(s: ApiServerState, now: number): { compactedRv: number; revision: number } {
  const previous = s.compactorLastRev;
  etcdOtherWrite(s, now, 'compact_rev_key');
  s.compactorLastRev = s.revision;
  if (previous > 0) etcdCompact(s, previous);
  return { compactedRv: s.compactedRv, revision: s.revision };
}
