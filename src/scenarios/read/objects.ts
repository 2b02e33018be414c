/**
 * Object manifests in scenario files (`objects:` and a script `create`) → normalized ObjectManifest.
 *
 * Simplifications vs Kubernetes: manifests carry only what the simulator models (labels, finalizers,
 * one controlling ownerReference, spec.replicas / spec.deploymentName); anything else is rejected with
 * a hint rather than silently dropped (server-set metadata, annotations, status). Foo `spec.replicas`
 * follows the sample-controller CRD (1..10). Whether an owner Foo exists is checked later, over the
 * whole scenario (checkOwners in ./script.ts).
 */
import {
  BOUNDS,
  DEFAULT_NAMESPACE,
  DEPLOYMENT_API_VERSION,
  FOO_API_VERSION,
  LIMITS,
} from '../../engine/model/defaults';
import type { Kind } from '../../engine/model/objects';
import type { ObjectManifest } from '../../engine/model/scenario';
import { describeValue } from '../duration';
import { type Ctx, own, type Path, readInt, readMap, report } from './core';
import { LABEL_NAME, OBJECT_NAME, readFinalizers, readKind, readLabels, readName } from './names';

const SERVER_SET = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
];

const META_HINTS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(SERVER_SET.map((k) => [k, 'is set by the simulated API server; remove it'])),
  annotations: 'annotations are not modelled; use labels',
};

const MANIFEST_HINTS: Readonly<Record<string, string>> = {
  status: 'status is written by the controllers, not by the scenario; remove it',
};

export interface ReadManifest {
  readonly manifest: ObjectManifest;
  /** Where the owner Foo's name was written, for the "no such Foo" check. */
  readonly ownerPath?: Path;
}

/** The apiVersion of a modelled kind, as in the sample-controller and Kubernetes. */
export function apiVersionOf(kind: Kind): string {
  return kind === 'Foo' ? FOO_API_VERSION : DEPLOYMENT_API_VERSION;
}

export function readManifest(ctx: Ctx, v: unknown, path: Path): ReadManifest | undefined {
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
export function readDeploymentName(ctx: Ctx, v: unknown, path: Path): string | undefined {
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

/** The `objects:` list; a second object with the same kind, namespace and name is reported. */
export function readObjects(ctx: Ctx, v: unknown, path: Path): ReadManifest[] {
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
    const key = `${kind}/${namespace}/${name}`;
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
