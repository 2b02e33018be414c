/**
 * UI strings. Each area of the app owns one table per language (src/i18n/en/<area>.ts and
 * src/i18n/zh-CN/<area>.ts, same keys and the same {placeholders}); `t(key, params)` looks a key up in the
 * active language, falls back to English, and fills `{param}` placeholders. A test (i18n.test.ts) fails
 * when a key lacks a translation. Strings are plain text: the view renders them as text nodes, never as
 * HTML. The active language is module state with a tiny subscription (see react.ts for `useLang`).
 *
 * English is part of the page; 简体中文 is a pack of its own (zh-CN/pack.ts) that `loadLanguage` fetches
 * the first time it is needed, so the initial load carries one language. `setLanguage` to a language not
 * loaded yet loads it first and switches when it is in (the page's entry awaits the starting language
 * before its first render, so a Chinese page never shows English first).
 */
import { compare } from './en/compare';
import { compareSummary } from './en/compare-summary';
import { controls } from './en/controls';
import { diagram } from './en/diagram';
import { inspectors } from './en/inspectors';
import { links } from './en/links';
import { narration as enNarration } from './en/narration';
import { shell } from './en/shell';
import type { LanguagePack, NarrationTable } from './narration-table';

export type Lang = 'en' | 'zh-CN';

/** The languages, in the order the language switch offers them. */
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** Each language's name in itself (the switch shows these, untranslated). */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'zh-CN': '简体中文' };

export const EN: Readonly<Record<string, string>> = {
  ...shell,
  ...controls,
  ...diagram,
  ...inspectors,
  ...links,
  ...compare,
  ...compareSummary,
};

/** English's UI tables by area (the missing-translation test compares zh-CN/pack.ts's with these). */
export const EN_AREAS = { shell, controls, diagram, inspectors, links, compare, compareSummary } as const;

export type { LanguagePack } from './narration-table';

const PACKS: Partial<Record<Lang, LanguagePack>> = { en: { ui: EN, narration: enNarration } };

/** Makes a language's pack available (loadLanguage does it after fetching; tests do it up front). */
export function registerLanguage(lang: Lang, pack: LanguagePack): void {
  PACKS[lang] = pack;
}

export function languageLoaded(lang: Lang): boolean {
  return PACKS[lang] !== undefined;
}

/** Fetches a language's pack if it is not in yet (English always is). Rejects if the fetch fails. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (PACKS[lang] !== undefined) return;
  const m = await import('./zh-CN/pack');
  registerLanguage('zh-CN', m.ZH_CN_PACK);
}

/** A language's narration table, or English's while that language is not loaded. */
export function narrationTable(lang: Lang): NarrationTable {
  return (PACKS[lang] ?? PACKS.en!).narration;
}

/**
 * A language tag as one of ours, or null: `en`, `en-US`… → 'en'; `zh`, `zh-CN`, `zh-Hans`, `zh_TW`… →
 * 'zh-CN' (the only Chinese we have). Case and `_` vs `-` do not matter; anything else is null.
 */
export function parseLang(tag: string | null | undefined): Lang | null {
  if (typeof tag !== 'string' || tag.length > 35) return null;
  const s = tag.trim().toLowerCase().replace(/_/g, '-');
  if (s === 'zh' || s.startsWith('zh-')) return 'zh-CN';
  if (s === 'en' || s.startsWith('en-')) return 'en';
  return null;
}

export interface LanguageSources {
  /** The `lang` parameter of the page URL (query or fragment), if any. */
  readonly urlLang?: string | null;
  /** navigator.languages (most preferred first), if known. */
  readonly navigatorLanguages?: readonly string[] | null;
}

/**
 * The language to show: the URL's `lang` if it names one of ours, else the first of the browser's
 * preferred languages that is English or Chinese (any zh* → zh-CN), else English.
 */
export function resolveLanguage({ urlLang, navigatorLanguages }: LanguageSources): Lang {
  const fromUrl = parseLang(urlLang);
  if (fromUrl !== null) return fromUrl;
  for (const tag of navigatorLanguages ?? []) {
    const l = parseLang(tag);
    if (l !== null) return l;
  }
  return 'en';
}

let current: Lang = 'en';
let table: Readonly<Record<string, string>> = EN;
/** The language last asked for (it may still be loading). */
let wanted: Lang = 'en';
const listeners = new Set<() => void>();

export function getLanguage(): Lang {
  return current;
}

/**
 * Switches the active language: later `t()` calls use it, `<html lang>` follows, and subscribers
 * (the `useLang` hook) re-render. Setting the same language again does nothing.
 */
export function setLanguage(lang: Lang): void {
  const next: Lang = lang === 'zh-CN' ? 'zh-CN' : 'en';
  wanted = next;
  const pack = PACKS[next];
  if (pack === undefined) {
    // Not loaded yet: switch once it is, unless another language was asked for meanwhile. A failed
    // fetch leaves the page in the language it is in.
    loadLanguage(next).then(
      () => {
        if (wanted === next) setLanguage(next);
      },
      () => undefined,
    );
    return;
  }
  const doc = (globalThis as { document?: { documentElement?: { lang: string } } }).document;
  if (doc?.documentElement) doc.documentElement.lang = next;
  if (next === current) return;
  current = next;
  table = pack.ui;
  for (const l of [...listeners]) l();
}

/** Calls `listener` after every language change; returns the unsubscribe function. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

type Params = Readonly<Record<string, string | number | boolean | null>>;

/** Fills `{param}` placeholders (null or missing values render as "—"). */
export function fill(template: string, params: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === null || v === undefined ? '—' : String(v);
  });
}

/** The sorted {placeholders} of a template (a repeated placeholder counts each time). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

/** Looks a key up in the active language, then English; a missing key renders as the key itself. */
export function t(key: string, params?: Params): string {
  const s = table[key] ?? EN[key] ?? key;
  return params === undefined ? s : fill(s, params);
}
