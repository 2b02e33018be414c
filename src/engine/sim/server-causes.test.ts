/**
 * Issue 8's server, end to end through the simulator: each test names the rule it shows, and each fails
 * on the server this issue replaced (one shared ring, compaction expiring watches, bookmarks at the
 * global revision, GC only after an owner's DELETED event, no etcd-served or paginated lists).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenarios/parse';
import type { Scenario } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createWorld } from './create-world';
import { stepWorld } from './step';
import type { SimContext } from './world';

function scenario(yaml: string): Scenario {
  const r = parseScenario(`apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: t }\n${yaml}`);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function runUntil(s: Scenario, untilMs: number): TraceRecord[] {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const recs: TraceRecord[] = [];
  while (w.now < untilMs) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    recs.push(...r);
  }
  return recs;
}

const of = (recs: TraceRecord[], message: string, lane?: string) =>
  recs.filter((r) => r.message === message && (lane === undefined || r.lane === lane));

const FOOS = `objects:
  - { kind: Foo, metadata: { name: a }, spec: { deploymentName: a, replicas: 1 } }
  - { kind: Foo, metadata: { name: b }, spec: { deploymentName: b, replicas: 1 } }
  - { kind: Foo, metadata: { name: c }, spec: { deploymentName: c, replicas: 1 } }
`;

describe('the API server as it really is', () => {
  it('S18/S19 (point 1): Deployment writes never push a quiet Foo watch out of its ring', () => {
    let script =
      'script:\n  - { at: 1s, action: closeWatch, kind: Foo }\n  - { at: 1s, action: addLatency, extra: 2s, duration: 100ms }\n';
    for (let i = 0; i < 30; i++)
      script += `  - { at: ${1100 + 20 * i}ms, action: patch, target: { kind: Deployment, name: a }, labels: { r: "${i}" } }\n`;
    const recs = runUntil(
      scenario(`settings: { historyWindow: 10, resyncPeriod: 0 }\n${FOOS}${script}`),
      8_000,
    );
    expect(of(recs, 'reflector.watch-error', 'Foo')).toEqual([]);
    expect(of(recs, 'apiserver.watch', 'Foo').every((r) => r.params.outcome === 'open')).toBe(true);
  });

  it('S35 (point 2): a forced compaction leaves watches alone; only etcd reads are limited', () => {
    const recs = runUntil(
      scenario(`settings: { resyncPeriod: 0 }\n${FOOS}script:
  - { at: 1s, action: closeWatch, kind: Foo }
  - { at: 1s, action: addLatency, extra: 1s, duration: 100ms }
  - { at: 1200ms, action: update, target: { kind: Foo, name: a }, spec: { replicas: 3 } }
  - { at: 1300ms, action: compact }
`),
      6_000,
    );
    expect(of(recs, 'fault.compact')).toHaveLength(1);
    expect(of(recs, 'reflector.watch-error', 'Foo')).toEqual([]);
    expect(of(recs, 'reflector.event', 'Foo').some((r) => r.key === 'default/a')).toBe(true);
  });

  it('S33/S36: after an apiserver restart a watch from an RV below the new list RV gets 410, then a relist at that RV', () => {
    const recs = runUntil(
      scenario(`settings: { resyncPeriod: 0 }\n${FOOS}script:
  - { at: 1s, action: patch, target: { kind: Deployment, name: a }, labels: { x: "1" } }
  - { at: 2s, action: restartApiServer, downtime: 1s }
`),
      10_000,
    );
    const started = of(recs, 'apiserver.started');
    expect(started).toHaveLength(1);
    const err = of(recs, 'reflector.watch-error', 'Foo');
    expect(err.map((r) => r.params.code)).toEqual([410]);
    const relist = of(recs, 'reflector.list', 'Foo').find((r) => r.params.relist === true);
    expect(relist).toBeDefined();
    // R13: the relist is at the last RV (not ""), served by the new cache at once.
    expect(relist!.params.rv).not.toBe('');
    const served = of(recs, 'apiserver.list', 'Foo').filter((r) => r.step > relist!.step);
    expect(served[0]!.params.servedBy).toBe('cache');
    expect(Number(served[0]!.params.listRv)).toBeGreaterThanOrEqual(Number(started[0]!.params.listRv));
  });

  it('S6/S14/S15 (point 5): a list while the cache is not ready is paged by etcd; a compaction between pages gives 410 and the pager lists once in full', () => {
    const recs = runUntil(
      scenario(`settings:
  resyncPeriod: 0
  pageSize: 1
  latency: { request: 5ms }
${FOOS}script:
  - { at: 0ms, action: restartApiServer, downtime: 1ms, cacheInit: 2s }
  - { at: 12ms, action: patch, target: { kind: Foo, name: c }, labels: { x: "1" } }
  - { at: 13ms, action: compact }
`),
      3_000,
    );
    const lists = of(recs, 'apiserver.list', 'Foo');
    expect(lists[0]!.params).toMatchObject({ rv: '0', limit: 1, items: 1, more: true, servedBy: 'etcd' });
    expect(lists[1]!.params).toMatchObject({ code: 410, reason: 'Expired' });
    expect(of(recs, 'reflector.pager-full-relist', 'Foo')).toHaveLength(1);
    expect(lists[2]!.params).toMatchObject({ rv: '0', limit: 0, code: 200, items: 3, servedBy: 'etcd' });
  });

  it('S40 (point 4): a Deployment created after its owner is gone is garbage-collected', () => {
    const recs = runUntil(
      scenario(`settings: { resyncPeriod: 0 }
objects:
  - { kind: Foo, metadata: { name: a }, spec: { deploymentName: a, replicas: 1 } }
script:
  - { at: 1s, action: delete, target: { kind: Foo, name: a } }
  - { at: 3s, action: create, object: { kind: Deployment, metadata: { name: late, ownerReferences: [{ apiVersion: samplecontroller.k8s.io/v1alpha1, kind: Foo, name: a, controller: true }] }, spec: { replicas: 1 } } }
`),
      6_000,
    );
    expect(of(recs, 'apiserver.gc').map((r) => r.key)).toContain('default/late');
  });

  it('point 6: the sample-controller records Events through the CoreV1 client; the worker does not wait', () => {
    const s = scenario(`settings: { resyncPeriod: 0 }
objects:
  - { kind: Foo, metadata: { name: a }, spec: { deploymentName: a, replicas: 1 } }
`);
    const w = createWorld(s);
    const ctx: SimContext = { scenario: s, script: [] };
    let doneAt: { step: number; others: number } | null = null;
    while (w.now < 2_000) {
      const r = stepWorld(w, ctx);
      if (r === null) break;
      if (doneAt === null && r.some((x) => x.message === 'worker.done'))
        doneAt = { step: w.step, others: w.server.otherWrites.count };
    }
    // Done came before the Event reached etcd; the Event took a revision of its own (S1).
    expect(doneAt?.others).toBe(0);
    expect(w.server.otherWrites.count).toBeGreaterThanOrEqual(1);
    expect(w.server.otherWrites.last?.resource).toContain('Synced default/a');
  });

  it('S12/S21: a filtered informer lists and watches only the Foos it selects', () => {
    const recs = runUntil(
      scenario(`settings: { resyncPeriod: 0, labelSelector: { Foo: tier=gold } }
objects:
  - { kind: Foo, metadata: { name: a, labels: { tier: gold } }, spec: { deploymentName: a, replicas: 1 } }
  - { kind: Foo, metadata: { name: b }, spec: { deploymentName: b, replicas: 1 } }
script:
  - { at: 1s, action: patch, target: { kind: Foo, name: b }, labels: { tier: gold } }
  - { at: 2s, action: patch, target: { kind: Foo, name: a }, labels: { tier: bronze } }
`),
      4_000,
    );
    expect(of(recs, 'apiserver.list', 'Foo')[0]!.params.items).toBe(1);
    const events = of(recs, 'reflector.event', 'Foo').map((r) => `${r.params.type} ${r.key}`);
    // b starts matching → ADDED; a stops matching → DELETED (its previous state, the new RV).
    expect(events.filter((e) => e.startsWith('ADDED') || e.startsWith('DELETED'))).toEqual([
      'ADDED default/b',
      'DELETED default/a',
    ]);
  });
});
