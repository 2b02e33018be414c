import { describe, expect, it } from 'vitest';
import { withRulesOff } from '../../rules';
import {
  MAX_ATTEMPTS,
  newRestState,
  type RestState,
  restAnswer,
  restNextAttempt,
  restOpen,
  restSharing,
  restTakeToken,
} from './rest-client';
import { bucketTokensAt } from './token-bucket';
import { goDuration, listQuery, type RestClientName, requestUrl, watchQuery } from './wire';

function open(s: RestState<string>, client: RestClientName, watch = false, now = 0) {
  return restOpen(s, { client, verb: watch ? 'GET' : 'POST', watch, url: 'u', target: 't' }, now);
}

describe('K2, K7: one REST client per group-version, scoped by the config', () => {
  it('unset QPS and Burst (sample-controller): three buckets of 5 QPS, burst 10, each full', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    expect(s.limiters.map((b) => [b.qps, b.burst, b.tokens])).toEqual([
      [5, 10, 10],
      [5, 10, 10],
      [5, 10, 10],
    ]);
    expect(restSharing(s, 'AppsV1')).toEqual(['AppsV1']);
    expect(s.clients.SamplecontrollerV1alpha1.scope).toBe('own');
  });

  it('Burst alone keeps one bucket per group-version, at 5 QPS', () => {
    const s = newRestState<string>({ qps: 0, burst: 30 }, 0);
    expect(s.limiters.map((b) => [b.qps, b.burst])).toEqual([
      [5, 30],
      [5, 30],
      [5, 30],
    ]);
  });

  it('QPS > 0: NewForConfig shares one limiter per clientset (AppsV1 + CoreV1; the Foo clientset alone)', () => {
    const s = newRestState<string>({ qps: 20, burst: 40 }, 0);
    expect(s.limiters).toHaveLength(2);
    expect(restSharing(s, 'AppsV1')).toEqual(['AppsV1', 'CoreV1']);
    expect(restSharing(s, 'SamplecontrollerV1alpha1')).toEqual(['SamplecontrollerV1alpha1']);
    expect(s.clients.CoreV1.scope).toBe('shared');
  });

  it('negative QPS: no limiter at all', () => {
    const s = newRestState<string>({ qps: -1, burst: 0 }, 0);
    expect(s.limiters).toEqual([]);
    const calls = Array.from({ length: 50 }, () => open(s, 'AppsV1'));
    expect(calls.map((c) => restTakeToken(s, c, 0))).toEqual(Array(50).fill(0));
  });
});

describe('K1: what takes a token', () => {
  it('100 creates at one instant: exactly 10 go at once, then one every 200 ms', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    const waits = Array.from({ length: 100 }, () => restTakeToken(s, open(s, 'AppsV1', false, 2000), 2000));
    expect(waits.filter((x) => x === 0)).toHaveLength(10);
    const leave = waits.map((x) => 2000 + x);
    expect(leave.slice(10)).toEqual(Array.from({ length: 90 }, (_, i) => 2000 + 200 * (i + 1)));
    // The Foo client's bucket is untouched: its status writes are not held up (K7).
    expect(restTakeToken(s, open(s, 'SamplecontrollerV1alpha1', false, 2000), 2000)).toBe(0);
  });

  it("a WATCH's first attempt takes no token; its retries do", () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    for (let i = 0; i < 10; i++) restTakeToken(s, open(s, 'AppsV1'), 0);
    const w = open(s, 'AppsV1', true);
    expect(restTakeToken(s, w, 0)).toBe(0);
    expect(w.phase).toBe('in-flight');
    expect(bucketTokensAt(s.limiters[0]!, 0)).toBe(0);
    // An informer LIST on the same client waits in the bucket.
    const list = open(s, 'AppsV1');
    expect(restTakeToken(s, list, 0)).toBe(200);
    expect(list.phase).toBe('throttled');
    expect(list.until).toBe(200);
    expect(restAnswer(w, 429, 1, 0)).toEqual({ retry: true, sleepMs: 1000 });
    restNextAttempt(w);
    // By 1 s five tokens came back (one went to the LIST); the watch's retry takes one of the four.
    expect(restTakeToken(s, w, 1000)).toBe(0);
    expect(bucketTokensAt(s.limiters[0]!, 1000)).toBeCloseTo(3, 9);
  });

  it('with K2_CLIENT_RATE_LIMIT off nothing waits', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    const waits = withRulesOff(['K2_CLIENT_RATE_LIMIT'], () =>
      Array.from({ length: 30 }, () => restTakeToken(s, open(s, 'AppsV1'), 0)),
    );
    expect(waits).toEqual(Array(30).fill(0));
  });
});

describe('K4: Retry-After retries', () => {
  it('429 or 5xx with Retry-After sleeps exactly that long, up to 11 attempts; the 11th answer is final', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    const c = open(s, 'AppsV1');
    for (let n = 1; n < MAX_ATTEMPTS; n++) {
      expect(c.attempt).toBe(n);
      expect(restAnswer(c, n % 2 === 0 ? 503 : 429, 2, 0)).toEqual({ retry: true, sleepMs: 2000 });
      restNextAttempt(c);
    }
    expect(c.attempt).toBe(11);
    expect(restAnswer(c, 429, 1, 0)).toEqual({ retry: false, exhausted: true });
  });

  it('no Retry-After, another code, or a refused connection: final at once', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    for (const [code, ra] of [
      [500, null],
      [429, null],
      [409, 1],
      [404, null],
      [410, 1],
      [0, null],
      [201, null],
    ] as const)
      expect(restAnswer(open(s, 'AppsV1'), code, ra, 0)).toEqual({ retry: false, exhausted: false });
  });

  it('with K4_RETRY_AFTER off a 429 with Retry-After is final', () => {
    const s = newRestState<string>({ qps: 0, burst: 0 }, 0);
    const v = withRulesOff(['K4_RETRY_AFTER'], () => restAnswer(open(s, 'AppsV1'), 429, 1, 0));
    expect(v).toEqual({ retry: false, exhausted: false });
  });
});

describe('K3: the request as the log line shows it', () => {
  it('builds the typed clients’ URLs', () => {
    expect(requestUrl({ kind: 'Deployment', namespace: 'default' })).toBe(
      'https://10.96.0.1:443/apis/apps/v1/namespaces/default/deployments',
    );
    expect(requestUrl({ kind: 'Foo', namespace: 'team-a', name: 'x', subresource: 'status' })).toBe(
      'https://10.96.0.1:443/apis/samplecontroller.k8s.io/v1alpha1/namespaces/team-a/foos/x/status',
    );
    expect(requestUrl({ kind: 'Deployment', namespace: '', query: listQuery('0', 500) })).toBe(
      'https://10.96.0.1:443/apis/apps/v1/deployments?limit=500&resourceVersion=0',
    );
    expect(requestUrl({ kind: 'Foo', namespace: '', query: watchQuery('42', 466_000) })).toBe(
      'https://10.96.0.1:443/apis/samplecontroller.k8s.io/v1alpha1/foos?allowWatchBookmarks=true&resourceVersion=42&timeout=7m46s&timeoutSeconds=466&watch=true',
    );
  });

  it("formats durations as Go's time.Duration.String", () => {
    expect([0, 7, 200, 1000, 1200, 18_000, 60_500, 3_600_000, 3_661_001].map(goDuration)).toEqual([
      '0s',
      '7ms',
      '200ms',
      '1s',
      '1.2s',
      '18s',
      '1m0.5s',
      '1h0m0s',
      '1h1m1.001s',
    ]);
  });
});
