import { describe, expect, it } from 'vitest';
import { loadLibraryScenario, runToSteps } from '../inspectors/test-fixture';
import { EMPTY_FILTER, filterRecords, matchesFilter, messageFamilies, parseArrow } from './filter';

const { records } = runToSteps(loadLibraryScenario('default'), [500]);

describe('event log filter', () => {
  it('passes everything (the same array) when empty', () => {
    expect(filterRecords(records, EMPTY_FILTER)).toBe(records);
  });
  it('filters by component, lane, arrow and message prefix, each against a direct check', () => {
    const byComponent = filterRecords(records, { ...EMPTY_FILTER, component: 'reflector' });
    expect(byComponent.length).toBeGreaterThan(0);
    expect(byComponent.every((r) => r.component === 'reflector')).toBe(true);
    expect(byComponent).toHaveLength(records.filter((r) => r.component === 'reflector').length);

    const lane = filterRecords(records, { ...EMPTY_FILTER, lane: 'Deployment' });
    expect(lane.length).toBeGreaterThan(0);
    expect(lane.every((r) => r.lane === 'Deployment')).toBe(true);

    const arrow7 = filterRecords(records, { ...EMPTY_FILTER, arrow: 7 });
    expect(arrow7.length).toBeGreaterThan(0);
    expect(arrow7.every((r) => r.arrow === 7 && r.message === 'workqueue.add')).toBe(true);

    const workers = filterRecords(records, { ...EMPTY_FILTER, message: 'worker.' });
    expect(workers.every((r) => r.message.startsWith('worker.'))).toBe(true);
    expect(workers.length).toBeGreaterThan(0);
  });
  it('matches keys by case-insensitive substring, also through the carried object', () => {
    const f = { ...EMPTY_FILTER, key: 'FRONT' };
    const hits = filterRecords(records, f);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((r) => (r.key ?? r.object?.key ?? '').includes('front'))).toBe(true);
    expect(matchesFilter({ ...records[0]!, key: null, object: null }, f)).toBe(false);
  });
  it('combines criteria with AND', () => {
    const f = { ...EMPTY_FILTER, component: 'handler' as const, lane: 'Foo' as const, key: 'cache' };
    const hits = filterRecords(records, f);
    expect(hits.length).toBeGreaterThan(0);
    for (const r of hits) expect([r.component, r.lane]).toEqual(['handler', 'Foo']);
  });
  it('lists message families and parses arrows from select values', () => {
    const fam = messageFamilies(records);
    expect(fam).toContain('reflector.');
    expect(fam).toContain('worker.');
    expect([...fam].sort()).toEqual(fam);
    expect(parseArrow('')).toBeNull();
    expect(parseArrow('7')).toBe(7);
    expect(parseArrow('watch-event')).toBe('watch-event');
    expect(parseArrow('10')).toBeNull();
    expect(parseArrow('bogus')).toBeNull();
  });
});
