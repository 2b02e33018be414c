/**
 * Per-kind registry facts of the simulated kube-apiserver: the API group and resource a kind is served
 * under (they appear in error messages), where it is stored in etcd, and its update strategy.
 *
 * Models: apiserver pkg/registry/generic/registry/store.go (the Store's qualified resource and
 * `UpdateStrategy.AllowUnconditionalUpdate`), the CRD registry (custom resources never allow an
 * unconditional update, S26) and the apps/v1 Deployment strategy (which does).
 */
import type { Kind } from '../model/objects';

export interface KindInfo {
  /** API group ("" would be the core group). */
  readonly group: string;
  /** Plural resource name, as in the URL path. */
  readonly resource: string;
  /** S26: may a PUT without metadata.resourceVersion overwrite unconditionally? */
  readonly allowUnconditionalUpdate: boolean;
  /** The etcd key prefix (as the real registry lays it out); used only in error texts. */
  readonly etcdPrefix: string;
}

export const KIND_INFO: Readonly<Record<Kind, KindInfo>> = {
  Foo: {
    group: 'samplecontroller.k8s.io',
    resource: 'foos',
    allowUnconditionalUpdate: false,
    etcdPrefix: '/registry/samplecontroller.k8s.io/foos',
  },
  Deployment: {
    group: 'apps',
    resource: 'deployments',
    allowUnconditionalUpdate: true,
    etcdPrefix: '/registry/deployments',
  },
};

/** Every kind the server stores, in a fixed order. */
export { KINDS } from '../model/objects';

/** schema.GroupResource.String(): "foos.samplecontroller.k8s.io", "deployments.apps". */
export function qualifiedResource(kind: Kind): string {
  const k = KIND_INFO[kind];
  return k.group === '' ? k.resource : `${k.resource}.${k.group}`;
}

/** The last key objectKey built, with its parts (see objectKey). */
let lastNamespace = '';
let lastName: string | null = null;
let lastKey = '';

/**
 * The storage key of an object ("ns/name", or "name" when cluster-scoped); the list order (S11).
 *
 * A write usually asks for the same key twice or more in a row (a GET, then the update's own lookup),
 * so the last key is remembered and handed out again: the same string object, whose hash the first
 * map lookup already computed (a fresh key string costs a few hundred ns to hash on its first lookup).
 * The content is the same either way.
 */
export function objectKey(namespace: string, name: string): string {
  if (name === lastName && namespace === lastNamespace) return lastKey;
  lastNamespace = namespace;
  lastName = name;
  lastKey = namespace === '' ? name : `${namespace}/${name}`;
  return lastKey;
}
