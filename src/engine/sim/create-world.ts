/**
 * Builds the initial world of a scenario: the API server holding the scenario's objects (created at
 * time 0, in file order), two informer lanes (Foo and Deployment, each with a resync of the scenario's
 * period and the controller's one handler, C1/C2), the controller's rate-limited workqueue and its
 * workers (settings.era picks each lane's pipeline and the controller's default limiter), and the agenda
 * with the start-up actions: both reflectors' first ListAndWatch, WaitForCacheSync's first poll, and the
 * apiserver's etcd compactor (S35). With 2–3 apiserver replicas (S38) each draws its etcd → Cacher lag
 * once, from the load balancer's own seeded stream, after the initial objects exist (they are in every
 * replica's cache at the start).
 */

import { newApiServer, serverCreate } from '../apiserver';
import { newDeltaFifo } from '../client-go/delta-fifo';
import { type IndexName, newIndexer } from '../client-go/indexer';
import { newRealFifo } from '../client-go/real-fifo';
import { newReflector } from '../client-go/reflector';
import { newModernReflector } from '../client-go/reflector-modern';
import { addListener, newProcessor } from '../client-go/shared-informer';
import type { LimiterSpec } from '../client-go/workqueue';
import { newWorkqueue } from '../client-go/workqueue';
import { newWorker } from '../controller/sample-controller';
import { newAgenda, schedule } from '../kernel/agenda';
import { nextInt, seedRng } from '../kernel/prng';
import type { Kind, KObject } from '../model/objects';
import type { RateLimiterSetting, Scenario, Settings } from '../model/scenario';
import { newHaState } from './ha-state';
import { newSimRest } from './rest-actors';
import { objectFromManifest } from './script';
import type { LaneState, World } from './world';

function lane(kind: Kind, s: Settings, indexNames: readonly IndexName[]): LaneState {
  const resyncMs = s.resyncPeriodMs;
  const processor = newProcessor(resyncMs);
  addListener(processor, kind === 'Foo' ? 'foo-handler' : 'deployment-handler', resyncMs, 0);
  if (s.era === 'modern')
    return {
      era: 'modern',
      kind,
      reflector: newModernReflector(kind, 0, processor.resyncCheckPeriodMs),
      fifo: newRealFifo<KObject>(),
      indexer: newIndexer<KObject>(indexNames),
      indexerRv: '',
      processor,
      popScheduled: false,
      processing: null,
      held: [],
    };
  return {
    era: 'classic',
    kind,
    reflector: newReflector(kind, 0, processor.resyncCheckPeriodMs),
    fifo: newDeltaFifo<KObject>({ emitReplaced: true }),
    indexer: newIndexer<KObject>(indexNames),
    processor,
    popScheduled: false,
  };
}

/** Mixed into the scenario's seed for the load balancer's stream (sim/connections.ts). */
const HA_SEED_SALT = 0x4841_0b1e;

export function limiterSpec(r: RateLimiterSetting): LimiterSpec {
  switch (r.type) {
    case 'default':
      return { type: 'default' };
    case 'exponential':
      return { type: 'exponential', baseMs: r.baseMs, maxMs: r.maxMs };
    case 'fastslow':
      return { type: 'fastslow', fastMs: r.fastMs, slowMs: r.slowMs, maxFast: r.maxFast };
    case 'bucket':
      return { type: 'bucket', qps: r.qps, burst: r.burst };
    case 'maxOf':
      return { type: 'maxOf', limiters: r.limiters.map(limiterSpec) };
  }
}

/**
 * W14 / §10: the workqueue's limiter. `default` is the era's sample-controller: classic (1.26)
 * DefaultControllerRateLimiter, MaxOf(ItemExponential(5 ms, 1000 s), Bucket(10 qps, burst 100)); modern
 * (1.36) builds its own, MaxOf(ItemExponential(5 ms, 1000 s), Bucket(50 qps, burst 300)).
 */
export function controllerLimiter(s: Settings): LimiterSpec {
  if (s.era === 'modern' && s.rateLimiter.type === 'default')
    return {
      type: 'maxOf',
      limiters: [
        { type: 'exponential', baseMs: 5, maxMs: 1_000_000 },
        { type: 'bucket', qps: 50, burst: 300 },
      ],
    };
  return limiterSpec(s.rateLimiter);
}

export function createWorld(scenario: Scenario): World {
  const s = scenario.settings;
  const w: World = {
    now: 0,
    step: 0,
    scriptIndex: 0,
    rng: seedRng(scenario.seed),
    agenda: newAgenda(),
    server: newApiServer({
      historyWindow: s.historyWindow,
      progressNotifyMs: s.progressNotifyIntervalMs,
      now: 0,
      bookmarkFrequencyMs: s.bookmarkIntervalMs || 60_000,
      replicas: s.apiServerReplicas,
      watchList: s.serverWatchList,
    }),
    streamDeliverAt: new Map(),
    nextPseudoStream: -1,
    lanes: {
      Foo: lane('Foo', s, ['namespace']),
      Deployment: lane('Deployment', s, ['namespace', 'byOwner']),
    },
    controller: {
      queue: newWorkqueue({ name: 'Foos', limiter: controllerLimiter(s), now: 0 }),
      workers: Array.from({ length: s.workers }, (_, i) => newWorker(i)),
      waitingWorkers: [],
      started: false,
      waitingLoopAt: null,
    },
    rest: newSimRest(s, 0),
    ha: newHaState(seedRng((scenario.seed ^ HA_SEED_SALT) >>> 0), s.apiServerReplicas),
    faults: {
      extraLatencyMs: 0,
      extraLatencyUntil: 0,
      handlerExtraMs: 0,
      handlerExtraUntil: 0,
      failNextReconciles: 0,
    },
    rolloutsPending: new Map(),
    gcScheduled: false,
    watchTimersAt: null,
    stats: {
      conflicts: 0,
      alreadyExists: 0,
      listerAhead: 0,
      addedWhileProcessing: 0,
      relists: 0,
      reconciles: 0,
      failedReconciles: 0,
    },
  };
  // The scenario's initial objects exist before anything starts (Foos first so owners resolve).
  const ordered = [
    ...scenario.objects.filter((o) => o.kind === 'Foo'),
    ...scenario.objects.filter((o) => o.kind === 'Deployment'),
  ];
  for (const m of ordered) serverCreate(w.server, objectFromManifest(w, m), 0);
  // S38: each replica's own etcd → Cacher delay (none with one apiserver).
  if (w.server.replicas.length > 1) {
    const lag = s.replicaLag;
    for (const r of w.server.replicas)
      r.baseLagMs = lag.max > lag.min ? nextInt(w.ha.rng, lag.min, lag.max + 1) : lag.min;
  }
  schedule(w.agenda, 0, { a: 'reflector.run', lane: 'Foo' });
  schedule(w.agenda, 0, { a: 'reflector.run', lane: 'Deployment' });
  schedule(w.agenda, 0, { a: 'controller.wait-for-cache-sync' });
  // Like any create, an initial Deployment starts with status.availableReplicas 0; the simulated
  // deployment controller only rolls it out after its next write. S41 (its start-up sync of every
  // Deployment it finds) is not modelled yet: docs/ARCHITECTURE.md says why.
  // S35: the apiserver's compactor ticks every compactionInterval.
  if (s.compactionIntervalMs > 0) schedule(w.agenda, s.compactionIntervalMs, { a: 'server.compactor' });
  return w;
}
