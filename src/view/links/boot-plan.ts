/**
 * The page's URL at boot, the light part (pure; loaded with the first paint, unlike the link codec):
 * - `readBootUrl` reads what the page was opened with: a `#v1.…` link (decoded by ./link-state.ts
 *   `planBoot`, loaded on demand), or plain flags
 *   (`?lesson=…`, `?scenario=…`, `?compare=…`, `?step=…`, `?seed=…`, `?embed=1`, in the query or the
 *   fragment);
 * - `planFlags` turns plain flags into what to load (or the failure to show and the default to load
 *   instead); `replayVerdict` compares the replayed frame with the one a link was made at.
 * A comparison (issue 13: `?compare=<id>` or a v2 link) is a plan whose `session` is the left side and
 * whose `compare` part holds the right side, the alignment and the right frame's digest.
 * Nothing here touches the DOM; link text is data and is never interpreted as HTML.
 */

import type { ScenarioSource, Session } from '../../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import type { Lang } from '../../i18n';
import type { ComparisonSessions } from '../../scenarios/comparisons';
import type { Lesson } from '../../scenarios/lessons/types';
import type { DecodeOptions, LinkFailure } from '../../scenarios/url-codec';

// ---------------------------------------------------------------------------------------------
// Reading the page's URL

export type BootUrl =
  /** A `#v1.…` link (or anything in the fragment that is not a list of flags: it is decoded, and fails). */
  | { readonly kind: 'link'; readonly payload: string; readonly embed: boolean }
  /** Plain flags; each is absent when not given. `bad` lists flags that were given but unusable. */
  | {
      readonly kind: 'flags';
      readonly lesson?: string;
      readonly scenario?: string;
      /** A built-in comparison (src/scenarios/comparisons) by id. */
      readonly compare?: string;
      readonly step?: number;
      readonly seed?: number;
      readonly embed: boolean;
      readonly bad: readonly { readonly flag: string; readonly value: string }[];
    };

const FLAG_TEXT_MAX = 100;

function truthy(v: string | null): boolean {
  return v !== null && v !== '0' && v.toLowerCase() !== 'false' && v.toLowerCase() !== 'no';
}

/** Reads `?lesson=…&step=…` style flags from the query, then the fragment (the query wins). */
export function readBootUrl(search: string, hash: string): BootUrl {
  const query = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const head = q >= 0 ? h.slice(0, q) : h;
  const tail = q >= 0 ? h.slice(q + 1) : '';
  // "v1.…" is a link payload, whatever follows; so is anything else that is not a list of flags
  // (base64url has no '=').
  const isPayload = /^v\d+\./.test(head) || (head.trim() !== '' && !head.includes('='));
  const frag = new URLSearchParams(isPayload ? tail : h);
  const get = (k: string): string | null => query.get(k) ?? frag.get(k);
  const embed = truthy(get('embed'));
  if (isPayload) return { kind: 'link', payload: head, embed };
  const bad: { flag: string; value: string }[] = [];
  const text = (k: string): string | undefined => {
    const v = get(k);
    if (v === null) return undefined;
    if (v === '' || v.length > FLAG_TEXT_MAX) {
      bad.push({ flag: k, value: v.slice(0, FLAG_TEXT_MAX) });
      return undefined;
    }
    return v;
  };
  const int = (k: string, max: number): number | undefined => {
    const v = get(k);
    if (v === null) return undefined;
    if (!/^\d{1,10}$/.test(v) || Number(v) > max) {
      bad.push({ flag: k, value: v.slice(0, FLAG_TEXT_MAX) });
      return undefined;
    }
    return Number(v);
  };
  const lesson = text('lesson');
  const scenario = text('scenario');
  const compare = text('compare');
  const step = int('step', 1_000_000_000);
  const seed = int('seed', 0xffffffff);
  return {
    kind: 'flags',
    ...(lesson === undefined ? {} : { lesson }),
    ...(scenario === undefined ? {} : { scenario }),
    ...(compare === undefined ? {} : { compare }),
    ...(step === undefined ? {} : { step }),
    ...(seed === undefined ? {} : { seed }),
    embed,
    bad,
  };
}

// ---------------------------------------------------------------------------------------------
// What to do at boot

/** Why the page could not open what its URL asked for. */
export type BootFailure =
  | { readonly kind: 'link'; readonly reason: LinkFailure; readonly message: string }
  | { readonly kind: 'unknown-lesson'; readonly id: string }
  | { readonly kind: 'unknown-scenario'; readonly name: string }
  | { readonly kind: 'unknown-comparison'; readonly id: string }
  | { readonly kind: 'bad-flag'; readonly flag: string; readonly value: string };

export interface BootPlan {
  /** What to open: the source, seed, interventions and the step to replay to (model/session.ts). */
  readonly session: Session;
  /** Where to show after the check (embed start), when not `step`. */
  readonly startStep: number | null;
  readonly embed: boolean;
  /** The language the link asks for. */
  readonly lang?: Lang;
  /** What the link was made with, to compare after the replay (links only). */
  readonly expect: { readonly engine: string; readonly digest?: string } | null;
  /** A lesson file the link carries (its scenario is `source`). */
  readonly fileLesson: { readonly lesson: Lesson; readonly text: string } | null;
  /** What could not be opened (the plan then loads the default instead). */
  readonly failure: BootFailure | null;
  /** Warnings from the codec (plain English text). */
  readonly warnings: readonly string[];
  /** A comparison to open (absent: a single run): `session` above is its left side. */
  readonly compare?: CompareBoot;
}

/** The comparison part of a plan: with `session` (the left side), what the compare store opens. */
export interface CompareBoot {
  readonly right: Session;
  readonly align: 'time' | 'step';
  readonly comparisonId?: string;
  /** The right frame's digest the link was made at (links only; `expect` holds the engine and the left's). */
  readonly expectRight: { readonly engine: string; readonly digest?: string } | null;
}

export interface BootContext extends DecodeOptions {
  /** Loaded when the URL asks for nothing, or for something that cannot be opened. */
  readonly fallback: ScenarioSource;
  /**
   * The built-in comparisons' sessions by id (src/scenarios/comparisons `comparisonSessions`; loaded on
   * demand, so absent when the URL asks for none): without it every `?compare=` id is unknown.
   */
  readonly comparisons?: (id: string) => ComparisonSessions | undefined;
}

/** The plan that loads the fallback (with the failure to show, if any). */
export function plainPlan(ctx: BootContext, embed: boolean, failure: BootFailure | null): BootPlan {
  return {
    session: { source: ctx.fallback, interventions: [], step: 0 },
    startStep: null,
    embed,
    expect: null,
    fileLesson: null,
    failure,
    warnings: [],
  };
}

/** The plan for plain flags (no link payload). */
export function planFlags(url: Extract<BootUrl, { kind: 'flags' }>, ctx: BootContext): BootPlan {
  const firstBad = url.bad[0];
  if (url.compare !== undefined) return planCompareFlag(url, url.compare, ctx);
  let source: ScenarioSource = ctx.fallback;
  if (url.lesson !== undefined) {
    if (!ctx.lessonIds.includes(url.lesson))
      return plainPlan(ctx, url.embed, { kind: 'unknown-lesson', id: url.lesson });
    source = { kind: 'lesson', id: url.lesson };
  } else if (url.scenario !== undefined) {
    if (!ctx.libraryNames.includes(url.scenario))
      return plainPlan(ctx, url.embed, { kind: 'unknown-scenario', name: url.scenario });
    source = { kind: 'library', name: url.scenario };
  }
  return {
    session: {
      source,
      ...(url.seed === undefined ? {} : { seed: url.seed }),
      interventions: [],
      step: url.step ?? 0,
    },
    startStep: null,
    embed: url.embed,
    expect: null,
    fileLesson: null,
    failure: firstBad === undefined ? null : { kind: 'bad-flag', ...firstBad },
    warnings: [],
  };
}

// ---------------------------------------------------------------------------------------------
// After the replay

export type ReplayVerdict =
  /** Nothing to compare (no link, or a link without a digest made by this engine). */
  | 'unchecked'
  | 'same'
  /** Made by another engine behaviour version (whatever the digest says). */
  | 'other-engine'
  /** Same engine, but the frame differs (or the run ended before the step). */
  | 'differs';

export function replayVerdict(
  expected: BootPlan['expect'],
  shown: { readonly step: number; readonly digest: string } | null,
  target: number,
): ReplayVerdict {
  if (expected === null) return 'unchecked';
  if (expected.engine !== ENGINE_BEHAVIOUR_VERSION) return 'other-engine';
  if (shown === null || shown.step !== target) return 'differs';
  if (expected.digest === undefined) return 'unchecked';
  return expected.digest === shown.digest ? 'same' : 'differs';
}

/**
 * `?compare=<id>`: the built-in comparison's two sessions, both at `?step=` when given (`?seed=` is
 * ignored: a seed may be what the two sides differ in). An unknown id opens the default page instead.
 */
function planCompareFlag(url: Extract<BootUrl, { kind: 'flags' }>, id: string, ctx: BootContext): BootPlan {
  const c = ctx.comparisons?.(id);
  if (c === undefined) return plainPlan(ctx, url.embed, { kind: 'unknown-comparison', id });
  const at = (s: Session): Session => (url.step === undefined ? s : { ...s, step: url.step });
  const firstBad = url.bad[0];
  return {
    session: at(c.left),
    startStep: null,
    embed: url.embed,
    expect: null,
    fileLesson: null,
    failure: firstBad === undefined ? null : { kind: 'bad-flag', ...firstBad },
    warnings: [],
    compare: { right: at(c.right), align: c.align, comparisonId: c.comparisonId, expectRight: null },
  };
}
