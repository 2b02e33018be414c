/**
 * HA: the kube-apiserver replicas behind one load balancer, all on one etcd (spec S38, S39; S31–S33 per
 * replica). etcd (etcd.ts) is shared: one revision counter, so resourceVersions compare across replicas
 * (S1). Each replica is a layer of its own over it:
 *
 * - its own Cacher per kind (cacher.ts: ring, cache RV, list RV, readiness, bookmark RVs), initialised
 *   and re-initialised at its own times (S33);
 * - its own etcd → Cacher delay (`lag`): every etcd change reaches its Cachers `lag` ms after the write,
 *   in order (its etcd watches are ordered streams). A replica with no lag and nothing on its way
 *   receives an event at the write's time, inside the write, exactly as the one apiserver always did;
 *   otherwise the change waits in its `feed` until it arrives (the simulator's `server.replica-feed`
 *   actor delivers it and fans it out to this replica's watches: replica-feed.ts);
 * - what it knows of etcd's revision (`seenRev`), which its progress notifications carry (S32): changes
 *   of resources the lab does not model (Events, the compaction key) ride the feed too, with no event,
 *   so a lagging replica's progress notifications carry the revision of its lagged view.
 *
 * So a lagging replica's Cacher is behind etcd in content and RV: a LIST at "0" there returns older state
 * than etcd holds (S6, S39), a LIST at a newer N waits 3 s and answers 504 (S7, S37), a watch from a
 * newer N waits silently and then replays everything after N (S20, S39b).
 *
 * What a replica's cache holds and its re-initialisation need the whole server state: replica-cache.ts.
 *
 * [1.36] A replica is also asked for progress notifications every 100 ms while a read waits for an RV
 * (S32, fresh.ts): they carry `seenRev`, so a lagging replica's cache cannot be pulled past its lagged
 * view, and a consistent read (RV "") there falls back to etcd after 3 s (S5).
 *
 * Simplifications: the lag is in flight after etcd sent the events, so an etcd compaction never reaches
 * back into it (a real Cacher whose etcd watch falls behind the compaction point re-initialises, S33,
 * S35); a lag fault that ends lets the replica catch up at the pace of its backlog, without a burst.
 * Test-only rule switch (src/engine/rules.ts): S38_REPLICA_LAG.
 */
import type { Kind } from '../model/objects';
import { KINDS } from '../model/objects';
import { RULES } from '../rules';
import type { DroppedRequestsStats } from './apf';
import { type CacherState, cacherCatchUp, cacherReceive, newCacher } from './cacher';
import type { HistoryEvent } from './events';

/** One etcd change on its way to a replica's Cachers. Immutable (a keyframe copy shares it). */
export interface FeedEntry {
  /** When it reaches the replica's Cachers. */
  readonly at: number;
  /** The etcd revision it carries. */
  readonly rv: number;
  /** The event of a modelled kind, or null for a write of another resource (its revision only). */
  readonly event: HistoryEvent | null;
}

export interface ReplicaState {
  /** 0, 1, 2: replicas A, B, C (model/scenario.ts REPLICA_NAMES). */
  readonly index: number;
  /** S31: one Cacher per kind, this replica's own. */
  readonly cachers: Readonly<Record<Kind, CacherState>>;
  /** S38: this replica's own etcd → Cacher delay (seeded per replica; 0 with one apiserver). */
  baseLagMs: number;
  /** A lagReplica fault: the delay while now < lagUntil. */
  faultLagMs: number;
  lagUntil: number;
  /** etcd changes on their way to this replica's Cachers, oldest first, `at` non-decreasing. */
  readonly feed: FeedEntry[];
  /** Every etcd change up to this revision has reached this replica (what its progress notifications carry). */
  seenRev: number;
  /** A restart of this replica alone: it is down while now < downUntil. */
  downUntil: number;
  /** Restarts of this replica so far (inspectors). */
  restarts: number;
  /** K5 [1.36]: this replica's APF dropped-requests tracker, per priority level (apf.ts). */
  readonly apfDropped: Record<string, DroppedRequestsStats>;
}

export function newReplica(
  index: number,
  pinned: number | null,
  revision: number,
  now: number,
): ReplicaState {
  return {
    index,
    cachers: {
      Foo: newCacher('Foo', pinned, revision, now),
      Deployment: newCacher('Deployment', pinned, revision, now),
    },
    baseLagMs: 0,
    faultLagMs: 0,
    lagUntil: Number.NEGATIVE_INFINITY,
    feed: [],
    seenRev: revision,
    downUntil: Number.NEGATIVE_INFINITY,
    restarts: 0,
    apfDropped: {},
  };
}

/** The replica's etcd → Cacher delay for a change made at `now` (RULES.S38_REPLICA_LAG off: none). */
export function replicaLagAt(r: ReplicaState, now: number): number {
  if (!RULES.S38_REPLICA_LAG) return 0;
  return now < r.lagUntil ? r.faultLagMs : r.baseLagMs;
}

/** Does a change made at `now` reach this replica inside the write (no lag, nothing on its way)? */
function synchronous(r: ReplicaState, now: number): boolean {
  return r.feed.length === 0 && replicaLagAt(r, now) === 0;
}

function enqueue(r: ReplicaState, now: number, rv: number, event: HistoryEvent | null): void {
  const last = r.feed.length > 0 ? r.feed[r.feed.length - 1]!.at : now;
  r.feed.push({ at: Math.max(now + replicaLagAt(r, now), last), rv, event });
}

/**
 * One event of a modelled kind, committed at `now`, for this replica: received at once (true) or put on
 * its way (false). The caller has caught the replica's Cachers up to `now` first.
 */
export function replicaReceive(r: ReplicaState, ev: HistoryEvent, now: number): boolean {
  if (!synchronous(r, now)) {
    enqueue(r, now, ev.rv, ev);
    return false;
  }
  cacherReceive(r.cachers[ev.kind], ev, now);
  r.seenRev = ev.rv;
  return true;
}

/** A write of a resource the lab does not model took revision `rv`: only this replica's view of etcd moves. */
export function replicaOtherWrite(r: ReplicaState, rv: number, now: number): void {
  if (synchronous(r, now)) r.seenRev = rv;
  else enqueue(r, now, rv, null);
}

/** Applies one arrived feed entry's revision step: progress notifications due before it, then its revision. */
function arrive(r: ReplicaState, e: FeedEntry, intervalMs: number, compactedRv: number): void {
  for (const k of KINDS) cacherCatchUp(r.cachers[k], r.seenRev, e.at, intervalMs, compactedRv);
  r.seenRev = e.rv;
}

/**
 * S32 for one replica: the progress notifications due by `now`, with the revisions that had reached it
 * at each. Arrived changes without an event are applied here; arrived events wait for the feed actor
 * (they must be fanned out to watches), which runs at their arrival time.
 */
export function replicaCatchUp(r: ReplicaState, now: number, intervalMs: number, compactedRv = 0): void {
  const feed = r.feed;
  while (feed.length > 0 && feed[0]!.event === null && feed[0]!.at <= now)
    arrive(r, feed.shift()!, intervalMs, compactedRv);
  for (const k of KINDS) cacherCatchUp(r.cachers[k], r.seenRev, now, intervalMs, compactedRv);
}

/**
 * The feed actor's work: every change that has arrived by `now`, in order, into the Cachers. Returns the
 * arrived events (each at its arrival time) for the caller to fan out to this replica's watches.
 */
export function replicaTakeArrived(
  r: ReplicaState,
  now: number,
  intervalMs: number,
  compactedRv = 0,
): Array<{ readonly event: HistoryEvent; readonly at: number }> {
  const out: Array<{ event: HistoryEvent; at: number }> = [];
  const feed = r.feed;
  while (feed.length > 0 && feed[0]!.at <= now) {
    const e = feed.shift()!;
    arrive(r, e, intervalMs, compactedRv);
    if (e.event === null) continue;
    cacherReceive(r.cachers[e.event.kind], e.event, e.at);
    out.push({ event: e.event, at: e.at });
  }
  return out;
}

/** When the next change reaches this replica, or null if none is on its way. */
export function replicaNextArrival(r: ReplicaState): number | null {
  return r.feed.length > 0 ? r.feed[0]!.at : null;
}

/** When the next event of `kind` reaches this replica (a waiting read may be served then), or null. */
export function replicaNextEventOf(r: ReplicaState, kind: Kind): number | null {
  for (const e of r.feed) if (e.event !== null && e.event.kind === kind) return e.at;
  return null;
}

/** Events of modelled kinds still on their way to this replica. */
export function replicaPendingEvents(r: ReplicaState): number {
  let n = 0;
  for (const e of r.feed) if (e.event !== null) n++;
  return n;
}

/** A lagReplica fault: from `now` until `untilMs` this replica receives etcd's changes `lagMs` late. */
export function replicaSetLag(r: ReplicaState, lagMs: number, untilMs: number): void {
  r.faultLagMs = Math.max(0, lagMs);
  r.lagUntil = untilMs;
}
