/**
 * The `settings:` map of a scenario file → normalized Settings, every omitted setting filled from
 * DEFAULT_SETTINGS (src/engine/model/defaults.ts) and every duration in integer virtual ms.
 *
 * Rate limiters follow client-go's workqueue limiters (W10–W14): `default` is
 * DefaultControllerRateLimiter (in the modern era, sample-controller 1.36's own limiter), `maxOf` nests at most LIMITS.rateLimiterDepth levels.
 */
import {
  BOUNDS,
  DEFAULT_BUCKET,
  DEFAULT_EXPONENTIAL,
  DEFAULT_SETTINGS,
  LIMITS,
} from '../../engine/model/defaults';
import { parseLabelSelector } from '../../engine/model/label-selector';
import { KINDS, type Kind } from '../../engine/model/objects';
import {
  type ControllerMistakes,
  ERAS,
  type Era,
  MISTAKE_NAMES,
  type RateLimiterSetting,
  type Settings,
} from '../../engine/model/scenario';
import { describeValue, formatDuration } from '../duration';
import {
  type Ctx,
  checkKeys,
  isRecord,
  own,
  type Path,
  readDuration,
  readInt,
  readMap,
  readRange,
  report,
} from './core';

/** The file-format name of each normalized setting, in the order files list them. */
export const SETTINGS_FILE_KEYS = {
  era: 'era',
  resyncPeriodMs: 'resyncPeriod',
  workers: 'workers',
  rateLimiter: 'rateLimiter',
  historyWindow: 'historyWindow',
  bookmarkIntervalMs: 'bookmarkInterval',
  progressNotifyIntervalMs: 'progressNotifyInterval',
  compactionIntervalMs: 'compactionInterval',
  labelSelector: 'labelSelector',
  watchTimeout: 'watchTimeout',
  pageSize: 'pageSize',
  latency: 'latency',
  reconcile: 'reconcile',
  deploymentRollout: 'deploymentRollout',
  gcDelay: 'gcDelay',
  mistakes: 'mistakes',
  qps: 'qps',
  burst: 'burst',
  apiServerReplicas: 'apiServerReplicas',
  replicaLag: 'replicaLag',
  goawayChance: 'goawayChance',
  serverWatchList: 'serverWatchList',
} as const satisfies Readonly<Record<keyof Settings, string>>;

const SETTINGS_KEYS: readonly string[] = Object.values(SETTINGS_FILE_KEYS);

const LIMITER_TYPES: readonly RateLimiterSetting['type'][] = [
  'default',
  'exponential',
  'fastslow',
  'bucket',
  'maxOf',
];

/** `era: classic | modern` (absent = classic). */
function readEra(ctx: Ctx, v: unknown, path: Path): Era {
  if (v === undefined) return DEFAULT_SETTINGS.era;
  if (typeof v === 'string' && (ERAS as readonly string[]).includes(v)) return v as Era;
  report(ctx, path, `must be one of ${ERAS.join(', ')}, got ${describeValue(v)}`);
  return DEFAULT_SETTINGS.era;
}

function readRateLimiter(ctx: Ctx, v: unknown, path: Path, depth: number): RateLimiterSetting {
  const fallback: RateLimiterSetting = { type: 'default' };
  if (v === undefined) return fallback;
  if (!isRecord(v)) {
    report(ctx, path, `must be a map like { type: default }, got ${describeValue(v)}`);
    return fallback;
  }
  const type = own(v, 'type');
  if (typeof type !== 'string' || !(LIMITER_TYPES as readonly string[]).includes(type)) {
    const got = type === undefined ? 'it is missing' : `got ${describeValue(type)}`;
    report(ctx, [...path, 'type'], `must be one of ${LIMITER_TYPES.join(', ')}; ${got}`);
    return fallback;
  }
  const at = (k: string): Path => [...path, k];
  switch (type) {
    case 'default':
      checkKeys(ctx, v, path, ['type']);
      return { type: 'default' };
    case 'exponential': {
      checkKeys(ctx, v, path, ['type', 'base', 'max']);
      const baseMs = readDuration(ctx, own(v, 'base'), at('base'), DEFAULT_EXPONENTIAL.baseMs, { min: 1 });
      const maxMs = readDuration(ctx, own(v, 'max'), at('max'), DEFAULT_EXPONENTIAL.maxMs, { min: 1 });
      if (baseMs > maxMs) {
        report(
          ctx,
          path,
          `base (${formatDuration(baseMs)}) must not be greater than max (${formatDuration(maxMs)})`,
        );
      }
      return { type: 'exponential', baseMs, maxMs };
    }
    case 'fastslow': {
      checkKeys(ctx, v, path, ['type', 'fast', 'slow', 'maxFast']);
      const fastMs = readDuration(ctx, own(v, 'fast'), at('fast'), undefined);
      const slowMs = readDuration(ctx, own(v, 'slow'), at('slow'), undefined);
      const maxFast = readInt(ctx, own(v, 'maxFast'), at('maxFast'), BOUNDS.maxFast, undefined);
      return { type: 'fastslow', fastMs, slowMs, maxFast };
    }
    case 'bucket': {
      checkKeys(ctx, v, path, ['type', 'qps', 'burst']);
      const qpsV = own(v, 'qps');
      let qps: number = DEFAULT_BUCKET.qps;
      if (qpsV !== undefined) {
        const b = BOUNDS.bucketQps;
        if (typeof qpsV !== 'number' || !Number.isFinite(qpsV) || qpsV < b.min || qpsV > b.max) {
          report(ctx, at('qps'), `must be a number from ${b.min} to ${b.max}, got ${describeValue(qpsV)}`);
        } else {
          qps = qpsV;
        }
      }
      const burst = readInt(ctx, own(v, 'burst'), at('burst'), BOUNDS.bucketBurst, DEFAULT_BUCKET.burst);
      return { type: 'bucket', qps, burst };
    }
    default: {
      // maxOf
      checkKeys(ctx, v, path, ['type', 'limiters']);
      const list = own(v, 'limiters');
      if (depth >= LIMITS.rateLimiterDepth) {
        report(ctx, path, `maxOf limiters are nested too deeply (at most ${LIMITS.rateLimiterDepth} levels)`);
        return fallback;
      }
      const max = LIMITS.rateLimiterChildren;
      if (!Array.isArray(list) || list.length < 1 || list.length > max) {
        report(
          ctx,
          at('limiters'),
          `must be a list of 1 to ${max} rate limiters, got ${describeValue(list)}`,
        );
        return fallback;
      }
      const limiters = list.map((l: unknown, i) =>
        readRateLimiter(ctx, l === null ? undefined : l, [...path, 'limiters', i], depth + 1),
      );
      return { type: 'maxOf', limiters };
    }
  }
}

function readMistakes(ctx: Ctx, v: unknown, path: Path): ControllerMistakes {
  const d = DEFAULT_SETTINGS.mistakes;
  if (v === undefined) return d;
  const m = readMap(ctx, v, path, MISTAKE_NAMES, 'a map of switches (true or false)');
  if (m === undefined) return d;
  const out: Record<string, boolean> = { ...d };
  for (const name of MISTAKE_NAMES) {
    const x = own(m, name);
    if (x === undefined) continue;
    if (typeof x !== 'boolean')
      report(ctx, [...path, name], `must be true or false, got ${describeValue(x)}`);
    else out[name] = x;
  }
  return out as unknown as ControllerMistakes;
}

/**
 * historyWindow: absent, null or "" = S19's dynamics; an integer pins every kind's ring at that
 * capacity.
 */
function readHistoryWindow(ctx: Ctx, v: unknown, path: Path): number | null {
  if (v === undefined || v === null || v === '') return null;
  return readInt(ctx, v, path, BOUNDS.historyWindow, BOUNDS.historyWindow.min);
}

/** labelSelector: { Foo: "tier=gold", Deployment: "..." }, each a selector labels.Parse accepts (S12). */
function readLabelSelectors(ctx: Ctx, v: unknown, path: Path): Settings['labelSelector'] {
  if (v === undefined) return DEFAULT_SETTINGS.labelSelector;
  const m = readMap(ctx, v, path, KINDS, 'a map like { Foo: "tier=gold" }');
  if (m === undefined) return DEFAULT_SETTINGS.labelSelector;
  const out: Partial<Record<Kind, string>> = {};
  for (const k of KINDS) {
    const x = own(m, k);
    if (x === undefined) continue;
    if (typeof x !== 'string') {
      report(ctx, [...path, k], `must be a label selector string like "tier=gold", got ${describeValue(x)}`);
      continue;
    }
    const sel = parseLabelSelector(x);
    if ('error' in sel) report(ctx, [...path, k], `is not a label selector: ${sel.error}`);
    else if (sel.text !== '') out[k] = sel.text;
  }
  return out;
}

export function readSettings(ctx: Ctx, v: unknown, path: Path): Settings {
  const d = DEFAULT_SETTINGS;
  const s = (v === undefined ? {} : readMap(ctx, v, path, SETTINGS_KEYS, 'a map')) ?? {};
  const at = (...k: string[]): Path => [...path, ...k];
  const lat = readMap(
    ctx,
    own(s, 'latency') ?? {},
    at('latency'),
    ['request', 'watchDelivery', 'handler'],
    'a map',
  );
  const latency = lat ?? {};
  const rec = readMap(ctx, own(s, 'reconcile') ?? {}, at('reconcile'), ['duration', 'failureRate'], 'a map');
  const reconcile = rec ?? {};
  let failureRate = d.reconcile.failureRate;
  const fr = own(reconcile, 'failureRate');
  if (fr !== undefined) {
    if (typeof fr !== 'number' || !(fr >= 0 && fr <= 1)) {
      report(ctx, at('reconcile', 'failureRate'), `must be a number from 0 to 1, got ${describeValue(fr)}`);
    } else {
      failureRate = fr + 0; // -0 → 0
    }
  }
  const resync = { min: BOUNDS.minResyncMs, zeroOk: true };
  return {
    era: readEra(ctx, own(s, 'era'), at('era')),
    resyncPeriodMs: readDuration(ctx, own(s, 'resyncPeriod'), at('resyncPeriod'), d.resyncPeriodMs, resync),
    workers: readInt(ctx, own(s, 'workers'), at('workers'), BOUNDS.workers, d.workers),
    rateLimiter: readRateLimiter(ctx, own(s, 'rateLimiter'), at('rateLimiter'), 0),
    historyWindow: readHistoryWindow(ctx, own(s, 'historyWindow'), at('historyWindow')),
    bookmarkIntervalMs: readDuration(
      ctx,
      own(s, 'bookmarkInterval'),
      at('bookmarkInterval'),
      d.bookmarkIntervalMs,
      {
        min: BOUNDS.minBookmarkMs,
        zeroOk: true,
      },
    ),
    progressNotifyIntervalMs: readDuration(
      ctx,
      own(s, 'progressNotifyInterval'),
      at('progressNotifyInterval'),
      d.progressNotifyIntervalMs,
      { min: BOUNDS.minProgressNotifyMs, zeroOk: true },
    ),
    compactionIntervalMs: readDuration(
      ctx,
      own(s, 'compactionInterval'),
      at('compactionInterval'),
      d.compactionIntervalMs,
      { min: BOUNDS.minCompactionMs, zeroOk: true },
    ),
    labelSelector: readLabelSelectors(ctx, own(s, 'labelSelector'), at('labelSelector')),
    watchTimeout: readRange(
      ctx,
      own(s, 'watchTimeout'),
      at('watchTimeout'),
      d.watchTimeout,
      BOUNDS.minWatchTimeoutMs,
    ),
    pageSize: readInt(ctx, own(s, 'pageSize'), at('pageSize'), BOUNDS.pageSize, d.pageSize),
    latency: {
      request: readRange(ctx, own(latency, 'request'), at('latency', 'request'), d.latency.request),
      watchDelivery: readRange(
        ctx,
        own(latency, 'watchDelivery'),
        at('latency', 'watchDelivery'),
        d.latency.watchDelivery,
      ),
      handler: readRange(ctx, own(latency, 'handler'), at('latency', 'handler'), d.latency.handler),
    },
    reconcile: {
      duration: readRange(ctx, own(reconcile, 'duration'), at('reconcile', 'duration'), d.reconcile.duration),
      failureRate,
    },
    deploymentRollout: readRange(
      ctx,
      own(s, 'deploymentRollout'),
      at('deploymentRollout'),
      d.deploymentRollout,
    ),
    gcDelay: readRange(ctx, own(s, 'gcDelay'), at('gcDelay'), d.gcDelay),
    mistakes: readMistakes(ctx, own(s, 'mistakes'), at('mistakes')),
    ...readClientLimits(ctx, s, path),
    ...readReplicas(ctx, s, path),
    serverWatchList: readSwitch(ctx, own(s, 'serverWatchList'), at('serverWatchList'), d.serverWatchList),
  };
}

/** A true/false setting (`serverWatchList`: S24's WatchList gate of the 1.36 server); absent = `d`. */
function readSwitch(ctx: Ctx, v: unknown, path: Path, d: boolean): boolean {
  if (v === undefined) return d;
  if (typeof v === 'boolean') return v;
  report(ctx, path, `must be true or false, got ${describeValue(v)}`);
  return d;
}

/**
 * S38: `apiServerReplicas` (1–3, default 1), `replicaLag` (the range each replica's etcd → Cacher delay
 * is drawn from, with 2–3 replicas) and `goawayChance` (kube-apiserver's --goaway-chance: 0 to 0.02,
 * as its option validation allows).
 */
function readReplicas(
  ctx: Ctx,
  s: Record<string, unknown>,
  path: Path,
): Pick<Settings, 'apiServerReplicas' | 'replicaLag' | 'goawayChance'> {
  const d = DEFAULT_SETTINGS;
  const at = (k: string): Path => [...path, k];
  const apiServerReplicas = readInt(
    ctx,
    own(s, 'apiServerReplicas'),
    at('apiServerReplicas'),
    BOUNDS.apiServerReplicas,
    d.apiServerReplicas,
  );
  const replicaLag = readRange(ctx, own(s, 'replicaLag'), at('replicaLag'), d.replicaLag);
  let goawayChance = d.goawayChance;
  const g = own(s, 'goawayChance');
  if (g !== undefined) {
    const b = BOUNDS.goawayChance;
    if (typeof g !== 'number' || !(g >= b.min && g <= b.max)) {
      report(
        ctx,
        at('goawayChance'),
        `must be a number from ${b.min} to ${b.max} (kube-apiserver's --goaway-chance), got ${describeValue(g)}`,
      );
    } else {
      goawayChance = g + 0; // -0 → 0
    }
  }
  return { apiServerReplicas, replicaLag, goawayChance };
}

/**
 * `qps` and `burst`: the controller's rest.Config (K2). 0 or absent = unset (5 QPS, burst 10 per REST
 * client); a negative qps = no limiter; qps > 0 needs a burst > 0, as `NewForConfig` refuses to build
 * its shared limiter without one (with client-go's own message).
 */
function readClientLimits(ctx: Ctx, s: Record<string, unknown>, path: Path): { qps: number; burst: number } {
  const d = DEFAULT_SETTINGS;
  const b = BOUNDS.clientQps;
  let qps = d.qps;
  const q = own(s, 'qps');
  if (q !== undefined) {
    if (typeof q !== 'number' || !Number.isFinite(q) || (q > 0 && (q < b.min || q > b.max)) || q < -b.max) {
      report(
        ctx,
        [...path, 'qps'],
        `must be 0 (unset: 5 per REST client), a negative number (no client-side limiter) or a rate from ${b.min} to ${b.max}, got ${describeValue(q)}`,
      );
    } else {
      qps = q + 0; // -0 → 0
    }
  }
  const burst = readInt(ctx, own(s, 'burst'), [...path, 'burst'], BOUNDS.clientBurst, d.burst);
  if (qps > 0 && burst === 0) {
    report(
      ctx,
      [...path, 'burst'],
      'burst is required to be greater than 0 when RateLimiter is not set and QPS is set to greater than 0',
    );
  }
  return { qps, burst };
}
