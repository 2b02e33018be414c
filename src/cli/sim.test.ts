/**
 * The CLI's two formats: `text` is each record's English narration through the i18n table, `jsonl` is
 * the one JSON shape of a trace record that the event-log export writes too.
 */
import { describe, expect, it } from 'vitest';
import { recordsToJsonl, recordToJsonLine } from '../engine/model/record-json';
import type { TraceRecord } from '../engine/model/trace';
import { recordView } from '../engine/model/views';
import { createWorld } from '../engine/sim/create-world';
import { stepWorld } from '../engine/sim/step';
import { renderNarration } from '../i18n/narration';
import { formatJsonLine, formatText, loadScenario } from './sim';

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

describe('one JSON shape for a trace record', () => {
  it('the CLI prints each record exactly as the event-log export writes it', () => {
    const recs = records(300);
    const exported = recordsToJsonl(recs.map(recordView)).slice(0, -1).split('\n');
    expect(recs.map(formatJsonLine)).toEqual(exported);
    // Field order is part of the shape.
    const first = JSON.parse(formatJsonLine(recs.find((r) => r.object !== null)!)) as object;
    expect(Object.keys(first)).toEqual([
      'step',
      'time',
      'lane',
      'component',
      'arrow',
      'key',
      'rv',
      'message',
      'params',
      'objectKind',
      'tombstone',
      'object',
    ]);
    expect(recordToJsonLine(recordView(recs[0]!))).toBe(formatJsonLine(recs[0]!));
  });
});

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
