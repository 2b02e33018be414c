/**
 * Normalized scenario values (./types.ts) → plain documents in the scenario file format
 * (docs/SCENARIOS.md), as compact as the format allows: durations as integer milliseconds, a range with
 * min = max as one duration, and (where asked) every value equal to its default left out. These are the
 * documents shareable links carry (./url-codec.ts); `validateScenario` (./parse.ts) reads them back and
 * fills the defaults in again, so validateScenario(scenarioDoc(s)) deep-equals s for every valid s.
 *
 * Only the fields the format knows are copied, so a value with extra fields (hostile or not normalized)
 * loses them here; ./intervention.ts compares the read-back value with the input to catch that.
 */
import {
  DEFAULT_BUCKET,
  DEFAULT_EXPONENTIAL,
  DEFAULT_NAMESPACE,
  DEFAULT_SEED,
  DEFAULT_SETTINGS,
} from '../engine/model/defaults';
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

type Doc = Record<string, unknown>;

/** A script action, or an intervention (an action without `at`). */
export type ActionValue = ScriptAction extends infer A
  ? A extends ScriptAction
    ? Omit<A, 'at'> & { readonly at?: number }
    : never
  : never;

function rangeDoc(r: Range, def: Range): number | Doc {
  if (r.min === r.max) return r.min; // one duration means min = max
  const out: Doc = {};
  if (r.min !== def.min) out.min = r.min;
  if (r.max !== def.max) out.max = r.max;
  return out;
}

function isEmptyDoc(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

function limiterDoc(l: RateLimiterSetting): Doc {
  switch (l.type) {
    case 'default':
      return { type: 'default' };
    case 'exponential': {
      const out: Doc = { type: 'exponential' };
      if (l.baseMs !== DEFAULT_EXPONENTIAL.baseMs) out.base = l.baseMs;
      if (l.maxMs !== DEFAULT_EXPONENTIAL.maxMs) out.max = l.maxMs;
      return out;
    }
    case 'fastslow':
      return { type: 'fastslow', fast: l.fastMs, slow: l.slowMs, maxFast: l.maxFast };
    case 'bucket': {
      const out: Doc = { type: 'bucket' };
      if (l.qps !== DEFAULT_BUCKET.qps) out.qps = l.qps;
      if (l.burst !== DEFAULT_BUCKET.burst) out.burst = l.burst;
      return out;
    }
    case 'maxOf':
      return { type: 'maxOf', limiters: l.limiters.map(limiterDoc) };
  }
}

/**
 * The `settings` document of (some of) the settings. `omitDefaults`: leave out every top-level setting
 * equal to its default (for a whole scenario); otherwise every key of `s` is written (for a partial
 * change, whose keys say what changed). Inside `latency`, `reconcile`, ranges and `mistakes`, values
 * equal to their defaults are always left out (the reader fills them in again).
 */
export function settingsDoc(s: Partial<Settings>, omitDefaults: boolean): Doc {
  const d = DEFAULT_SETTINGS;
  const out: Doc = {};
  const put = (key: string, v: unknown, isDefault: boolean): void => {
    if (!(omitDefaults && isDefault)) out[key] = v;
  };
  if (s.resyncPeriodMs !== undefined)
    put('resyncPeriod', s.resyncPeriodMs, s.resyncPeriodMs === d.resyncPeriodMs);
  if (s.workers !== undefined) put('workers', s.workers, s.workers === d.workers);
  if (s.rateLimiter !== undefined)
    put('rateLimiter', limiterDoc(s.rateLimiter), s.rateLimiter.type === 'default');
  if (s.historyWindow !== undefined)
    put('historyWindow', s.historyWindow, s.historyWindow === d.historyWindow);
  if (s.bookmarkIntervalMs !== undefined)
    put('bookmarkInterval', s.bookmarkIntervalMs, s.bookmarkIntervalMs === d.bookmarkIntervalMs);
  if (s.watchTimeout !== undefined) {
    const v = rangeDoc(s.watchTimeout, d.watchTimeout);
    put('watchTimeout', v, isEmptyDoc(v));
  }
  if (s.pageSize !== undefined) put('pageSize', s.pageSize, s.pageSize === d.pageSize);
  if (s.latency !== undefined) {
    const v: Doc = {};
    for (const k of ['request', 'watchDelivery', 'handler'] as const) {
      const r = rangeDoc(s.latency[k], d.latency[k]);
      if (!isEmptyDoc(r)) v[k] = r;
    }
    put('latency', v, isEmptyDoc(v));
  }
  if (s.reconcile !== undefined) {
    const v: Doc = {};
    const r = rangeDoc(s.reconcile.duration, d.reconcile.duration);
    if (!isEmptyDoc(r)) v.duration = r;
    if (s.reconcile.failureRate !== d.reconcile.failureRate) v.failureRate = s.reconcile.failureRate;
    put('reconcile', v, isEmptyDoc(v));
  }
  if (s.deploymentRollout !== undefined) {
    const v = rangeDoc(s.deploymentRollout, d.deploymentRollout);
    put('deploymentRollout', v, isEmptyDoc(v));
  }
  if (s.gcDelay !== undefined) {
    const v = rangeDoc(s.gcDelay, d.gcDelay);
    put('gcDelay', v, isEmptyDoc(v));
  }
  if (s.mistakes !== undefined) {
    const v: Doc = {};
    for (const name of MISTAKE_NAMES) if (s.mistakes[name] === true) v[name] = true;
    put('mistakes', v, isEmptyDoc(v));
  }
  return out;
}

// The writers below are also applied to values that may not be valid (interventions from the UI, checked
// by ./intervention.ts): a part that is not even a map or list is passed through unchanged, so the
// validator reports it in its own words instead of this code failing on it.

function isRec(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function refDoc(t: ObjectRef): unknown {
  if (!isRec(t)) return t;
  return t.namespace === DEFAULT_NAMESPACE
    ? { kind: t.kind, name: t.name }
    : { kind: t.kind, namespace: t.namespace, name: t.name };
}

function specDoc(spec: { readonly deploymentName?: string; readonly replicas?: number }): unknown {
  if (!isRec(spec)) return spec;
  const out: Doc = {};
  if (spec.deploymentName !== undefined) out.deploymentName = spec.deploymentName;
  if (spec.replicas !== undefined) out.replicas = spec.replicas;
  return out;
}

function labelsDoc(labels: Readonly<Record<string, string>>): unknown {
  if (!isRec(labels)) return labels;
  const out: Doc = {};
  for (const k of Object.keys(labels)) out[k] = labels[k];
  return out;
}

/** A manifest: `apiVersion` left out (optional in the format), namespace `default` and replicas 1 too. */
export function manifestDoc(m: ObjectManifest): unknown {
  if (!isRec(m)) return m;
  const metadata: Doc = {};
  if (m.namespace !== DEFAULT_NAMESPACE) metadata.namespace = m.namespace;
  metadata.name = m.name;
  if (!isRec(m.labels) || Object.keys(m.labels).length > 0) metadata.labels = labelsDoc(m.labels);
  if (!Array.isArray(m.finalizers)) metadata.finalizers = m.finalizers;
  else if (m.finalizers.length > 0) metadata.finalizers = [...m.finalizers];
  if (m.ownerFoo !== undefined)
    metadata.ownerReferences = [{ kind: 'Foo', name: m.ownerFoo, controller: true }];
  const out: Doc = { kind: m.kind, metadata };
  if (!isRec(m.spec)) {
    out.spec = m.spec;
    return out;
  }
  const spec: Doc = {};
  if (m.spec.deploymentName !== undefined) spec.deploymentName = m.spec.deploymentName;
  if (m.spec.replicas !== 1) spec.replicas = m.spec.replicas;
  if (Object.keys(spec).length > 0) out.spec = spec;
  return out;
}

/** A script entry (`at` written only when the value has one: an intervention has none). */
export function actionDoc(a: ActionValue): Doc {
  const out: Doc = a.at === undefined ? { action: a.action } : { at: a.at, action: a.action };
  switch (a.action) {
    case 'create':
      out.object = manifestDoc(a.object);
      break;
    case 'update':
      out.target = refDoc(a.target);
      out.spec = specDoc(a.spec);
      if (a.labels !== undefined) out.labels = labelsDoc(a.labels);
      if (a.resourceVersion !== undefined) out.resourceVersion = a.resourceVersion;
      break;
    case 'patch':
      out.target = refDoc(a.target);
      if (a.spec !== undefined) out.spec = specDoc(a.spec);
      if (a.labels !== undefined) out.labels = labelsDoc(a.labels);
      break;
    case 'delete':
      out.target = refDoc(a.target);
      break;
    case 'removeFinalizer':
      out.target = refDoc(a.target);
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
    case 'refuseConnections':
      out.duration = a.durationMs;
      break;
    case 'apiErrors':
      out.code = a.code;
      out.duration = a.durationMs;
      break;
    case 'addLatency':
    case 'slowHandlers':
      out.extra = a.extraMs;
      out.duration = a.durationMs;
      break;
    case 'failReconciles':
      out.count = a.count;
      break;
    case 'addHandler':
      out.kind = a.kind;
      out.name = a.name;
      if (a.resyncPeriodMs !== undefined) out.resyncPeriod = a.resyncPeriodMs;
      break;
    default:
      throw new Error(`unknown action ${JSON.stringify(String((a as { action: unknown }).action))}`);
  }
  return out;
}

/** The whole scenario as a compact document (every default left out). */
export function scenarioDoc(s: Scenario): Doc {
  const metadata: Doc = { name: s.name };
  if (s.title !== s.name) metadata.title = s.title;
  if (s.description !== '') metadata.description = s.description;
  const out: Doc = { apiVersion: SCENARIO_API_VERSION, kind: 'Scenario', metadata };
  if (s.seed !== DEFAULT_SEED) out.seed = s.seed;
  const settings = settingsDoc(s.settings, true);
  if (Object.keys(settings).length > 0) out.settings = settings;
  if (s.objects.length > 0) out.objects = s.objects.map(manifestDoc);
  if (s.script.length > 0) out.script = s.script.map(actionDoc);
  return out;
}
