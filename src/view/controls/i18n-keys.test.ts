// Every literal t('…') key in the controls' sources exists in the English tables.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EN } from '../../i18n';

const dir = new URL('./', import.meta.url);
const sources = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));

describe('controls strings', () => {
  it('every key used exists', () => {
    const missing: string[] = [];
    let found = 0;
    for (const f of sources) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      for (const m of text.matchAll(/'((?:controls|shell)\.[\w.]+)'/g)) {
        found++;
        if (EN[m[1]!] === undefined) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('keys are prefixed with their area', () => {
    for (const k of Object.keys(EN)) {
      if (k.startsWith('controls.') || k.startsWith('shell.'))
        expect(k).toMatch(/^(controls|shell)\.[\w.]+$/);
    }
  });
});
