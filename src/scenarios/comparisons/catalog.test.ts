// The built-in comparisons run as the page runs them (each side resolved like the Worker resolves a
// session) and are judged like lesson goals: each check holds on its own two runs, and fails when the two
// sides are made identical (both the left session, or both the right one).
import { describe, expect, it } from 'vitest';
import { COMPARISONS, comparisonById, comparisonSessions, judgeComparison } from './index';
import { runSide } from './test-run';

describe('built-in comparisons', () => {
  it('are at least three, with unique ids and numbers, and texts in both languages', () => {
    expect(COMPARISONS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(COMPARISONS.map((c) => c.id)).size).toBe(COMPARISONS.length);
    expect(new Set(COMPARISONS.map((c) => c.number)).size).toBe(COMPARISONS.length);
    for (const c of COMPARISONS) {
      expect(comparisonById(c.id)).toBe(c);
      for (const t of [c.title, c.lookFor, c.narration, c.check.description]) {
        expect(t.en.trim()).not.toBe('');
        expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
      }
      // lookFor is one sentence.
      expect(c.lookFor.en.replace(/\.$/, '')).not.toMatch(/[.!?] /);
      expect(c.rules.length).toBeGreaterThan(0);
      for (const r of c.rules) expect(r).toMatch(/^(S|K|R|D|F|I|SI|W|C)\d+$/);
      expect(c.narration.en).toMatch(new RegExp(`\\b${c.rules[0]}\\b`));
    }
    expect(comparisonById('no-such-comparison')).toBeUndefined();
  });

  it('deepcopy: the first record where the two runs part is the right side mutating the cache', () => {
    const c = comparisonById('deepcopy')!;
    const s = comparisonSessions(c);
    const l = runSide(s.left, c.steps);
    const r = runSide(s.right, c.steps);
    const same = (a: (typeof l)[number], b: (typeof l)[number]) =>
      a.step === b.step &&
      a.message === b.message &&
      a.key === b.key &&
      JSON.stringify(a.params) === JSON.stringify(b.params);
    let i = 0;
    while (i < l.length && i < r.length && same(l[i]!, r[i]!)) i++;
    expect(r[i]?.message).toBe('worker.cache-mutated');
    expect(l[i]?.message).not.toBe('worker.cache-mutated');
  });

  for (const c of COMPARISONS) {
    describe(c.id, () => {
      const s = comparisonSessions(c);
      const left = runSide(s.left, c.steps);
      const right = runSide(s.right, c.steps);

      it('both sides run to the judged step', () => {
        expect(left[left.length - 1]?.step).toBe(c.steps);
        expect(right[right.length - 1]?.step).toBe(c.steps);
      });

      it('its check holds on the two runs', () => {
        const v = judgeComparison(c, left, right);
        expect(v.left.detail).toMatch(/./);
        expect(v.left.met, v.left.detail).toBe(true);
        expect(v.right.met, v.right.detail).toBe(true);
        expect(v.met).toBe(true);
      });

      it('its check fails when both sides are the left session, or both the right one', () => {
        expect(judgeComparison(c, left, left).met).toBe(false);
        expect(judgeComparison(c, right, right).met).toBe(false);
      });

      it('the two sides really differ within the judged steps', () => {
        const key = (r: (typeof left)[number]) =>
          `${r.step} ${r.message} ${r.key} ${JSON.stringify(r.params)}`;
        expect(left.map(key)).not.toEqual(right.map(key));
      });
    });
  }
});
