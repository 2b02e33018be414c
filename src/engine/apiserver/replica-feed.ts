/**
 * A lagging replica's etcd watches deliver (S38, S39b): the changes that have reached the replica by now
 * go into its Cachers in order (replicas.ts) and each event goes out to that replica's open watches of its
 * kind, exactly as commit.ts fans out an event a replica receives at the write's time. A watch there from
 * a resourceVersion the replica had not reached yet (S20) gets every event above it once it arrives:
 * nothing lost, nothing twice.
 */
import { fanoutEvent } from './commit';
import type { WatchDelivery } from './events';
import { replicaTakeArrived } from './replicas';
import type { ApiServerState } from './state';

/** Delivers what has reached replica `index` by `now`; returns the deliveries to its watches. */
export function serverReplicaArrivals(s: ApiServerState, index: number, now: number): WatchDelivery[] {
  const r = s.replicas[index];
  if (r === undefined) return [];
  const only = s.replicas.map((x) => x.index === index);
  const out: WatchDelivery[] = [];
  for (const a of replicaTakeArrived(r, now, s.config.progressNotifyMs, s.compactedRv)) {
    for (const d of fanoutEvent(s, a.event, a.at, only)) out.push(d);
  }
  return out;
}
