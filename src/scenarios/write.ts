/**
 * The one scenario writer: normalized values (src/engine/model/scenario.ts: a Scenario, its settings,
 * a script action or an intervention) → documents in the scenario file format (docs/SCENARIOS.md), and
 * a scenario document → YAML text. The readers in ./read/ take either form back to the same value:
 * validateScenario(scenarioDoc(s, form)) deep-equals s for every valid s.
 *
 * Two forms:
 * - `full`, the export (`scenarioToYaml`): every setting and field written out, durations as Go
 *   duration text ("30s"), so an exported file reads well and replays the same even if defaults change;
 * - `compact`, what links carry (./url-codec.ts) and what the value check writes (./check.ts): every
 *   value equal to its default left out, durations as integer ms, a range with min = max as one duration.
 *
 * Only the fields the format knows are written, so a value with extra fields loses them here; ./check.ts
 * compares the read-back value with the input to catch that. The writer is total over hostile values:
 * a part that is not the map or list it should be is passed through unchanged, so the validator reports
 * it in its own words instead of this code failing on it.
 */
import { Document, isMap, isSeq } from 'yaml';
import {
  DEFAULT_BUCKET,
  DEFAULT_EXPONENTIAL,
  DEFAULT_NAMESPACE,
  DEFAULT_RESTART,
  DEFAULT_SEED,
  DEFAULT_SETTINGS,
  FOO_API_VERSION,
} from '../engine/model/defaults';
import { KINDS } from '../engine/model/objects';
import {
  MISTAKE_NAMES,
  type ObjectManifest,
  type ObjectRef,
  type Range,
  type RateLimiterSetting,
  SCENARIO_API_VERSION,
  type Scenario,
  type ScriptAction,
  type Settings,
} from '../engine/model/scenario';
import { formatDuration } from './duration';
import { isRecord } from './plain-data';
import { apiVersionOf } from './read/objects';
import { SETTINGS_FILE_KEYS } from './read/settings';

/** `full`: every field, durations as text (export). `compact`: defaults left out, durations in ms (links). */
export type DocForm = 'full' | 'compact';

type Doc = Record<string, unknown>;

/** A script action, or an intervention (an action without `at`). */
export type ActionValue = ScriptAction extends infer A
  ? A extends ScriptAction
    ? Omit<A, 'at'> & { readonly at?: number }
    : never
  : never;

function isEmptyDoc(v: unknown): boolean {
  return isRecord(v) && Object.keys(v).length === 0;
}

/** A map copied key by key (spread defines `__proto__` as an own key, as the validator must see it). */
function copyMap(v: unknown): unknown {
  return isRecord(v) ? { ...v } : v;
}

function duration(ms: number, form: DocForm): unknown {
  return form === 'full' && typeof ms === 'number' ? formatDuration(ms) : ms;
}

function rangeDoc(r: Range, def: Range, form: DocForm): unknown {
  if (!isRecord(r)) return r;
  if (form === 'full') return { min: duration(r.min, form), max: duration(r.max, form) };
  if (r.min === r.max) return r.min; // one duration means min = max
  const out: Doc = {};
  if (r.min !== def.min) out.min = r.min;
  if (r.max !== def.max) out.max = r.max;
  return out;
}

function limiterDoc(l: RateLimiterSetting, form: DocForm): unknown {
  if (!isRecord(l)) return l;
  const all = form === 'full';
  switch (l.type) {
    case 'default':
      return { type: 'default' };
    case 'exponential': {
      const out: Doc = { type: 'exponential' };
      if (all || l.baseMs !== DEFAULT_EXPONENTIAL.baseMs) out.base = duration(l.baseMs, form);
      if (all || l.maxMs !== DEFAULT_EXPONENTIAL.maxMs) out.max = duration(l.maxMs, form);
      return out;
    }
    case 'fastslow':
      return {
        type: 'fastslow',
        fast: duration(l.fastMs, form),
        slow: duration(l.slowMs, form),
        maxFast: l.maxFast,
      };
    case 'bucket': {
      const out: Doc = { type: 'bucket' };
      if (all || l.qps !== DEFAULT_BUCKET.qps) out.qps = l.qps;
      if (all || l.burst !== DEFAULT_BUCKET.burst) out.burst = l.burst;
      return out;
    }
    case 'maxOf':
      return {
        type: 'maxOf',
        limiters: Array.isArray(l.limiters) ? l.limiters.map((x) => limiterDoc(x, form)) : l.limiters,
      };
    default: {
      // Exhaustive for the union (a new limiter type must be written here); a hostile unknown type
      // passes through for the validator to name.
      const unknownType: never = l;
      return unknownType;
    }
  }
}

function latencyDoc(l: Settings['latency'], form: DocForm): unknown {
  if (!isRecord(l)) return l;
  const d = DEFAULT_SETTINGS.latency;
  const out: Doc = {};
  for (const k of ['request', 'watchDelivery', 'handler'] as const) {
    const r = rangeDoc(l[k], d[k], form);
    if (form === 'full' || !isEmptyDoc(r)) out[k] = r;
  }
  return out;
}

function reconcileDoc(r: Settings['reconcile'], form: DocForm): unknown {
  if (!isRecord(r)) return r;
  const d = DEFAULT_SETTINGS.reconcile;
  const out: Doc = {};
  const range = rangeDoc(r.duration, d.duration, form);
  if (form === 'full' || !isEmptyDoc(range)) out.duration = range;
  if (form === 'full' || r.failureRate !== d.failureRate) out.failureRate = r.failureRate;
  return out;
}

function mistakesDoc(m: Settings['mistakes'], form: DocForm): unknown {
  if (!isRecord(m) || form === 'full') return copyMap(m);
  const out: Doc = {};
  for (const name of MISTAKE_NAMES) if (m[name] === true) out[name] = true;
  return out;
}

interface SettingEntry {
  /** The file-format key. */
  readonly key: string;
  readonly doc: unknown;
  /** The value equals its default (a compact document leaves it out). */
  readonly isDefault: boolean;
}

/** The labelSelector setting: only the informers that have a non-empty selector. */
function labelSelectorDoc(v: Settings['labelSelector']): Doc {
  const out: Doc = {};
  if (!isRecord(v)) return out;
  for (const k of KINDS) {
    const x = (v as Record<string, unknown>)[k];
    if (typeof x === 'string' ? x !== '' : x !== undefined) out[k] = x;
  }
  return out;
}

/** Each setting present in `s`, in file order, as its document and whether it is the default. */
function settingEntries(s: Partial<Settings>, form: DocForm): SettingEntry[] {
  const d = DEFAULT_SETTINGS;
  const out: SettingEntry[] = [];
  const add = (key: keyof Settings, doc: unknown, isDefault: boolean): void => {
    out.push({ key: SETTINGS_FILE_KEYS[key], doc, isDefault });
  };
  const range = (key: 'watchTimeout' | 'deploymentRollout' | 'gcDelay' | 'replicaLag', r: Range): void => {
    add(key, rangeDoc(r, d[key], form), isEmptyDoc(rangeDoc(r, d[key], 'compact')));
  };
  if (s.era !== undefined) add('era', s.era, s.era === d.era);
  if (s.resyncPeriodMs !== undefined)
    add('resyncPeriodMs', duration(s.resyncPeriodMs, form), s.resyncPeriodMs === d.resyncPeriodMs);
  if (s.workers !== undefined) add('workers', s.workers, s.workers === d.workers);
  if (s.rateLimiter !== undefined)
    add(
      'rateLimiter',
      limiterDoc(s.rateLimiter, form),
      isRecord(s.rateLimiter) && s.rateLimiter.type === 'default',
    );
  if (s.historyWindow !== undefined)
    add('historyWindow', s.historyWindow, s.historyWindow === d.historyWindow);
  if (s.progressNotifyIntervalMs !== undefined)
    add(
      'progressNotifyIntervalMs',
      duration(s.progressNotifyIntervalMs, form),
      s.progressNotifyIntervalMs === d.progressNotifyIntervalMs,
    );
  if (s.compactionIntervalMs !== undefined)
    add(
      'compactionIntervalMs',
      duration(s.compactionIntervalMs, form),
      s.compactionIntervalMs === d.compactionIntervalMs,
    );
  if (s.labelSelector !== undefined)
    add('labelSelector', labelSelectorDoc(s.labelSelector), isEmptyDoc(labelSelectorDoc(s.labelSelector)));
  if (s.bookmarkIntervalMs !== undefined)
    add(
      'bookmarkIntervalMs',
      duration(s.bookmarkIntervalMs, form),
      s.bookmarkIntervalMs === d.bookmarkIntervalMs,
    );
  if (s.watchTimeout !== undefined) range('watchTimeout', s.watchTimeout);
  if (s.pageSize !== undefined) add('pageSize', s.pageSize, s.pageSize === d.pageSize);
  if (s.latency !== undefined)
    add('latency', latencyDoc(s.latency, form), isEmptyDoc(latencyDoc(s.latency, 'compact')));
  if (s.reconcile !== undefined)
    add('reconcile', reconcileDoc(s.reconcile, form), isEmptyDoc(reconcileDoc(s.reconcile, 'compact')));
  if (s.deploymentRollout !== undefined) range('deploymentRollout', s.deploymentRollout);
  if (s.gcDelay !== undefined) range('gcDelay', s.gcDelay);
  if (s.mistakes !== undefined)
    add('mistakes', mistakesDoc(s.mistakes, form), isEmptyDoc(mistakesDoc(s.mistakes, 'compact')));
  if (s.qps !== undefined) add('qps', s.qps, s.qps === d.qps);
  if (s.burst !== undefined) add('burst', s.burst, s.burst === d.burst);
  if (s.apiServerReplicas !== undefined)
    add('apiServerReplicas', s.apiServerReplicas, s.apiServerReplicas === d.apiServerReplicas);
  if (s.replicaLag !== undefined) range('replicaLag', s.replicaLag);
  if (s.goawayChance !== undefined) add('goawayChance', s.goawayChance, s.goawayChance === d.goawayChance);
  if (s.serverWatchList !== undefined)
    add('serverWatchList', s.serverWatchList, s.serverWatchList === d.serverWatchList);
  return out;
}

/**
 * Settings a full document leaves out at their default: no mistake on, qps and burst unset (K2), one
 * apiserver with its replica settings unused (S38), the 1.36 server's WatchList gate on (S24).
 */
const UNSET_IN_FULL: ReadonlySet<string> = new Set([
  'mistakes',
  'qps',
  'burst',
  'apiServerReplicas',
  'replicaLag',
  'goawayChance',
  'serverWatchList',
]);

/**
 * The `settings` document of a scenario's settings. `compact` leaves out every setting equal to its
 * default; `full` writes every one, except `mistakes` when no switch is on and `qps` / `burst` while
 * unset (the file stays readable: `qps: 0` would read as "no requests").
 */
export function settingsDoc(s: Partial<Settings>, form: DocForm): Doc {
  const out: Doc = {};
  for (const e of settingEntries(s, form))
    if (!(e.isDefault && (form === 'compact' || UNSET_IN_FULL.has(e.key)))) out[e.key] = e.doc;
  return out;
}

/**
 * The compact `settings` document of a lesson's changes: every setting present is written, even when it
 * equals its default, because the keys say what changed (each replaces the lesson's setting whole).
 */
export function settingsChangesDoc(changes: Partial<Settings>): Doc {
  const out: Doc = {};
  for (const e of settingEntries(changes, 'compact')) out[e.key] = e.doc;
  return out;
}

function refDoc(t: ObjectRef, form: DocForm): unknown {
  if (!isRecord(t)) return t;
  return form === 'full' || t.namespace !== DEFAULT_NAMESPACE
    ? { kind: t.kind, namespace: t.namespace, name: t.name }
    : { kind: t.kind, name: t.name };
}

type SpecChange = { readonly deploymentName?: string; readonly replicas?: number };

/** An update or patch spec: `full` keeps the value's key order (as exports always have). */
function specChangeDoc(spec: SpecChange, form: DocForm): unknown {
  if (!isRecord(spec) || form === 'full') return copyMap(spec);
  const out: Doc = {};
  if (spec.deploymentName !== undefined) out.deploymentName = spec.deploymentName;
  if (spec.replicas !== undefined) out.replicas = spec.replicas;
  return out;
}

/** A manifest; `compact` leaves out apiVersion (optional in the format), namespace `default` and replicas 1. */
export function manifestDoc(m: ObjectManifest, form: DocForm): unknown {
  if (!isRecord(m)) return m;
  const all = form === 'full';
  const metadata: Doc = {};
  if (all || m.namespace !== DEFAULT_NAMESPACE) metadata.namespace = m.namespace;
  metadata.name = m.name;
  if (!isRecord(m.labels) || Object.keys(m.labels).length > 0) metadata.labels = copyMap(m.labels);
  if (!Array.isArray(m.finalizers)) metadata.finalizers = m.finalizers;
  else if (m.finalizers.length > 0) metadata.finalizers = [...m.finalizers];
  if (m.ownerFoo !== undefined) {
    const ref = { kind: 'Foo', name: m.ownerFoo, controller: true };
    metadata.ownerReferences = [all ? { apiVersion: FOO_API_VERSION, ...ref } : ref];
  }
  const out: Doc = all
    ? { apiVersion: apiVersionOf(m.kind), kind: m.kind, metadata }
    : { kind: m.kind, metadata };
  if (!isRecord(m.spec)) {
    out.spec = m.spec;
    return out;
  }
  const spec: Doc = {};
  if (m.spec.deploymentName !== undefined) spec.deploymentName = m.spec.deploymentName;
  if (all || m.spec.replicas !== 1) spec.replicas = m.spec.replicas;
  if (all || Object.keys(spec).length > 0) out.spec = spec;
  return out;
}

/** A script entry (`at` written only when the value has one: an intervention has none). */
export function actionDoc(a: ActionValue, form: DocForm): unknown {
  if (!isRecord(a)) return a;
  const out: Doc = a.at === undefined ? { action: a.action } : { at: duration(a.at, form), action: a.action };
  switch (a.action) {
    case 'create':
      out.object = manifestDoc(a.object, form);
      break;
    case 'update':
      out.target = refDoc(a.target, form);
      out.spec = specChangeDoc(a.spec, form);
      if (a.labels !== undefined) out.labels = copyMap(a.labels);
      if (a.resourceVersion !== undefined) out.resourceVersion = a.resourceVersion;
      break;
    case 'patch':
      out.target = refDoc(a.target, form);
      if (a.spec !== undefined) out.spec = specChangeDoc(a.spec, form);
      if (a.labels !== undefined) out.labels = copyMap(a.labels);
      break;
    case 'delete':
      out.target = refDoc(a.target, form);
      break;
    case 'removeFinalizer':
      out.target = refDoc(a.target, form);
      out.finalizer = a.finalizer;
      break;
    case 'closeWatch':
      if (a.kind !== undefined) out.kind = a.kind;
      break;
    case 'watchError':
      out.code = a.code;
      if (a.kind !== undefined) out.kind = a.kind;
      break;
    case 'compact':
      break;
    case 'restartApiServer':
      if (form === 'full' || a.downtimeMs !== DEFAULT_RESTART.downtimeMs)
        out.downtime = duration(a.downtimeMs, form);
      if (form === 'full' || a.cacheInitMs !== DEFAULT_RESTART.cacheInitMs)
        out.cacheInit = duration(a.cacheInitMs, form);
      if (a.replica !== undefined) out.replica = a.replica;
      break;
    case 'lagReplica':
      out.replica = a.replica;
      out.lag = duration(a.lagMs, form);
      out.duration = duration(a.durationMs, form);
      break;
    case 'refuseConnections':
      out.duration = duration(a.durationMs, form);
      break;
    case 'apiErrors':
      out.code = a.code;
      out.duration = duration(a.durationMs, form);
      if (a.retryAfter !== undefined) out.retryAfter = a.retryAfter;
      break;
    case 'addLatency':
    case 'slowHandlers':
      out.extra = duration(a.extraMs, form);
      out.duration = duration(a.durationMs, form);
      break;
    case 'failReconciles':
      out.count = a.count;
      break;
    case 'addHandler':
      out.kind = a.kind;
      out.name = a.name;
      if (a.resyncPeriodMs !== undefined) out.resyncPeriod = duration(a.resyncPeriodMs, form);
      break;
    default: {
      // Exhaustive for the union (a new action must be written here); a hostile unknown action is
      // written as it is, for the validator to name.
      const unknownAction: never = a;
      void unknownAction;
    }
  }
  return out;
}

/** A list of parts: written when not empty; not a list = passed through for the validator. */
function listDoc<T>(out: Doc, key: string, v: readonly T[], write: (x: T) => unknown): void {
  if (!Array.isArray(v)) {
    if (v !== undefined) out[key] = v;
  } else if (v.length > 0) {
    out[key] = v.map(write);
  }
}

/** The whole scenario as a document of the given form. */
export function scenarioDoc(s: Scenario, form: DocForm): Doc {
  const all = form === 'full';
  const metadata: Doc = { name: s.name };
  if (all || s.title !== s.name) metadata.title = s.title;
  if (s.description !== '') metadata.description = s.description;
  const out: Doc = { apiVersion: SCENARIO_API_VERSION, kind: 'Scenario', metadata };
  if (all || s.seed !== DEFAULT_SEED) out.seed = s.seed;
  const settings = isRecord(s.settings) ? settingsDoc(s.settings, form) : s.settings;
  if (all || !isEmptyDoc(settings)) out.settings = settings;
  listDoc(out, 'objects', s.objects, (m) => manifestDoc(m, form));
  listDoc(out, 'script', s.script, (a) => actionDoc(a, form));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Document → YAML text

function setFlow(doc: Document, path: readonly (string | number)[]): void {
  const n = doc.getIn(path, true);
  if (isMap(n) || isSeq(n)) n.flow = true;
}

/**
 * A scenario document as YAML text laid out for reading: a header comment naming the format, short
 * maps (ranges, rate limiters, metadata, specs, script entries) on one line, no line wrapping.
 */
export function scenarioDocToYaml(body: Doc): string {
  const doc = new Document(body);
  doc.commentBefore = ' Informer Lab scenario; the format is described in docs/SCENARIOS.md';
  for (const k of ['watchTimeout', 'rateLimiter', 'deploymentRollout', 'gcDelay', 'replicaLag'])
    setFlow(doc, ['settings', k]);
  for (const k of ['request', 'watchDelivery', 'handler']) setFlow(doc, ['settings', 'latency', k]);
  setFlow(doc, ['settings', 'reconcile', 'duration']);
  const objects = body.objects;
  const script = body.script;
  for (let i = 0; Array.isArray(objects) && i < objects.length; i++) {
    setFlow(doc, ['objects', i, 'metadata']);
    setFlow(doc, ['objects', i, 'spec']);
  }
  for (let i = 0; Array.isArray(script) && i < script.length; i++) setFlow(doc, ['script', i]);
  return doc.toString({ lineWidth: 0 });
}

/**
 * A normalized scenario as YAML in the full form, every setting written out (so an exported scenario
 * replays the same even if defaults change). parseScenario(scenarioToYaml(s)) deep-equals s for every
 * valid s.
 */
export function scenarioToYaml(s: Scenario): string {
  return scenarioDocToYaml(scenarioDoc(s, 'full'));
}
