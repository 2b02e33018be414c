/**
 * The page's start, in the browser: read the URL once (before the first paint), settle the language
 * (an explicit `lang=` in the URL, else the link's language, else the browser's: src/i18n/browser.ts)
 * and plan what to load. App.tsx runs the plan once the store exists (boot.ts `runBoot`).
 *
 * Plain flags (`?lesson=…`, `?scenario=…`, nothing at all) are planned at once. A `#v1.…` link needs the
 * link codec, which is not part of the page's first load: it is imported here, and the plan comes as
 * a promise (App shows a loading line meanwhile). So do the built-in comparisons (issue 13), loaded for
 * `?compare=<id>` and for a comparison link (`#v2.…`) only.
 */

import type { ScenarioSource } from '../../engine/model/session';
import { parseLang, setLanguage } from '../../i18n';
import { initLanguage, urlLangParam } from '../../i18n/browser';
import { LIBRARY_SCENARIO_NAMES } from '../../scenarios/library/names';
import { DEFAULT_LESSON_ID, LESSON_IDS } from '../lessons/catalog';
import { type BootContext, type BootPlan, plainPlan, planFlags, readBootUrl } from './boot-plan';

/** What the page shows when its URL asks for nothing (or for something it cannot open). */
export const FALLBACK_SOURCE: ScenarioSource = { kind: 'library', name: 'default' };

export interface PageBoot {
  /** The plan, or its promise when the URL carries a link (never rejects). */
  readonly plan: BootPlan | Promise<BootPlan>;
}

export function preparePageBoot(): PageBoot {
  initLanguage();
  return { plan: planFromUrl() };
}

const BOOT_CONTEXT: BootContext = {
  lessonIds: LESSON_IDS,
  libraryNames: LIBRARY_SCENARIO_NAMES,
  fallback: FALLBACK_SOURCE,
};

/**
 * The plan for the page's current URL (also after a `hashchange`: a link pasted into the address bar of
 * an open page changes only the fragment, which does not reload the page). A promise when the URL
 * carries a link (the codec loads first); it never rejects: when the codec cannot be loaded, the plan
 * loads the default and says why.
 */
export function planFromUrl(): BootPlan | Promise<BootPlan> {
  const { search, hash } = window.location;
  const url = readBootUrl(search, hash);
  const settle = (plan: BootPlan): BootPlan => {
    if (plan.lang !== undefined && parseLang(urlLangParam(search, hash)) === null) setLanguage(plan.lang);
    return plan;
  };
  const unloaded = (what: string) => (e: unknown) =>
    plainPlan(BOOT_CONTEXT, url.embed, {
      kind: 'link',
      reason: 'malformed',
      message: `This page could not load its ${what} (${e instanceof Error ? e.message : String(e)}); reloading usually helps.`,
    });
  if (url.kind === 'flags') {
    if (url.compare === undefined) return settle(planFlags(url, BOOT_CONTEXT));
    return comparisonContext().then((ctx) => settle(planFlags(url, ctx)), unloaded('comparisons'));
  }
  const withComparisons = url.payload.startsWith('v2.');
  return Promise.all([
    import('./link-state'),
    withComparisons ? comparisonContext() : Promise.resolve(BOOT_CONTEXT),
  ]).then(([m, ctx]) => settle(m.planBoot(url, ctx)), unloaded('link reader'));
}

/** The boot context with the built-in comparisons (loaded on demand). */
function comparisonContext(): Promise<BootContext> {
  return import('../../scenarios/comparisons').then((m) => ({
    ...BOOT_CONTEXT,
    comparisonIds: m.COMPARISON_IDS,
    comparisons: (id: string) => {
      const c = m.comparisonById(id);
      return c === undefined ? undefined : m.comparisonSessions(c);
    },
  }));
}

/** Drops the URL's query and fragment (after the user left what the URL asked for). */
export function clearPageUrl(): void {
  const { pathname } = window.location;
  window.history.replaceState(null, '', pathname);
}

/** The source a notice's offer opens. */
export function offerSource(offer: 'default-lesson' | 'default-scenario'): ScenarioSource {
  return offer === 'default-lesson' && DEFAULT_LESSON_ID !== null
    ? { kind: 'lesson', id: DEFAULT_LESSON_ID }
    : FALLBACK_SOURCE;
}
