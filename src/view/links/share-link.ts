/**
 * The links "Copy link" shows (the page's link, the embed link, from this step or from the start) and
 * the full-page link "Open in Informer Lab" opens. This module brings the link codec, so it is loaded
 * on demand (./load-share.ts), not with the page. `makeCompareLinks` and `compareFullPageUrl` do the
 * same for the compare view's "Share comparison" (issue 13).
 */
import { t } from '../../i18n';
import { MAX_LINK_CHARS } from '../../scenarios/url-codec';
import {
  type CompareShareInputs,
  embedSnippet,
  type ShareInputs,
  share,
  shareCompare,
  shareUrl,
} from './link-state';

export interface Made {
  readonly url: string;
  readonly chars: number;
  readonly embedUrl: string;
  readonly embedFromStart: string | null;
  /** The iframe snippets for `embedUrl` and `embedFromStart`. */
  readonly snippet: string;
  readonly snippetFromStart: string | null;
}

export type MadeOrError = Made | { readonly error: string; readonly tooLarge: boolean };

/** The links for what is on screen (`inputs`, null before a scenario is loaded) on the page `href`. */
export function makeLinks(inputs: ShareInputs | null, href: string): MadeOrError {
  if (inputs === null) return { error: t('links.share.notReady'), tooLarge: false };
  const r = share(inputs);
  if (!r.ok) {
    return r.code === 'too-large'
      ? { error: t('links.share.tooLarge', { max: MAX_LINK_CHARS }), tooLarge: true }
      : { error: t('links.share.invalid', { reason: r.message }), tooLarge: false };
  }
  const embed = share({ ...inputs, embed: {} });
  const fromStart = inputs.session.step === 0 ? null : share({ ...inputs, embed: { startStep: 0 } });
  const embedUrl = embed.ok ? shareUrl(href, embed.payload) : shareUrl(href, r.payload);
  const embedFromStart = fromStart?.ok === true ? shareUrl(href, fromStart.payload) : null;
  return {
    url: shareUrl(href, r.payload),
    chars: r.payload.length,
    embedUrl,
    embedFromStart,
    snippet: embedSnippet(embedUrl),
    snippetFromStart: embedFromStart === null ? null : embedSnippet(embedFromStart),
  };
}

/** The full page at what is on screen (embed mode's "Open in Informer Lab"): the page itself when no link can be made. */
export function fullPageUrl(inputs: ShareInputs | null, href: string): string {
  const r = inputs === null ? null : share(inputs);
  return r?.ok === true ? shareUrl(href, r.payload) : shareUrl(href, '').replace(/#$/, '');
}

export type CompareMade =
  | { readonly url: string; readonly chars: number; readonly snippet: string; readonly embedUrl: string }
  | { readonly error: string };

/** The comparison link (both sessions, the alignment, both digests) and its embed link and snippet. */
export function makeCompareLinks(inputs: CompareShareInputs, href: string): CompareMade {
  if (inputs.setup === null) return { error: t('links.share.notReady') };
  const r = shareCompare({ ...inputs, embed: false });
  if (!r.ok) {
    return r.code === 'too-large'
      ? { error: t('links.share.tooLarge', { max: MAX_LINK_CHARS }) }
      : { error: t('links.share.invalid', { reason: r.message }) };
  }
  const embed = shareCompare({ ...inputs, embed: true });
  const url = shareUrl(href, r.payload);
  const embedUrl = embed.ok ? shareUrl(href, embed.payload) : url;
  return { url, chars: r.payload.length, snippet: embedSnippet(embedUrl), embedUrl };
}

/** The full page at the comparison on screen (its embed mode's "Open in Informer Lab"): the page itself when no link can be made. */
export function compareFullPageUrl(inputs: CompareShareInputs, href: string): string {
  const r = shareCompare({ ...inputs, embed: false });
  return r.ok ? shareUrl(href, r.payload) : shareUrl(href, '').replace(/#$/, '');
}
