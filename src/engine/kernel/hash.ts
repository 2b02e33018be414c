/** Hashing for digests and checksums (frames, links, lesson attachments). */

/** FNV-1a over a string, as 8 hex digits (stable in Node and browsers). */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
