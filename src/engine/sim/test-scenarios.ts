/**
 * Random scenarios for property tests: a few Foos, user writes and a schedule of faults, all within the
 * first `horizonMs`, built directly as normalized Scenario values (no YAML on the test path).
 */

import { nextFloat, nextInt, type RngState, seedRng } from '../kernel/prng';
import { DEFAULT_SETTINGS } from '../model/defaults';
import {
  type Era,
  type ObjectManifest,
  REPLICA_NAMES,
  type Scenario,
  type ScriptAction,
  type Settings,
} from '../model/scenario';

function foo(name: string, replicas: number): ObjectManifest {
  return {
    kind: 'Foo',
    namespace: 'default',
    name,
    labels: {},
    finalizers: [],
    spec: { deploymentName: name, replicas },
  };
}

function pick<T>(r: RngState, xs: readonly T[]): T {
  return xs[nextInt(r, 0, xs.length)]!;
}

export interface RandomScenarioOptions {
  readonly horizonMs: number;
  readonly faults: boolean;
}

export function randomScenario(
  seed: number,
  opts: RandomScenarioOptions = { horizonMs: 20_000, faults: true },
): Scenario {
  const r = seedRng(seed ^ 0x5eed);
  const names = ['a', 'b', 'c', 'd', 'e', 'f'];
  const initial = names.slice(0, nextInt(r, 1, 5)).map((n) => foo(n, nextInt(r, 1, 4)));
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    workers: nextInt(r, 1, 4),
    historyWindow: pick(r, [8, 20, 100, null]),
    compactionIntervalMs: pick(r, [0, 3_000, 300_000]),
    progressNotifyIntervalMs: pick(r, [0, 5_000, 600_000]),
    bookmarkIntervalMs: pick(r, [0, 5_000, 60_000]),
    resyncPeriodMs: pick(r, [0, 5_000, 30_000]),
    watchTimeout: pick(r, [DEFAULT_SETTINGS.watchTimeout, { min: 5_000, max: 10_000 }]),
    pageSize: pick(r, [2, 500]),
    deploymentRollout: { min: 10, max: 150 },
    // S24: one seed in four runs against a 1.36 server with its WatchList gate off, so the modern
    // reflector's fallback to LIST (R21) is in the random schedules too. The seed decides, not a draw,
    // so every other setting is as before; the classic era's 1.26 server has no such gate.
    serverWatchList: seed % 4 !== 3,
  };
  const script: ScriptAction[] = [];
  const n = nextInt(r, 3, 25);
  for (let i = 0; i < n; i++) {
    const at = nextInt(r, 0, opts.horizonMs);
    const name = pick(r, names);
    const target = { kind: 'Foo' as const, namespace: 'default', name };
    const roll = nextFloat(r);
    if (!opts.faults || roll < 0.6) {
      const k = nextInt(r, 0, 4);
      if (k === 0) script.push({ at, action: 'create', object: foo(name, nextInt(r, 1, 4)) });
      else if (k === 1) script.push({ at, action: 'update', target, spec: { replicas: nextInt(r, 0, 5) } });
      else if (k === 2) script.push({ at, action: 'delete', target });
      else script.push({ at, action: 'delete', target: { kind: 'Deployment', namespace: 'default', name } });
    } else {
      const dur = nextInt(r, 100, 5_000);
      const kind = pick(r, [undefined, 'Foo', 'Deployment'] as const);
      const f = nextInt(r, 0, 9);
      if (f === 0) script.push({ at, action: 'closeWatch', ...(kind ? { kind } : {}) });
      else if (f === 1)
        script.push({
          at,
          action: 'watchError',
          code: pick(r, [410, 500] as const),
          ...(kind ? { kind } : {}),
        });
      else if (f === 2) script.push({ at, action: 'compact' });
      else if (f === 3) script.push({ at, action: 'refuseConnections', durationMs: dur });
      else if (f === 4)
        script.push({ at, action: 'apiErrors', code: pick(r, [429, 500] as const), durationMs: dur });
      else if (f === 5)
        script.push({ at, action: 'addLatency', extraMs: nextInt(r, 10, 500), durationMs: dur });
      else if (f === 6) script.push({ at, action: 'failReconciles', count: nextInt(r, 1, 4) });
      else if (f === 7)
        script.push({ at, action: 'slowHandlers', extraMs: nextInt(r, 5, 300), durationMs: dur });
      else
        script.push({
          at,
          action: 'restartApiServer',
          downtimeMs: nextInt(r, 1, 3_000),
          cacheInitMs: nextInt(r, 0, 2_000),
        });
    }
  }
  script.sort((x, y) => x.at - y.at);
  return {
    apiVersion: 'informer-lab/v1',
    name: `random-${seed}`,
    title: 'random',
    description: '',
    seed,
    settings,
    objects: initial,
    script,
  };
}

/**
 * S38: a random scenario (as randomScenario, whose draws it leaves alone) run on 2–3 apiserver replicas,
 * with replica lags and restarts of one replica added to its fault schedule from a stream of its own,
 * and sometimes GOAWAY at the maximum chance. Lags stay under `maxLagMs` so the run settles soon after.
 */
export function randomHaScenario(seed: number, horizonMs = 20_000, maxLagMs = 8_000): Scenario {
  const base = randomScenario(seed, { horizonMs, faults: true });
  const r = seedRng(seed ^ 0x4a11);
  const replicas = nextInt(r, 2, 4);
  const script: ScriptAction[] = [...base.script];
  const n = nextInt(r, 1, 6);
  for (let i = 0; i < n; i++) {
    const at = nextInt(r, 0, horizonMs);
    const replica = REPLICA_NAMES[nextInt(r, 0, replicas)]!;
    if (nextFloat(r) < 0.5) {
      const lagMs = nextInt(r, 100, maxLagMs + 1);
      script.push({ at, action: 'lagReplica', replica, lagMs, durationMs: nextInt(r, 500, maxLagMs + 1) });
    } else {
      const downtimeMs = nextInt(r, 1, 3_000);
      script.push({ at, action: 'restartApiServer', replica, downtimeMs, cacheInitMs: nextInt(r, 0, 2_000) });
    }
  }
  script.sort((x, y) => x.at - y.at);
  const settings: Settings = {
    ...base.settings,
    apiServerReplicas: replicas,
    replicaLag: pick(r, [DEFAULT_SETTINGS.replicaLag, { min: 0, max: 400 }]),
    goawayChance: pick(r, [0, 0, 0.02]),
  };
  return { ...base, name: `random-ha-${seed}`, settings, script };
}

/** `s` with its lanes and controller in `era` (settings.era): property tests run in both eras. */
export function inEra(s: Scenario, era: Era): Scenario {
  return { ...s, settings: { ...s.settings, era } };
}
