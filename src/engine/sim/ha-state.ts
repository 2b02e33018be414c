/**
 * The world's HA state (S38) as plain data: the controller's HTTP/2 connection through the load balancer
 * and each replica's feed actor. The behaviour is in connections.ts.
 */
import type { RngState } from '../kernel/prng';

/** The controller's HTTP/2 connection through the load balancer. */
export interface ConnectionState {
  /** The replica it is on, or null: none (the next request opens one). */
  replica: number | null;
  /** When it was opened. */
  since: number;
  /** Connections opened, and GOAWAYs received, so far. */
  opened: number;
  goaways: number;
}

export interface HaState {
  /** The load balancer's and the GOAWAY filter's draws (a stream apart from the world's latencies). */
  readonly rng: RngState;
  readonly connection: ConnectionState;
  /** Per replica: when its feed actor is on the agenda, or null. */
  readonly feedAt: Array<number | null>;
}

export function newHaState(rng: RngState, replicas: number): HaState {
  return {
    rng,
    connection: { replica: null, since: 0, opened: 0, goaways: 0 },
    feedAt: Array.from({ length: replicas }, () => null),
  };
}
