/**
 * The simulated world as data: a copy of it is a keyframe (timeline/keyframes.ts). Everything that changes
 * during a run lives here (virtual clock, PRNG state, agenda, server, both informer lanes, the
 * controller); what does not change (the scenario, its script) lives in the SimContext beside it.
 */

import type { ApiServerState } from '../apiserver';
import type { DeltaFifoState } from '../client-go/delta-fifo';
import type { IndexerState } from '../client-go/indexer';
import type { RealFifoState, RealFifoTake } from '../client-go/real-fifo';
import type { ReflectorState } from '../client-go/reflector';
import type { ModernReflectorState } from '../client-go/reflector-modern';
import type { ProcessorState } from '../client-go/shared-informer';
import type { WorkqueueState } from '../client-go/workqueue';
import type { WorkerState } from '../controller/sample-controller';
import type { Agenda } from '../kernel/agenda';
import type { RngState } from '../kernel/prng';
import type { WorldStats } from '../model/frame';
import type { Kind, KObject } from '../model/objects';
import type { Scenario, ScriptAction } from '../model/scenario';
import type { Action } from './actions';
import type { HaState } from './ha-state';
import type { SimRestState } from './rest-target';

/** A classic lane (client-go 1.26): Reflector (LIST then WATCH) → DeltaFIFO → indexer (settings.era classic). */
export interface ClassicLaneState {
  readonly era: 'classic';
  readonly kind: Kind;
  readonly reflector: ReflectorState;
  readonly fifo: DeltaFifoState<KObject>;
  readonly indexer: IndexerState<KObject>;
  readonly processor: ProcessorState;
  /** True while an `informer.pop` is on the agenda (the processLoop is runnable). */
  popScheduled: boolean;
}

/**
 * A modern lane (client-go v0.36.3, settings.era modern): the WatchList reflector → the atomic RealFIFO
 * (PopBatch) → the indexer with its resourceVersion (I7). The indexer's objects are an ordinary indexer
 * (listers read it as in classic mode); its RV is kept beside it and wrapped into an IndexerRvState for
 * each take (sim/modern-lane.ts), so no mutable object is reachable twice (what cloneWorld relies on).
 */
export interface ModernLaneState {
  readonly era: 'modern';
  readonly kind: Kind;
  readonly reflector: ModernReflectorState;
  readonly fifo: RealFifoState<KObject>;
  readonly indexer: IndexerState<KObject>;
  /** LastStoreSyncResourceVersion (I7): moved by writes, ReplacedAll and Bookmark deltas. */
  indexerRv: string;
  readonly processor: ProcessorState;
  /** True while an `informer.pop` is on the agenda (the processLoop is runnable). */
  popScheduled: boolean;
  /** The take being processed (between the pop step and `informer.finish`), or null. */
  processing: RealFifoTake<KObject> | null;
  /**
   * Reflector actions that found the FIFO locked (UnlockWhileProcessing: ≥ 2 batches still queued when
   * the take was made) or found earlier ones held, in arrival order; `informer.finish` releases them.
   */
  readonly held: Action[];
}

export type LaneState = ClassicLaneState | ModernLaneState;

export interface ControllerState {
  readonly queue: WorkqueueState;
  readonly workers: WorkerState[];
  /** Workers blocked in Get, in the order they blocked (W2: Add wakes one). */
  waitingWorkers: number[];
  /** WaitForCacheSync returned and the workers were started (C1). */
  started: boolean;
  /** When the delaying queue's waiting loop is scheduled to wake, or null. */
  waitingLoopAt: number | null;
}

/** Counters of the teaching moments the scenarios are expected to show (see the "not a toy" tests). */

export interface World {
  /** Virtual time, ms. */
  now: number;
  /** Steps completed so far (the step on screen). */
  step: number;
  /** Index of the next ScriptAction of the context's script to apply. */
  scriptIndex: number;
  readonly rng: RngState;
  readonly agenda: Agenda<Action>;
  readonly server: ApiServerState;
  /** Per open stream (server watch id): the time of the last delivery scheduled, so a stream stays ordered. */
  readonly streamDeliverAt: Map<number, number>;
  /** Stream ids for watches the server refused as too old (S18): negative, never reused. */
  nextPseudoStream: number;
  readonly lanes: { readonly Foo: LaneState; readonly Deployment: LaneState };
  readonly controller: ControllerState;
  /** The controller's REST clients: their token buckets and the calls on their way (K1–K6). */
  readonly rest: SimRestState;
  /** S38: the controller's connection through the load balancer and the replicas' feed actors. */
  readonly ha: HaState;
  readonly faults: {
    extraLatencyMs: number;
    extraLatencyUntil: number;
    /** slowHandlers: extra time per handler run, until this virtual time. */
    handlerExtraMs: number;
    handlerExtraUntil: number;
    failNextReconciles: number;
  };
  /** Deployment key → rollout ticks scheduled and not yet run. */
  readonly rolloutsPending: Map<string, number>;
  gcScheduled: boolean;
  /** When the server's watch-timer actor is scheduled, or null. */
  watchTimersAt: number | null;
  readonly stats: WorldStats;
}

/** What does not change during a run. The script grows only by interventions, always after scriptIndex. */
export interface SimContext {
  readonly scenario: Scenario;
  readonly script: ScriptAction[];
}
