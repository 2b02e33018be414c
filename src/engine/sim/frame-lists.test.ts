// The frame's cut lists against naive models: firstSorted against sort + slice, the cache diff with a
// per-kind limit against the whole diff built from sorted lists (the way frames used to build them), and
// the workqueue's requeued items against asking NumRequeues of every queued, processing and waiting key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KINDS, serverObjects } from '../apiserver';
import { sameObject } from '../apiserver/object-equality';
import { indexerList } from '../client-go/indexer';
import { wqNumRequeues, wqWaiting } from '../client-go/workqueue';
import { metaNamespaceKey } from '../model/objects';
import type { Scenario } from '../model/scenario';
import { createWorld } from './create-world';
import { buildFrame, firstSorted } from './frame';
import { type CacheDiffEntry, cacheDiff } from './invariants';
import { stepWorld } from './step';
import { randomScenario } from './test-scenarios';
import type { SimContext, World } from './world';

/** The cache diff as it was first written: maps rebuilt from sorted lists, every key compared. */
function naiveCacheDiff(w: World): CacheDiffEntry[] {
  const out: CacheDiffEntry[] = [];
  for (const kind of KINDS) {
    const cached = new Map(indexerList(w.lanes[kind].indexer).map((o) => [metaNamespaceKey(o), o]));
    const server = new Map(serverObjects(w.server, kind).map((o) => [metaNamespaceKey(o), o]));
    for (const [k, so] of server) {
      const co = cached.get(k);
      const rv = so.metadata.resourceVersion;
      const crv = co?.metadata.resourceVersion ?? null;
      if (crv !== rv) out.push({ kind, key: k, cached: crv, server: rv });
      else if (co !== undefined && !sameObject(co, so))
        out.push({ kind, key: k, cached: crv, server: rv, mutated: true });
    }
    for (const [k, co] of cached)
      if (!server.has(k)) out.push({ kind, key: k, cached: co.metadata.resourceVersion, server: null });
  }
  return out;
}

function withMutationMistake(s: Scenario): Scenario {
  return { ...s, settings: { ...s.settings, mistakes: { ...s.settings.mistakes, noDeepCopy: true } } };
}

describe('firstSorted', () => {
  it('equals sorting everything and keeping the first `limit`', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 80 }),
        fc.integer({ min: 0, max: 90 }),
        (keys, limit) => {
          expect(firstSorted(keys, limit)).toEqual([...keys].sort().slice(0, limit));
          expect(firstSorted(new Set(keys), limit)).toEqual([...new Set(keys)].sort().slice(0, limit));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('cacheDiff', () => {
  it('equals the naive diff, and with a limit its first entries of each kind', () => {
    let nonEmpty = 0;
    let mutated = 0;
    let gone = 0;
    for (let seed = 0; seed < 24; seed++) {
      const base = randomScenario(seed);
      const s = seed % 3 === 0 ? withMutationMistake(base) : base;
      const w = createWorld(s);
      const ctx: SimContext = { scenario: s, script: [...s.script] };
      while (w.step < 1500 && stepWorld(w, ctx) !== null) {
        if (w.step % 23 !== 0) continue;
        const full = naiveCacheDiff(w);
        if (full.length > 0) nonEmpty++;
        mutated += full.filter((d) => d.mutated === true).length;
        gone += full.filter((d) => d.server === null).length;
        expect(cacheDiff(w)).toEqual(full);
        for (const limit of [0, 1, 2, 5]) {
          const cut = KINDS.flatMap((k) => full.filter((d) => d.kind === k).slice(0, limit));
          expect(cacheDiff(w, limit)).toEqual(cut);
        }
      }
    }
    // Every kind of entry was met: stale or missing, mutated in place (C7), and gone from the server.
    expect(nonEmpty).toBeGreaterThan(50);
    expect(mutated).toBeGreaterThan(0);
    expect(gone).toBeGreaterThan(0);
  });
});

describe('the frame’s requeued items', () => {
  it('are every queued, processing or waiting item with NumRequeues > 0, sorted, cut to the limit', () => {
    let nonEmpty = 0;
    for (let seed = 0; seed < 24; seed++) {
      const base = randomScenario(seed);
      // Reconciles that fail (W8, W9): AddRateLimited counts requeues; a slow worker keeps items waiting.
      const s: Scenario = {
        ...base,
        script: [...base.script, { at: 500, action: 'failReconciles' as const, count: 6 }].sort(
          (a, b) => a.at - b.at,
        ),
      };
      const w = createWorld(s);
      const ctx: SimContext = { scenario: s, script: [...s.script] };
      while (w.step < 1500 && stepWorld(w, ctx) !== null) {
        if (w.step % 7 !== 0) continue;
        const q = w.controller.queue;
        const held = new Set([...q.queue.slice(q.head), ...q.processing, ...wqWaiting(q).map((x) => x.item)]);
        const naive = [...held]
          .filter((item) => wqNumRequeues(q, item) > 0)
          .sort()
          .map((item) => ({ item, n: wqNumRequeues(q, item) }));
        if (naive.length > 0) nonEmpty++;
        for (const limit of [1, 3, 200])
          expect(buildFrame(w, [], { limit }).workqueue.requeues).toEqual(naive.slice(0, limit));
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
