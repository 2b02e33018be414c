import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHARD_SIZE, SharedMap, SharedSet } from './shared-map';

/** Keys from a small pool (so deletes and overwrites hit) or a large one (so shards split). */
const keyArb = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((i) => `ns/k${i}`),
  fc.integer({ min: 0, max: 5000 }).map((i) => `ns-${i % 4}/f${i}`),
);

type MapOp =
  | { op: 'set'; who: number; key: string; value: number }
  | { op: 'delete'; who: number; key: string }
  | { op: 'clear'; who: number }
  | { op: 'fork'; who: number };

const mapOpArb: fc.Arbitrary<MapOp> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      who: fc.nat(),
      key: keyArb,
      value: fc.integer(),
    }),
  },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('delete' as const), who: fc.nat(), key: keyArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('clear' as const), who: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('fork' as const), who: fc.nat() }) },
);

function expectSameContent(m: SharedMap<number>, model: Map<string, number>): void {
  expect(m.size).toBe(model.size);
  expect(new Map(m)).toEqual(model);
  let n = 0;
  m.forEach((v, k) => {
    expect(model.get(k)).toBe(v);
    n++;
  });
  expect(n).toBe(model.size);
  for (const k of model.keys()) expect(m.has(k)).toBe(true);
}

describe('SharedMap', () => {
  it('every fork behaves as its own Map: forks and originals never see each other’s writes', () => {
    fc.assert(
      fc.property(fc.array(mapOpArb, { maxLength: 400 }), (ops) => {
        const maps = [new SharedMap<number>()];
        const models = [new Map<string, number>()];
        for (const o of ops) {
          const i = o.who % maps.length;
          const m = maps[i]!;
          const model = models[i]!;
          if (o.op === 'set') {
            m.set(o.key, o.value);
            model.set(o.key, o.value);
          } else if (o.op === 'delete') {
            expect(m.delete(o.key)).toBe(model.delete(o.key));
          } else if (o.op === 'clear') {
            m.clear();
            model.clear();
          } else {
            maps.push(m.fork());
            models.push(new Map(model));
          }
          expect(m.get('ns/k1')).toBe(model.get('ns/k1'));
        }
        maps.forEach((m, i) => {
          expectSameContent(m, models[i]!);
        });
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('iterates in an order that the operations alone decide (a fork iterates like its original)', () => {
    fc.assert(
      fc.property(fc.array(mapOpArb, { maxLength: 300 }), (ops) => {
        // The same operations on a map that is forked along the way and on one that never is.
        const a = new SharedMap<number>();
        let b = new SharedMap<number>();
        for (const o of ops) {
          if (o.op === 'set') {
            a.set(o.key, o.value);
            b.set(o.key, o.value);
          } else if (o.op === 'delete') {
            a.delete(o.key);
            b.delete(o.key);
          } else if (o.op === 'clear') {
            a.clear();
            b.clear();
          } else b = b.fork();
        }
        expect([...b.entries()]).toEqual([...a.entries()]);
        expect([...b.keys()]).toEqual([...a.keys()]);
        expect([...b.values()]).toEqual([...a.values()]);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('keeps its shards small as it grows, and a fork copies pointers only', () => {
    const m = new SharedMap<number>();
    for (let i = 0; i < 10_000; i++) m.set(`ns-${i % 4}/f${i}`, i);
    const shards = m.shardList();
    expect(shards.length & (shards.length - 1)).toBe(0);
    expect(m.size / shards.length).toBeLessThanOrEqual(SHARD_SIZE);
    expect(Math.max(...shards.map((s) => s.size))).toBeLessThan(4 * SHARD_SIZE);
    const f = m.fork();
    expect(f.shardList().every((s, i) => s === shards[i])).toBe(true);
    // The first write copies one shard: the others stay shared.
    f.set('ns-0/f0', -1);
    const copied = f.shardList().filter((s, i) => s !== m.shardList()[i]).length;
    expect(copied).toBe(1);
    expect(m.get('ns-0/f0')).toBe(0);
    expect(f.get('ns-0/f0')).toBe(-1);
  });

  it('a nested map’s buckets, reached with getOwned, are each side’s own after a fork', () => {
    const index = new SharedMap<SharedSet>('collections');
    const add = (ix: SharedMap<SharedSet>, v: string, k: string): void => {
      let s = ix.getOwned(v);
      if (s === undefined) {
        s = new SharedSet();
        ix.set(v, s);
      }
      s.add(k);
    };
    for (let i = 0; i < 500; i++) add(index, `ns-${i % 3}`, `k${i}`);
    const kept = index.fork();
    add(index, 'ns-0', 'new');
    index.getOwned('ns-1')!.delete('k1');
    expect(kept.get('ns-0')!.has('new')).toBe(false);
    expect(kept.get('ns-1')!.has('k1')).toBe(true);
    expect(index.get('ns-0')!.has('new')).toBe(true);
    expect(index.get('ns-1')!.has('k1')).toBe(false);
    // And the other way round: a fork of the kept one writes without touching it.
    const restored = kept.fork();
    add(restored, 'ns-2', 'other');
    expect(kept.get('ns-2')!.has('other')).toBe(false);
    expect(restored.get('ns-2')!.size).toBe(kept.get('ns-2')!.size + 1);
  });
});

describe('SharedSet', () => {
  it('every fork behaves as its own Set', () => {
    fc.assert(
      fc.property(fc.array(mapOpArb, { maxLength: 400 }), (ops) => {
        const sets = [new SharedSet()];
        const models = [new Set<string>()];
        for (const o of ops) {
          const i = o.who % sets.length;
          const s = sets[i]!;
          const model = models[i]!;
          if (o.op === 'set') {
            s.add(o.key);
            model.add(o.key);
          } else if (o.op === 'delete') {
            expect(s.delete(o.key)).toBe(model.delete(o.key));
          } else if (o.op === 'clear') {
            s.clear();
            model.clear();
          } else {
            sets.push(s.fork());
            models.push(new Set(model));
          }
        }
        sets.forEach((s, i) => {
          expect(s.size).toBe(models[i]!.size);
          expect(new Set(s)).toEqual(models[i]);
          for (const k of models[i]!) expect(s.has(k)).toBe(true);
        });
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
