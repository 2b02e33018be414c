/**
 * The `script:` list of a scenario file → normalized ScriptActions sorted by `at` (stable: entries at
 * the same time keep file order, which is also the order the engine runs them in). Interventions are
 * script entries without `at` (../check.ts reads them through here too).
 *
 * The action names are SCRIPT_ACTIONS (src/engine/model/scenario.ts); ACTION_FIELDS lists the fields
 * each one takes, as a Record over the union so a new action cannot be forgotten here.
 */
import { BOUNDS, DEFAULT_NAMESPACE, DEFAULT_RESTART, LIMITS } from '../../engine/model/defaults';
import type { Kind } from '../../engine/model/objects';
import {
  type ObjectRef,
  REPLICA_NAMES,
  type ReplicaName,
  SCRIPT_ACTIONS,
  type ScriptAction,
  type ScriptActionName,
} from '../../engine/model/scenario';
import { describeValue, quote } from '../duration';
import {
  type Ctx,
  checkKeys,
  isRecord,
  own,
  type Path,
  readDuration,
  readInt,
  readMap,
  report,
} from './core';
import { LABEL_NAME, OBJECT_NAME, QUALIFIED_NAME, readKind, readLabels, readName } from './names';
import { type ReadManifest, readDeploymentName, readManifest } from './objects';

/** The fields each action takes besides `at` and `action`. */
const ACTION_FIELDS: Readonly<Record<ScriptActionName, readonly string[]>> = {
  create: ['object'],
  update: ['target', 'spec', 'labels', 'resourceVersion'],
  patch: ['target', 'spec', 'labels'],
  delete: ['target'],
  removeFinalizer: ['target', 'finalizer'],
  closeWatch: ['kind'],
  watchError: ['code', 'kind'],
  compact: [],
  restartApiServer: ['downtime', 'cacheInit', 'replica'],
  lagReplica: ['replica', 'lag', 'duration'],
  refuseConnections: ['duration'],
  apiErrors: ['code', 'duration', 'retryAfter'],
  addLatency: ['extra', 'duration'],
  slowHandlers: ['extra', 'duration'],
  failReconciles: ['count'],
  addHandler: ['kind', 'name', 'resyncPeriod'],
};

function isActionName(v: unknown): v is ScriptActionName {
  return (SCRIPT_ACTIONS as readonly unknown[]).includes(v);
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

/** S2: a resourceVersion is an opaque string on the wire; here it must be the server's decimal counter. */
function readResourceVersion(ctx: Ctx, v: unknown, path: Path): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) return String(v);
  if (typeof v === 'string' && /^[1-9][0-9]{0,15}$/.test(v)) return v;
  report(ctx, path, `must be a resourceVersion like "42" (a positive whole number), got ${describeValue(v)}`);
  return undefined;
}

/**
 * S38: a replica by name ("A", "B", "C"). A fault naming a replica the scenario does not run
 * (settings.apiServerReplicas) does nothing, and its record says so; it is not an error, so that a
 * settings change or an intervention never invalidates a script.
 */
function readReplica(ctx: Ctx, v: unknown, path: Path): ReplicaName | undefined {
  if (typeof v === 'string' && (REPLICA_NAMES as readonly string[]).includes(v)) return v as ReplicaName;
  const got = v === undefined ? 'it is missing' : `got ${describeValue(v)}`;
  report(ctx, path, `must be an apiserver replica: ${REPLICA_NAMES.join(', ')}; ${got}`);
  return undefined;
}

export interface ReadAction {
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
      report(ctx, p('action'), `${got}; expected one of ${SCRIPT_ACTIONS.join(', ')}`);
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
  const done = (action: ScriptAction): ReadAction => ({ action, path });
  switch (name) {
    case 'create': {
      const o = req('object');
      const r = o === undefined ? undefined : readManifest(ctx, o, p('object'));
      if (r === undefined) return undefined;
      const action: ScriptAction = { at, action: 'create', object: r.manifest };
      return r.ownerPath === undefined ? done(action) : { action, path, ownerPath: r.ownerPath };
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
        return done({
          at,
          action: 'patch',
          target,
          ...(spec === undefined ? {} : { spec }),
          ...(labels === undefined ? {} : { labels }),
        });
      }
      const rv = readResourceVersion(ctx, own(v, 'resourceVersion'), p('resourceVersion'));
      return done({
        at,
        action: 'update',
        target,
        spec: spec ?? {},
        ...(labels === undefined ? {} : { labels }),
        ...(rv === undefined ? {} : { resourceVersion: rv }),
      });
    }
    case 'delete': {
      const target = readTarget(ctx, own(v, 'target'), p('target'));
      return target === undefined ? undefined : done({ at, action: 'delete', target });
    }
    case 'removeFinalizer': {
      const target = readTarget(ctx, own(v, 'target'), p('target'));
      const finalizer = readName(ctx, own(v, 'finalizer'), p('finalizer'), QUALIFIED_NAME);
      return target === undefined ? undefined : done({ at, action: 'removeFinalizer', target, finalizer });
    }
    case 'closeWatch': {
      const kind = optKind();
      return done({ at, action: 'closeWatch', ...(kind === undefined ? {} : { kind }) });
    }
    case 'watchError': {
      const code = readCode(ctx, own(v, 'code'), p('code'), [410, 500] as const);
      const kind = optKind();
      return done({ at, action: 'watchError', code, ...(kind === undefined ? {} : { kind }) });
    }
    case 'compact':
      return done({ at, action: 'compact' });
    case 'restartApiServer': {
      const d = DEFAULT_RESTART;
      const downtimeMs = readDuration(ctx, own(v, 'downtime'), p('downtime'), d.downtimeMs, { min: 1 });
      const cacheInitMs = readDuration(ctx, own(v, 'cacheInit'), p('cacheInit'), d.cacheInitMs);
      const r = own(v, 'replica');
      const replica = r === undefined ? undefined : readReplica(ctx, r, p('replica'));
      return done({
        at,
        action: 'restartApiServer',
        downtimeMs,
        cacheInitMs,
        ...(replica === undefined ? {} : { replica }),
      });
    }
    case 'lagReplica': {
      const replica = readReplica(ctx, own(v, 'replica'), p('replica'));
      const lagMs = readDuration(ctx, own(v, 'lag'), p('lag'), undefined, {
        min: 1,
        max: BOUNDS.maxReplicaLagMs,
      });
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return replica === undefined
        ? undefined
        : done({ at, action: 'lagReplica', replica, lagMs, durationMs });
    }
    case 'refuseConnections': {
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return done({ at, action: 'refuseConnections', durationMs });
    }
    case 'apiErrors': {
      const code = readCode(ctx, own(v, 'code'), p('code'), [429, 500] as const);
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      // K5: whole seconds of Retry-After (0 = no header); absent = 1 for 429, none for 500.
      const ra = own(v, 'retryAfter');
      if (ra === undefined) return done({ at, action: 'apiErrors', code, durationMs });
      const retryAfter = readInt(ctx, ra, p('retryAfter'), BOUNDS.retryAfter, undefined);
      return done({ at, action: 'apiErrors', code, durationMs, retryAfter });
    }
    case 'addLatency':
    case 'slowHandlers': {
      const extraMs = readDuration(ctx, own(v, 'extra'), p('extra'), undefined, { min: 1 });
      const durationMs = readDuration(ctx, own(v, 'duration'), p('duration'), undefined, { min: 1 });
      return done({ at, action: name, extraMs, durationMs });
    }
    case 'failReconciles': {
      const count = readInt(ctx, own(v, 'count'), p('count'), BOUNDS.failReconciles, undefined);
      return done({ at, action: 'failReconciles', count });
    }
    case 'addHandler': {
      const kind = readKind(ctx, own(v, 'kind'), p('kind'));
      const handler = readName(ctx, own(v, 'name'), p('name'), OBJECT_NAME);
      const rp = own(v, 'resyncPeriod');
      const resyncPeriodMs =
        rp === undefined
          ? undefined
          : readDuration(ctx, rp, p('resyncPeriod'), undefined, { min: BOUNDS.minResyncMs, zeroOk: true });
      return kind === undefined
        ? undefined
        : done({
            at,
            action: 'addHandler',
            kind,
            name: handler,
            ...(resyncPeriodMs === undefined ? {} : { resyncPeriodMs }),
          });
    }
  }
}

export function readScript(ctx: Ctx, v: unknown, path: Path): ReadAction[] {
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
export function checkOwners(ctx: Ctx, objects: readonly ReadManifest[], script: readonly ReadAction[]): void {
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
