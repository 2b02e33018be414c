/**
 * Questions about an informer lane that do not depend on its era: HasSynced and the FIFO's length, for
 * the controller's WaitForCacheSync and the invariants.
 */
import { fifoHasSynced, fifoLen } from '../client-go/delta-fifo';
import { realFifoHasSynced, realFifoLen } from '../client-go/real-fifo';
import type { LaneState } from './world';

/** The informer's HasSynced (D11 classic; F3/F6 modern: the initial ReplacedAll has been processed). */
export function laneHasSynced(L: LaneState): boolean {
  return L.era === 'classic' ? fifoHasSynced(L.fifo) : realFifoHasSynced(L.fifo);
}

/** What the FIFO still queues: keys (DeltaFIFO) or deltas (RealFIFO). */
export function laneFifoLen(L: LaneState): number {
  return L.era === 'classic' ? fifoLen(L.fifo) : realFifoLen(L.fifo);
}

/** Nothing of the lane's processLoop is in flight: no take being processed, no reflector action held. */
export function laneIdle(L: LaneState): boolean {
  return laneFifoLen(L) === 0 && (L.era === 'classic' || (L.processing === null && L.held.length === 0));
}
