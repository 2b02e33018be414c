/**
 * The tiny scripted API server of the `informer` conformance component (conformance/README.md): one kind,
 * an rv counter, an event log, a compaction point and at most one live watch. The classic harness
 * (informer.ts) uses its LIST and plain WATCH; the modern one (informer-modern.ts) adds watch-list
 * requests ("Server additions" of the v0.36.3 section): the initial ADDED events and the
 * `k8s.io/initial-events-end` bookmark, a server that refuses them (`serverWatchList: false`) and a held
 * end bookmark (`holdInitialEventsEnd`). This is the harness's stand-in for a server, not the simulator's
 * API server (src/engine/apiserver).
 */
import type {
  ApiError,
  ClientWatchEvent,
  ListResponse,
  WatchRequest,
} from '../../engine/client-go/reflector-types';
import type { KObject } from '../../engine/model/objects';
import { metaNamespaceKey } from '../../engine/model/objects';
import { type CObj, toObj, type VObj } from './vector-objects';

type Ev = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; obj: CObj; rv: number };

/** How the server reaches the client: the harness queues each of these on its agenda, in call order. */
export interface ServerIO {
  opened(result: { readonly streamId: number } | ApiError): void;
  send(streamId: number, ev: ClientWatchEvent): void;
  close(streamId: number): void;
}

export interface ScriptedServer {
  rv: number;
  objects: Map<string, CObj>;
  log: Ev[];
  compacted: number;
  live: number | null;
  nextStream: number;
  /** v0.36.3: does the server accept watch-list requests (`serverWatchList`, default true)? */
  readonly watchList: boolean;
  /** v0.36.3: watch-list streams hold their end bookmark until `endInitialEvents`. */
  readonly holdInitialEventsEnd: boolean;
  /** The live watch-list stream's initial phase (held end bookmark), or null. */
  initial: { readonly snapshotRv: number; held: Ev[] } | null;
}

/** The message of an API server whose WatchList feature gate is off (HTTP 422, reason Invalid). */
export const WATCH_LIST_FORBIDDEN =
  'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled';

export function newScriptedServer(opts: {
  watchList: boolean;
  holdInitialEventsEnd: boolean;
}): ScriptedServer {
  return {
    rv: 0,
    objects: new Map(),
    log: [],
    compacted: 0,
    live: null,
    nextStream: 1,
    watchList: opts.watchList,
    holdInitialEventsEnd: opts.holdInitialEventsEnd,
    initial: null,
  };
}

function asK(o: CObj): KObject {
  return o as unknown as KObject;
}

function toClientEvent(e: Ev): ClientWatchEvent {
  return { type: e.type, object: asK(e.obj) };
}

function bookmark(rv: number, initialEventsEnd: boolean): ClientWatchEvent {
  return initialEventsEnd
    ? { type: 'BOOKMARK', object: null, resourceVersion: String(rv), initialEventsEnd: true }
    : { type: 'BOOKMARK', object: null, resourceVersion: String(rv) };
}

/** LIST: every object sorted by key, at the current rv. */
export function serverList(srv: ScriptedServer): ListResponse {
  const items = [...srv.objects.keys()].sort().map((k) => asK(srv.objects.get(k)!));
  return { code: 200, items, resourceVersion: String(srv.rv) };
}

/** WATCH, plain or watch-list: answers the request, then queues its first events. */
export function serverWatch(srv: ScriptedServer, req: WatchRequest, io: ServerIO): void {
  const watchList = req.sendInitialEvents === true;
  if (watchList && !srv.watchList) {
    io.opened({ code: 422, reason: 'Invalid', message: WATCH_LIST_FORBIDDEN });
    return;
  }
  const reqRv = req.resourceVersion;
  const from = reqRv === '' || reqRv === '0' ? srv.rv : Number(reqRv);
  const streamId = srv.nextStream++;
  io.opened({ streamId });
  if (from < srv.compacted) {
    const status = {
      code: 410,
      reason: 'Expired',
      message: `too old resource version: ${from} (${srv.compacted})`,
    };
    io.send(streamId, { type: 'ERROR', object: null, status });
    return;
  }
  srv.live = streamId;
  srv.initial = null;
  if (!watchList) {
    for (const e of srv.log) if (e.rv > from) io.send(streamId, toClientEvent(e));
    return;
  }
  // A watch-list stream: the current state as ADDED events in key order, then the end bookmark (or not yet).
  for (const k of [...srv.objects.keys()].sort())
    io.send(streamId, { type: 'ADDED', object: asK(srv.objects.get(k)!) });
  if (srv.holdInitialEventsEnd) srv.initial = { snapshotRv: srv.rv, held: [] };
  else io.send(streamId, bookmark(srv.rv, true));
}

function write(srv: ScriptedServer, type: Ev['type'], obj: CObj, silent: boolean, io: ServerIO): string {
  srv.rv++;
  const stored: CObj = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(srv.rv) } };
  if (type === 'DELETED') srv.objects.delete(metaNamespaceKey(obj));
  else srv.objects.set(metaNamespaceKey(obj), stored);
  const ev: Ev = { type, obj: stored, rv: srv.rv };
  srv.log.push(ev);
  if (!silent && srv.live !== null) {
    if (srv.initial !== null) srv.initial.held.push(ev);
    else io.send(srv.live, toClientEvent(ev));
  }
  return String(srv.rv);
}

function endLive(srv: ScriptedServer): number {
  const sid = srv.live!;
  srv.live = null;
  srv.initial = null;
  return sid;
}

/**
 * A server-side op of the script (create, update, delete, watchClose, watchError, bookmark, compact and, for
 * v0.36.3, endInitialEvents): the result fields of its trace line, or null when `name` is no server op.
 * The classic harness's copy of this server did not check for a live watch on `compact`; the README says
 * each stream op does, and the v0.36.3 vectors record it (no classic vector compacts without one).
 */
export function serverOp(
  srv: ScriptedServer,
  name: string,
  op: Readonly<Record<string, unknown>>,
  io: ServerIO,
  modern: boolean,
): Record<string, unknown> | null {
  const v = op.obj as Partial<VObj> | undefined;
  const key = v ? (v.ns ? `${v.ns}/${v.name}` : String(v.name)) : '';
  const silent = op.silent === true;
  const fresh = () => toObj({ ns: v!.ns ?? '', name: v!.name ?? '', rv: '', data: v!.data ?? '' });
  switch (name) {
    case 'create':
      return srv.objects.has(key)
        ? { err: 'already exists' }
        : { rv: write(srv, 'ADDED', fresh(), silent, io) };
    case 'update':
      return srv.objects.has(key)
        ? { rv: write(srv, 'MODIFIED', fresh(), silent, io) }
        : { err: 'not found' };
    case 'delete':
      return srv.objects.has(key)
        ? { rv: write(srv, 'DELETED', srv.objects.get(key)!, silent, io) }
        : { err: 'not found' };
    case 'compact':
      // Like the other stream ops, compact answers "no live watch" (and does nothing) without one.
      if (srv.live === null) return { err: 'no live watch' };
      srv.compacted = srv.rv;
      return { rv: String(srv.rv) };
    case 'watchClose':
    case 'watchError':
    case 'bookmark':
      if (srv.live === null) return { err: 'no live watch' };
      if (name === 'watchClose') {
        io.close(endLive(srv));
        return {};
      }
      if (name === 'watchError') {
        const code = Number(op.code);
        const status: ApiError =
          code === 410
            ? {
                code: 410,
                reason: 'Expired',
                message: `too old resource version: ${srv.rv} (${srv.compacted})`,
              }
            : { code, reason: 'InternalError', message: 'Internal error occurred' };
        io.send(endLive(srv), { type: 'ERROR', object: null, status });
        return {};
      }
      {
        // During an initial phase a plain bookmark carries the snapshot rv.
        const rv = srv.initial !== null ? srv.initial.snapshotRv : srv.rv;
        io.send(srv.live, bookmark(rv, false));
        return { rv: String(rv) };
      }
    case 'endInitialEvents': {
      if (!modern) return null;
      if (srv.live === null) return { err: 'no live watch' };
      const phase = srv.initial;
      if (phase === null) return { err: 'no initial events pending' };
      srv.initial = null;
      io.send(srv.live, bookmark(phase.snapshotRv, true));
      for (const e of phase.held) io.send(srv.live, toClientEvent(e));
      return { rv: String(phase.snapshotRv) };
    }
    default:
      return null;
  }
}
