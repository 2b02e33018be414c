/**
 * Where the page's language comes from in a browser: the `lang` parameter of the URL (in the query, or
 * in the fragment as `#…?lang=zh-CN` / `#lang=zh-CN`), then navigator.languages, then English (see
 * `resolveLanguage`). `urlLangParam` is pure so the URL helper and the tests can use it.
 */
import { getLanguage, type Lang, resolveLanguage, setLanguage } from './index';

function langOf(params: string): string | null {
  if (!params.includes('lang=')) return null;
  return new URLSearchParams(params).get('lang');
}

/** The raw `lang` parameter of a URL's query or fragment (the query wins), or null. */
export function urlLangParam(search: string, hash: string): string | null {
  const fromQuery = langOf(search.startsWith('?') ? search.slice(1) : search);
  if (fromQuery !== null) return fromQuery;
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  return langOf(q >= 0 ? h.slice(q + 1) : h);
}

/** The language this page should start in, from the current URL and browser. */
export function detectLanguage(): Lang {
  const g = globalThis as {
    location?: { search: string; hash: string };
    navigator?: { languages?: readonly string[]; language?: string };
  };
  const nav = g.navigator;
  const navigatorLanguages = nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [];
  const urlLang = g.location ? urlLangParam(g.location.search, g.location.hash) : null;
  return resolveLanguage({ urlLang, navigatorLanguages });
}

let initialised = false;

/** Sets the language from the URL and browser once per page (later calls return the active language). */
export function initLanguage(): Lang {
  if (!initialised) {
    initialised = true;
    setLanguage(detectLanguage());
  }
  return getLanguage();
}
