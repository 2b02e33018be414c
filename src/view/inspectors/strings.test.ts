import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectors } from '../../i18n/en/inspectors';
import { ARROWS, COMPONENTS } from '../event-log/filter';

const DIRS = ['inspectors', 'narration', 'event-log'].map((d) => join(import.meta.dirname, '..', d));

function sources(): string[] {
  const out: string[] = [];
  for (const dir of DIRS)
    for (const f of readdirSync(dir))
      if (/\.tsx?$/.test(f) && !f.endsWith('.test.ts')) out.push(readFileSync(join(dir, f), 'utf8'));
  return out;
}

describe('inspector strings', () => {
  it('has an English string for every literal key the components use', () => {
    const used = new Set<string>();
    for (const src of sources()) for (const m of src.matchAll(/'(inspectors\.[\w.-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => inspectors[k] === undefined);
    expect(missing).toEqual([]);
  });
  it('has a string for every value of the keys built at run time', () => {
    const families: Record<string, readonly (string | number)[]> = {
      'inspectors.arrow.': ARROWS,
      'inspectors.component.': COMPONENTS,
      'inspectors.reflector.phase.': [
        'stopped',
        'listing',
        'watch-opening',
        'watching',
        'backoff-relist',
        'backoff-rewatch',
        'watch-list-opening',
        'watch-listing',
        'backoff-watch-list',
      ],
      'inspectors.workers.phase.': ['idle', 'reconciling', 'awaiting-response'],
      'inspectors.workers.stage.': ['create-deployment', 'update-deployment', 'update-status'],
      'inspectors.workers.result.': ['success', 'conflict', 'already-exists', 'error'],
      'inspectors.statusClass.': [
        'success',
        'conflict',
        'already-exists',
        'not-found',
        'gone',
        'throttled',
        'client-error',
        'server-error',
        'refused',
        'unknown',
      ],
    };
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(families))
      for (const v of values) if (inspectors[`${prefix}${v}`] === undefined) missing.push(`${prefix}${v}`);
    expect(missing).toEqual([]);
  });
  it('keeps the figure’s arrow labels exactly', () => {
    expect(inspectors['inspectors.arrow.1']).toBe('1) List & Watch');
    expect(inspectors['inspectors.arrow.6']).toBe(
      '6) Dispatch Event Handler functions (Send Object to Custom Controller)',
    );
    expect(inspectors['inspectors.arrow.9']).toBe('9) Get Object for Key');
  });
  it('prefixes every key with the area name', () => {
    expect(Object.keys(inspectors).filter((k) => !k.startsWith('inspectors.'))).toEqual([]);
  });
});
