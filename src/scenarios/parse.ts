/**
 * Scenario files (YAML or JSON, `apiVersion: informer-lab/v1`, `kind: Scenario`; docs/SCENARIOS.md)
 * → the validated, normalized `Scenario` of ./types.ts, and back (`scenarioToYaml`).
 *
 * - Every problem is reported, not just the first, each with the field path (`script[3].at`) and, for
 *   text input, the 1-based line (found by walking the `yaml` package's node tree with a LineCounter).
 * - Input is hostile data: nothing is evaluated, only own properties are read, label keys `__proto__`,
 *   `constructor` and `prototype` are rejected, YAML aliases are capped, sizes are capped (LIMITS), and
 *   the functions never throw (an unexpected exception becomes an error result).
 * - JSON text (first character `{`) takes a fast path through JSON.parse (the `yaml` parser manages
 *   about 1 MB/s; the benchmark scenario is ~1 MB). JSON semantics apply there: a repeated key keeps
 *   its last value. Line numbers for its errors still come from the YAML node tree.
 *
 * Simplifications vs Kubernetes: manifests carry only what the simulator models (labels, finalizers,
 * one controlling ownerReference, spec.replicas / spec.deploymentName); anything else is rejected
 * rather than silently dropped. Foo `spec.replicas` follows the sample-controller CRD (1..10).
 */
import { Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import {
  BOUNDS,
  DEFAULT_BUCKET,
  DEFAULT_EXPONENTIAL,
  DEFAULT_NAMESPACE,
  DEFAULT_SEED,
  DEFAULT_SETTINGS,
  DEPLOYMENT_API_VERSION,
  FOO_API_VERSION,
  LIMITS,
} from '../engine/model/defaults';
import type { Kind } from '../engine/model/objects';
import {
  type ControllerMistakes,
  MISTAKE_NAMES,
  type ObjectManifest,
  type ObjectRef,
  type Range,
  type RateLimiterSetting,
  SCENARIO_API_VERSION,
  type Scenario,
  type ScriptAction,
  type ScriptActionName,
  type Settings,
} from '../engine/model/scenario';
import { describeValue, formatDuration, parseDuration, quote } from './duration';

export { DEFAULT_SETTINGS } from '../engine/model/defaults';
export { parseDuration } from './duration';

export type ParseResult = { ok: true; scenario: Scenario } | ParseFailure;

/** The failure half of a parse result (scenarios and lessons share it). */
export type ParseFailure = { ok: false; errors: ScenarioError[] };

export interface ScenarioError {
  /** Field path like `script[3].at` or `objects[1].metadata.labels["app.kubernetes.io/name"]`; "" = the whole text. */
  path: string;
  /** 1-based line in the input text, when the input was text and the field (or its parent) was found. */
  line?: number;
  message: string;
}

/** "line 27: script[3].at: must not be negative, got -1" */
export function formatScenarioError(e: ScenarioError): string {
  const line = e.line === undefined ? '' : `line ${e.line}: `;
  return `${line}${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}

// ---------------------------------------------------------------------------------------------
// Problems and paths (exported for the lesson validator, src/scenarios/lessons/parse.ts)

type Seg = string | number;
export type Path = readonly Seg[];

export interface Ctx {
  readonly problems: { path: Path; message: string }[];
  dropped: number;
}

export function report(ctx: Ctx, path: Path, message: string): void {
  if (ctx.problems.length < LIMITS.errors) ctx.problems.push({ path, message });
  else ctx.dropped++;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${quote(seg)}]`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading plain values

export type Rec = Readonly<Record<string, unknown>>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property; null counts as absent (as in Kubernetes manifests). */
export function own(obj: Rec, key: string): unknown {
  if (!Object.hasOwn(obj, key)) return undefined;
  const v = obj[key];
  return v === null ? undefined : v;
}

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const SERVER_SET = new Set([
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

/** Damerau-free Levenshtein distance, for "did you mean" hints (short strings only). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40 || b.length > 40) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Report every own key of `obj` that is not in `allowed`, with a hint where one helps. */
export function checkKeys(
  ctx: Ctx,
  obj: Rec,
  path: Path,
  allowed: readonly string[],
  hints: Readonly<Record<string, string>> = {},
): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const p = [...path, key];
    if (Object.hasOwn(hints, key)) {
      report(ctx, p, hints[key]!);
      continue;
    }
    const near = allowed.find((a) => editDistance(a.toLowerCase(), key.toLowerCase()) <= 2);
    const hint = near === undefined ? '' : `did you mean "${near}"? `;
    report(ctx, p, `unknown field; ${hint}expected one of ${allowed.join(', ')}`);
  }
}

/** A map with only `allowed` keys, or undefined (reported) if `v` is not a map. */
export function readMap(
  ctx: Ctx,
  v: unknown,
  path: Path,
  allowed: readonly string[],
  what: string,
  hints?: Readonly<Record<string, string>>,
): Rec | undefined {
  if (!isRecord(v)) {
    report(ctx, path, `must be ${what}, got ${describeValue(v)}`);
    return undefined;
  }
  checkKeys(ctx, v, path, allowed, hints);
  return v;
}

/** An integer in [min, max]; `def` when absent; on error reports and returns `def`. */
export function readInt(
  ctx: Ctx,
  v: unknown,
  path: Path,
  bounds: { readonly min: number; readonly max: number },
  def: number | undefined,
): number {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, `is required (an integer from ${bounds.min} to ${bounds.max})`);
    return def ?? bounds.min;
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < bounds.min || v > bounds.max) {
    report(ctx, path, `must be an integer from ${bounds.min} to ${bounds.max}, got ${describeValue(v)}`);
    return def ?? bounds.min;
  }
  return v + 0; // -0 → 0
}

interface DurationRule {
  /** Smallest allowed non-zero value (ms); default 0. */
  readonly min?: number;
  /** 0 is allowed even though it is below `min` ("0 = off"). */
  readonly zeroOk?: boolean;
}

/** A duration in ms; `def` when absent (undefined = required); on error reports and returns 0. */
function readDuration(
  ctx: Ctx,
  v: unknown,
  path: Path,
  def: number | undefined,
  rule: DurationRule = {},
): number {
  const min = rule.min ?? 0;
  if (v === undefined) {
    if (def === undefined) report(ctx, path, 'is required (a duration like 2s or 500ms)');
    return def ?? 0;
  }
  const d = parseDuration(v);
  if (typeof d !== 'number') {
    report(ctx, path, d.error);
    return 0;
  }
  if (d < min && !(rule.zeroOk === true && d === 0)) {
    const off = rule.zeroOk === true ? ' (or 0 to turn it off)' : '';
    report(ctx, path, `must be at least ${formatDuration(min)}${off}, got ${describeValue(v)}`);
  }
  return d;
}

/** `{ min, max }` (each optional, defaulting from `def`) or one duration meaning min = max. */
function readRange(ctx: Ctx, v: unknown, path: Path, def: Range, minMs = 0): Range {
  if (v === undefined) return { min: def.min, max: def.max };
  if (!isRecord(v)) {
    const d = readDuration(ctx, v, path, def.min, { min: minMs });
    return { min: d, max: d };
  }
  checkKeys(ctx, v, path, ['min', 'max']);
  const minV = own(v, 'min');
  const maxV = own(v, 'max');
  const min = readDuration(ctx, minV, [...path, 'min'], def.min, { min: minMs });
  const max = readDuration(ctx, maxV, [...path, 'max'], def.max, { min: minMs });
  if (min > max) {
    const minNote = minV === undefined ? ', the default' : '';
    const maxNote = maxV === undefined ? ', the default' : '';
    report(
      ctx,
      path,
      `min (${formatDuration(min)}${minNote}) must not be greater than max (${formatDuration(max)}${maxNote})`,
    );
  }
  return { min, max };
}

export function readString(
  ctx: Ctx,
  v: unknown,
  path: Path,
  def: string | undefined,
  maxChars: number,
): string {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, 'is required (a string)');
    return def ?? '';
  }
  if (typeof v !== 'string') {
    report(ctx, path, `must be a string, got ${describeValue(v)}`);
    return def ?? '';
  }
  if (v.length > maxChars) report(ctx, path, `is too long (${v.length} characters; at most ${maxChars})`);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes names (apimachinery validation: IsDNS1123Label/Subdomain, IsQualifiedName, IsValidLabelValue)

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** Lengths are checked before the regular expressions, so hostile input cannot make them slow. */
function isSubdomain(s: string): boolean {
  return s.length >= 1 && s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}
function isLabel(s: string): boolean {
  return s.length >= 1 && s.length <= 63 && DNS1123_LABEL.test(s);
}
function isQualifiedName(s: string): boolean {
  const slash = s.indexOf('/');
  const name = slash < 0 ? s : s.slice(slash + 1);
  if (slash >= 0 && !isSubdomain(s.slice(0, slash))) return false;
  return name.length >= 1 && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}
function isLabelValue(s: string): boolean {
  return s === '' || (s.length <= 63 && QUALIFIED_NAME_PART.test(s));
}

/** A kind of name: its test, the rule in words for the message, and an example for "is required". */
export interface NameRule {
  readonly valid: (s: string) => boolean;
  readonly rule: string;
  readonly example: string;
}

const OBJECT_NAME: NameRule = {
  valid: isSubdomain,
  rule: "is not a valid Kubernetes name (lowercase RFC 1123: a-z, 0-9, '-' and '.', starting and ending with a letter or digit, at most 253 characters)",
  example: 'a lowercase name like example-foo',
};
export const LABEL_NAME: NameRule = {
  valid: isLabel,
  rule: "is not a valid name (lowercase RFC 1123 label: a-z, 0-9 and '-', starting and ending with a letter or digit, at most 63 characters)",
  example: 'a lowercase name like my-scenario',
};
const QUALIFIED_NAME: NameRule = {
  valid: isQualifiedName,
  rule: "is not a valid qualified name (an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)",
  example: 'a name like example.com/cleanup',
};

/** A name following `r`; `def` when absent (undefined = required). */
export function readName(ctx: Ctx, v: unknown, path: Path, r: NameRule, def?: string): string {
  if (v === undefined) {
    if (def === undefined) report(ctx, path, `is required (${r.example})`);
    return def ?? '';
  }
  if (typeof v !== 'string') {
    report(ctx, path, `must be a string, got ${describeValue(v)}`);
    return def ?? '';
  }
  if (!r.valid(v)) report(ctx, path, `${quote(v)} ${r.rule}`);
  return v;
}

function readKind(ctx: Ctx, v: unknown, path: Path): Kind | undefined {
  if (v === undefined) {
    report(ctx, path, 'is required (Foo or Deployment)');
    return undefined;
  }
  if (v === 'Foo' || v === 'Deployment') return v;
  report(ctx, path, `unknown kind ${describeValue(v)}; expected Foo or Deployment`);
  return undefined;
}

function readLabels(ctx: Ctx, v: unknown, path: Path): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === undefined) return out;
  if (!isRecord(v)) {
    report(ctx, path, `must be a map of label keys to string values, got ${describeValue(v)}`);
    return out;
  }
  const keys = Object.keys(v);
  if (keys.length > LIMITS.labels) {
    report(ctx, path, `has too many labels (${keys.length}; at most ${LIMITS.labels})`);
    return out;
  }
  for (const key of keys) {
    const p = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      report(ctx, p, `${quote(key)} is not allowed as a label key`);
      continue;
    }
    if (!isQualifiedName(key)) report(ctx, p, `label key ${quote(key)} ${QUALIFIED_NAME.rule}`);
    const val = v[key];
    if (typeof val !== 'string') {
      report(ctx, p, `label value must be a string (quote numbers and booleans), got ${describeValue(val)}`);
    } else if (!isLabelValue(val)) {
      report(
        ctx,
        p,
        `label value ${quote(val)} is not valid (empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)`,
      );
    } else {
      out[key] = val;
    }
  }
  return out;
}

function readFinalizers(ctx: Ctx, v: unknown, path: Path): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(ctx, path, `must be a list of finalizer names, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > LIMITS.finalizers) {
    report(ctx, path, `has too many finalizers (${v.length}; at most ${LIMITS.finalizers})`);
    return [];
  }
  const out: string[] = [];
  v.forEach((f: unknown, i) => {
    const name = readName(ctx, f === null ? undefined : f, [...path, i], QUALIFIED_NAME);
    if (out.includes(name)) report(ctx, [...path, i], `finalizer ${quote(name)} is listed twice`);
    out.push(name);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Object manifests

const META_HINTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...SERVER_SET].map((k) => [k, 'is set by the simulated API server; remove it'])),
  annotations: 'annotations are not modelled; use labels',
};

const MANIFEST_HINTS: Readonly<Record<string, string>> = {
  status: 'status is written by the controllers, not by the scenario; remove it',
};

interface ReadManifest {
  readonly manifest: ObjectManifest;
  /** Where the owner Foo's name was written, for the "no such Foo" check. */
  readonly ownerPath?: Path;
}

function apiVersionOf(kind: Kind): string {
  return kind === 'Foo' ? FOO_API_VERSION : DEPLOYMENT_API_VERSION;
}

function readManifest(ctx: Ctx, v: unknown, path: Path): ReadManifest | undefined {
  const m = readMap(
    ctx,
    v,
    path,
    ['apiVersion', 'kind', 'metadata', 'spec'],
    'a map (a Kubernetes object manifest)',
    MANIFEST_HINTS,
  );
  if (m === undefined) return undefined;
  const kind = readKind(ctx, own(m, 'kind'), [...path, 'kind']);
  if (kind === undefined) return undefined;
  const apiVersion = own(m, 'apiVersion');
  if (apiVersion !== undefined && apiVersion !== apiVersionOf(kind)) {
    report(
      ctx,
      [...path, 'apiVersion'],
      `must be ${apiVersionOf(kind)} for kind ${kind}, got ${describeValue(apiVersion)}`,
    );
  }

  const metaPath = [...path, 'metadata'];
  const metaAllowed = ['namespace', 'name', 'labels', 'finalizers', 'ownerReferences'];
  const meta = readMap(ctx, own(m, 'metadata') ?? {}, metaPath, metaAllowed, 'a map', META_HINTS) ?? {};
  const namespace = readName(
    ctx,
    own(meta, 'namespace'),
    [...metaPath, 'namespace'],
    LABEL_NAME,
    DEFAULT_NAMESPACE,
  );
  const name = readName(ctx, own(meta, 'name'), [...metaPath, 'name'], OBJECT_NAME);
  const labels = readLabels(ctx, own(meta, 'labels'), [...metaPath, 'labels']);
  const finalizers = readFinalizers(ctx, own(meta, 'finalizers'), [...metaPath, 'finalizers']);

  let ownerFoo: string | undefined;
  let ownerPath: Path | undefined;
  const refs = own(meta, 'ownerReferences');
  const refsPath = [...metaPath, 'ownerReferences'];
  if (refs !== undefined) {
    if (kind !== 'Deployment') {
      report(ctx, refsPath, 'only a Deployment may have ownerReferences here (its controlling Foo)');
    } else if (!Array.isArray(refs)) {
      report(ctx, refsPath, `must be a list, got ${describeValue(refs)}`);
    } else if (refs.length > 1) {
      report(ctx, refsPath, `has ${refs.length} entries; only one (the controlling Foo) is modelled`);
    } else if (refs.length === 1) {
      ownerPath = [...refsPath, 0, 'name'];
      ownerFoo = readOwnerRef(ctx, refs[0], [...refsPath, 0]);
    }
  }

  const specPath = [...path, 'spec'];
  const specAllowed = kind === 'Foo' ? ['deploymentName', 'replicas'] : ['replicas'];
  const spec = readMap(ctx, own(m, 'spec') ?? {}, specPath, specAllowed, 'a map') ?? {};
  const bounds = kind === 'Foo' ? BOUNDS.fooReplicas : BOUNDS.deploymentReplicas;
  const replicas = readInt(ctx, own(spec, 'replicas'), [...specPath, 'replicas'], bounds, 1);
  const deploymentName = readDeploymentName(ctx, own(spec, 'deploymentName'), [
    ...specPath,
    'deploymentName',
  ]);

  const manifest: ObjectManifest = {
    kind,
    namespace,
    name,
    labels,
    finalizers,
    spec: deploymentName === undefined ? { replicas } : { deploymentName, replicas },
    ...(ownerFoo === undefined ? {} : { ownerFoo }),
  };
  return ownerPath === undefined ? { manifest } : { manifest, ownerPath };
}

/** Foo spec.deploymentName: "" is allowed (the controller then logs and skips the Foo, C4). */
function readDeploymentName(ctx: Ctx, v: unknown, path: Path): string | undefined {
  return v === undefined || v === '' ? v : readName(ctx, v, path, OBJECT_NAME);
}

function readOwnerRef(ctx: Ctx, v: unknown, path: Path): string | undefined {
  const hints = {
    uid: "is resolved from the owner's name by the simulator; remove it",
    blockOwnerDeletion: 'is not modelled; remove it',
  };
  const r = readMap(ctx, v, path, ['apiVersion', 'kind', 'name', 'controller'], 'a map', hints);
  if (r === undefined) return undefined;
  const kind = own(r, 'kind');
  if (kind !== 'Foo')
    report(ctx, [...path, 'kind'], `must be Foo (the only owner kind modelled), got ${describeValue(kind)}`);
  const apiVersion = own(r, 'apiVersion');
  if (apiVersion !== undefined && apiVersion !== FOO_API_VERSION) {
    report(ctx, [...path, 'apiVersion'], `must be ${FOO_API_VERSION}, got ${describeValue(apiVersion)}`);
  }
  const controller = own(r, 'controller');
  if (controller !== true) {
    report(
      ctx,
      [...path, 'controller'],
      `must be true (only a controlling owner reference is modelled), got ${describeValue(controller)}`,
    );
  }
  return readName(ctx, own(r, 'name'), [...path, 'name'], OBJECT_NAME);
}

function objectKey(kind: Kind, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

function readObjects(ctx: Ctx, v: unknown, path: Path): ReadManifest[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(ctx, path, `must be a list of object manifests, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > LIMITS.objects) {
    report(ctx, path, `has too many objects (${v.length}; at most ${LIMITS.objects})`);
    return [];
  }
  const out: ReadManifest[] = [];
  const seen = new Map<string, number>();
  v.forEach((item: unknown, i) => {
    const r = readManifest(ctx, item, [...path, i]);
    if (r === undefined) return;
    const { kind, namespace, name } = r.manifest;
    const key = objectKey(kind, namespace, name);
    const first = seen.get(key);
    if (first !== undefined) {
      report(
        ctx,
        [...path, i, 'metadata', 'name'],
        `duplicate object: ${kind} ${namespace}/${name} is already defined at objects[${first}]`,
      );
    } else {
      seen.set(key, i);
    }
    out.push(r);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Settings

function readRateLimiter(ctx: Ctx, v: unknown, path: Path, depth: number): RateLimiterSetting {
  const fallback: RateLimiterSetting = { type: 'default' };
  if (v === undefined) return fallback;
  const types = ['default', 'exponential', 'fastslow', 'bucket', 'maxOf'];
  if (!isRecord(v)) {
    report(ctx, path, `must be a map like { type: default }, got ${describeValue(v)}`);
    return fallback;
  }
  const type = own(v, 'type');
  if (typeof type !== 'string' || !types.includes(type)) {
    const got = type === undefined ? 'it is missing' : `got ${describeValue(type)}`;
    report(ctx, [...path, 'type'], `must be one of ${types.join(', ')}; ${got}`);
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

const SETTINGS_KEYS = [
  'resyncPeriod',
  'workers',
  'rateLimiter',
  'historyWindow',
  'bookmarkInterval',
  'watchTimeout',
  'pageSize',
  'latency',
  'reconcile',
  'deploymentRollout',
  'gcDelay',
  'mistakes',
];

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

function readSettings(ctx: Ctx, v: unknown, path: Path): Settings {
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
    resyncPeriodMs: readDuration(ctx, own(s, 'resyncPeriod'), at('resyncPeriod'), d.resyncPeriodMs, resync),
    workers: readInt(ctx, own(s, 'workers'), at('workers'), BOUNDS.workers, d.workers),
    rateLimiter: readRateLimiter(ctx, own(s, 'rateLimiter'), at('rateLimiter'), 0),
    historyWindow: readInt(
      ctx,
      own(s, 'historyWindow'),
      at('historyWindow'),
      BOUNDS.historyWindow,
      d.historyWindow,
    ),
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
  };
}

// ---------------------------------------------------------------------------------------------
// Script

/** The fields each action takes besides `at` and `action` (a Record so a new action must be listed). */
const ACTION_FIELDS: Readonly<Record<ScriptActionName, readonly string[]>> = {
  create: ['object'],
  update: ['target', 'spec', 'labels', 'resourceVersion'],
  patch: ['target', 'spec', 'labels'],
  delete: ['target'],
  removeFinalizer: ['target', 'finalizer'],
  closeWatch: ['kind'],
  watchError: ['code', 'kind'],
  compact: [],
  refuseConnections: ['duration'],
  apiErrors: ['code', 'duration'],
  addLatency: ['extra', 'duration'],
  slowHandlers: ['extra', 'duration'],
  failReconciles: ['count'],
  addHandler: ['kind', 'name', 'resyncPeriod'],
};
const ACTION_NAMES = Object.keys(ACTION_FIELDS) as ScriptActionName[];

function isActionName(v: unknown): v is ScriptActionName {
  return typeof v === 'string' && Object.hasOwn(ACTION_FIELDS, v);
}

function readTarget(ctx: Ctx, v: unknown, path: Path): ObjectRef | undefined {
  if (v === undefined) {
    report(ctx, path, 'is required (a map { kind, namespace, name })');
    return undefined;
  }
  const t = readMap(ctx, v, path, ['kind', 'namespace', 'name'], 'a map { kind, namespace, name }');
  if (t === undefined) return undefined;
  const kind = readKind(ctx, own(t, 'kind'), [...path, 'kind']);
  const namespace = readName(ctx, own(t, 'namespace'), [...path, 'namespace'], LABEL_NAME, DEFAULT_NAMESPACE);
  const name = readName(ctx, own(t, 'name'), [...path, 'name'], OBJECT_NAME);
  return kind === undefined ? undefined : { kind, namespace, name };
}

/** The spec of an update/patch; Deployments have no deploymentName. */
function readSpecChange(
  ctx: Ctx,
  v: unknown,
  path: Path,
  kind: Kind | undefined,
): { deploymentName?: string; replicas?: number } {
  const allowed = kind === 'Deployment' ? ['replicas'] : ['deploymentName', 'replicas'];
  const s = readMap(ctx, v, path, allowed, 'a map like { replicas: 3 }');
  if (s === undefined) return {};
  const out: { deploymentName?: string; replicas?: number } = {};
  const r = own(s, 'replicas');
  if (r !== undefined) {
    const bounds = kind === 'Deployment' ? BOUNDS.deploymentReplicas : BOUNDS.fooReplicas;
    out.replicas = readInt(ctx, r, [...path, 'replicas'], bounds, undefined);
  }
  const dn = readDeploymentName(ctx, own(s, 'deploymentName'), [...path, 'deploymentName']);
  if (dn !== undefined) out.deploymentName = dn;
  return out;
}

function readCode<C extends number>(ctx: Ctx, v: unknown, path: Path, codes: readonly C[]): C {
  if (typeof v === 'number' && (codes as readonly number[]).includes(v)) return v as C;
  const got = v === undefined ? 'it is missing' : `got ${describeValue(v)}`;
  report(ctx, path, `must be ${codes.join(' or ')}; ${got}`);
  return codes[0]!;
}

interface ReadAction {
  readonly action: ScriptAction;
  readonly path: Path;
  readonly ownerPath?: Path;
}

function readAction(ctx: Ctx, v: unknown, path: Path): ReadAction | undefined {
  if (!isRecord(v)) {
    report(ctx, path, `must be a map like { at: 2s, action: update, ... }, got ${describeValue(v)}`);
    return undefined;
  }
  const p = (k: string): Path => [...path, k];
  const at = readDuration(ctx, own(v, 'at'), p('at'), undefined);
  const name = own(v, 'action');
  if (!isActionName(name)) {
    const shorthand = Object.keys(v).find((k) => isActionName(k));
    if (name === undefined && shorthand !== undefined) {
      report(ctx, p('action'), `is required: write "action: ${shorthand}" and put the details in the fields`);
    } else {
      const got = name === undefined ? 'it is missing' : `unknown action ${describeValue(name)}`;
      report(ctx, p('action'), `${got}; expected one of ${ACTION_NAMES.join(', ')}`);
    }
    return undefined;
  }
  checkKeys(ctx, v, path, ['at', 'action', ...ACTION_FIELDS[name]]);
  const optKind = (): Kind | undefined => {
    const k = own(v, 'kind');
    return k === undefined ? undefined : readKind(ctx, k, p('kind'));
  };
  const req = (k: string): unknown => {
    const x = own(v, k);
    if (x === undefined) report(ctx, p(k), 'is required');
    return x;
  };
  switch (name) {
    case 'create': {
      const o = req('object');
      const r = o === undefined ? undefined : readManifest(ctx, o, p('object'));
      if (r === undefined) return undefined;
      const action: ScriptAction = { at, action: 'create', object: r.manifest };
      return r.ownerPath === undefined ? { action, path } : { action, path, ownerPath: r.ownerPath };
    }
    case 'update':
    case 'patch': {
      const target = readTarget(ctx, own(v, 'target'), p('target'));
      const specV = name === 'update' ? req('spec') : own(v, 'spec');
      const spec = specV === undefined ? undefined : readSpecChange(ctx, specV, p('spec'), target?.kind);
      const labelsV = own(v, 'labels');
      const labels = labelsV === undefined ? undefined : readLabels(ctx, labelsV, p('labels'));
      if (target === undefined) return undefined;
      if (name === 'patch') {
        if (spec === undefined && labels === undefined)
          report(ctx, path, 'a patch must change spec or labels');
        return {
          action: {
            at,
            action: 'patch',
            target,
            ...(spec === undefined ? {} : { spec }),
            ...(labels === undefined ? {} : { labels }),
          },
          path,
        };
      }
      const rv = readResourceVersion(ctx, own(v, 'resourceVersion'), p('resourceVersion'));
      return {
        action: {
          at,
          action: 'update',
          target,
          spec: spec ?? {},
          ...(labels === undefined ? {} : { labels }),
          ...(rv === undefined ? {} : { resourceVersion: rv }),
        },
        path,
      };
    }
    case 'delete': {
      const target = readTarget(ctx, own(v, 'target'), p('target'));
      return target === undefined ? undefined : { action: { at, action: 'delete', target }, path };
    }
    case 'removeFinalizer': {
      const target = readTarget(ctx, own(v, 'target'), p('target'));
      const finalizer = readName(ctx, own(v, 'finalizer'), p('finalizer'), QUALIFIED_NAME);
      return target === undefined
        ? undefined
        : { action: { at, action: 'removeFinalizer', target, finalizer }, path };
    }
    case 'closeWatch': {
      const kind = optKind();
      return { action: { at, action: 'closeWatch', ...(kind === undefined ? {} : { kind }) }, path };
    }
    case 'watchError': {
      const code = readCode(ctx, own(v, 'code'), p('code'), [410, 500] as const);
      const kind = optKind();
      return { action: { at, action: 'watchError', code, ...(kind === undefined ? {} : { kind }) }, path };
    }
    case 'compact':
      return { action: { at, action: 'compact' }, path };
    case 'refuseConnections': {
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return { action: { at, action: 'refuseConnections', durationMs }, path };
    }
    case 'apiErrors': {
      const code = readCode(ctx, own(v, 'code'), p('code'), [429, 500] as const);
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return { action: { at, action: 'apiErrors', code, durationMs }, path };
    }
    case 'addLatency': {
      const extraMs = readDuration(ctx, own(v, 'extra'), p('extra'), undefined, { min: 1 });
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return { action: { at, action: 'addLatency', extraMs, durationMs }, path };
    }
    case 'slowHandlers': {
      const extraMs = readDuration(ctx, own(v, 'extra'), p('extra'), undefined, { min: 1 });
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return { action: { at, action: 'slowHandlers', extraMs, durationMs }, path };
    }
    case 'failReconciles': {
      const count = readInt(ctx, own(v, 'count'), p('count'), BOUNDS.failReconciles, undefined);
      return { action: { at, action: 'failReconciles', count }, path };
    }
    case 'addHandler': {
      const kind = readKind(ctx, own(v, 'kind'), p('kind'));
      const name = readName(ctx, own(v, 'name'), p('name'), OBJECT_NAME);
      const rp = own(v, 'resyncPeriod');
      const resyncPeriodMs =
        rp === undefined
          ? undefined
          : readDuration(ctx, rp, p('resyncPeriod'), undefined, { min: BOUNDS.minResyncMs, zeroOk: true });
      return kind === undefined
        ? undefined
        : {
            action: {
              at,
              action: 'addHandler',
              kind,
              name,
              ...(resyncPeriodMs === undefined ? {} : { resyncPeriodMs }),
            },
            path,
          };
    }
  }
}

/** S2: a resourceVersion is an opaque string on the wire; here it must be the server's decimal counter. */
function readResourceVersion(ctx: Ctx, v: unknown, path: Path): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return String(v);
  if (typeof v === 'string' && /^[1-9][0-9]{0,15}$/.test(v)) return v;
  report(ctx, path, `must be a resourceVersion like "42" (a positive whole number), got ${describeValue(v)}`);
  return undefined;
}

function readScript(ctx: Ctx, v: unknown, path: Path): ReadAction[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    report(ctx, path, `must be a list of actions, got ${describeValue(v)}`);
    return [];
  }
  if (v.length > LIMITS.script) {
    report(ctx, path, `has too many entries (${v.length}; at most ${LIMITS.script})`);
    return [];
  }
  const out: ReadAction[] = [];
  v.forEach((item: unknown, i) => {
    const r = readAction(ctx, item, [...path, i]);
    if (r !== undefined) out.push(r);
  });
  // Stable: entries at the same time keep file order.
  out.sort((a, b) => a.action.at - b.action.at);
  return out;
}

/**
 * A Deployment's controlling Foo must be declared: among `objects`, or created by the script at or
 * before the Deployment's own creation (the simulator resolves the owner's uid by name at that moment).
 */
function checkOwners(ctx: Ctx, objects: readonly ReadManifest[], script: readonly ReadAction[]): void {
  const foos = new Set<string>();
  for (const { manifest: m } of objects) if (m.kind === 'Foo') foos.add(`${m.namespace}/${m.name}`);
  for (const { manifest: m, ownerPath } of objects) {
    if (m.ownerFoo !== undefined && ownerPath !== undefined && !foos.has(`${m.namespace}/${m.ownerFoo}`)) {
      report(ctx, ownerPath, `no Foo ${quote(m.ownerFoo)} in namespace ${quote(m.namespace)} among objects`);
    }
  }
  for (const { action, ownerPath } of script) {
    if (action.action !== 'create') continue;
    const m = action.object;
    if (m.kind === 'Foo') foos.add(`${m.namespace}/${m.name}`);
    else if (
      m.ownerFoo !== undefined &&
      ownerPath !== undefined &&
      !foos.has(`${m.namespace}/${m.ownerFoo}`)
    ) {
      report(
        ctx,
        ownerPath,
        `no Foo ${quote(m.ownerFoo)} in namespace ${quote(m.namespace)} among objects or created earlier by the script`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The document

const TOP_KEYS = ['apiVersion', 'kind', 'metadata', 'seed', 'settings', 'objects', 'script'];
const API_GROUP = SCENARIO_API_VERSION.slice(0, SCENARIO_API_VERSION.indexOf('/'));
const API_MAJOR = Number(SCENARIO_API_VERSION.slice(SCENARIO_API_VERSION.indexOf('/v') + 2));

/** false = stop: the rest of the document cannot be read with this version's rules. */
function checkVersion(ctx: Ctx, doc: Rec): boolean {
  const v = own(doc, 'apiVersion');
  const kind = own(doc, 'kind');
  let ok = true;
  if (v !== SCENARIO_API_VERSION) {
    ok = false;
    const m = typeof v === 'string' ? /^([^/]+)\/v(\d+)((?:alpha|beta)\d*)?$/.exec(v) : null;
    if (v === undefined) {
      report(ctx, ['apiVersion'], `is required; this Informer Lab supports ${SCENARIO_API_VERSION}`);
    } else if (m !== null && m[1] === API_GROUP && Number(m[2]) > API_MAJOR) {
      report(
        ctx,
        ['apiVersion'],
        `${quote(v as string)} was made by a newer Informer Lab; this version supports ${SCENARIO_API_VERSION} only`,
      );
    } else {
      report(
        ctx,
        ['apiVersion'],
        `unsupported apiVersion ${describeValue(v)}; supported: ${SCENARIO_API_VERSION}`,
      );
    }
  }
  if (kind !== 'Scenario') {
    ok = false;
    const got = kind === undefined ? 'it is missing' : `got ${describeValue(kind)}`;
    report(ctx, ['kind'], `must be Scenario; ${got}`);
  }
  return ok;
}

function readScenario(ctx: Ctx, doc: unknown): Scenario | undefined {
  if (doc === undefined || doc === null) {
    report(
      ctx,
      [],
      `the scenario is empty; expected a map starting with apiVersion: ${SCENARIO_API_VERSION}`,
    );
    return undefined;
  }
  if (!isRecord(doc)) {
    report(
      ctx,
      [],
      `the scenario must be a map (apiVersion, kind, metadata, ...), got ${describeValue(doc)}`,
    );
    return undefined;
  }
  if (!checkVersion(ctx, doc)) return undefined;
  checkKeys(ctx, doc, [], TOP_KEYS);

  const meta =
    readMap(ctx, own(doc, 'metadata'), ['metadata'], ['name', 'title', 'description'], 'a map') ?? {};
  const nameV = own(meta, 'name');
  const name = readName(ctx, nameV, ['metadata', 'name'], LABEL_NAME);
  const title = readString(ctx, own(meta, 'title'), ['metadata', 'title'], name, LIMITS.titleChars);
  const description = readString(
    ctx,
    own(meta, 'description'),
    ['metadata', 'description'],
    '',
    LIMITS.descriptionChars,
  );
  const seed = readInt(ctx, own(doc, 'seed'), ['seed'], { min: 0, max: 0xffffffff }, DEFAULT_SEED);
  const settings = readSettings(ctx, own(doc, 'settings'), ['settings']);
  const objects = readObjects(ctx, own(doc, 'objects'), ['objects']);
  const script = readScript(ctx, own(doc, 'script'), ['script']);
  checkOwners(ctx, objects, script);
  return {
    apiVersion: SCENARIO_API_VERSION,
    name,
    title,
    description,
    seed,
    settings,
    objects: objects.map((r) => r.manifest),
    script: script.map((r) => r.action),
  };
}

/** Validate an already-parsed value (e.g. from JSON.parse or a URL codec). Never throws. */
export function validateScenario(doc: unknown): ParseResult {
  return validateWithLines(doc, undefined);
}

/** The parsed YAML node tree of a text, to find the line of a field path (lineOf). */
export interface LineMap {
  readonly doc: Document;
  readonly lines: LineCounter;
}

/** validateScenario with line numbers from `lineMap` (the lesson validator reuses it for its scenario part). */
export function validateWithLines(value: unknown, lineMap: LineMap | undefined): ParseResult {
  const ctx: Ctx = { problems: [], dropped: 0 };
  let scenario: Scenario | undefined;
  try {
    scenario = readScenario(ctx, value);
  } catch (e) {
    return failure(`could not read the scenario: ${errorText(e)}`);
  }
  if (ctx.problems.length === 0 && scenario !== undefined) return { ok: true, scenario };
  const errors: ScenarioError[] = ctx.problems.map(({ path, message }) => {
    const line = lineMap === undefined ? undefined : lineOf(lineMap, path);
    return line === undefined
      ? { path: formatPath(path), message }
      : { path: formatPath(path), line, message };
  });
  // Reading order is mostly file order; cross-checks come last. Sort by line (stable) to read like a compiler.
  errors.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
  if (ctx.dropped > 0) errors.push({ path: '', message: `...and ${ctx.dropped} more problems` });
  return { ok: false, errors };
}

function failure(message: string, line?: number): ParseFailure {
  return { ok: false, errors: [line === undefined ? { path: '', message } : { path: '', line, message }] };
}

export function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  const first = s.split('\n', 1)[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}...` : first;
}

/** The 1-based line of the deepest node on `path` (the key, for a map entry). */
export function lineOf({ doc, lines }: LineMap, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
      if (pair === undefined) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else n += 3;
  }
  return n;
}

/** Parse YAML or JSON scenario text, validate it and fill defaults. Never throws. */
export function parseScenario(text: string): ParseResult {
  return parseDocumentText(text, 'scenario', validateWithLines);
}

/**
 * The text front-end of scenario and lesson files: size cap, JSON fast path, YAML syntax errors with
 * lines, then `validate(value, lineMap)`. `what` names the document in messages. Never throws.
 */
export function parseDocumentText<T extends { ok: true }>(
  text: string,
  what: string,
  validate: (value: unknown, lineMap: LineMap | undefined) => T | ParseFailure,
): T | ParseFailure {
  try {
    if (typeof text !== 'string') return failure(`expected ${what} text, got ${describeValue(text)}`);
    const max = LIMITS.textBytes;
    if (text.length > max || (text.length * 3 > max && utf8Length(text) > max)) {
      return failure(`the ${what} text is too large (more than ${max / (1024 * 1024)} MB)`);
    }
    const json = /^\uFEFF?\s*\{/.test(text) ? parseJson(text.replace(/^\uFEFF/, '')) : undefined;
    if (json !== undefined) {
      const r = validate(json.value, undefined);
      if (r.ok) return r;
      // Same problems, now with lines from the YAML node tree (JSON is YAML).
      return validate(json.value, tryParseYaml(text)?.lineMap);
    }
    const parsed = tryParseYaml(text);
    if (parsed === undefined) return failure('YAML: the document could not be parsed');
    const { doc, lines } = parsed.lineMap;
    if (doc.errors.length > 0) {
      const seen = new Set<string>();
      const errors: ScenarioError[] = [];
      for (const e of doc.errors) {
        const line = lines.linePos(e.pos[0]).line;
        const text = errorText(e).replace(
          /^Maximum call stack size exceeded$/,
          'the document is nested too deeply',
        );
        const message = `YAML syntax: ${text}`;
        if (seen.has(`${line}:${message}`) || errors.length >= LIMITS.errors) continue;
        seen.add(`${line}:${message}`);
        errors.push({ path: '', line, message });
      }
      return { ok: false, errors };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return failure(`YAML: ${errorText(e)}`);
    }
    return validate(value, parsed.lineMap);
  } catch (e) {
    return failure(`could not read the ${what}: ${errorText(e)}`);
  }
}

function parseJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined; // not strict JSON: read it as YAML
  }
}

function tryParseYaml(text: string): { lineMap: LineMap } | undefined {
  try {
    const lines = new LineCounter();
    const doc = parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      schema: 'core',
      stringKeys: true,
      logLevel: 'error', // not 'silent': that would also drop the "multiple documents" error
    });
    return { lineMap: { doc, lines } };
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Back to text

function rangeDoc(r: Range): { min: string; max: string } {
  return { min: formatDuration(r.min), max: formatDuration(r.max) };
}

function limiterDoc(l: RateLimiterSetting): Record<string, unknown> {
  switch (l.type) {
    case 'default':
      return { type: 'default' };
    case 'exponential':
      return { type: 'exponential', base: formatDuration(l.baseMs), max: formatDuration(l.maxMs) };
    case 'fastslow':
      return {
        type: 'fastslow',
        fast: formatDuration(l.fastMs),
        slow: formatDuration(l.slowMs),
        maxFast: l.maxFast,
      };
    case 'bucket':
      return { type: 'bucket', qps: l.qps, burst: l.burst };
    case 'maxOf':
      return { type: 'maxOf', limiters: l.limiters.map(limiterDoc) };
  }
}

function settingsDoc(s: Settings): Record<string, unknown> {
  return {
    resyncPeriod: formatDuration(s.resyncPeriodMs),
    workers: s.workers,
    rateLimiter: limiterDoc(s.rateLimiter),
    historyWindow: s.historyWindow,
    bookmarkInterval: formatDuration(s.bookmarkIntervalMs),
    watchTimeout: rangeDoc(s.watchTimeout),
    pageSize: s.pageSize,
    latency: {
      request: rangeDoc(s.latency.request),
      watchDelivery: rangeDoc(s.latency.watchDelivery),
      handler: rangeDoc(s.latency.handler),
    },
    reconcile: { duration: rangeDoc(s.reconcile.duration), failureRate: s.reconcile.failureRate },
    deploymentRollout: rangeDoc(s.deploymentRollout),
    gcDelay: rangeDoc(s.gcDelay),
    ...(MISTAKE_NAMES.some((n) => s.mistakes[n]) ? { mistakes: { ...s.mistakes } } : {}),
  };
}

function manifestDoc(m: ObjectManifest): Record<string, unknown> {
  const metadata: Record<string, unknown> = { namespace: m.namespace, name: m.name };
  if (Object.keys(m.labels).length > 0) metadata.labels = { ...m.labels };
  if (m.finalizers.length > 0) metadata.finalizers = [...m.finalizers];
  if (m.ownerFoo !== undefined) {
    metadata.ownerReferences = [
      { apiVersion: FOO_API_VERSION, kind: 'Foo', name: m.ownerFoo, controller: true },
    ];
  }
  const spec: Record<string, unknown> = {};
  if (m.spec.deploymentName !== undefined) spec.deploymentName = m.spec.deploymentName;
  spec.replicas = m.spec.replicas;
  return { apiVersion: apiVersionOf(m.kind), kind: m.kind, metadata, spec };
}

function refDoc(t: ObjectRef): Record<string, unknown> {
  return { kind: t.kind, namespace: t.namespace, name: t.name };
}

function actionDoc(a: ScriptAction): Record<string, unknown> {
  const head = { at: formatDuration(a.at), action: a.action };
  switch (a.action) {
    case 'create':
      return { ...head, object: manifestDoc(a.object) };
    case 'update':
      return {
        ...head,
        target: refDoc(a.target),
        spec: { ...a.spec },
        ...(a.labels === undefined ? {} : { labels: { ...a.labels } }),
        ...(a.resourceVersion === undefined ? {} : { resourceVersion: a.resourceVersion }),
      };
    case 'patch':
      return {
        ...head,
        target: refDoc(a.target),
        ...(a.spec === undefined ? {} : { spec: { ...a.spec } }),
        ...(a.labels === undefined ? {} : { labels: { ...a.labels } }),
      };
    case 'delete':
      return { ...head, target: refDoc(a.target) };
    case 'removeFinalizer':
      return { ...head, target: refDoc(a.target), finalizer: a.finalizer };
    case 'closeWatch':
      return a.kind === undefined ? head : { ...head, kind: a.kind };
    case 'watchError':
      return a.kind === undefined ? { ...head, code: a.code } : { ...head, code: a.code, kind: a.kind };
    case 'compact':
      return head;
    case 'refuseConnections':
      return { ...head, duration: formatDuration(a.durationMs) };
    case 'apiErrors':
      return { ...head, code: a.code, duration: formatDuration(a.durationMs) };
    case 'addLatency':
      return { ...head, extra: formatDuration(a.extraMs), duration: formatDuration(a.durationMs) };
    case 'slowHandlers':
      return { ...head, extra: formatDuration(a.extraMs), duration: formatDuration(a.durationMs) };
    case 'failReconciles':
      return { ...head, count: a.count };
    case 'addHandler':
      return {
        ...head,
        kind: a.kind,
        name: a.name,
        ...(a.resyncPeriodMs === undefined ? {} : { resyncPeriod: formatDuration(a.resyncPeriodMs) }),
      };
  }
}

function setFlow(doc: Document, path: Path): void {
  const n = doc.getIn(path, true);
  if (isMap(n) || isSeq(n)) n.flow = true;
}

/**
 * Serialize a normalized scenario as YAML in the documented format, with every setting written out
 * (so an exported scenario replays the same even if defaults change). parseScenario(scenarioToYaml(s))
 * deep-equals s for every valid s.
 */
export function scenarioToYaml(s: Scenario): string {
  const body: Record<string, unknown> = {
    apiVersion: SCENARIO_API_VERSION,
    kind: 'Scenario',
    metadata:
      s.description === ''
        ? { name: s.name, title: s.title }
        : { name: s.name, title: s.title, description: s.description },
    seed: s.seed,
    settings: settingsDoc(s.settings),
  };
  if (s.objects.length > 0) body.objects = s.objects.map(manifestDoc);
  if (s.script.length > 0) body.script = s.script.map(actionDoc);
  const doc = new Document(body);
  doc.commentBefore = ' Informer Lab scenario; the format is described in docs/SCENARIOS.md';
  for (const k of ['watchTimeout', 'rateLimiter', 'deploymentRollout', 'gcDelay'])
    setFlow(doc, ['settings', k]);
  for (const k of ['request', 'watchDelivery', 'handler']) setFlow(doc, ['settings', 'latency', k]);
  setFlow(doc, ['settings', 'reconcile', 'duration']);
  s.objects.forEach((_, i) => {
    setFlow(doc, ['objects', i, 'metadata']);
    setFlow(doc, ['objects', i, 'spec']);
  });
  for (let i = 0; i < s.script.length; i++) setFlow(doc, ['script', i]);
  return doc.toString({ lineWidth: 0 });
}
