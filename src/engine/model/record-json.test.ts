import { describe, expect, it } from 'vitest';
import { createWorld } from '../sim/create-world';
import { stepWorld } from '../sim/step';
import { randomScenario } from '../sim/test-scenarios';
import type { RecordView } from './frame';
import { recordsToJsonl } from './record-json';
import { recordView } from './views';

function recordsOf(seed: number, steps: number): RecordView[] {
  const scenario = randomScenario(seed);
  const w = createWorld(scenario);
  const ctx = { scenario, script: [...scenario.script] };
  const out: RecordView[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    out.push(...r.map(recordView));
  }
  return out;
}

describe('recordsToJsonl (the event-log export)', () => {
  it('round-trips real engine records, one JSON object per line', () => {
    const records = recordsOf(1, 400);
    expect(records.length).toBeGreaterThan(400);
    const text = recordsToJsonl(records);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(records.length);
    const parsed = lines.map((l) => JSON.parse(l) as RecordView);
    expect(parsed).toEqual(records);
  });
  it('keeps a record on one line whatever its strings contain', () => {
    const nasty: RecordView = {
      step: 1,
      time: 0,
      lane: null,
      component: 'user',
      arrow: 'write',
      key: 'ns/evil\nname\u2028"quoted"',
      rv: null,
      message: 'user.write',
      params: { verb: 'create', kind: 'Foo', code: 201, reason: '<script>\r\n', noop: false },
      objectKind: null,
      tombstone: false,
      object: null,
    };
    const text = recordsToJsonl([nasty, nasty]);
    expect(text.split('\n')).toHaveLength(3);
    expect(JSON.parse(text.split('\n')[0]!)).toEqual(nasty);
  });
  it('gives an empty file for no records', () => {
    expect(recordsToJsonl([])).toBe('');
  });
});
