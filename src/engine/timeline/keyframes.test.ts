import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../scenarios/lessons';
import { libraryScenario, SCENARIO_LIBRARY } from '../../scenarios/library';
import { parseScenario } from '../../scenarios/parse';
import { isSharedCollection, SharedMap, SharedSet } from '../kernel/shared-map';
import type { Scenario } from '../model/scenario';
import { createWorld } from '../sim/create-world';
import { stepWorld } from '../sim/step';
import { inEra, randomScenario } from '../sim/test-scenarios';
import type { SimContext, World } from '../sim/world';
import { COST, cloneWorld, keyframeSpacing, recordContainers, SPACING } from './keyframes';

function library(name: string): Scenario {
  const r = parseScenario(libraryScenario(name)!.yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

/** Every mistake on: the C7 mutation (noDeepCopy) is the one place an object is "changed". */
function withAllMistakes(s: Scenario): Scenario {
  const m = s.settings.mistakes;
  const all = Object.fromEntries(Object.keys(m).map((k) => [k, true])) as unknown as typeof m;
  return { ...s, settings: { ...s.settings, mistakes: all } };
}

/** The worlds to check: random scenarios (faults included), all mistakes on, the library, the lessons. */
function scenarios(): Scenario[] {
  const out: Scenario[] = [];
  for (let seed = 0; seed < 16; seed++) out.push(randomScenario(seed));
  // Modern lanes (settings.era modern): the RealFIFO's delta records and the take being processed.
  for (let seed = 0; seed < 8; seed++) out.push(inEra(randomScenario(seed), 'modern'));
  out.push(inEra(library('default'), 'modern'));
  for (let seed = 100; seed < 104; seed++) out.push(withAllMistakes(randomScenario(seed)));
  for (const s of SCENARIO_LIBRARY) out.push(library(s.name));
  for (const l of LESSONS.slice(0, 4)) out.push(lessonById(l.id)!.scenario);
  return out;
}

/** Runs `s` for `steps` steps, calling `each` every `every` steps with the world. */
function visit(s: Scenario, steps: number, every: number, each: (w: World) => void): void {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  each(w);
  while (w.step < steps) {
    if (stepWorld(w, ctx) === null) break;
    if (w.step % every === 0) each(w);
  }
}

function isApiObject(v: object): boolean {
  return (v as { metadata?: unknown }).metadata !== undefined;
}

/**
 * What cloneWorld relies on: the world is plain data (plain objects, arrays, Maps with primitive keys,
 * Sets of primitives, and the SharedMaps and SharedSets of kernel/shared-map.ts, whose values are API
 * objects, numbers, SharedSets or arrays of records, as each map declares) and no mutable object is reachable twice. Returns the
 * problems found.
 */
function shapeProblems(w: World): string[] {
  const seen = new Map<object, string>();
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null) return;
    if (!Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set) && isApiObject(v)) return;
    const before = seen.get(v);
    if (before !== undefined) {
      out.push(`${path} is ${before}`);
      return;
    }
    seen.set(v, path);
    if (v instanceof SharedMap) {
      for (const [k, x] of v) {
        const ok =
          v.holds === 'collections'
            ? x instanceof SharedSet
            : v.holds === 'arrays'
              ? Array.isArray(x)
              : typeof x !== 'object' || isApiObject(x as object);
        if (!ok) out.push(`${path}[${k}] is not what the map's values are (${v.holds})`);
        walk(x, `${path}[${k}]`);
      }
    } else if (v instanceof SharedSet) {
      // Strings only, by its type.
    } else if (v instanceof Map) {
      for (const [k, x] of v) {
        if (typeof k === 'object' && k !== null) out.push(`${path} has an object key`);
        walk(x, `${path}[${String(k)}]`);
      }
    } else if (v instanceof Set) {
      for (const x of v) if (typeof x === 'object' && x !== null) out.push(`${path} holds an object`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
    } else if (Object.getPrototypeOf(v) !== Object.prototype) {
      out.push(`${path} is not a plain object`);
    } else {
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    }
  };
  walk(w, 'world');
  return out;
}

/**
 * Places where a and b hold the same mutable object: anything but an API object or a record of one of
 * the world's record containers (`records`: the records a copy may share).
 */
function sharedMutable(a: unknown, b: unknown, records: ReadonlySet<unknown>, path = 'world'): string[] {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return [];
  const api = !Array.isArray(a) && !(a instanceof Map) && !(a instanceof Set) && isApiObject(a);
  if (api || records.has(a)) return [];
  if (a === b) return [path];
  // A fork is a new collection sharing its shards until either side writes (copy on write: its own
  // tests in kernel/shared-map.test.ts; "a copy and its world run on apart" below, for whole worlds).
  if (isSharedCollection(a)) return [];
  const out: string[] = [];
  if (a instanceof Map && b instanceof Map) {
    for (const [k, x] of a) out.push(...sharedMutable(x, b.get(k), records, `${path}[${String(k)}]`));
  } else if (Array.isArray(a) && Array.isArray(b)) {
    a.forEach((x, i) => {
      out.push(...sharedMutable(x, b[i], records, `${path}[${i}]`));
    });
  } else if (!(a instanceof Set)) {
    for (const [k, x] of Object.entries(a))
      out.push(...sharedMutable(x, (b as Record<string, unknown>)[k], records, `${path}.${k}`));
  }
  return out;
}

/** The records in the world's record containers and the DeltaFIFOs' deltas (what a copy may share). */
function recordsOf(w: World): Set<unknown> {
  const out = new Set<unknown>();
  for (const a of recordContainers(w)) for (const x of a as unknown[]) if (x !== null) out.add(x);
  // The DeltaFIFO's deltas: arrays of records in a SharedMap.
  for (const lane of [w.lanes.Foo, w.lanes.Deployment])
    if (lane.era === 'classic') for (const list of lane.fifo.items.values()) for (const x of list) out.add(x);
  return out;
}

/** Freezes every API object and record reachable from w, deeply (what a keyframe may share). */
function freezeShared(w: World): void {
  const deepFreeze = (o: object): void => {
    if (Object.isFrozen(o)) return;
    Object.freeze(o);
    for (const x of Object.values(o)) if (typeof x === 'object' && x !== null) deepFreeze(x);
  };
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (v instanceof Map) for (const x of v.values()) walk(x);
    else if (v instanceof Set) return;
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (isApiObject(v)) deepFreeze(v);
    else for (const x of Object.values(v)) walk(x);
  };
  walk(w);
  for (const r of recordsOf(w)) deepFreeze(r as object);
}

describe('cloneWorld', () => {
  it('worlds are plain data without aliased mutable objects (what sharing API objects relies on)', () => {
    for (const s of scenarios())
      visit(s, 2000, 97, (w) => {
        expect(shapeProblems(w), `${s.name} at step ${w.step}`).toEqual([]);
      });
  });

  it('copies exactly: the same bytes as the world (order and sharing included), no mutable part shared', () => {
    for (const s of scenarios())
      visit(s, 2000, 131, (w) => {
        const { world, cost } = cloneWorld(w);
        expect(serialize(world).equals(serialize(w)), `${s.name} at step ${w.step}`).toBe(true);
        expect(sharedMutable(w, world, recordsOf(w)), `${s.name} at step ${w.step}`).toEqual([]);
        expect(cost.ns).toBeGreaterThan(0);
        expect(cost.bytes).toBeGreaterThan(0);
      });
  });

  it('API objects and records are never changed in place once made (so a keyframe may share them)', () => {
    // Freeze every API object and record of the world now and then and keep running: an assignment to
    // a frozen object throws in a module (strict mode), so any in-place change of a shared one fails here.
    for (const s of scenarios()) {
      const w = createWorld(s);
      const ctx: SimContext = { scenario: s, script: [...s.script] };
      while (w.step < 3000) {
        if (w.step % 150 === 0) freezeShared(w);
        if (stepWorld(w, ctx) === null) break;
      }
    }
  });

  it('a copy runs on exactly like the world it was copied from', () => {
    const s = randomScenario(42);
    const ctx: SimContext = { scenario: s, script: [...s.script] };
    const w = createWorld(s);
    while (w.step < 300) stepWorld(w, ctx);
    const copy = cloneWorld(w).world;
    const ctx2: SimContext = { scenario: s, script: [...s.script] };
    for (let i = 0; i < 400; i++) {
      const a = stepWorld(w, ctx);
      const b = stepWorld(copy, ctx2);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
    // By value: after running on, the two may hold a number in different representations (a double in
    // one, a small integer in the other), which a byte comparison of their serializations would see.
    expect(deserialize(serialize(copy))).toEqual(deserialize(serialize(w)));
  });

  it('a copy and its world run on apart: neither changes the other (shards are copied on write)', () => {
    for (const s of [randomScenario(7), inEra(randomScenario(8), 'modern'), library('heavy')]) {
      const ctx = (): SimContext => ({ scenario: s, script: [...s.script] });
      const w = createWorld(s);
      const c1 = ctx();
      while (w.step < 400) stepWorld(w, c1);
      // A deserialized serialization: plain data, compared by value (two serializations of equal worlds
      // may differ in bytes, e.g. where one holds a number as a double and the other as a small integer).
      const before = deserialize(serialize(w));
      // The keyframe case: the copy is left alone while the world runs on, and the other way round.
      const kept = cloneWorld(w).world;
      const restored = cloneWorld(kept).world;
      const c2 = ctx();
      for (let i = 0; i < 600; i++) {
        const a = stepWorld(w, c1);
        const b = stepWorld(restored, c2);
        expect(JSON.stringify(b), `${s.name}, step ${w.step}`).toBe(JSON.stringify(a));
      }
      expect(deserialize(serialize(kept)), s.name).toEqual(before);
      expect(deserialize(serialize(restored)), s.name).toEqual(deserialize(serialize(w)));
    }
  });
});

describe('keyframe spacing (the cost model)', () => {
  it('replaying one interval costs one restore, within the bounds', () => {
    const r = 500 * COST.stepNs;
    expect(keyframeSpacing(r)).toBe(500);
    expect(keyframeSpacing(0)).toBe(SPACING.min);
    expect(keyframeSpacing(1e12)).toBe(SPACING.max);
  });

  it('bigger worlds cost more to restore, but not in proportion to their shared collections', () => {
    const cost = (foos: number): number => {
      const s = library('default');
      const objects = Array.from({ length: foos }, (_, i) => ({
        ...s.objects[0]!,
        name: `f${i}`,
        spec: { deploymentName: `f${i}`, replicas: 1 },
      }));
      const w = createWorld({ ...s, objects });
      const ctx: SimContext = { scenario: { ...s, objects }, script: [] };
      while (w.step < 4 * foos + 100) if (stepWorld(w, ctx) === null) break;
      return cloneWorld(w).cost.ns;
    };
    const small = cost(10);
    const big = cost(2000);
    // The arrays and objects a copy makes grow with the world; its SharedMaps and SharedSets (the server's
    // objects, the indexer, the workqueue's sets: most of a big world's entries) cost a pointer a shard.
    expect(big).toBeGreaterThan(small);
    expect(big).toBeLessThan(5 * small);
    expect(keyframeSpacing(big)).toBeGreaterThanOrEqual(keyframeSpacing(small));
  });
});
