/**
 * The compare view's side of links: what is on screen (both sessions at their steps, the alignment,
 * the built-in comparison, the language and both frames' digests) and the on-demand loading of the
 * link maker (src/view/links/share-link.ts `makeCompareLinks`, with the codec: not part of the first
 * load).
 */
import { getLanguage } from '../../i18n';
import type { CompareSetup, CompareStore } from '../../store/compare/types';
import { sessionOf } from '../../store/selectors';
import type { CompareShareInputs } from '../links/link-state';
import type { CompareMade } from '../links/share-link';

export type { CompareMade, CompareShareInputs };

/** What is on screen, from the compare store and both sides' stores (setup null before both opened). */
export function shareInputsOfCompare(api: CompareStore, embed = false): CompareShareInputs {
  const c = api.getState();
  const l = api.sides.left.getState();
  const r = api.sides.right.getState();
  const left = sessionOf(l);
  const right = sessionOf(r);
  const setup: CompareSetup | null =
    c.setup === null || left === null || right === null
      ? null
      : {
          left,
          right,
          align: c.align,
          ...(c.setup.comparisonId === undefined ? {} : { comparisonId: c.setup.comparisonId }),
        };
  return {
    setup,
    lang: getLanguage(),
    digests: { left: l.frame?.digest ?? null, right: r.frame?.digest ?? null },
    embed,
  };
}

type ShareModule = typeof import('../links/share-link');
let loading: Promise<ShareModule> | null = null;

/** The link maker, loaded on first use (a failed load is tried again on the next call). */
export function loadCompareLinks(): Promise<ShareModule> {
  if (loading === null) {
    const p = import('../links/share-link');
    loading = p;
    p.catch(() => {
      if (loading === p) loading = null;
    });
  }
  return loading;
}

/** Starts loading the link maker (pointer or focus near a button that will need it). */
export function warmCompareLinks(): void {
  void loadCompareLinks().catch(() => undefined);
}
