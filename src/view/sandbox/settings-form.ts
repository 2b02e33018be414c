/**
 * The sandbox's settings form, as pure data: which fields it shows, the draft it edits (the text of each
 * input, so a half-typed value survives), and how a draft becomes Settings. Validation is the scenario
 * validator's (src/scenarios/parse.ts) on a one-settings scenario, so the form accepts exactly what a file
 * accepts (durations as "2s", "250ms" or a number of ms) and its messages are the file's; each message
 * is attached to the field its path names.
 */

import {
  MISTAKE_NAMES,
  type RateLimiterSetting,
  SCENARIO_API_VERSION,
  type Settings,
} from '../../engine/model/scenario';
import { validateScenario } from '../../scenarios/parse';
import { settingsChangesDoc } from '../../scenarios/write';
import type { SettingsDraft } from '../../store/types';

/** `bool`: a checkbox whose draft text is "true" or "false". */
export type FieldKind = 'duration' | 'int' | 'number' | 'bool';

export interface FieldSpec {
  /** The field's path in the file format's `settings`, dotted ("latency.request.min"). */
  readonly id: string;
  readonly kind: FieldKind;
  /** i18n key of the label (links area). */
  readonly label: string;
}

/** Form groups, in order; rate limiter fields are shown for their type only. */
export const FIELD_GROUPS: readonly { readonly id: string; readonly fields: readonly FieldSpec[] }[] = [
  {
    id: 'informer',
    fields: [
      { id: 'resyncPeriod', kind: 'duration', label: 'links.sb.f.resyncPeriod' },
      { id: 'workers', kind: 'int', label: 'links.sb.f.workers' },
    ],
  },
  {
    id: 'server',
    fields: [
      { id: 'historyWindow', kind: 'int', label: 'links.sb.f.historyWindow' },
      { id: 'bookmarkInterval', kind: 'duration', label: 'links.sb.f.bookmarkInterval' },
      // S24: the 1.36 server's WatchList gate (modern era; the classic era's 1.26 server has none).
      { id: 'serverWatchList', kind: 'bool', label: 'links.sb.f.serverWatchList' },
    ],
  },
  {
    id: 'latency',
    fields: [
      { id: 'latency.request.min', kind: 'duration', label: 'links.sb.f.requestMin' },
      { id: 'latency.request.max', kind: 'duration', label: 'links.sb.f.requestMax' },
      { id: 'latency.watchDelivery.min', kind: 'duration', label: 'links.sb.f.watchMin' },
      { id: 'latency.watchDelivery.max', kind: 'duration', label: 'links.sb.f.watchMax' },
      { id: 'latency.handler.min', kind: 'duration', label: 'links.sb.f.handlerMin' },
      { id: 'latency.handler.max', kind: 'duration', label: 'links.sb.f.handlerMax' },
    ],
  },
  {
    id: 'reconcile',
    fields: [
      { id: 'reconcile.duration.min', kind: 'duration', label: 'links.sb.f.reconcileMin' },
      { id: 'reconcile.duration.max', kind: 'duration', label: 'links.sb.f.reconcileMax' },
      { id: 'reconcile.failureRate', kind: 'number', label: 'links.sb.f.failureRate' },
    ],
  },
  {
    // The clientsets' rest.Config (K2): 0 = unset (5 QPS, burst 10 per REST client).
    id: 'clients',
    fields: [
      { id: 'qps', kind: 'number', label: 'links.sb.f.clientQps' },
      { id: 'burst', kind: 'int', label: 'links.sb.f.clientBurst' },
    ],
  },
  {
    // HA apiserver replicas (S38): how many, each one's etcd → Cacher lag range, --goaway-chance.
    id: 'replicas',
    fields: [
      { id: 'apiServerReplicas', kind: 'int', label: 'links.sb.f.apiServerReplicas' },
      { id: 'replicaLag.min', kind: 'duration', label: 'links.sb.f.replicaLagMin' },
      { id: 'replicaLag.max', kind: 'duration', label: 'links.sb.f.replicaLagMax' },
      { id: 'goawayChance', kind: 'number', label: 'links.sb.f.goawayChance' },
    ],
  },
];

/** The client-go era (settings.era): a choice of its own at the top of the form (issue 12). */
export const ERA_FIELD = 'era';

export const LIMITER_TYPES = ['default', 'exponential', 'fastslow', 'bucket', 'maxOf'] as const;
export type LimiterType = (typeof LIMITER_TYPES)[number];

export const LIMITER_FIELDS: Readonly<Record<LimiterType, readonly FieldSpec[]>> = {
  default: [],
  exponential: [
    { id: 'rateLimiter.base', kind: 'duration', label: 'links.sb.f.expBase' },
    { id: 'rateLimiter.max', kind: 'duration', label: 'links.sb.f.expMax' },
  ],
  fastslow: [
    { id: 'rateLimiter.fast', kind: 'duration', label: 'links.sb.f.fast' },
    { id: 'rateLimiter.slow', kind: 'duration', label: 'links.sb.f.slow' },
    { id: 'rateLimiter.maxFast', kind: 'int', label: 'links.sb.f.maxFast' },
  ],
  bucket: [
    { id: 'rateLimiter.qps', kind: 'number', label: 'links.sb.f.qps' },
    { id: 'rateLimiter.burst', kind: 'int', label: 'links.sb.f.burst' },
  ],
  // A maxOf limiter is kept as it is (the form cannot edit its children).
  maxOf: [],
};

export type { SettingsDraft } from '../../store/types';

function limiterValues(l: RateLimiterSetting): Record<string, string> {
  switch (l.type) {
    case 'exponential':
      return { 'rateLimiter.base': String(l.baseMs), 'rateLimiter.max': String(l.maxMs) };
    case 'fastslow':
      return {
        'rateLimiter.fast': String(l.fastMs),
        'rateLimiter.slow': String(l.slowMs),
        'rateLimiter.maxFast': String(l.maxFast),
      };
    case 'bucket':
      return { 'rateLimiter.qps': String(l.qps), 'rateLimiter.burst': String(l.burst) };
    default:
      return {};
  }
}

/** Defaults shown when the user switches to a limiter type the settings did not have. */
const LIMITER_DEFAULTS: Readonly<Record<string, string>> = {
  'rateLimiter.base': '5',
  'rateLimiter.max': '1000000',
  'rateLimiter.fast': '5',
  'rateLimiter.slow': '10000',
  'rateLimiter.maxFast': '3',
  'rateLimiter.qps': '10',
  'rateLimiter.burst': '100',
};

export function draftFromSettings(s: Settings): SettingsDraft {
  const values: Record<string, string> = {
    ...LIMITER_DEFAULTS,
    resyncPeriod: String(s.resyncPeriodMs),
    workers: String(s.workers),
    historyWindow: s.historyWindow === null ? '' : String(s.historyWindow),
    bookmarkInterval: String(s.bookmarkIntervalMs),
    'latency.request.min': String(s.latency.request.min),
    'latency.request.max': String(s.latency.request.max),
    'latency.watchDelivery.min': String(s.latency.watchDelivery.min),
    'latency.watchDelivery.max': String(s.latency.watchDelivery.max),
    'latency.handler.min': String(s.latency.handler.min),
    'latency.handler.max': String(s.latency.handler.max),
    'reconcile.duration.min': String(s.reconcile.duration.min),
    'reconcile.duration.max': String(s.reconcile.duration.max),
    'reconcile.failureRate': String(s.reconcile.failureRate),
    qps: String(s.qps),
    burst: String(s.burst),
    apiServerReplicas: String(s.apiServerReplicas),
    'replicaLag.min': String(s.replicaLag.min),
    'replicaLag.max': String(s.replicaLag.max),
    goawayChance: String(s.goawayChance),
    serverWatchList: String(s.serverWatchList),
    [ERA_FIELD]: s.era,
    ...limiterValues(s.rateLimiter),
  };
  return { base: s, values, limiter: s.rateLimiter.type, mistakes: s.mistakes };
}

/** Input text → a file-format value: digits are milliseconds / numbers, anything else goes as typed. */
function fieldValue(text: string, kind: FieldKind): unknown {
  const v = text.trim();
  if (kind === 'bool') return v === 'true' ? true : v === 'false' ? false : v;
  if (kind === 'duration') return /^\d+$/.test(v) ? Number(v) : v;
  if (v !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

function setPath(obj: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    const child: Record<string, unknown> =
      typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...next } : {};
    o[k] = child;
    o = child;
  }
  o[path[path.length - 1]!] = value;
}

/** The draft as the file format's `settings` map (what a scenario file would say). */
export function settingsDocOf(d: SettingsDraft): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...settingsChangesDoc(d.base) };
  for (const g of FIELD_GROUPS)
    for (const f of g.fields) setPath(doc, f.id.split('.'), fieldValue(d.values[f.id] ?? '', f.kind));
  if (d.values[ERA_FIELD] !== undefined) doc.era = d.values[ERA_FIELD];
  if (d.limiter !== 'maxOf' || d.base.rateLimiter.type !== 'maxOf') {
    const lim: Record<string, unknown> = { type: d.limiter === 'maxOf' ? 'default' : d.limiter };
    for (const f of LIMITER_FIELDS[d.limiter])
      lim[f.id.split('.')[1]!] = fieldValue(d.values[f.id] ?? '', f.kind);
    doc.rateLimiter = lim;
  }
  const mistakes: Record<string, boolean> = {};
  for (const m of MISTAKE_NAMES) mistakes[m] = d.mistakes[m];
  doc.mistakes = mistakes;
  return doc;
}

export type DraftCheck =
  | { readonly ok: true; readonly settings: Settings }
  | {
      readonly ok: false;
      /** Messages by field id. */
      readonly fields: Readonly<Record<string, string>>;
      /** Messages no field owns. */
      readonly other: readonly string[];
    };

const ALL_FIELDS: readonly string[] = [
  ERA_FIELD,
  ...FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.id)),
  ...Object.values(LIMITER_FIELDS).flatMap((fs) => fs.map((f) => f.id)),
  'rateLimiter',
  ...MISTAKE_NAMES.map((m) => `mistakes.${m}`),
];

/** The field a validator path ("settings.latency.request.min") belongs to, or null. */
export function fieldOfPath(path: string): string | null {
  const p = path.replace(/^settings\.?/, '');
  if (p === '') return null;
  if (ALL_FIELDS.includes(p)) return p;
  // A range's own message (min > max) goes to its min; a deeper path to the field it lies under.
  const under = ALL_FIELDS.find((f) => f.startsWith(`${p}.`));
  if (under !== undefined) return under;
  const above = ALL_FIELDS.filter((f) => p.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
  return above ?? null;
}

export function checkDraft(d: SettingsDraft): DraftCheck {
  const r = validateScenario({
    apiVersion: SCENARIO_API_VERSION,
    kind: 'Scenario',
    metadata: { name: 'sandbox' },
    settings: settingsDocOf(d),
  });
  if (r.ok) return { ok: true, settings: r.scenario.settings };
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const e of r.errors) {
    const f = fieldOfPath(e.path);
    if (f !== null && fields[f] === undefined) fields[f] = e.message;
    else if (f === null) other.push(e.path === '' ? e.message : `${e.path}: ${e.message}`);
  }
  return { ok: false, fields, other };
}
