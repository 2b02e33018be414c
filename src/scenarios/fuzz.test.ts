/**
 * Hostile input: random text, mutated YAML/JSON text, random values and valid documents with a random
 * part replaced never make the parser throw, and never reach its catch-all (an unexpected exception).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import { type ParseResult, parseScenario, validateScenario } from './parse';

/** No message may come from the catch-all: that would be an exception the validator did not expect. */
function assertHandled(r: ParseResult): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message).not.toMatch(/^could not read the scenario/);
  }
}

const SMALL = `apiVersion: informer-lab/v1
kind: Scenario
metadata: { name: small, title: Small }
seed: 3
settings: { workers: 2, latency: { handler: { min: 0ms, max: 2ms } }, rateLimiter: { type: maxOf, limiters: [{ type: exponential, base: 5ms, max: 1000s }, { type: bucket, qps: 10, burst: 100 }] } }
objects:
  - { kind: Foo, metadata: { name: a, labels: { app: x } }, spec: { deploymentName: a, replicas: 2 } }
  - { kind: Deployment, metadata: { name: a, ownerReferences: [{ kind: Foo, name: a, controller: true }] }, spec: { replicas: 2 } }
script:
  - { at: 1s, action: update, target: { kind: Foo, name: a }, spec: { replicas: 3 } }
  - { at: 2s, action: watchError, code: 410, kind: Foo }
  - { at: 3s, action: apiErrors, code: 429, duration: 5s }
`;

describe('hostile input never throws', () => {
  it('random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 300 })),
        (t) => {
          assertHandled(parseScenario(t));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('mutated YAML and JSON text', () => {
    const json = JSON.stringify(yamlParse(SMALL), null, 1);
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.boolean(), fc.array(edit, { minLength: 1, maxLength: 4 }), (useJson, edits) => {
        let t = useJson ? json : SMALL;
        for (const [pos, del, ins] of edits) {
          const p = pos % (t.length + 1);
          t = t.slice(0, p) + ins + t.slice(p + del);
        }
        assertHandled(parseScenario(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('random values and valid documents with a random part replaced', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true, withSparseArray: true }),
        (v) => {
          assertHandled(validateScenario(v));
        },
      ),
      { numRuns: 1000 },
    );
    const doc = yamlParse(SMALL);
    const value = fc.oneof(
      fc.anything({ withNullPrototype: true }),
      fc.constantFrom('__proto__', -1, Number.POSITIVE_INFINITY, '2s', []),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), value, (walk, v) => {
        const copy = structuredClone(doc) as Record<string, unknown>;
        // Follow `walk` into the document and replace the part it reaches.
        let node: Record<string, unknown> = copy;
        for (let i = 0; i < walk.length; i++) {
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const k = keys[walk[i]! % keys.length]!;
          const child = node[k];
          if (i === walk.length - 1 || typeof child !== 'object' || child === null) {
            node[k] = v;
            break;
          }
          node = child as Record<string, unknown>;
        }
        assertHandled(validateScenario(copy));
      }),
      { numRuns: 2000 },
    );
  });
});
