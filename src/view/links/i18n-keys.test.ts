// Every key of the links area that the page uses exists (in English, and so by src/i18n/i18n.test.ts in
// 简体中文): the literal keys in src/view (links, sandbox, lessons, shell) and the ones built from data.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MISTAKE_NAMES } from '../../engine/model/scenario';
import { EN } from '../../i18n';
import { FIELD_GROUPS, LIMITER_FIELDS, LIMITER_TYPES } from '../sandbox/settings-form';

const root = new URL('../', import.meta.url);
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
  (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
);

describe('links area strings', () => {
  it('has every literal key used in src/view', () => {
    const missing: string[] = [];
    let found = 0;
    for (const f of files) {
      const text = readFileSync(new URL(f, root), 'utf8');
      for (const m of text.matchAll(/'(links\.[\w.-]+)'/g)) {
        found++;
        if (EN[m[1]!] === undefined) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('has every key built from data', () => {
    const keys = [
      ...[
        'malformed',
        'truncated',
        'tampered',
        'too-new',
        'unknown-lesson',
        'invalid-scenario',
        'too-large',
      ].map((r) => `links.failure.${r}`),
      ...['error', 'warning', 'info'].map((x) => `links.tone.${x}`),
      ...['lesson', 'sandbox'].flatMap((m) => [`links.mode.${m}`, `links.mode.${m}.hint`]),
      ...FIELD_GROUPS.map((g) => `links.sb.group.${g.id}`),
      ...FIELD_GROUPS.flatMap((g) => g.fields.map((f) => f.label)),
      ...Object.values(LIMITER_FIELDS).flatMap((fs) => fs.map((f) => f.label)),
      ...LIMITER_TYPES.map((l) => `links.sb.limiter.${l}`),
      ...MISTAKE_NAMES.map((m) => `links.sb.mistake.${m}`),
    ];
    expect(keys.filter((k) => EN[k] === undefined)).toEqual([]);
  });
});
