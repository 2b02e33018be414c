/**
 * Scripted actions (scenario files and interventions): a user's writes through kubectl, applied
 * directly at their virtual time, and the faults the scenarios and the UI drive. Faults change the
 * simulated server; the clients react to them exactly as the spec's rules say (R11–R14). With several
 * apiserver replicas (S38) a restart may name one replica, and a replica may be made to lag.
 */

import {
  metaWith,
  objectWith,
  replicaSetLag,
  serverCompact,
  serverCreate,
  serverDelete,
  serverGet,
  serverPatch,
  serverRemoveFinalizer,
  serverRestart,
  serverRestartReplica,
  serverUpdate,
  serverWatchError,
  setErrorResponses,
  setRefuseConnections,
  type WriteResult,
} from '../apiserver';
import { indexerList } from '../client-go/indexer';
import { addListenerAfterStart } from '../client-go/shared-informer';
import { schedule } from '../kernel/agenda';
import type { KObject } from '../model/objects';
import { type ObjectManifest, type ObjectRef, REPLICA_NAMES, type ScriptAction } from '../model/scenario';
import { breakConnections, replicaName } from './connections';
import { emitRecord, type StepOut } from './emit';
import { drawHandlerLatency } from './latency';
import { closeWatches, errorWatches } from './server-actors';
import { afterWrite } from './server-cluster';
import { deliverClose } from './wire';
import type { SimContext, World } from './world';

/** Builds the object a manifest describes (server-filled fields empty). */
export function objectFromManifest(w: World, m: ObjectManifest): KObject {
  const ownerUid =
    m.ownerFoo !== undefined ? (serverGet(w.server, 'Foo', m.namespace, m.ownerFoo)?.metadata.uid ?? '') : '';
  const metadata = {
    namespace: m.namespace,
    name: m.name,
    uid: '',
    resourceVersion: '',
    generation: 0,
    creationTimestamp: w.now,
    labels: m.labels,
    ownerReferences:
      m.ownerFoo !== undefined
        ? [
            {
              apiVersion: 'samplecontroller.k8s.io/v1alpha1',
              kind: 'Foo' as const,
              name: m.ownerFoo,
              uid: ownerUid,
              controller: true,
            },
          ]
        : [],
    finalizers: m.finalizers,
    deletionTimestamp: null,
  };
  if (m.kind === 'Foo') {
    return {
      kind: 'Foo',
      metadata,
      spec: { deploymentName: m.spec.deploymentName ?? '', replicas: m.spec.replicas },
      status: { availableReplicas: 0 },
    };
  }
  return {
    kind: 'Deployment',
    metadata,
    spec: { replicas: m.spec.replicas },
    status: { availableReplicas: 0 },
  };
}

function refKey(t: ObjectRef): string {
  return t.namespace === '' ? t.name : `${t.namespace}/${t.name}`;
}

function userWrite(
  w: World,
  ctx: SimContext,
  out: StepOut,
  verb: string,
  target: ObjectRef,
  res: WriteResult,
): void {
  const ok = 'object' in res;
  emitRecord(
    w,
    out,
    target.kind,
    'user',
    'write',
    'user.write',
    {
      verb,
      kind: target.kind,
      code: res.code,
      reason: ok ? '' : res.reason,
      noop: ok && res.event === null,
    },
    refKey(target),
    ok ? res.object : null,
  );
  afterWrite(w, ctx, res);
}

export function applyScriptAction(w: World, ctx: SimContext, out: StepOut, sa: ScriptAction): void {
  switch (sa.action) {
    case 'create': {
      const obj = objectFromManifest(w, sa.object);
      userWrite(w, ctx, out, 'create', sa.object, serverCreate(w.server, obj, w.now));
      return;
    }
    case 'update': {
      const cur = serverGet(w.server, sa.target.kind, sa.target.namespace, sa.target.name);
      if (cur === undefined) {
        userWrite(w, ctx, out, 'update', sa.target, serverUpdate(w.server, placeholder(w, sa.target), w.now));
        return;
      }
      const spec = { ...cur.spec, ...sa.spec } as KObject['spec'];
      const next = objectWith(
        cur,
        metaWith(cur.metadata, {
          labels: sa.labels ?? cur.metadata.labels,
          resourceVersion: sa.resourceVersion ?? cur.metadata.resourceVersion,
        }),
        spec,
      );
      userWrite(w, ctx, out, 'update', sa.target, serverUpdate(w.server, next, w.now));
      return;
    }
    case 'patch': {
      const t = sa.target;
      const patch = {
        ...(sa.spec !== undefined ? { spec: sa.spec } : {}),
        ...(sa.labels !== undefined ? { labels: sa.labels } : {}),
      };
      userWrite(w, ctx, out, 'patch', t, serverPatch(w.server, t.kind, t.namespace, t.name, patch, w.now));
      return;
    }
    case 'delete': {
      const t = sa.target;
      userWrite(w, ctx, out, 'delete', t, serverDelete(w.server, t.kind, t.namespace, t.name, w.now));
      return;
    }
    case 'removeFinalizer': {
      const t = sa.target;
      userWrite(
        w,
        ctx,
        out,
        'removeFinalizer',
        t,
        serverRemoveFinalizer(w.server, t.kind, t.namespace, t.name, sa.finalizer, w.now),
      );
      return;
    }
    case 'closeWatch': {
      const ids = closeWatches(w, ctx, sa.kind);
      // watchIds: the ids of the watches closed ("3, 4"), or null when none was open.
      emitRecord(w, out, sa.kind ?? null, 'apiserver', 'watch-event', 'fault.close-watch', {
        watchIds: ids.length > 0 ? ids.join(', ') : null,
      });
      return;
    }
    case 'watchError': {
      const ids = errorWatches(w, ctx, sa.kind, (id) => serverWatchError(w.server, id, sa.code));
      emitRecord(w, out, sa.kind ?? null, 'apiserver', 'watch-event', 'fault.watch-error', {
        watchIds: ids.length > 0 ? ids.join(', ') : null,
        code: sa.code,
      });
      return;
    }
    case 'compact': {
      // S35: a forced etcd compaction; the watch caches are not touched.
      const rv = serverCompact(w.server, undefined, w.now);
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.compact', { rv });
      return;
    }
    case 'restartApiServer': {
      const index = sa.replica === undefined ? -1 : REPLICA_NAMES.indexOf(sa.replica);
      // A named replica of several restarts alone; A of a single apiserver is the whole control plane.
      if (index > 0 || (index === 0 && w.server.replicas.length > 1)) {
        restartReplica(w, ctx, out, index, sa.downtimeMs, sa.cacheInitMs);
        return;
      }
      // S33, S36: every watch ends cleanly (the connection breaks), connections are refused while the
      // process is down, then the Cachers re-initialise (server-cluster.ts serverStarted).
      breakConnections(w, null);
      const ended = serverRestart(w.server, w.now, sa.downtimeMs);
      for (const x of ended) deliverClose(w, ctx, x.kind, x.watchId);
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.restart', {
        watchIds: ended.length > 0 ? ended.map((x) => x.watchId).join(', ') : null,
        downtimeMs: sa.downtimeMs,
      });
      schedule(w.agenda, w.now + sa.downtimeMs, { a: 'server.start', cacheInitMs: sa.cacheInitMs });
      return;
    }
    case 'lagReplica': {
      // S37, S39b: the replica's etcd watches deliver late from now on, for the duration.
      const r = w.server.replicas[REPLICA_NAMES.indexOf(sa.replica)];
      if (r !== undefined) replicaSetLag(r, sa.lagMs, w.now + sa.durationMs);
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.lag-replica', {
        replica: sa.replica,
        lagMs: r === undefined ? null : sa.lagMs,
        durationMs: sa.durationMs,
      });
      return;
    }
    case 'refuseConnections':
      setRefuseConnections(w.server, w.now + sa.durationMs);
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.refuse-connections', {
        durationMs: sa.durationMs,
      });
      return;
    case 'apiErrors': {
      // K5: a 429 carries Retry-After: 1 unless the scenario says otherwise; a 500 none (0 = no header).
      const retryAfter = sa.retryAfter ?? (sa.code === 429 ? 1 : 0);
      setErrorResponses(w.server, {
        code: sa.code,
        untilMs: w.now + sa.durationMs,
        retryAfterSeconds: retryAfter,
      });
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.api-errors', {
        code: sa.code,
        durationMs: sa.durationMs,
        retryAfter: retryAfter > 0 ? retryAfter : null,
      });
      return;
    }
    case 'addLatency':
      w.faults.extraLatencyMs = sa.extraMs;
      w.faults.extraLatencyUntil = w.now + sa.durationMs;
      emitRecord(w, out, null, 'apiserver', 'internal', 'fault.add-latency', {
        extraMs: sa.extraMs,
        durationMs: sa.durationMs,
      });
      return;
    case 'slowHandlers':
      w.faults.handlerExtraMs = sa.extraMs;
      w.faults.handlerExtraUntil = w.now + sa.durationMs;
      emitRecord(w, out, null, 'handler', 'internal', 'fault.slow-handlers', {
        extraMs: sa.extraMs,
        durationMs: sa.durationMs,
      });
      return;
    case 'failReconciles':
      w.faults.failNextReconciles += sa.count;
      emitRecord(w, out, null, 'controller', 'internal', 'fault.fail-reconciles', { count: sa.count });
      return;
    case 'addHandler': {
      const L = w.lanes[sa.kind];
      const cached = indexerList(L.indexer);
      const l = addListenerAfterStart(
        L.processor,
        sa.name,
        sa.resyncPeriodMs ?? ctx.scenario.settings.resyncPeriodMs,
        w.now,
        cached,
      );
      emitRecord(w, out, sa.kind, 'informer', 6, 'informer.handler-added', {
        handler: sa.name,
        initialAdds: cached.length,
        resyncPeriodMs: l.resyncPeriodMs,
      });
      if (cached.length > 0) {
        l.busy = true;
        schedule(w.agenda, w.now + drawHandlerLatency(w, ctx.scenario.settings.latency.handler), {
          a: 'listener.deliver',
          lane: sa.kind,
          listener: l.id,
        });
      }
      return;
    }
    default: {
      const never: never = sa;
      throw new Error(`unknown script action ${JSON.stringify(never)}`);
    }
  }
}

/**
 * S38, S33: one replica of several restarts: the watches it serves end cleanly, the controller's
 * connection breaks if it is on it, requests routed to it are refused while it is down, then its Cachers
 * re-initialise (server-cluster.ts serverStarted). The other replicas go on.
 */
function restartReplica(
  w: World,
  ctx: SimContext,
  out: StepOut,
  index: number,
  downtimeMs: number,
  cacheInitMs: number,
): void {
  const runs = index < w.server.replicas.length; // a replica the scenario does not run: nothing happens
  const ended = runs ? serverRestartReplica(w.server, index, w.now, downtimeMs) : [];
  for (const x of ended) deliverClose(w, ctx, x.kind, x.watchId);
  const broken = runs ? breakConnections(w, index) : 0;
  emitRecord(w, out, null, 'apiserver', 'internal', 'fault.restart-replica', {
    replica: replicaName(index),
    watchIds: ended.length > 0 ? ended.map((x) => x.watchId).join(', ') : null,
    downtimeMs: runs ? downtimeMs : null,
    connections: broken,
  });
  if (runs) schedule(w.agenda, w.now + downtimeMs, { a: 'server.start', cacheInitMs, replica: index });
}

/** An object that does not exist on the server, so that an update of it gets the server's own 404. */
function placeholder(w: World, t: ObjectRef): KObject {
  return objectFromManifest(w, {
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    labels: {},
    finalizers: [],
    spec: { replicas: 0 },
  });
}
