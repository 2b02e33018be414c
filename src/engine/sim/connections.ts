/**
 * The controller's connection to the API servers through the load balancer (spec S38), and the
 * replicas' own actors: a lagging replica's etcd watches delivering (replica-feed), GOAWAY.
 *
 * **One connection for the whole controller.** sample-controller builds its two clientsets from one
 * rest.Config; client-go caches one http.Transport per TLS configuration (cg@26:transport/cache.go
 * `tlsTransportCache.get`, keyed by `tlsConfigKey`; rest.HTTPClientFor → transport.New), and an HTTP/2
 * transport keeps one connection per host. So every request of the controller, both informers' LISTs
 * and WATCHes and the workers' writes, rides one HTTP/2 connection, which a layer-4 load balancer puts on
 * one replica. (The spec's S38 says "a clientset keeps one connection"; with one config, both clientsets
 * share it.)
 *
 * - A request that finds no connection opens one: the load balancer picks a replica, seeded and uniform
 *   over every replica, without health checks (a short restart is over before a health check would notice,
 *   unverified); if that replica is down the connection is refused (R14) and the next request tries again.
 * - The connection stays on its replica until it breaks (that replica restarts: its watches end, S33) or
 *   the server sends GOAWAY: kube-apiserver's `--goaway-chance` answers that share of requests with
 *   `Connection: close` (as@26:pkg/server/filters/goaway.go); in-flight streams, watches included, go on
 *   where they are, and the next request opens a new connection.
 * - A request keeps the replica it was routed to while it waits there (S7, S33): the action carries it.
 * - With one apiserver nothing here draws a number or emits a record: the one replica serves everything.
 *
 * The load balancer and the GOAWAY coin have their own seeded stream (`ha.rng`), so turning GOAWAY on or
 * adding a replica does not reshuffle the latencies the world draws.
 * The state it keeps is in ha-state.ts. Test-only rule switch (src/engine/rules.ts): S38_STICKY_CONNECTIONS.
 */
import { replicaNextArrival, serverReplicaArrivals, serverReplicaDown } from '../apiserver';
import { schedule } from '../kernel/agenda';
import { nextFloat, nextInt } from '../kernel/prng';
import type { Kind } from '../model/objects';
import { REPLICA_NAMES, type ReplicaName } from '../model/scenario';
import { RULES } from '../rules';
import { emitRecord, type StepOut } from './emit';
import { fanOut } from './wire';
import type { SimContext, World } from './world';

/** A replica's name in records and frames ('A', 'B', 'C'). */
export function replicaName(index: number): ReplicaName {
  return REPLICA_NAMES[index] ?? 'A';
}

/**
 * A request record's params with, when there are several replicas, the optional `replica` param (S38)
 * last; with one apiserver the params themselves (no copy: the common path).
 */
export function withReplica<P extends object>(
  w: World,
  params: P,
  replica: number,
): P & { replica?: ReplicaName } {
  return w.server.replicas.length > 1 ? { ...params, replica: replicaName(replica) } : params;
}

/**
 * The replica a controller request reaching the load balancer now goes to (S38). Opens the connection
 * when there is none (a record says where it landed), unless the picked replica refuses it.
 */
export function routeRequest(w: World, out: StepOut, lane: Kind | null): number {
  const n = w.server.replicas.length;
  if (n === 1) return 0;
  const c = w.ha.connection;
  const sticky = RULES.S38_STICKY_CONNECTIONS;
  if (sticky && c.replica !== null) return c.replica;
  const pick = nextInt(w.ha.rng, 0, n);
  // RULES.S38_STICKY_CONNECTIONS off (tests only): every request is balanced on its own.
  if (!sticky) return pick;
  const s = w.server;
  if (w.now < s.faults.refuseConnectionsUntil || serverReplicaDown(s, pick, w.now)) return pick;
  c.replica = pick;
  c.since = w.now;
  c.opened++;
  emitRecord(w, out, lane, 'apiserver', 'internal', 'apiserver.connect', {
    replica: replicaName(pick),
    connections: c.opened,
  });
  return pick;
}

/**
 * After a request served by `replica`: with `--goaway-chance`, the answer may carry GOAWAY; the
 * connection then closes once idle and the next request opens a new one (S38).
 */
export function maybeGoaway(
  w: World,
  ctx: SimContext,
  out: StepOut,
  lane: Kind | null,
  replica: number,
): void {
  const chance = ctx.scenario.settings.goawayChance;
  if (w.server.replicas.length === 1 || chance <= 0) return;
  if (nextFloat(w.ha.rng) >= chance) return;
  const c = w.ha.connection;
  if (c.replica !== replica) return;
  c.replica = null;
  c.goaways++;
  emitRecord(w, out, lane, 'apiserver', 'internal', 'apiserver.goaway', { replica: replicaName(replica) });
}

/** A replica went down: a connection on it breaks. Returns how many connections broke (0 or 1). */
export function breakConnections(w: World, replica: number | null): number {
  const c = w.ha.connection;
  if (c.replica === null || (replica !== null && c.replica !== replica)) return 0;
  c.replica = null;
  return 1;
}

/** Keeps each lagging replica's feed actor on the agenda at its next arrival. */
export function ensureReplicaFeeds(w: World): void {
  const rs = w.server.replicas;
  for (let i = 0; i < rs.length; i++) {
    const t = replicaNextArrival(rs[i]!);
    if (t === null) continue;
    const at = w.ha.feedAt[i] ?? null;
    if (at !== null && at <= t) continue;
    w.ha.feedAt[i] = t;
    schedule(w.agenda, Math.max(t, w.now), { a: 'server.replica-feed', replica: i });
  }
}

/**
 * A lagging replica's etcd watches deliver (S39b): what has arrived goes into its Cachers and onto its
 * watches' streams. No record of its own: the reflectors' receipts are the visible steps.
 */
export function serverReplicaFeed(w: World, ctx: SimContext, replica: number): void {
  if (w.ha.feedAt[replica] !== undefined && (w.ha.feedAt[replica] ?? 0) <= w.now) w.ha.feedAt[replica] = null;
  fanOut(w, ctx, serverReplicaArrivals(w.server, replica, w.now));
  ensureReplicaFeeds(w);
}
