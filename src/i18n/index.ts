/**
 * UI strings. Each area of the app owns one table per language (src/i18n/en/<area>.ts and
 * src/i18n/zh-CN/<area>.ts, same keys and the same {placeholders}); `t(key, params)` looks a key up in the
 * active language, falls back to English, and fills `{param}` placeholders. A test (i18n.test.ts) fails
 * when a key lacks a translation. Strings are plain text: the view renders them as text nodes, never as
 * HTML. The active language is module state with a tiny subscription (see react.ts for `useLang`).
 */
import { controls } from './en/controls';
import { diagram } from './en/diagram';
import { inspectors } from './en/inspectors';
import { links } from './en/links';
import { shell } from './en/shell';
import { controls as zhControls } from './zh-CN/controls';
import { diagram as zhDiagram } from './zh-CN/diagram';
import { inspectors as zhInspectors } from './zh-CN/inspectors';
import { links as zhLinks } from './zh-CN/links';
import { shell as zhShell } from './zh-CN/shell';

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
};
export const ZH_CN: Readonly<Record<string, string>> = {
  ...zhShell,
  ...zhControls,
  ...zhDiagram,
  ...zhInspectors,
  ...zhLinks,
};

/** Every UI table per language, by area (the missing-translation test walks these). */
export const TABLES: Readonly<Record<Lang, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
  en: { shell, controls, diagram, inspectors, links },
  'zh-CN': {
    shell: zhShell,
    controls: zhControls,
    diagram: zhDiagram,
    inspectors: zhInspectors,
    links: zhLinks,
  },
};

const MERGED: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en: EN, 'zh-CN': ZH_CN };

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
  const doc = (globalThis as { document?: { documentElement?: { lang: string } } }).document;
  if (doc?.documentElement) doc.documentElement.lang = next;
  if (next === current) return;
  current = next;
  table = MERGED[next];
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
