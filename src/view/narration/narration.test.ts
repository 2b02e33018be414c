import { describe, expect, it } from 'vitest';
import { messageSpec } from '../../engine/model/messages';
import { renderNarration } from '../../i18n/narration';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';
import { functionsAtWork, narrate } from './narration';

describe('narrate', () => {
  const run = runToSteps(loadLibraryScenario('default'), [50, 300, 800]);
  it('renders every record of a step with its catalog sentence and client-go function', () => {
    for (const f of run.frames) {
      const n = narrate(f.records);
      expect(n.lines).toHaveLength(f.records.length);
      expect(n.hidden).toBe(0);
      f.records.forEach((r, i) => {
        expect(n.lines[i]!.text).toBe(renderNarration(r, 'en'));
        expect(n.lines[i]!.fn).toBe(messageSpec(r.message)!.fn);
      });
    }
  });
  it('cuts long steps and says how many records are hidden', () => {
    const all = run.records.slice(0, 100);
    const n = narrate(all, 10);
    expect(n.lines).toHaveLength(10);
    expect(n.hidden).toBe(90);
  });
  it('flags failed requests as errors', () => {
    const conflict = run.records.find((r) => r.params.code === 409);
    expect(conflict).toBeDefined();
    expect(narrate([conflict!]).lines[0]!.error).toBe(true);
    const ok = run.records.find((r) => r.message === 'indexer.add')!;
    expect(narrate([ok]).lines[0]!.error).toBe(false);
  });
  it('lists the functions at work once each, in order', () => {
    const pop = run.records.find((r) => r.message === 'informer.pop')!;
    const sameStep = run.records.filter((r) => r.step === pop.step);
    const fns = functionsAtWork(sameStep);
    expect(fns[0]).toBe('DeltaFIFO.Pop');
    expect(new Set(fns).size).toBe(fns.length);
  });
  it('renders an unknown message id as itself with no function', () => {
    const r = { ...run.records[0]!, message: 'no.such.id' };
    expect(narrate([r]).lines[0]).toMatchObject({ text: 'no.such.id', fn: null });
  });
});
