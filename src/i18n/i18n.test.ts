// The missing-translation test and the language logic: every key of every English table has a 简体中文
// translation with exactly the same {placeholders} (and vice versa), nothing is left empty or English,
// and the language follows the URL, then the browser, then English.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { urlLangParam } from './browser';
import {
  EN,
  EN_AREAS,
  getLanguage,
  LANGS,
  parseLang,
  placeholders,
  resolveLanguage,
  setLanguage,
  subscribeLanguage,
  t,
} from './index';
import { ZH_CN, ZH_CN_AREAS } from './zh-CN/pack';

/** Every UI table per language, by area. */
const TABLES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  en: EN_AREAS,
  'zh-CN': ZH_CN_AREAS,
};

/**
 * zh-CN values that may equal the English one: product and code names, key names and client-go
 * identifiers that the Chinese books keep in English too. Anything else identical is an untranslated
 * string. Values made only of symbols, digits and placeholders ("→", "+{count}", "{lane} · {count}") need
 * no entry.
 */
const SAME_AS_ENGLISH: ReadonlySet<string> = new Set([
  'shell.title', // Informer Lab
  'shell.lane', // Informer
  'shell.tab.reflector',
  'shell.tab.fifo',
  'controls.key.shift',
  'controls.key.home',
  'controls.key.end',
  'controls.key.escape',
  'controls.field.foo',
  'controls.field.informer',
  'diagram.region.clientGo',
  'diagram.box.api',
  'diagram.box.kubectl',
  'diagram.box.reflector',
  'diagram.box.informer',
  'diagram.arrow.8', // 8) Get Key: Get is workqueue's method, and the figure has no room beside it
  'diagram.arrow.requeue', // Done / Forget / AddRateLimited
  'diagram.reflector.rv', // RV {rv}
  'diagram.box.realFifo', // RealFIFO: client-go's type name
  'diagram.realfifo.processingAll', // ReplacedAll ×{count}: a delta type and a count
  'diagram.indexer.rv', // RV {rv}
  'inspectors.col.deploymentName',
  'inspectors.col.rv',
  'inspectors.col.worker',
  'inspectors.component.reflector',
  'inspectors.component.deltafifo',
  'inspectors.component.realfifo', // RealFIFO: client-go's type name
  'inspectors.component.informer',
  'inspectors.component.worker',
  'inspectors.log.lane',
  'inspectors.history.rv',
]);

/** True when a value has a Latin word of two letters or more outside its placeholders. */
function hasWords(s: string): boolean {
  return /[A-Za-z]{2,}/.test(s.replace(/\{\w+\}/g, ''));
}

describe('every UI string has a 简体中文 translation', () => {
  const areas = Object.keys(TABLES.en!);

  it('has the same areas in both languages', () => {
    expect(Object.keys(TABLES['zh-CN']!).sort()).toEqual([...areas].sort());
  });

  it('has every English key in zh-CN and no key that English lacks', () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const area of areas) {
      const en = TABLES.en![area]!;
      const zh = TABLES['zh-CN']![area] ?? {};
      for (const k of Object.keys(en)) if (!(k in zh)) missing.push(`${area}: ${k}`);
      for (const k of Object.keys(zh)) if (!(k in en)) extra.push(`${area}: ${k}`);
    }
    expect(missing, `zh-CN lacks a translation of:\n  ${missing.join('\n  ')}\n`).toEqual([]);
    expect(extra, `zh-CN has keys that no English table has:\n  ${extra.join('\n  ')}\n`).toEqual([]);
  });

  it('keeps exactly the same placeholders', () => {
    const wrong: string[] = [];
    for (const [k, en] of Object.entries(EN)) {
      const zh = ZH_CN[k];
      if (zh === undefined) continue;
      const a = placeholders(en).join(',');
      const b = placeholders(zh).join(',');
      if (a !== b) wrong.push(`${k}: en {${a}} vs zh-CN {${b}}`);
    }
    expect(wrong, `placeholders differ:\n  ${wrong.join('\n  ')}\n`).toEqual([]);
  });

  it('leaves nothing empty and nothing in English unless allow-listed', () => {
    const empty = Object.entries(ZH_CN)
      .filter(([, v]) => v.trim() === '')
      .map(([k]) => k);
    expect(empty).toEqual([]);
    const untranslated = Object.entries(ZH_CN)
      .filter(([k, v]) => v === EN[k] && hasWords(v) && !SAME_AS_ENGLISH.has(k))
      .map(([k, v]) => `${k}: ${v}`);
    expect(untranslated, `identical to English:\n  ${untranslated.join('\n  ')}\n`).toEqual([]);
  });

  it('allow-lists only short strings that really are the same', () => {
    for (const k of SAME_AS_ENGLISH) {
      expect(ZH_CN[k], k).toBe(EN[k]);
      expect(EN[k]!.split(/\s+/).length, k).toBeLessThanOrEqual(5);
    }
  });

  it('keeps each key in its area', () => {
    for (const [area, table] of Object.entries(TABLES['zh-CN']!))
      for (const k of Object.keys(table)) expect(k.startsWith(`${area}.`), k).toBe(true);
  });

  it('keeps the figure’s English arrow labels recognisable in Chinese', () => {
    for (let n = 1; n <= 9; n++) {
      const en = EN[`diagram.arrow.${n}`]!;
      // "6) Dispatch Event Handler functions (Send Object ...)" keeps its first clause.
      const head = en.split(' (')[0]!;
      expect(ZH_CN[`diagram.arrow.${n}`]!.startsWith(head), String(n)).toBe(true);
      // The inspectors have room for the Chinese of every arrow.
      expect(ZH_CN[`inspectors.arrow.${n}`]!.startsWith(head), String(n)).toBe(true);
      expect(ZH_CN[`inspectors.arrow.${n}`], String(n)).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('language selection', () => {
  afterEach(() => setLanguage('en'));

  it('parses tags: any en* is English, any zh* is 简体中文, the rest is unknown', () => {
    expect(parseLang('en')).toBe('en');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('zh')).toBe('zh-CN');
    expect(parseLang('zh-cn')).toBe('zh-CN');
    expect(parseLang('zh_CN')).toBe('zh-CN');
    expect(parseLang('zh-Hans-CN')).toBe('zh-CN');
    expect(parseLang('zh-TW')).toBe('zh-CN');
    expect(parseLang(' ZH ')).toBe('zh-CN');
    for (const bad of ['', 'fr', 'english', 'zhx', 'e', '<b>zh</b>', null, undefined, `zh-${'x'.repeat(60)}`])
      expect(parseLang(bad), String(bad)).toBeNull();
  });

  it('resolves the URL first, then the browser, then English', () => {
    expect(resolveLanguage({})).toBe('en');
    expect(resolveLanguage({ urlLang: null, navigatorLanguages: null })).toBe('en');
    expect(resolveLanguage({ navigatorLanguages: ['zh-CN', 'en-US'] })).toBe('zh-CN');
    expect(resolveLanguage({ navigatorLanguages: ['zh-TW'] })).toBe('zh-CN');
    expect(resolveLanguage({ navigatorLanguages: ['fr-FR', 'zh'] })).toBe('zh-CN');
    expect(resolveLanguage({ navigatorLanguages: ['en-US', 'zh-CN'] })).toBe('en');
    expect(resolveLanguage({ navigatorLanguages: ['fr', 'de'] })).toBe('en');
    expect(resolveLanguage({ urlLang: 'en', navigatorLanguages: ['zh-CN'] })).toBe('en');
    expect(resolveLanguage({ urlLang: 'zh-CN', navigatorLanguages: ['en-US'] })).toBe('zh-CN');
    // An unknown or hostile URL value is ignored, not shown.
    expect(resolveLanguage({ urlLang: 'fr', navigatorLanguages: ['zh'] })).toBe('zh-CN');
    expect(resolveLanguage({ urlLang: '"><script>', navigatorLanguages: [] })).toBe('en');
  });

  it('reads lang from the query or the fragment of a URL', () => {
    expect(urlLangParam('?lang=zh-CN', '')).toBe('zh-CN');
    expect(urlLangParam('?seed=3&lang=en', '#lang=zh-CN')).toBe('en');
    expect(urlLangParam('', '#lang=zh-CN')).toBe('zh-CN');
    expect(urlLangParam('', '#/lesson/3?step=40&lang=zh')).toBe('zh');
    expect(urlLangParam('', '#v1.eJyrVkrOzytJzSsBAA')).toBeNull();
    expect(urlLangParam('?slang=zh', '')).toBeNull();
    expect(urlLangParam('', '')).toBeNull();
  });

  it('switches t() at runtime, tells subscribers, and falls back to English', () => {
    const seen: string[] = [];
    const off = subscribeLanguage(() => seen.push(getLanguage()));
    expect(t('controls.play')).toBe('Play');
    setLanguage('zh-CN');
    expect(t('controls.play')).toBe('播放');
    expect(t('controls.step.of', { step: 3, known: 40 })).toBe('第 3 / 40 步');
    setLanguage('zh-CN'); // same language: no notification
    setLanguage('en');
    expect(t('controls.play')).toBe('Play');
    off();
    setLanguage('zh-CN');
    expect(seen).toEqual(['zh-CN', 'en']);
    expect(t('no.such.key')).toBe('no.such.key');
  });

  it('offers every language in the switch', () => {
    expect(LANGS).toEqual(['en', 'zh-CN']);
  });
});

describe('every key the code uses exists', () => {
  it("finds each literal t('…') key of src/ in the English tables (and so, by the test above, in zh-CN)", () => {
    const root = new URL('../', import.meta.url);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.startsWith('engine'),
    );
    const missing: string[] = [];
    let found = 0;
    for (const f of files) {
      const text = readFileSync(new URL(f, root), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'((?:shell|controls|diagram|inspectors)\.[\w.-]+)'/g)) {
        found++;
        if (EN[m[1]!] === undefined) missing.push(`${f}: ${m[1]}`);
      }
    }
    expect(found).toBeGreaterThan(300);
    expect(missing, `keys used but in no table:\n  ${missing.join('\n  ')}\n`).toEqual([]);
  });
});

describe('the Chinese pack loads on demand', () => {
  it('setLanguage to a language not loaded yet switches once its pack is in', async () => {
    vi.resetModules(); // a fresh i18n module, without the pack the test setup registered
    const i18n = await import('./index');
    expect(i18n.languageLoaded('zh-CN')).toBe(false);
    const seen: string[] = [];
    i18n.subscribeLanguage(() => seen.push(i18n.getLanguage()));
    i18n.setLanguage('zh-CN');
    expect(i18n.getLanguage()).toBe('en'); // still loading: nothing switched, nothing notified
    expect(seen).toEqual([]);
    await i18n.loadLanguage('zh-CN');
    await Promise.resolve();
    expect(i18n.getLanguage()).toBe('zh-CN');
    expect(seen).toEqual(['zh-CN']);
    expect(i18n.t('shell.tab.log')).toBe(ZH_CN['shell.tab.log']);
  });

  it('a later request wins over a pack still loading', async () => {
    vi.resetModules();
    const i18n = await import('./index');
    i18n.setLanguage('zh-CN');
    i18n.setLanguage('en'); // asked for English before the pack came in
    await i18n.loadLanguage('zh-CN');
    await Promise.resolve();
    expect(i18n.getLanguage()).toBe('en');
  });

  it('no module of the page imports the zh-CN tables except through the pack', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !p.includes('/i18n/zh-CN/'))
          if (/from '[^']*zh-CN\/(?!pack')/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});
