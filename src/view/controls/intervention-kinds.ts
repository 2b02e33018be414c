/** The interventions the panel offers, their labels, and a one-sentence description of a built one. */

import type { InterventionAction } from '../../engine/model/session';
import { t } from '../../i18n';

export type InterventionKind =
  | 'create'
  | 'update'
  | 'delete'
  | 'restartApiServer'
  | 'lagReplica'
  | 'compact'
  | 'closeWatch'
  | 'watchError'
  | 'refuseConnections'
  | 'apiErrors'
  | 'failReconciles'
  | 'addHandler';

/**
 * In menu order: object changes, then the server's real causes (a restart, a lagging replica — offered
 * only with 2–3 apiserver replicas —, an etcd compaction), then injected watch faults, then other server
 * faults, then controller ones.
 */
export const INTERVENTION_KINDS: readonly InterventionKind[] = [
  'create',
  'update',
  'delete',
  'restartApiServer',
  'lagReplica',
  'compact',
  'closeWatch',
  'watchError',
  'refuseConnections',
  'apiErrors',
  'failReconciles',
  'addHandler',
];

const KIND_LABEL: Readonly<Record<InterventionKind, string>> = {
  create: 'controls.iv.kind.create',
  update: 'controls.iv.kind.update',
  delete: 'controls.iv.kind.delete',
  closeWatch: 'controls.iv.kind.closeWatch',
  watchError: 'controls.iv.kind.watchError',
  compact: 'controls.iv.kind.compact',
  restartApiServer: 'controls.iv.kind.restartApiServer',
  lagReplica: 'controls.iv.kind.lagReplica',
  refuseConnections: 'controls.iv.kind.refuseConnections',
  apiErrors: 'controls.iv.kind.apiErrors',
  failReconciles: 'controls.iv.kind.failReconciles',
  addHandler: 'controls.iv.kind.addHandler',
};

export function interventionKindLabel(kind: InterventionKind): string {
  return t(KIND_LABEL[kind]);
}

/** "Create Foo default/web (replicas 2, deployment web)." and the like, for the status line. */
export function describeIntervention(a: InterventionAction): string {
  switch (a.action) {
    case 'create':
      return t('controls.iv.done.create', {
        kind: a.object.kind,
        key: `${a.object.namespace}/${a.object.name}`,
        replicas: a.object.spec.replicas,
      });
    case 'update':
      return a.spec.replicas === undefined
        ? t('controls.iv.done.patch', { kind: a.target.kind, key: `${a.target.namespace}/${a.target.name}` })
        : t('controls.iv.done.update', {
            kind: a.target.kind,
            key: `${a.target.namespace}/${a.target.name}`,
            replicas: a.spec.replicas,
          });
    case 'patch':
      return t('controls.iv.done.patch', {
        kind: a.target.kind,
        key: `${a.target.namespace}/${a.target.name}`,
      });
    case 'delete':
      return t('controls.iv.done.delete', {
        kind: a.target.kind,
        key: `${a.target.namespace}/${a.target.name}`,
      });
    case 'removeFinalizer':
      return t('controls.iv.done.removeFinalizer', {
        finalizer: a.finalizer,
        kind: a.target.kind,
        key: `${a.target.namespace}/${a.target.name}`,
      });
    case 'closeWatch':
      return a.kind === undefined
        ? t('controls.iv.done.closeWatchAll')
        : t('controls.iv.done.closeWatchOne', { kind: a.kind });
    case 'watchError':
      return a.kind === undefined
        ? t('controls.iv.done.watchErrorAll', { code: a.code })
        : t('controls.iv.done.watchErrorOne', { code: a.code, kind: a.kind });
    case 'compact':
      return t('controls.iv.done.compact');
    case 'restartApiServer':
      return a.replica === undefined
        ? t('controls.iv.done.restartApiServer', { seconds: a.downtimeMs / 1000 })
        : t('controls.iv.done.restartReplica', { replica: a.replica, seconds: a.downtimeMs / 1000 });
    case 'lagReplica':
      return t('controls.iv.done.lagReplica', {
        replica: a.replica,
        lag: a.lagMs / 1000,
        seconds: a.durationMs / 1000,
      });
    case 'refuseConnections':
      return t('controls.iv.done.refuseConnections', { seconds: a.durationMs / 1000 });
    case 'apiErrors':
      return t('controls.iv.done.apiErrors', { code: a.code, seconds: a.durationMs / 1000 });
    case 'addLatency':
      return t('controls.iv.done.addLatency', { extra: a.extraMs, seconds: a.durationMs / 1000 });
    case 'slowHandlers':
      return t('controls.iv.done.slowHandlers', { extra: a.extraMs, seconds: a.durationMs / 1000 });
    case 'failReconciles':
      return t('controls.iv.done.failReconciles', { count: a.count });
    case 'addHandler':
      return t('controls.iv.done.addHandler', { name: a.name, kind: a.kind });
  }
}
