/**
 * The page's start, in the browser: read the URL once (before the first paint), settle the language
 * (an explicit `lang=` in the URL, else the link's language, else the browser's: src/i18n/browser.ts)
 * and plan what to load. App.tsx runs the plan once the store exists (boot.ts `runBoot`).
 */
import { parseLang, setLanguage } from '../../i18n';
import { initLanguage, urlLangParam } from '../../i18n/browser';
import { SCENARIO_LIBRARY } from '../../scenarios/library';
import type { ScenarioSource } from '../../worker/protocol';
import { DEFAULT_LESSON_ID, LESSON_IDS } from '../lessons/catalog';
import { type BootPlan, planBoot, readBootUrl } from './link-state';

/** What the page shows when its URL asks for nothing (or for something it cannot open). */
export const FALLBACK_SOURCE: ScenarioSource = { kind: 'library', name: 'default' };

export interface PageBoot {
  readonly plan: BootPlan;
}

export function preparePageBoot(): PageBoot {
  initLanguage();
  return { plan: planFromUrl() };
}

/**
 * The plan for the page's current URL (also after a `hashchange`: a link pasted into the address bar of
 * an open page changes only the fragment, which does not reload the page).
 */
export function planFromUrl(): BootPlan {
  const { search, hash } = window.location;
  const plan = planBoot(readBootUrl(search, hash), {
    lessonIds: LESSON_IDS,
    libraryNames: SCENARIO_LIBRARY.map((s) => s.name),
    fallback: FALLBACK_SOURCE,
  });
  if (plan.lang !== undefined && parseLang(urlLangParam(search, hash)) === null) setLanguage(plan.lang);
  return plan;
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
