/**
 * UI strings. Each area of the app owns one table (src/i18n/en/<area>.ts) so nobody edits a shared
 * file; `t(key, params)` looks a key up in the active language and fills `{param}` placeholders.
 * Issue 4 adds zh-CN tables beside the English ones and a test that no key lacks a translation.
 * Strings are plain text: the view renders them as text nodes, never as HTML.
 */
import { controls } from './en/controls';
import { diagram } from './en/diagram';
import { inspectors } from './en/inspectors';
import { shell } from './en/shell';

export const EN: Readonly<Record<string, string>> = { ...shell, ...controls, ...diagram, ...inspectors };

export type Lang = 'en';

let table: Readonly<Record<string, string>> = EN;

export function setLanguage(_lang: Lang): void {
  table = EN;
}

/** Looks a key up; a missing key renders as the key itself (a test catches those). */
export function t(key: string, params?: Readonly<Record<string, string | number | boolean | null>>): string {
  const s = table[key] ?? key;
  if (params === undefined) return s;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === null || v === undefined ? '—' : String(v);
  });
}
