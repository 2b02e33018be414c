/**
 * The frame's view of the REST clients (K1–K7): per client its bucket (tokens now, QPS, burst, whom it
 * is shared with), its counters, and who is waiting in it (a worker's write or a reflector's LIST/WATCH),
 * for how long, and why (a token, or a Retry-After sleep).
 */
import { restSharing } from '../client-go/rest/rest-client';
import { bucketTokensAt } from '../client-go/rest/token-bucket';
import { REST_CLIENTS } from '../client-go/rest/wire';
import type { RestClientView, RestWaitView } from '../model/frame';
import { metaNamespaceKey } from '../model/objects';
import type { World } from './world';

export function restClientViews(w: World, limit: number): RestClientView[] {
  const waiting = new Map<string, RestWaitView[]>();
  const inFlight = new Map<string, number>();
  for (const c of w.rest.calls.values()) {
    if (c.phase === 'in-flight') inFlight.set(c.client, (inFlight.get(c.client) ?? 0) + 1);
    if (c.phase !== 'throttled' && c.phase !== 'retry-after') continue;
    const t = c.target;
    const list = waiting.get(c.client) ?? [];
    list.push({
      worker: t.kind === 'write' ? t.worker : null,
      lane: t.kind === 'write' ? t.req.object.kind : t.lane,
      verb: c.verb,
      url: c.url,
      key: t.kind === 'write' ? metaNamespaceKey(t.req.object) : null,
      phase: c.phase,
      since: c.since,
      until: c.until ?? c.since,
      attempt: c.attempt,
    });
    waiting.set(c.client, list);
  }
  return REST_CLIENTS.map((name) => {
    const c = w.rest.clients[name];
    const b = c.limiter === null ? null : w.rest.limiters[c.limiter]!;
    const mine = (waiting.get(name) ?? []).sort((x, y) => x.until - y.until);
    return {
      name,
      scope: c.scope,
      sharedWith: restSharing(w.rest, name).filter((n) => n !== name),
      qps: b?.qps ?? null,
      burst: b?.burst ?? null,
      tokens: b === null ? null : Math.floor(bucketTokensAt(b, w.now) * 10 + 1e-9) / 10,
      attempts: c.attempts,
      throttled: c.throttled,
      retries: c.retries,
      inFlight: inFlight.get(name) ?? 0,
      waiting: mine.slice(0, limit),
      waitingCount: mine.length,
    };
  });
}
