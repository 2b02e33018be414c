/**
 * A lesson file carried by a link. The codec (src/scenarios/url-codec.ts) names built-in lessons by id;
 * a course author's own lesson travels whole, appended to the link after `~`:
 *
 *   #v1.<codec payload, source = the lesson's scenario>~L1.<base64url(deflate-raw(checksum + yaml))>
 *
 * The codec part replays as usual (the lesson's embedded scenario); this part gives the page the lesson
 * around it (narration, pauses, goal). Like the codec, decoding treats the text as hostile and never
 * throws: the text and the inflated size are capped, the checksum (fnv1a, 8 hex digits) catches a
 * changed payload, the YAML goes through `parseLesson`, and the lesson's scenario must be the very one
 * the codec part carries.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fnv1a } from '../engine/kernel/hash';
import type { Scenario } from '../engine/model/scenario';
import { base64urlDecode, base64urlEncode } from './base64url';
import { parseLesson } from './lessons/parse';
import type { Lesson } from './lessons/types';
import { formatScenarioError } from './parse';
import { firstDifference } from './plain-data';
import type { LinkFailure } from './url-codec';

export const LESSON_ATTACHMENT_PREFIX = 'L1.';
/** Separates the codec payload from the lesson attachment (`~` is not in base64url). */
export const ATTACHMENT_SEPARATOR = '~';
/** Cap on the attachment (after `~`): a long lesson compresses to a few thousand characters. */
export const MAX_ATTACHMENT_CHARS = 60_000;
/** Cap on the inflated lesson text (the lesson format's own cap is 2 MB of text). */
const MAX_INFLATED_BYTES = 1024 * 1024;

export type AttachmentResult =
  | { readonly ok: true; readonly lesson: Lesson; readonly text: string }
  | { readonly ok: false; readonly reason: LinkFailure; readonly message: string };

export function encodeLessonAttachment(yaml: string): string {
  const bytes = deflateSync(strToU8(`${fnv1a(yaml)}${yaml}`), { level: 9 });
  return LESSON_ATTACHMENT_PREFIX + base64urlEncode(bytes);
}

function fail(reason: LinkFailure, message: string): AttachmentResult {
  return { ok: false, reason, message };
}

/**
 * Decodes an attachment and checks it against the scenario the codec part carries (null when the codec
 * part names no scenario: then the attachment cannot belong to it). Never throws.
 */
export function decodeLessonAttachment(text: string, scenario: Scenario | null): AttachmentResult {
  try {
    const t = text.replace(/[\s\u00a0]+/g, '');
    if (t.length > MAX_ATTACHMENT_CHARS)
      return fail(
        'too-large',
        `The lesson in this link is too long (more than ${MAX_ATTACHMENT_CHARS} characters).`,
      );
    const v = /^L([1-9][0-9]{0,5})\./.exec(t);
    if (v === null) return fail('malformed', 'The lesson part of this link does not start with "L1.".');
    if (Number(v[1]) > 1) return fail('too-new', 'The lesson in this link was made by a newer Informer Lab.');
    const b = base64urlDecode(t.slice(v[0].length));
    if (!b.ok)
      return b.problem === 'badLength'
        ? fail('truncated', 'The lesson part of this link is incomplete.')
        : fail('malformed', 'The lesson part of this link contains a character that does not belong there.');
    if (b.bytes.length === 0) return fail('truncated', 'The lesson part of this link is incomplete.');
    let raw: Uint8Array;
    try {
      raw = inflateSync(b.bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
    } catch (e) {
      return (e as { code?: unknown } | null)?.code === 0
        ? fail('truncated', 'The lesson part of this link is incomplete.')
        : fail('tampered', 'The lesson part of this link has been changed or damaged.');
    }
    if (raw.length > MAX_INFLATED_BYTES)
      return fail('too-large', 'The lesson in this link unpacks to too much text.');
    const body = strFromU8(raw);
    const yaml = body.slice(8);
    if (body.length < 8 || fnv1a(yaml) !== body.slice(0, 8))
      return fail('tampered', 'The lesson part of this link has been changed or damaged.');
    // A lesson carried by a link made before lessons declared their era reads as classic.
    const r = parseLesson(yaml, { eraOptional: true });
    if (!r.ok) {
      const shown = r.errors.slice(0, 3).map(formatScenarioError).join('; ');
      return fail('invalid-scenario', `The lesson in this link is not valid: ${shown}`);
    }
    if (scenario === null || firstDifference(r.lesson.scenario, scenario) !== undefined)
      return fail('tampered', 'The lesson in this link does not match the scenario the link replays.');
    return { ok: true, lesson: r.lesson, text: yaml };
  } catch (e) {
    return fail(
      'malformed',
      `The lesson part of this link could not be read (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
}
