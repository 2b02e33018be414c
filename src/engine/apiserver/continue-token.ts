/**
 * LIST continue tokens (S13, S14). Opaque to clients; they encode what the real token encodes
 * (apiserver pkg/storage/continue.go ContinueToken{rv, start}): the revision every page is served at and
 * where the next page starts. Here that is the last key returned (the next page starts strictly after
 * it, like the real start key `lastKey + "\x00"`). rv −1 means "continue at the latest revision", the
 * token S14's 410 hands out.
 *
 * Simplification: the text form is readable ("c1:<rv>:<lastKey>") instead of base64 JSON, so an
 * inspector can show it; decode errors use the real "continue key is not valid: …" wording.
 */

export interface ContinueToken {
  /** The revision to serve the page at, or −1 for the latest. */
  readonly rv: number;
  /** The last key already returned. */
  readonly after: string;
}

const PREFIX = 'c1:';

export function encodeContinue(rv: number, after: string): string {
  return `${PREFIX}${rv}:${after}`;
}

export function decodeContinue(token: string): ContinueToken | { readonly error: string } {
  if (!token.startsWith(PREFIX)) return { error: 'continue key is not valid: unknown encoding' };
  const rest = token.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0) return { error: 'continue key is not valid: unknown encoding' };
  const rvText = rest.slice(0, colon);
  const after = rest.slice(colon + 1);
  if (!/^(-1|\d+)$/.test(rvText) || Number(rvText) === 0) {
    return {
      error: 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    };
  }
  if (after === '')
    return { error: 'continue key is not valid: encoded start key empty (version meta.k8s.io/v1)' };
  return { rv: Number(rvText), after };
}
