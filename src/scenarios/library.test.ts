import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/model/scenario';
import { HEAVY_FOOS, HEAVY_UPDATES } from './library/heavy';
import { libraryScenario, SCENARIO_LIBRARY } from './library/index';
import { formatScenarioError, parseScenario, scenarioToYaml } from './parse';

function parsed(name: string): Scenario {
  const entry = libraryScenario(name);
  if (entry === undefined) throw new Error(`no library scenario ${name}`);
  const r = parseScenario(entry.yaml);
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join('\n'));
  return r.scenario;
}

describe('committed scenarios', () => {
  it.each(SCENARIO_LIBRARY.map((s) => [s.name, s] as const))(
    '%s parses with zero errors and round-trips',
    (name, entry) => {
      const r = parseScenario(entry.yaml);
      expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
      if (!r.ok) return;
      expect(r.scenario.name).toBe(name);
      if (name !== 'heavy') expect(parseScenario(scenarioToYaml(r.scenario))).toEqual(r);
    },
  );

  it('default: the sample-controller story, classic defaults, no fault', () => {
    const s = parsed('default');
    expect(s.seed).toBe(42);
    expect(s.settings.resyncPeriodMs).toBe(30_000);
    expect(s.settings.workers).toBe(2);
    expect(s.settings.rateLimiter).toEqual({ type: 'default' });
    expect(s.objects.map((o) => [o.kind, o.namespace, o.spec.replicas])).toEqual([
      ['Foo', 'default', 1],
      ['Foo', 'default', 2],
      ['Foo', 'default', 3],
    ]);
    const actions = s.script.map((a) => a.action);
    expect(new Set(actions)).toEqual(new Set(['create', 'update', 'delete']));
    expect(actions.filter((a) => a === 'create').length).toBeGreaterThan(0);
    expect(actions.filter((a) => a === 'delete').length).toBeGreaterThan(0);
    expect(s.script[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(s.script.at(-1)!.at).toBeLessThanOrEqual(40_000);
    // Every update/delete targets a Foo that exists at that moment.
    const live = new Set(s.objects.map((o) => o.name));
    for (const a of s.script) {
      if (a.action === 'create') live.add(a.object.name);
      else if (a.action === 'update' || a.action === 'delete') {
        expect(live.has(a.target.name), `${a.action} ${a.target.name}`).toBe(true);
        if (a.action === 'delete' && a.target.kind === 'Foo') live.delete(a.target.name);
      }
    }
  });

  it('heavy: ≥ 1000 Foos in a few namespaces and a dense update script over 10 minutes', () => {
    const s = parsed('heavy');
    expect(s.objects.length).toBe(HEAVY_FOOS);
    expect(HEAVY_FOOS).toBeGreaterThanOrEqual(1000);
    expect(new Set(s.objects.map((o) => o.namespace)).size).toBe(4);
    expect(s.script).toHaveLength(HEAVY_UPDATES);
    expect(s.script.every((a) => a.action === 'update')).toBe(true);
    expect(s.script.at(-1)!.at).toBeLessThanOrEqual(601_000);
    const names = new Set(s.objects.map((o) => `${o.namespace}/${o.name}`));
    for (const a of s.script)
      if (a.action === 'update') expect(names.has(`${a.target.namespace}/${a.target.name}`)).toBe(true);
  });

  it('every complete example in docs/SCENARIOS.md parses', () => {
    const doc = readFileSync(new URL('../../docs/SCENARIOS.md', import.meta.url), 'utf8');
    const blocks = [...doc.matchAll(/```yaml\n(apiVersion: [\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const text of blocks) {
      const r = parseScenario(text);
      expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
    }
  });
});
