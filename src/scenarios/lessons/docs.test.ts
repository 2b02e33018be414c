import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, type RuleId, withRulesOff } from '../../engine/rules';
import { formatScenarioError } from '../parse';
import { evaluateGoal, evaluatePause, findPauses } from './goal';
import { parseLesson } from './parse';
import { runLesson } from './run';

const doc = readFileSync(new URL('../../../docs/LESSONS.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const blocks = [
  ...`${doc}\n${readme}`.matchAll(
    /```yaml\n(apiVersion: (?:(?!```)[\s\S])*?kind: Lesson(?:(?!```)[\s\S])*?)```/g,
  ),
].map((m) => m[1]!);

describe('docs/LESSONS.md', () => {
  it('has at least one complete example', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  it.each(blocks.map((b, i) => [i, b] as const))(
    'example %i parses, meets its goal, decides its pauses, and fails with its rules off',
    (_, text) => {
      const r = parseLesson(text);
      expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
      if (!r.ok) return;
      const l = r.lesson;
      const run = runLesson(l);
      expect(run.duplicateKeySteps).toEqual([]);
      const g = evaluateGoal(l, run.records);
      expect(g.met, g.detail).toBe(true);
      for (const p of findPauses(l, run.records)) {
        expect(p.step).not.toBeNull();
        expect(evaluatePause(l, p.index, run.records).decided).toBe(true);
      }
      // The switches named after the lesson's rules (R13 → R13_...) make the goal fail.
      const ids = (Object.keys(RULES) as RuleId[]).filter((id) =>
        l.rules.includes(id.slice(0, id.indexOf('_'))),
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(withRulesOff(ids, () => evaluateGoal(l, runLesson(l).records)).met).toBe(false);
    },
  );
});
