/**
 * The object model (types) shared by the simulated kube-apiserver and the client-go components.
 *
 * Objects are immutable values: every write on the server produces a new object, and the client-go
 * components store and pass references (a DeltaFIFO delta, an indexer entry and a trace record may all
 * point at the same object). Nothing may mutate an object after creation; the C7 "mutate the cache"
 * controller mistake is modelled explicitly, not by accident.
 *
 * resourceVersion is a string, as on the wire (S2); the server compares it numerically, client-go only
 * tests equality.
 */

/** The kinds the lab simulates, in the figure's order (Foo lane first). */
export const KINDS = ['Foo', 'Deployment'] as const;
export type Kind = (typeof KINDS)[number];

/** The minimum client-go's machinery needs of an object: namespace, name, resourceVersion. */
export interface MetaObject {
  readonly metadata: {
    readonly namespace: string;
    readonly name: string;
    readonly resourceVersion: string;
  };
}

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: Kind;
  readonly name: string;
  readonly uid: string;
  readonly controller: boolean;
}

export interface ObjectMeta {
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion: string;
  readonly generation: number;
  /** Virtual ms. */
  readonly creationTimestamp: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly ownerReferences: readonly OwnerReference[];
  readonly finalizers: readonly string[];
  /** Virtual ms, or null while not terminating. */
  readonly deletionTimestamp: number | null;
}

export interface FooSpec {
  readonly deploymentName: string;
  readonly replicas: number;
}
export interface FooStatus {
  readonly availableReplicas: number;
}
export interface DeploymentSpec {
  readonly replicas: number;
}
export interface DeploymentStatus {
  readonly availableReplicas: number;
}

export interface Foo {
  readonly kind: 'Foo';
  readonly metadata: ObjectMeta;
  readonly spec: FooSpec;
  readonly status: FooStatus;
}

export interface Deployment {
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  readonly spec: DeploymentSpec;
  readonly status: DeploymentStatus;
}

export type KObject = Foo | Deployment;

/**
 * `DeletedFinalStateUnknown`: the tombstone DeltaFIFO queues when a relist shows that a key vanished
 * while the client was not watching (D7). `obj` is the last state the client knew, possibly null.
 * Tagged with `$tombstone` so it can never be mistaken for an object.
 */
export interface DeletedFinalStateUnknown<T> {
  readonly $tombstone: true;
  readonly key: string;
  readonly obj: T | null;
}

export function isTombstone<T>(x: T | DeletedFinalStateUnknown<T>): x is DeletedFinalStateUnknown<T> {
  return (x as { $tombstone?: unknown }).$tombstone === true;
}

/** MetaNamespaceKeyFunc (I1): "ns/name", or "name" for cluster-scoped objects. */
export function metaNamespaceKey(obj: MetaObject): string {
  const m = obj.metadata;
  return m.namespace === '' ? m.name : `${m.namespace}/${m.name}`;
}

/** DeletionHandlingMetaNamespaceKeyFunc (I1, D2): a tombstone's key, else MetaNamespaceKeyFunc. */
export function deletionHandlingKey<T extends MetaObject>(obj: T | DeletedFinalStateUnknown<T>): string {
  return isTombstone(obj) ? obj.key : metaNamespaceKey(obj);
}

/** SplitMetaNamespaceKey (I1): one part (name) or two (ns/name); more is an error. */
export function splitMetaNamespaceKey(key: string): { namespace: string; name: string } | { error: string } {
  const parts = key.split('/');
  if (parts.length === 1) return { namespace: '', name: parts[0]! };
  if (parts.length === 2) return { namespace: parts[0]!, name: parts[1]! };
  return { error: `unexpected key format: "${key}"` };
}
