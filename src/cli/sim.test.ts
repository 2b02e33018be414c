/** The CLI's text format: each record's English narration through the i18n table. */
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../engine/model/trace';
import { createWorld } from '../engine/sim/create-world';
import { stepWorld } from '../engine/sim/step';
import { renderNarration } from '../i18n/narration';
import { formatText, loadScenario } from './sim';

function records(steps: number): TraceRecord[] {
  const scenario = loadScenario('default');
  if (typeof scenario === 'string') throw new Error(scenario);
  const w = createWorld(scenario);
  const ctx = { scenario, script: [...scenario.script] };
  const recs: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    recs.push(...r);
  }
  return recs;
}

describe('--format text', () => {
  it('prints time, step, lane, component and arrow, then the English narration', () => {
    const recs = records(60);
    for (const r of recs) expect(formatText(r).endsWith(` ${renderNarration(r, 'en')}`)).toBe(true);
    expect(formatText(recs[0]!)).toBe(
      '    0.000s #     1 Foo        reflector  (1)         LIST resourceVersion="0" limit=500',
    );
    const lookup = recs.find((r) => r.message === 'worker.get-deployment' && r.params.found === false);
    expect(lookup && formatText(lookup)).toMatch(/Deployment default\/\S+ in lister: not found \(rv —\)$/);
  });
});
