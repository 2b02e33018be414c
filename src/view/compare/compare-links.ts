/**
 * The compare view's side of links: what is on screen (both sessions at their steps, the alignment,
 * the built-in comparison, the language and both frames' digests) and the on-demand loading of the
 * link maker (src/view/links, with the codec: not part of the first load).
 */
import type { Side } from '../../compare/types';
import { getLanguage, type Lang } from '../../i18n';
import type { CompareSetup, CompareStore } from '../../store/compare/types';
import { sessionOf } from '../../store/selectors';

export interface CompareShareInputs {
  /** Both sessions at the steps on screen, the alignment and the comparison id; null before both opened. */
  readonly setup: CompareSetup | null;
  readonly lang: Lang;
  readonly digests: Readonly<Record<Side, string | null>>;
}

export type CompareMade =
  | { readonly url: string; readonly chars: number; readonly snippet: string; readonly embedUrl: string }
  | { readonly error: string };

/** What is on screen, from the compare store and both sides' stores. */
export function shareInputsOfCompare(api: CompareStore): CompareShareInputs {
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
  };
}

export interface CompareLinkMaker {
  make(inputs: CompareShareInputs, href: string): CompareMade;
}

let loading: Promise<CompareLinkMaker> | null = null;

/** The link maker, loaded on first use (a failed load is tried again on the next call). */
export function loadCompareLinks(): Promise<CompareLinkMaker> {
  if (loading === null) {
    const p = import('./compare-link-maker').then((m) => m.COMPARE_LINK_MAKER);
    loading = p;
    p.catch(() => {
      if (loading === p) loading = null;
    });
  }
  return loading;
}

/** Starts loading the link maker (pointer or focus near the share button). */
export function warmCompareLinks(): void {
  void loadCompareLinks().catch(() => undefined);
}
