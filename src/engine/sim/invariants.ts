/**
 * Invariants and observations over a world, for tests, lessons and "run until" controls.
 */

import { KINDS, replicaPendingEvents } from '../apiserver';
import { sameObject } from '../apiserver/object-equality';
import { listenerPending } from '../client-go/shared-informer';
import { wqLen, wqSnapshot } from '../client-go/workqueue';
import { laneIdle } from './lanes';
import type { World } from './world';

/**
 * Quiet: nothing is in flight. Both reflectors hold an open watch, no watch event is on its way, the
 * FIFOs and listener buffers are empty, the workqueue is empty with nothing processing or waiting, every
 * worker is idle, no server-side rollout or garbage collection is pending, no REST call is on its way,
 * and no event is still on its way to a lagging apiserver replica (S38).
 */
export function isQuiet(w: World): boolean {
  for (const kind of KINDS) {
    const L = w.lanes[kind];
    if (L.reflector.phase !== 'watching') return false;
    if (!laneIdle(L)) return false;
    for (const l of L.processor.listeners) if (l.busy || listenerPending(l) > 0) return false;
  }
  for (const t of w.streamDeliverAt.values()) if (t > w.now) return false;
  const q = w.controller.queue;
  if (wqLen(q) > 0) return false;
  const snap = wqSnapshot(q);
  if (snap.processing.length > 0 || snap.waiting.length > 0 || snap.dirty.length > 0) return false;
  if (w.controller.workers.some((wk) => wk.phase !== 'idle')) return false;
  if (w.rolloutsPending.size > 0 || w.gcScheduled) return false;
  if (w.rest.calls.size > 0) return false;
  for (const r of w.server.replicas) if (replicaPendingEvents(r) > 0) return false;
  return true;
}

export interface CacheDiffEntry {
  kind: string;
  key: string;
  cached: string | null;
  server: string | null;
  /**
   * Present (true) only when both sides have the same resourceVersion but different contents: the cached
   * object was mutated in place (the noDeepCopy mistake, C7); the correct controller never produces it.
   */
  mutated?: true;
}

/**
 * Keys whose cached resourceVersion differs from the server's, per kind (missing on either side included),
 * and keys whose cached object at the server's resourceVersion holds other contents (`mutated`). A world
 * with the noDeepCopy mistake may therefore never converge to an empty diff.
 *
 * Per kind: the server's keys in ascending order, then the cached keys the server lacks, ascending; at most
 * `limitPerKind` entries of each kind (a frame shows the first 200). The server store and the indexer are
 * both keyed by MetaNamespaceKeyFunc, so their own keys are compared without rebuilding any.
 */
export function cacheDiff(w: World, limitPerKind = Number.POSITIVE_INFINITY): CacheDiffEntry[] {
  const out: CacheDiffEntry[] = [];
  for (const kind of KINDS) {
    const st = w.server.stores[kind];
    const cached = w.lanes[kind].indexer.items;
    let n = 0;
    let both = 0;
    for (const k of st.keys) {
      if (n >= limitPerKind) break;
      const so = st.objects.get(k)!;
      const co = cached.get(k);
      const rv = so.metadata.resourceVersion;
      if (co === undefined) {
        out.push({ kind, key: k, cached: null, server: rv });
        n++;
        continue;
      }
      both++;
      const crv = co.metadata.resourceVersion;
      if (crv !== rv) {
        out.push({ kind, key: k, cached: crv, server: rv });
        n++;
      } else if (!sameObject(co, so)) {
        out.push({ kind, key: k, cached: crv, server: rv, mutated: true });
        n++;
      }
    }
    if (n >= limitPerKind || both === cached.size) continue;
    const gone: string[] = [];
    for (const k of cached.keys()) if (!st.objects.has(k)) gone.push(k);
    gone.sort();
    for (const k of gone) {
      if (n >= limitPerKind) break;
      out.push({ kind, key: k, cached: cached.get(k)!.metadata.resourceVersion, server: null });
      n++;
    }
  }
  return out;
}

/** The keys workers hold right now; a key must never appear twice (W3's guarantee). */
export function keysInProcess(w: World): string[] {
  return w.controller.workers.filter((wk) => wk.key !== null).map((wk) => wk.key!);
}
