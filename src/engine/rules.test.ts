import { describe, expect, it } from 'vitest';
import { fifoAdd, fifoPop, fifoQueueKeys, fifoUpdate, newDeltaFifo } from './client-go/delta-fifo';
import { newWorkqueue, wqAdd, wqGet, wqLen } from './client-go/workqueue';
import type { Foo } from './model/objects';
import { allRulesOn, RULE_IDS, RULES, withRulesOff } from './rules';

function foo(name: string, rv: string): Foo {
  return {
    kind: 'Foo',
    metadata: {
      namespace: 'd',
      name,
      uid: '',
      resourceVersion: rv,
      generation: 1,
      creationTimestamp: 0,
      labels: {},
      ownerReferences: [],
      finalizers: [],
      deletionTimestamp: null,
    },
    spec: { deploymentName: name, replicas: 1 },
    status: { availableReplicas: 0 },
  };
}

describe('rule switches', () => {
  it('are all on by default, one per id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
    expect(allRulesOn()).toBe(true);
  });

  it('withRulesOff switches only the given rules, returns the result and restores them, even on throw', () => {
    const seen = withRulesOff(['W1_DEDUP', 'D13_KEEP_POSITION'], () => {
      expect(RULES.W1_DEDUP).toBe(false);
      expect(RULES.D13_KEEP_POSITION).toBe(false);
      expect(RULES.W9_FORGET).toBe(true);
      // Nested: the inner call restores to the outer state, not to "on".
      withRulesOff(['W1_DEDUP', 'W9_FORGET'], () => undefined);
      expect(RULES.W1_DEDUP).toBe(false);
      expect(RULES.W9_FORGET).toBe(true);
      return 42;
    });
    expect(seen).toBe(42);
    expect(allRulesOn()).toBe(true);
    expect(() =>
      withRulesOff(['S28_FINALIZERS'], () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(allRulesOn()).toBe(true);
  });

  it('D13 off: a queued key moves to the tail when it gets another delta', () => {
    const run = () => {
      const f = newDeltaFifo<Foo>({ emitReplaced: true });
      fifoAdd(f, foo('a', '1'));
      fifoAdd(f, foo('b', '2'));
      fifoUpdate(f, foo('a', '3'));
      const order = fifoQueueKeys(f);
      const first = fifoPop(f)!;
      return { order, first: [first.key, first.deltas.length] };
    };
    expect(run()).toEqual({ order: ['d/a', 'd/b'], first: ['d/a', 2] });
    expect(withRulesOff(['D13_KEEP_POSITION'], run)).toEqual({ order: ['d/b', 'd/a'], first: ['d/b', 1] });
  });

  it('W1 off: Add of a waiting item queues it again (but still not while processing)', () => {
    const run = () => {
      const q = newWorkqueue({ name: '', limiter: null, now: 0 });
      const r = [wqAdd(q, 'a', 0), wqAdd(q, 'a', 0)];
      const len = wqLen(q);
      wqGet(q, 0);
      r.push(wqAdd(q, 'a', 0), wqAdd(q, 'a', 0));
      return { r, len };
    };
    expect(run()).toEqual({
      r: ['queued', 'already-dirty', 'dirty-while-processing', 'already-dirty'],
      len: 1,
    });
    expect(withRulesOff(['W1_DEDUP'], run)).toEqual({
      r: ['queued', 'queued', 'dirty-while-processing', 'already-dirty'],
      len: 2,
    });
  });
});
