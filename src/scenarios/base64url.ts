/**
 * base64url (RFC 4648 §5: `A–Z a–z 0–9 - _`) without padding, for the URL fragment of shareable links.
 * Pure: no btoa/atob (browser-only, and Latin-1 strings rather than bytes), so Node tests run the same
 * code as the page.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → 6-bit value, or -1 for a character outside the alphabet. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function base64urlEncode(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + ALPHABET[(v >>> 6) & 63]! + ALPHABET[v & 63]!;
  }
  if (n - i === 1) {
    const v = bytes[i]! << 16;
    out += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]!;
  } else if (n - i === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[v >>> 18]! + ALPHABET[(v >>> 12) & 63]! + ALPHABET[(v >>> 6) & 63]!;
  }
  return out;
}

export type Base64urlDecoded =
  | { readonly ok: true; readonly bytes: Uint8Array }
  /** `badChar`: the first character outside the alphabet (its index); `badLength`: length % 4 === 1. */
  | { readonly ok: false; readonly problem: 'badChar'; readonly index: number }
  | { readonly ok: false; readonly problem: 'badLength' };

/**
 * Decode unpadded base64url. A length of 1 modulo 4 cannot come from an encoder (a text cut short);
 * the unused low bits of a final partial group are ignored (so a cut-off text decodes to fewer bytes
 * and the decompressor reports the missing end).
 */
export function base64urlDecode(text: string): Base64urlDecoded {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUE[c]! < 0) return { ok: false, problem: 'badChar', index: i };
  }
  if (n % 4 === 1) return { ok: false, problem: 'badLength' };
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const v =
      (VALUE[text.charCodeAt(i)]! << 18) |
      (VALUE[text.charCodeAt(i + 1)]! << 12) |
      (VALUE[text.charCodeAt(i + 2)]! << 6) |
      VALUE[text.charCodeAt(i + 3)]!;
    out[o++] = v >>> 16;
    out[o++] = (v >>> 8) & 255;
    out[o++] = v & 255;
  }
  if (n - i >= 2) {
    const v =
      (VALUE[text.charCodeAt(i)]! << 18) |
      (VALUE[text.charCodeAt(i + 1)]! << 12) |
      (n - i === 3 ? VALUE[text.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = v >>> 16;
    if (n - i === 3) out[o++] = (v >>> 8) & 255;
  }
  return { ok: true, bytes: out };
}
