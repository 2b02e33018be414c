/**
 * Property tests: random valid normalized scenarios survive scenarioToYaml → parseScenario unchanged
 * (and the same document read as a plain value or as JSON text gives the same result). The
 * arbitraries live in ./test-arbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import type { Scenario } from '../engine/model/scenario';
import { type ParseResult, parseScenario, scenarioToYaml, validateScenario } from './parse';
import { scenario } from './test-arbitraries';

function okOrReport(r: ParseResult): Scenario {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}: ${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}

describe('round trip', () => {
  it('parseScenario(scenarioToYaml(s)) deep-equals s', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const text = scenarioToYaml(s);
        expect(okOrReport(parseScenario(text))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('the same document as a plain value and as JSON text gives the same scenario', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const doc = yamlParse(scenarioToYaml(s), { schema: 'core' }) as unknown;
        expect(okOrReport(validateScenario(doc))).toEqual(s);
        expect(okOrReport(parseScenario(JSON.stringify(doc)))).toEqual(s);
      }),
      { numRuns: 100 },
    );
  });

  it('pinned: tricky strings stay strings', () => {
    const s = okOrReport(
      parseScenario(
        'apiVersion: informer-lab/v1\nkind: Scenario\nmetadata: { name: p, title: "null", description: "1e3" }\nobjects:\n  - { kind: Foo, metadata: { name: a, labels: { "1.0": "true", "null": "" } } }\n',
      ),
    );
    const back = okOrReport(parseScenario(scenarioToYaml(s)));
    expect(back).toEqual(s);
    expect(back.title).toBe('null');
    expect(back.objects[0]!.labels).toEqual({ '1.0': 'true', null: '' });
  });
});
