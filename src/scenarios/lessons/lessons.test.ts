/**
 * The built-in lessons are not vacuous: each runs headless to its end with W3's invariant intact, meets
 * its goal, reaches every pause point (whose designated answer is the only choice the trace confirms)
 * and every narration text, and then, run again with the rule it teaches switched off in the engine
 * (src/engine/rules.ts), fails its goal.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/model/trace';
import { allRulesOn, RULE_IDS, type RuleId, withRulesOff } from '../../engine/rules';
import { formatScenarioError } from '../parse';
import { evaluateGoal, evaluatePause, findNarration, findPauses } from './goal';
import { DEFAULT_LESSON_ID, LESSONS, lessonById } from './index';
import { describeMatcher } from './matcher';
import { parseLesson } from './parse';
import { runLesson } from './run';
import type { Lesson } from './types';

/** The engine switches each lesson's goal depends on; every set must make the goal fail. */
const SWITCHES: Readonly<Record<string, readonly (readonly RuleId[])[]>> = {
  'cold-start': [['D11_SYNCED_AFTER_INITIAL_POPS']],
  'watch-timeout': [['R11_REWATCH_WITHOUT_RELIST']],
  'gone-410': [['R13_RELIST_AFTER_WATCH_ERROR'], ['S18_TOO_OLD_WATCH']],
  bookmarks: [['S23_BOOKMARKS']],
  tombstone: [['D7_REPLACE_TOMBSTONES']],
  resync: [['SI3_SYNC_FILTER'], ['R16_RESYNC_FROM_CACHE']],
  'workqueue-coalesces': [['W1_DEDUP']],
  backoff: [['W9_FORGET']],
  'stale-cache': [
    ['S25_ALREADY_EXISTS', 'S26_OPTIMISTIC_CONCURRENCY'],
    ['S25_ALREADY_EXISTS'],
    ['S26_OPTIMISTIC_CONCURRENCY'],
  ],
  'fifo-keeps-place': [['D13_KEEP_POSITION']],
  'callback-follows-cache': [['SI2_CALLBACK_BY_CACHE']],
  finalizers: [['S28_FINALIZERS']],
  'apiserver-restart': [['S33_CACHE_REINIT'], ['R13_RELIST_AFTER_WATCH_ERROR']],
  'client-throttling': [['K2_CLIENT_RATE_LIMIT']],
  'retry-after': [['K4_RETRY_AFTER']],
  'replica-restart': [['S38_STICKY_CONNECTIONS'], ['S33_CACHE_REINIT']],
  'lagging-replica': [['S38_REPLICA_LAG'], ['K4_RETRY_AFTER']],
  'stream-order': [['F1_ARRIVAL_ORDER']],
  'batch-processing': [['F7_POP_BATCH']],
  'atomic-replace': [['F3_ATOMIC_REPLACE'], ['D11_SYNCED_AFTER_INITIAL_POPS']],
  'watch-list': [['R18_WATCH_LIST']],
  'watch-list-fallback': [['R21_WATCH_LIST_FALLBACK']],
};

function lesson(id: string): Lesson {
  const l = lessonById(id);
  if (l === undefined) throw new Error(`no lesson ${id}`);
  return l;
}

/** The placeholders of a text that the record cannot fill. */
function unfilled(text: string, r: TraceRecord): string[] {
  const missing: string[] = [];
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
    const own = Object.hasOwn(r.params, name!) ? r.params[name!] : undefined;
    const field =
      name === 'key'
        ? r.key
        : name === 'rv'
          ? r.resourceVersion
          : name === 'step' || name === 'time'
            ? 0
            : undefined;
    if ((own === undefined || own === null) && (field === undefined || field === null)) missing.push(name!);
  }
  return missing;
}

afterEach(() => {
  expect(allRulesOn()).toBe(true);
});

describe('the lesson library', () => {
  it('has twenty-two lessons numbered 1..22 with unique ids, and a default', () => {
    expect(LESSONS.map((l) => l.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(22);
    expect(LESSONS.some((l) => l.id === DEFAULT_LESSON_ID)).toBe(true);
    expect(lessonById('no-such-lesson')).toBeUndefined();
    expect(Object.keys(SWITCHES).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });

  it("declares each lesson's era: 1..17 classic, 18..22 modern (client-go v0.36.3)", () => {
    expect(LESSONS.filter((l) => l.era === 'classic').map((l) => l.number)).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    expect(LESSONS.filter((l) => l.era === 'modern').map((l) => l.number)).toEqual([18, 19, 20, 21, 22]);
    for (const l of LESSONS) expect(lesson(l.id).era, l.id).toBe(l.era);
  });

  it('uses every rule switch, and each switch names a rule the lesson lists', () => {
    const used = new Set(Object.values(SWITCHES).flatMap((sets) => sets.flat()));
    expect([...used].sort()).toEqual([...RULE_IDS].sort());
    for (const [id, sets] of Object.entries(SWITCHES)) {
      const rules = lesson(id).rules;
      for (const sw of sets.flat())
        expect(rules, `${id} teaches ${sw}`).toContain(sw.slice(0, sw.indexOf('_')));
    }
  });
});

describe.each(LESSONS.map((s) => [s.id, s] as const))('lesson %s', (id, src) => {
  it('parses with zero errors and matches its library entry', () => {
    const r = parseLesson(src.yaml);
    expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
    if (!r.ok) return;
    expect(r.lesson.id).toBe(id);
    expect(r.lesson.number).toBe(src.number);
    expect(r.lesson.title).toEqual(src.title);
    expect(r.lesson.scenario.name).toBe(id);
    expect(r.lesson.pauses.length).toBeGreaterThanOrEqual(1);
    for (const t of [r.lesson.title, r.lesson.summary, r.lesson.goal.description]) {
      expect(t.en.trim()).not.toBe('');
      expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('runs to its end with no key held by two workers, and meets its goal', () => {
    const l = lesson(id);
    const run = runLesson(l);
    expect(run.stepsRun).toBe(l.steps);
    expect(run.duplicateKeySteps).toEqual([]);
    // It runs in its era: a modern lane pops its RealFIFO with PopBatch, a classic one its DeltaFIFO.
    const pops = new Set(
      run.records.filter((r) => r.message.startsWith('informer.pop')).map((r) => r.message),
    );
    expect([...pops]).toEqual([l.era === 'modern' ? 'informer.pop-batch' : 'informer.pop']);
    const g = evaluateGoal(l, run.records);
    expect(g.met, g.detail).toBe(true);
  });

  it('reaches every pause, in order, and the trace confirms exactly the designated answer', () => {
    const l = lesson(id);
    const { records } = runLesson(l);
    const points = findPauses(l, records);
    let last = 0;
    for (const p of points) {
      expect(p.step, `pause ${p.id} is reached`).not.toBeNull();
      expect(p.step!, `pause ${p.id} comes after the previous one`).toBeGreaterThan(last);
      last = p.step!;
      const o = evaluatePause(l, p.index, records);
      const pause = l.pauses[p.index]!;
      expect(o.holds, `pause ${p.id}`).toEqual(
        Object.fromEntries(pause.choices.map((c) => [c.id, c.id === pause.answer])),
      );
      expect(o.decided).toBe(true);
      expect(o.reveal.length, `pause ${p.id} reveals ${describeMatcher(pause.reveal)}`).toBeGreaterThan(0);
      // A pause stops before its step: nothing it asks about is on screen yet.
      expect(o.window[0]!.step).toBe(p.step);
    }
  });

  it('shows every narration text, with every placeholder filled, in both languages', () => {
    const l = lesson(id);
    const { records } = runLesson(l);
    for (const n of findNarration(l, records)) {
      const text = l.narration[n.index]!.text;
      expect(n.record, `narration ${n.index} (${text.en.slice(0, 40)}...) appears`).not.toBeNull();
      expect(unfilled(text.en, n.record!), `narration ${n.index} en`).toEqual([]);
      expect(unfilled(text.zh, n.record!), `narration ${n.index} zh`).toEqual([]);
      expect(new Set(text.zh.match(/\{\w+\}/g) ?? [])).toEqual(new Set(text.en.match(/\{\w+\}/g) ?? []));
    }
  });

  it.each((SWITCHES[id] ?? []).map((set) => [set.join(' + '), set] as const))(
    'fails its goal with %s switched off',
    (_, set) => {
      const l = lesson(id);
      const g = withRulesOff(set, () => evaluateGoal(l, runLesson(l).records));
      expect(g.met, g.detail).toBe(false);
    },
  );
});
