/**
 * Shareable links: everything needed to replay to the frame on screen, in the URL fragment, with
 * nothing server-side (docs/SCENARIOS.md "Shareable links").
 *
 *   payload = 'v1.' + base64url(deflateRaw(checksum + json))
 *
 * `json` is the wire object below; `checksum` is fnv1a(json) as 8 hex digits (src/engine/sim/frame.ts),
 * so a payload that was changed and still inflates is caught. Lessons and library scenarios are named,
 * not embedded; a custom scenario is embedded as a scenario document in the compact form of the one
 * writer (./write.ts: the file format with defaults left out), lesson changes (and a library scenario's:
 * the era switch's `{ era: modern }`) as a compact settings document, interventions as script entries of
 * the file format without `at`. The client-go era is a setting, so it travels inside the source; a link
 * that names none (every link made before the era existed) is classic.
 *
 * `decodeLink` treats the text as hostile: it never throws, caps the text (MAX_LINK_CHARS), the inflated
 * size (MAX_INFLATED_BYTES) and the nesting depth before reading, rejects unknown fields, and reads the
 * scenario with the file validator (./read/scenario.ts), the settings changes and the interventions with
 * the readers of the one value check (./check.ts); `encodeLink` proves each link decodes to its state.
 * Its messages quote link text only as short JSON strings; they are plain text, never HTML.
 *
 * Format v2 (issue 13) adds `cmp`: a comparison link's right side (source, seed, step, interventions,
 * digest) and alignment. Only such links are written 'v2.' (an older build then says "made by a newer
 * version"); all others are written and read exactly as in v1. This version refuses v3 and later.
 */

import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { fnv1a } from '../engine/kernel/hash';
import { SCENARIO_API_VERSION, type Scenario, type Settings } from '../engine/model/scenario';
import type { Intervention } from '../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../engine/version';
import { base64urlDecode, base64urlEncode } from './base64url';
import { readInterventionDocs, readSettingsChanges } from './check';
import { describeValue, quote } from './duration';
import { firstDifference, isRecord, tooDeepOrLarge } from './plain-data';
import { validateScenario } from './read/scenario';
import { actionDoc, scenarioDoc, settingsChangesDoc } from './write';

// ---------------------------------------------------------------------------------------------
// The state a link carries

export const LINK_LANGS = ['en', 'zh-CN'] as const;
export type LinkLang = (typeof LINK_LANGS)[number];

/** Settings a lesson link changes: each key present replaces the lesson's value of that setting whole. */
export type LessonChanges = Partial<Settings>;

export type LinkSource =
  | { readonly kind: 'lesson'; readonly id: string; readonly changes?: LessonChanges }
  | { readonly kind: 'library'; readonly name: string; readonly changes?: LessonChanges }
  | { readonly kind: 'scenario'; readonly scenario: Scenario };

export interface LinkState {
  readonly source: LinkSource;
  /** Overrides the scenario's seed. */
  readonly seed?: number;
  /** The step on screen. */
  readonly step: number;
  readonly lang?: LinkLang;
  /** In the order they were made; steps never decrease (an intervention drops the later ones). */
  readonly interventions: readonly Intervention[];
  /** Embed mode (figure, controls and narration only), optionally starting at a step. */
  readonly embed?: { readonly on: true; readonly startStep?: number };
  /** The engine behaviour version that made the link (ENGINE_BEHAVIOUR_VERSION). */
  readonly engine: string;
  /** The frame digest at `step` (8 hex digits), to detect a replay that differs. */
  readonly digest?: string;
  /** A comparison link (format v2): the fields above are its left side, this its right side. */
  readonly compare?: LinkCompare;
}

/** One side's session in a link (the left side's is LinkState's own fields). */
export interface LinkSide {
  readonly source: LinkSource;
  readonly seed?: number;
  readonly step: number;
  readonly interventions: readonly Intervention[];
  readonly digest?: string;
}

export type LinkAlign = 'time' | 'step';
export const LINK_ALIGNS: readonly LinkAlign[] = ['time', 'step'];

export interface LinkCompare {
  readonly right: LinkSide;
  readonly align: LinkAlign;
  /** The built-in comparison the two sides came from (src/scenarios/comparisons), if any. */
  readonly comparisonId?: string;
}

export type LinkFailure =
  | 'malformed'
  | 'truncated'
  | 'tampered'
  | 'too-new'
  | 'unknown-lesson'
  | 'invalid-scenario'
  | 'too-large';

export type DecodeResult =
  | { readonly ok: true; readonly state: LinkState; readonly warnings: string[] }
  | { readonly ok: false; readonly reason: LinkFailure; readonly message: string };

export interface DecodeOptions {
  /** Ids of the lessons this build has. */
  readonly lessonIds: readonly string[];
  /** Names of the library scenarios this build has. */
  readonly libraryNames: readonly string[];
  /** Ids of the built-in comparisons this build has (an unknown id is dropped with a warning). */
  readonly comparisonIds?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Format and limits

export const LINK_FORMAT_VERSION = 2;
/** The prefix of a link without a comparison (unchanged since v1) and of one with. */
const [PREFIX_V1, PREFIX_V2] = ['v1.', 'v2.'];

/** Hard cap on the payload (the fragment after '#'): longer links are refused both ways. */
export const MAX_LINK_CHARS = 8000;
/** The size budget for a lesson link (a goal, not a cap; a test holds typical lesson links to it). */
export const LESSON_LINK_BUDGET_CHARS = 2000;
/** Cap on the inflated payload (zip bombs): far above what 8,000 characters of real data inflate to. */
export const MAX_INFLATED_BYTES = 512 * 1024;
/** Steps, seeds and counts a link may carry. */
export const LINK_BOUNDS = {
  step: 1_000_000_000,
  seed: 0xffffffff,
  interventions: 1000,
  idChars: 100,
  engineChars: 32,
  /** Nesting depth of the wire JSON (a maxOf rate limiter 4 deep needs about 14). */
  depth: 32,
} as const;

/** encodeLink refuses a state: `too-large` (over MAX_LINK_CHARS) or `invalid` (it would not decode). */
export class LinkEncodeError extends Error {
  readonly code: 'too-large' | 'invalid';
  /** The payload length, for `too-large`. */
  readonly size?: number;
  constructor(code: 'too-large' | 'invalid', message: string, size?: number) {
    super(message);
    this.name = 'LinkEncodeError';
    this.code = code;
    if (size !== undefined) this.size = size;
  }
}

/*
 * The wire object (keys in this order; absent = not set):
 *   lesson: string, changes: settings doc   | library: string, changes: settings doc
 *                                           | scenario: scenario doc without apiVersion/kind
 *   seed: uint32, step: int, lang: 'en' | 'zh-CN',
 *   iv: [[step, action doc], ...] (omitted when empty), embed: {} | { start: int },
 *   engine: string, digest: 8 hex,
 *   cmp (v2 only): { <the source keys>, seed, step, iv, digest, align: 'time' | 'step', id: string }
 */
const WIRE_KEYS = [
  'lesson',
  'changes',
  'library',
  'scenario',
  'seed',
  'step',
  'lang',
  'iv',
  'embed',
  'engine',
  'digest',
];
const WIRE_KEYS_V2 = [...WIRE_KEYS, 'cmp'];
const CMP_KEYS = ['lesson', 'changes', 'library', 'scenario', 'seed', 'step', 'iv', 'digest', 'align', 'id'];

// ---------------------------------------------------------------------------------------------
// Encoding

function sourceToWire(w: Record<string, unknown>, src: LinkSource): void {
  if (src.kind === 'lesson') {
    w.lesson = src.id;
    if (src.changes !== undefined) w.changes = settingsChangesDoc(src.changes);
  } else if (src.kind === 'library') {
    w.library = src.name;
    if (src.changes !== undefined) w.changes = settingsChangesDoc(src.changes);
  } else {
    const { apiVersion: _v, kind: _k, ...rest } = scenarioDoc(src.scenario, 'compact');
    w.scenario = rest;
  }
}

function ivToWire(interventions: readonly Intervention[]): unknown[] {
  return interventions.map((x) => [x.step, actionDoc(x.action, 'compact')]);
}

function toWire(state: LinkState): Record<string, unknown> {
  const w: Record<string, unknown> = {};
  sourceToWire(w, state.source);
  if (state.seed !== undefined) w.seed = state.seed;
  w.step = state.step;
  if (state.lang !== undefined) w.lang = state.lang;
  if (state.interventions.length > 0) w.iv = ivToWire(state.interventions);
  if (state.embed !== undefined)
    w.embed = state.embed.startStep === undefined ? {} : { start: state.embed.startStep };
  w.engine = state.engine;
  if (state.digest !== undefined) w.digest = state.digest;
  if (state.compare !== undefined) {
    const { right, align, comparisonId } = state.compare;
    const c: Record<string, unknown> = {};
    sourceToWire(c, right.source);
    if (right.seed !== undefined) c.seed = right.seed;
    c.step = right.step;
    if (right.interventions.length > 0) c.iv = ivToWire(right.interventions);
    if (right.digest !== undefined) c.digest = right.digest;
    c.align = align;
    if (comparisonId !== undefined) c.id = comparisonId;
    w.cmp = c;
  }
  return w;
}

/**
 * The URL fragment payload (without '#') for a state. Throws LinkEncodeError when the state would not
 * decode to itself (an invalid scenario, intervention or field) or the payload is longer than
 * MAX_LINK_CHARS (then offer the YAML export instead).
 */
export function encodeLink(state: LinkState): string {
  let json: string;
  try {
    json = JSON.stringify(toWire(state));
  } catch (e) {
    throw new LinkEncodeError('invalid', `the state cannot be written as a link: ${errorText(e)}`);
  }
  const bytes = deflateSync(strToU8(`${fnv1a(json)}${json}`), { level: 9 });
  const text = (state.compare === undefined ? PREFIX_V1 : PREFIX_V2) + base64urlEncode(bytes);
  if (text.length > MAX_LINK_CHARS) {
    throw new LinkEncodeError(
      'too-large',
      `the link would be ${text.length} characters, more than the ${MAX_LINK_CHARS} allowed; export the scenario as YAML instead`,
      text.length,
    );
  }
  // Every link made here opens to exactly this state (or it is not made).
  const sources = [state.source, ...(state.compare === undefined ? [] : [state.compare.right.source])];
  const back = decodeLink(text, {
    lessonIds: sources.flatMap((s) => (s.kind === 'lesson' ? [s.id] : [])),
    libraryNames: sources.flatMap((s) => (s.kind === 'library' ? [s.name] : [])),
    comparisonIds: state.compare?.comparisonId === undefined ? [] : [state.compare.comparisonId],
  });
  if (!back.ok) throw new LinkEncodeError('invalid', `the state is not valid for a link: ${back.message}`);
  const diff = firstDifference(back.state, state);
  if (diff !== undefined)
    throw new LinkEncodeError('invalid', `the state does not survive a link unchanged (at ${diff})`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Decoding

type Failure = Extract<DecodeResult, { ok: false }>;

function fail(reason: LinkFailure, message: string): Failure {
  return { ok: false, reason, message };
}

function errorText(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}

const MESSAGES = {
  malformed: 'This is not an Informer Lab link',
  truncated: 'This link is incomplete; it may have been cut off when it was copied',
  tampered: 'This link has been changed or damaged since it was made',
} as const;

/** Decode a link payload (the URL fragment, with or without its '#'). Never throws. */
export function decodeLink(text: string, opts: DecodeOptions): DecodeResult {
  try {
    return decode(text, opts);
  } catch (e) {
    return fail('malformed', `${MESSAGES.malformed} (${errorText(e)}).`);
  }
}

function tooLong(n: number): Failure {
  return fail(
    'too-large',
    `This link is too long (${n} characters; at most ${MAX_LINK_CHARS} are accepted).`,
  );
}

function decode(input: unknown, opts: DecodeOptions): DecodeResult {
  if (typeof input !== 'string') return fail('malformed', `${MESSAGES.malformed}: it is not text.`);
  if (input.length > 4 * MAX_LINK_CHARS) return tooLong(input.length);
  // Whitespace cannot occur in a payload: mail and chat programs insert it when they wrap long lines.
  const text = input.replace(/^#/, '').replace(/[\s\u00a0]+/g, '');
  if (text.length > MAX_LINK_CHARS) return tooLong(text.length);
  if (text === '') return fail('malformed', `${MESSAGES.malformed}: it is empty.`);
  const version = /^v([1-9][0-9]*)\./.exec(text);
  if (version === null) {
    return fail('malformed', `${MESSAGES.malformed}: it does not start with a format version like "v1.".`);
  }
  if (version[1]!.length > 6 || Number(version[1]) > LINK_FORMAT_VERSION) {
    return fail(
      'too-new',
      `This link was made by a newer Informer Lab (link format v${version[1]!.slice(0, 6)}${version[1]!.length > 6 ? '...' : ''}); this version reads v${LINK_FORMAT_VERSION} links. Open it with the current Informer Lab.`,
    );
  }
  const b64 = base64urlDecode(text.slice(version[0].length));
  if (!b64.ok) {
    if (b64.problem === 'badLength') return fail('truncated', `${MESSAGES.truncated}.`);
    const ch = text.slice(version[0].length).charAt(b64.index);
    return fail('malformed', `${MESSAGES.malformed}: it contains the character ${quote(ch)}.`);
  }
  // fflate hands back the whole output buffer for empty input; nothing at all is a cut-off link too.
  if (b64.bytes.length === 0) return fail('truncated', `${MESSAGES.truncated}.`);
  let raw: Uint8Array;
  try {
    // With an output buffer fflate stops at its end instead of growing it: one byte over the cap tells.
    raw = inflateSync(b64.bytes, { out: new Uint8Array(MAX_INFLATED_BYTES + 1) });
  } catch (e) {
    const eof = (e as { code?: unknown } | null)?.code === 0;
    return eof ? fail('truncated', `${MESSAGES.truncated}.`) : fail('tampered', `${MESSAGES.tampered}.`);
  }
  if (raw.length > MAX_INFLATED_BYTES) {
    return fail(
      'too-large',
      `This link unpacks to more than ${MAX_INFLATED_BYTES / 1024} KB, more than any link Informer Lab makes.`,
    );
  }
  let body: string;
  try {
    body = strFromU8(raw);
  } catch {
    return fail('tampered', `${MESSAGES.tampered}.`);
  }
  const json = body.slice(8);
  if (body.length < 8 || fnv1a(json) !== body.slice(0, 8)) return fail('tampered', `${MESSAGES.tampered}.`);
  let wire: unknown;
  try {
    wire = JSON.parse(json);
  } catch {
    return fail('malformed', `${MESSAGES.malformed}: its content is not valid JSON.`);
  }
  if (tooDeepOrLarge(wire, LINK_BOUNDS.depth, MAX_INFLATED_BYTES)) {
    return fail('malformed', `${MESSAGES.malformed}: its content is nested too deeply.`);
  }
  return readWire(wire, opts, Number(version[1]));
}

// ---------------------------------------------------------------------------------------------
// Reading the wire object

class Malformed extends Error {}

function malformed(field: string, problem: string): never {
  throw new Malformed(`${MESSAGES.malformed}: ${field} ${problem}.`);
}

function own(obj: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function checkKeys(obj: Readonly<Record<string, unknown>>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(obj))
    if (!allowed.includes(k)) malformed(`${where}${quote(k)}`, 'is not a known field');
}

function readInt(v: unknown, field: string, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
    malformed(field, `must be an integer from 0 to ${max}, got ${describeValue(v)}`);
  return v + 0;
}

function readId(v: unknown, field: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > LINK_BOUNDS.idChars)
    malformed(field, `must be a name of 1 to ${LINK_BOUNDS.idChars} characters, got ${describeValue(v)}`);
  return v;
}

function readWire(wire: unknown, opts: DecodeOptions, version: number): DecodeResult {
  try {
    return readWireOrThrow(wire, opts, version);
  } catch (e) {
    if (e instanceof Malformed) return fail('malformed', e.message);
    throw e;
  }
}

/** A side's fields with their structure checked (problems are 'malformed'), before the content checks. */
interface SideFields {
  readonly of: 'lesson' | 'library' | 'scenario';
  readonly seed: number | undefined;
  readonly step: number;
  readonly ivSteps: readonly number[];
  readonly ivDocs: readonly unknown[];
  readonly digest: string | undefined;
}

/** `at` names the side's map in messages: '' for the link itself, '"cmp".' for a comparison's right side. */
function readSideFields(obj: Readonly<Record<string, unknown>>, at: string): SideFields {
  const sources = (['lesson', 'library', 'scenario'] as const).filter((k) => own(obj, k) !== undefined);
  if (sources.length !== 1)
    malformed(
      at === '' ? 'it' : at.slice(0, -1),
      'must name exactly one of a lesson, a library scenario or a scenario',
    );
  const changesV = own(obj, 'changes');
  if (changesV !== undefined && sources[0] === 'scenario')
    malformed(`${at}"changes"`, 'only go with a lesson or a library scenario');
  if (changesV !== undefined && !isRecord(changesV)) malformed(`${at}"changes"`, 'must be a map of settings');
  const seedV = own(obj, 'seed');
  const seed = seedV === undefined ? undefined : readInt(seedV, `${at}"seed"`, LINK_BOUNDS.seed);
  const step = readInt(own(obj, 'step'), `${at}"step"`, LINK_BOUNDS.step);
  const ivV = own(obj, 'iv');
  const ivSteps: number[] = [];
  const ivDocs: unknown[] = [];
  if (ivV !== undefined) {
    if (!Array.isArray(ivV) || ivV.length === 0 || ivV.length > LINK_BOUNDS.interventions)
      malformed(`${at}"iv"`, `must be a list of 1 to ${LINK_BOUNDS.interventions} interventions`);
    ivV.forEach((x: unknown, i) => {
      if (!Array.isArray(x) || x.length !== 2) malformed(`${at}"iv"[${i}]`, 'must be a pair [step, action]');
      const s = readInt(x[0], `${at}"iv"[${i}] step`, LINK_BOUNDS.step);
      if (i > 0 && s < ivSteps[i - 1]!)
        malformed(
          `${at}"iv"[${i}] step`,
          'is earlier than the intervention before it (they are kept in order)',
        );
      ivSteps.push(s);
      ivDocs.push(x[1]);
    });
  }
  const digestV = own(obj, 'digest');
  if (digestV !== undefined && (typeof digestV !== 'string' || !/^[0-9a-f]{8}$/.test(digestV)))
    malformed(`${at}"digest"`, `must be 8 hex digits, got ${describeValue(digestV)}`);
  return { of: sources[0]!, seed, step, ivSteps, ivDocs, digest: digestV as string | undefined };
}

/** A side's source and interventions, checked for content (an unknown lesson, an invalid scenario...). */
function readSideContent(
  obj: Readonly<Record<string, unknown>>,
  f: SideFields,
  opts: DecodeOptions,
  at: string,
): LinkSide | Failure {
  const changesV = own(obj, 'changes') as Readonly<Record<string, unknown>> | undefined;
  let source: LinkSource;
  if (f.of === 'lesson') {
    const id = readId(own(obj, 'lesson'), `${at}"lesson"`);
    if (!opts.lessonIds.includes(id))
      return fail(
        'unknown-lesson',
        `This link opens the lesson ${quote(id)}, which this Informer Lab does not have.`,
      );
    if (changesV === undefined) source = { kind: 'lesson', id };
    else {
      const changes = readChanges(changesV, 'lesson');
      if (typeof changes === 'string') return fail('invalid-scenario', changes);
      source = { kind: 'lesson', id, changes };
    }
  } else if (f.of === 'library') {
    const name = readId(own(obj, 'library'), `${at}"library"`);
    if (!opts.libraryNames.includes(name))
      return fail(
        'unknown-lesson',
        `This link opens the scenario ${quote(name)}, which this Informer Lab does not have.`,
      );
    if (changesV === undefined) source = { kind: 'library', name };
    else {
      const changes = readChanges(changesV, 'scenario');
      if (typeof changes === 'string') return fail('invalid-scenario', changes);
      source = { kind: 'library', name, changes };
    }
  } else {
    const doc = own(obj, 'scenario');
    if (!isRecord(doc)) malformed(`${at}"scenario"`, `must be a map, got ${describeValue(doc)}`);
    if (Object.hasOwn(doc, 'apiVersion') || Object.hasOwn(doc, 'kind'))
      malformed(`${at}"scenario"`, 'must not carry apiVersion or kind (the link format implies them)');
    const r = validateScenario({ apiVersion: SCENARIO_API_VERSION, kind: 'Scenario', ...doc });
    if (!r.ok)
      return fail('invalid-scenario', `The scenario in this link is not valid: ${firstErrors(r.errors)}`);
    source = { kind: 'scenario', scenario: r.scenario };
  }

  const interventions: Intervention[] = [];
  if (f.ivDocs.length > 0) {
    const r = readInterventionDocs(f.ivDocs);
    if (!r.ok) {
      return fail(
        'invalid-scenario',
        `InterventionAction ${r.index + 1} in this link is not valid: ${r.errors.slice(0, 3).join('; ')}${r.errors.length > 3 ? '; ...' : ''}`,
      );
    }
    r.actions.forEach((action, i) => {
      interventions.push({ step: f.ivSteps[i]!, action });
    });
  }
  return {
    source,
    ...(f.seed === undefined ? {} : { seed: f.seed }),
    step: f.step,
    interventions,
    ...(f.digest === undefined ? {} : { digest: f.digest }),
  };
}

function readWireOrThrow(wire: unknown, opts: DecodeOptions, version: number): DecodeResult {
  if (!isRecord(wire)) malformed('its content', `must be a map, got ${describeValue(wire)}`);
  // A v1 link has no comparison part: it reads exactly as before v2.
  checkKeys(wire, version >= 2 ? WIRE_KEYS_V2 : WIRE_KEYS, '');
  const warnings: string[] = [];

  // Fields first (all structural problems are 'malformed'), then the content checks.
  const leftFields = readSideFields(wire, '');
  const langV = own(wire, 'lang');
  let lang: LinkLang | undefined;
  if (langV !== undefined) {
    if (typeof langV !== 'string') malformed('"lang"', `must be a language tag, got ${describeValue(langV)}`);
    if ((LINK_LANGS as readonly string[]).includes(langV)) lang = langV as LinkLang;
    else
      warnings.push(`The link asks for the language ${quote(langV)}, which this Informer Lab does not have.`);
  }
  const embedV = own(wire, 'embed');
  let embed: LinkState['embed'];
  if (embedV !== undefined) {
    if (!isRecord(embedV)) malformed('"embed"', `must be a map, got ${describeValue(embedV)}`);
    checkKeys(embedV, ['start'], '"embed".');
    const start = own(embedV, 'start');
    embed =
      start === undefined
        ? { on: true }
        : { on: true, startStep: readInt(start, '"embed".start', LINK_BOUNDS.step) };
  }
  const engine = own(wire, 'engine');
  if (
    typeof engine !== 'string' ||
    !/^[0-9A-Za-z][0-9A-Za-z.+-]*$/.test(engine) ||
    engine.length > LINK_BOUNDS.engineChars
  )
    malformed('"engine"', `must be an engine version like "1", got ${describeValue(engine)}`);
  const cmpV = own(wire, 'cmp');
  let cmp: { fields: SideFields; align: LinkAlign; id: string | undefined } | undefined;
  if (cmpV !== undefined) {
    if (!isRecord(cmpV)) malformed('"cmp"', `must be a map, got ${describeValue(cmpV)}`);
    checkKeys(cmpV, CMP_KEYS, '"cmp".');
    const fields = readSideFields(cmpV, '"cmp".');
    const align = own(cmpV, 'align');
    if (typeof align !== 'string' || !(LINK_ALIGNS as readonly string[]).includes(align))
      malformed('"cmp".align', `must be "time" or "step", got ${describeValue(align)}`);
    const idV = own(cmpV, 'id');
    cmp = { fields, align: align as LinkAlign, id: idV === undefined ? undefined : readId(idV, '"cmp".id') };
  }

  const left = readSideContent(wire, leftFields, opts, '');
  if ('ok' in left) return left;
  let compare: LinkCompare | undefined;
  if (cmp !== undefined) {
    const right = readSideContent(cmpV as Readonly<Record<string, unknown>>, cmp.fields, opts, '"cmp".');
    if ('ok' in right) return fail(right.reason, `The right side of this comparison: ${right.message}`);
    let comparisonId = cmp.id;
    if (comparisonId !== undefined && !(opts.comparisonIds ?? []).includes(comparisonId)) {
      warnings.push(
        `The link names the built-in comparison ${quote(comparisonId)}, which this Informer Lab does not have; its two runs are shown without it.`,
      );
      comparisonId = undefined;
    }
    compare = { right, align: cmp.align, ...(comparisonId === undefined ? {} : { comparisonId }) };
  }

  if (engine !== ENGINE_BEHAVIOUR_VERSION) {
    warnings.push(
      `This link was made with engine behaviour version ${quote(engine)}; this Informer Lab runs version ${quote(ENGINE_BEHAVIOUR_VERSION)}, so the replay may differ from what its author saw.`,
    );
  }
  const state: LinkState = {
    source: left.source,
    ...(left.seed === undefined ? {} : { seed: left.seed }),
    step: left.step,
    ...(lang === undefined ? {} : { lang }),
    interventions: left.interventions,
    ...(embed === undefined ? {} : { embed }),
    engine,
    ...(left.digest === undefined ? {} : { digest: left.digest }),
    ...(compare === undefined ? {} : { compare }),
  };
  return { ok: true, state, warnings };
}

function firstErrors(errors: readonly { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`));
  return `${shown.join('; ')}${errors.length > 3 ? `; ...and ${errors.length - 3} more` : ''}`;
}

/** Settings changes (a settings document whose keys say what changed) → normalized, or a message. */
function readChanges(
  doc: Readonly<Record<string, unknown>>,
  of: 'lesson' | 'scenario',
): LessonChanges | string {
  const r = readSettingsChanges(doc);
  return r.ok ? r.changes : `The ${of} changes in this link are not valid: ${firstErrors(r.errors)}`;
}
