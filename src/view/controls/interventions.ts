/**
 * Interventions made while paused: pure validators for the form fields and builders that turn the
 * form's raw strings into an `InterventionAction` (a ScriptAction of src/engine/model/scenario.ts without
 * `at`; the worker stamps the virtual time of the step on screen). Builders return every problem at once,
 * each with the field it belongs to, so the form can mark each field. The interventions panel and the
 * sandbox's fault bar both build through these, so they accept the same input with the same messages.
 *
 * Name rules are Kubernetes' (apimachinery IsDNS1123Label): lowercase RFC 1123 label, at most 63
 * characters. That is stricter than the scenario parser's object-name rule (a DNS subdomain, ≤ 253),
 * so everything built here also passes the parser. Foo replicas follow the sample-controller CRD (1..10).
 */

import { BOUNDS, DEFAULT_RESTART } from '../../engine/model/defaults';
import type { ObjectRow } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import type { ReplicaName } from '../../engine/model/scenario';
import type { InterventionAction } from '../../engine/model/session';
import { t } from '../../i18n';

export interface Problem {
  /** The form field the problem belongs to (its input's name). */
  readonly field: string;
  /** A whole, translated sentence. */
  readonly message: string;
}

export type BuildResult =
  | { readonly ok: true; readonly action: InterventionAction }
  | {
      readonly ok: false;
      readonly problems: readonly Problem[];
    };

export type Lane = 'all' | Kind;

/** Maximum length of a DNS-1123 label (names, namespaces). */
export const MAX_NAME_LENGTH = 63;
/** Longest fault window the form offers, in seconds. */
export const MAX_FAULT_SECONDS = 3600;
/** Largest extra latency the fault bar offers, in ms (ten minutes). */
export const MAX_EXTRA_MS = 600_000;

const LABEL_CHARS = /^[a-z0-9-]*$/;

/**
 * A Kubernetes name (RFC 1123 label). Returns null when valid, else one clear sentence naming
 * `field` (a translated field label such as "Name").
 */
export function validateName(value: string, field: string): string | null {
  if (value.length === 0) return t('controls.validate.required', { field });
  if (value.length > MAX_NAME_LENGTH) {
    return t('controls.validate.nameTooLong', { field, max: MAX_NAME_LENGTH, n: value.length });
  }
  if (/[A-Z]/.test(value)) return t('controls.validate.nameLowercase', { field });
  if (!LABEL_CHARS.test(value)) return t('controls.validate.nameChars', { field });
  if (!/^[a-z0-9]/.test(value) || !/[a-z0-9]$/.test(value)) return t('controls.validate.nameEnds', { field });
  return null;
}

type Parsed<T> =
  | { readonly value: T; readonly error: null }
  | { readonly value: null; readonly error: string };

const INTEGER = /^\s*[0-9]+\s*$/;

/** A whole number in [min, max] typed into a field. */
export function parseIntegerField(raw: string, field: string, min: number, max: number): Parsed<number> {
  if (raw.trim() === '') return { value: null, error: t('controls.validate.required', { field }) };
  const n = Number(raw);
  if (!INTEGER.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    return { value: null, error: t('controls.validate.integerRange', { field, min, max }) };
  }
  return { value: n, error: null };
}

/** Foo spec.replicas: 1..10 (the sample-controller CRD's bounds). */
export function validateFooReplicas(raw: string): Parsed<number> {
  const b = BOUNDS.fooReplicas;
  return parseIntegerField(raw, t('controls.field.replicas'), b.min, b.max);
}

/** A duration typed in seconds (decimals allowed) → integer ms, at least 1 ms, at most an hour. */
export function validateSeconds(raw: string, field: string): Parsed<number> {
  const s = raw.trim();
  const n = Number(s);
  if (s === '') return { value: null, error: t('controls.validate.required', { field }) };
  if (
    !/^[0-9]*\.?[0-9]+$/.test(s) ||
    !Number.isFinite(n) ||
    n > MAX_FAULT_SECONDS ||
    Math.round(n * 1000) < 1
  ) {
    return { value: null, error: t('controls.validate.seconds', { field, max: MAX_FAULT_SECONDS }) };
  }
  return { value: Math.round(n * 1000), error: null };
}

/** "namespace/name" (MetaNamespaceKeyFunc) → its parts; null if it has no slash. */
export function splitKey(key: string): { readonly namespace: string; readonly name: string } | null {
  const i = key.indexOf('/');
  if (i <= 0 || i === key.length - 1) return null;
  return { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

function result(problems: Problem[], action: () => InterventionAction): BuildResult {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, action: action() };
}

function check(problems: Problem[], field: string, error: string | null): void {
  if (error !== null) problems.push({ field, message: error });
}

// ---------------------------------------------------------------------------------------------
// Builders, one per intervention. Form values are the inputs' raw strings.

export interface CreateFooForm {
  readonly namespace: string;
  readonly name: string;
  readonly replicas: string;
  /** Empty = the Foo's own name (as in the sample-controller's example). */
  readonly deploymentName: string;
}

/** create: a new Foo. `existing` = the server's Foos, to refuse a name already taken. */
export function buildCreateFoo(form: CreateFooForm, existing: readonly ObjectRow[]): BuildResult {
  const problems: Problem[] = [];
  const namespace = form.namespace.trim();
  const name = form.name.trim();
  const deploymentName = form.deploymentName.trim() === '' ? name : form.deploymentName.trim();
  check(problems, 'namespace', validateName(namespace, t('controls.field.namespace')));
  check(problems, 'name', validateName(name, t('controls.field.name')));
  if (form.deploymentName.trim() !== '') {
    check(problems, 'deploymentName', validateName(deploymentName, t('controls.field.deploymentName')));
  }
  const replicas = validateFooReplicas(form.replicas);
  check(problems, 'replicas', replicas.error);
  const key = `${namespace}/${name}`;
  if (problems.length === 0 && existing.some((o) => o.key === key)) {
    problems.push({ field: 'name', message: t('controls.validate.exists', { kind: 'Foo', key }) });
  }
  return result(problems, () => ({
    action: 'create',
    object: {
      kind: 'Foo',
      namespace,
      name,
      labels: {},
      finalizers: [],
      spec: { deploymentName, replicas: replicas.value ?? 1 },
    },
  }));
}

export interface UpdateReplicasForm {
  /** "namespace/name" of a Foo on the server. */
  readonly key: string;
  readonly replicas: string;
}

/** update: a Foo's spec.replicas (a full update of the server's latest version). */
export function buildUpdateFooReplicas(form: UpdateReplicasForm, foos: readonly ObjectRow[]): BuildResult {
  const problems: Problem[] = [];
  const ref = splitKey(form.key);
  if (ref === null || !foos.some((o) => o.key === form.key)) {
    problems.push({ field: 'key', message: t('controls.validate.chooseObject', { kind: 'Foo' }) });
  }
  const replicas = validateFooReplicas(form.replicas);
  check(problems, 'replicas', replicas.error);
  return result(problems, () => ({
    action: 'update',
    target: { kind: 'Foo', namespace: ref!.namespace, name: ref!.name },
    spec: { replicas: replicas.value! },
  }));
}

export interface DeleteForm {
  readonly kind: Kind;
  readonly key: string;
}

/** delete: a Foo or a Deployment that exists on the server. */
export function buildDelete(form: DeleteForm, objects: readonly ObjectRow[]): BuildResult {
  const ref = splitKey(form.key);
  if (ref === null || !objects.some((o) => o.key === form.key && o.kind === form.kind)) {
    return {
      ok: false,
      problems: [{ field: 'key', message: t('controls.validate.chooseObject', { kind: form.kind }) }],
    };
  }
  return {
    ok: true,
    action: { action: 'delete', target: { kind: form.kind, namespace: ref.namespace, name: ref.name } },
  };
}

/** closeWatch: the server ends the watch stream(s) cleanly; the reflector re-watches (R8). */
export function buildCloseWatch(lane: Lane): InterventionAction {
  return lane === 'all' ? { action: 'closeWatch' } : { action: 'closeWatch', kind: lane };
}

/** watchError: an ERROR event on the watch (410 Gone → relist, R11; 500 → re-watch). */
export function buildWatchError(code: 410 | 500, lane: Lane): InterventionAction {
  return lane === 'all' ? { action: 'watchError', code } : { action: 'watchError', code, kind: lane };
}

/**
 * compact: a forced etcd compaction at the current revision (S35): exact-RV lists and continue tokens
 * before it get 410; watches are served by the watch cache and are not affected.
 */
export function buildCompact(): InterventionAction {
  return { action: 'compact' };
}

/**
 * restartApiServer: the API server is down for the given seconds (watches end, connections refused),
 * then every resource's watch cache re-initialises (S33); watches from older RVs get 410 (S36). With
 * 2–3 replicas (S38) `replica` restarts only that one: only the connections and watches on it break.
 */
export function buildRestartApiServer(seconds: string, replica?: ReplicaName): BuildResult {
  const d = validateSeconds(seconds, t('controls.field.seconds'));
  if (d.error !== null) return { ok: false, problems: [{ field: 'seconds', message: d.error }] };
  return {
    ok: true,
    action: {
      action: 'restartApiServer',
      downtimeMs: d.value,
      cacheInitMs: DEFAULT_RESTART.cacheInitMs,
      ...(replica === undefined ? {} : { replica }),
    },
  };
}

/**
 * lagReplica (S37, S39b): one replica's caches get etcd's events `lag` seconds late for `seconds`: a
 * watch there stays silent and catches up, a LIST at a newer RV there waits 3 s and gets 504.
 */
export function buildLagReplica(replica: ReplicaName, lag: string, seconds: string): BuildResult {
  const l = validateSeconds(lag, t('controls.field.lag'));
  const d = validateSeconds(seconds, t('controls.field.seconds'));
  const problems = [
    ...(l.error !== null ? [{ field: 'lag', message: l.error }] : []),
    ...(d.error !== null ? [{ field: 'seconds', message: d.error }] : []),
  ];
  if (l.error !== null || d.error !== null) return { ok: false, problems };
  return { ok: true, action: { action: 'lagReplica', replica, lagMs: l.value, durationMs: d.value } };
}

/** refuseConnections: every request fails to connect for the given seconds. */
export function buildRefuseConnections(seconds: string): BuildResult {
  const d = validateSeconds(seconds, t('controls.field.seconds'));
  if (d.error !== null) return { ok: false, problems: [{ field: 'seconds', message: d.error }] };
  return { ok: true, action: { action: 'refuseConnections', durationMs: d.value } };
}

/** apiErrors: every request answers 429 or 500 for the given seconds. */
export function buildApiErrors(code: 429 | 500, seconds: string): BuildResult {
  const d = validateSeconds(seconds, t('controls.field.seconds'));
  if (d.error !== null) return { ok: false, problems: [{ field: 'seconds', message: d.error }] };
  return { ok: true, action: { action: 'apiErrors', code, durationMs: d.value } };
}

/** The two inputs of a slow-down fault: extra ms per request or notification, for `seconds`. */
function buildSlowdown(action: 'addLatency' | 'slowHandlers', extraMs: string, seconds: string): BuildResult {
  const problems: Problem[] = [];
  const extra = parseIntegerField(extraMs, t('controls.field.extraMs'), 1, MAX_EXTRA_MS);
  check(problems, 'extraMs', extra.error);
  const d = validateSeconds(seconds, t('controls.field.seconds'));
  check(problems, 'seconds', d.error);
  return result(problems, () => ({ action, extraMs: extra.value!, durationMs: d.value! }));
}

/** addLatency: every API request takes `extraMs` longer, for the given seconds. */
export function buildAddLatency(extraMs: string, seconds: string): BuildResult {
  return buildSlowdown('addLatency', extraMs, seconds);
}

/** slowHandlers: every resource event handler takes `extraMs` longer per notification. */
export function buildSlowHandlers(extraMs: string, seconds: string): BuildResult {
  return buildSlowdown('slowHandlers', extraMs, seconds);
}

/** failReconciles: the next `count` syncHandler calls fail (→ AddRateLimited, W9). */
export function buildFailReconciles(count: string): BuildResult {
  const b = BOUNDS.failReconciles;
  const n = parseIntegerField(count, t('controls.field.count'), b.min, b.max);
  if (n.error !== null) return { ok: false, problems: [{ field: 'count', message: n.error }] };
  return { ok: true, action: { action: 'failReconciles', count: n.value } };
}

export interface AddHandlerForm {
  readonly kind: Kind;
  readonly name: string;
}

/** addHandler (SI8): a logging handler on a running informer. `taken` = its handlers' names. */
export function buildAddHandler(form: AddHandlerForm, taken: readonly string[]): BuildResult {
  const name = form.name.trim();
  const error = validateName(name, t('controls.field.handlerName'));
  if (error !== null) return { ok: false, problems: [{ field: 'name', message: error }] };
  if (taken.includes(name)) {
    return {
      ok: false,
      problems: [{ field: 'name', message: t('controls.validate.handlerExists', { name, kind: form.kind }) }],
    };
  }
  return { ok: true, action: { action: 'addHandler', kind: form.kind, name } };
}
