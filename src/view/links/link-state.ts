/**
 * Shareable links, the page's side (pure; the codec is src/scenarios/url-codec.ts):
 * - `shareState` turns what is on screen (the loaded source and seed, the step, the language, the
 *   interventions so far, the frame digest) into the codec's LinkState, and `shareUrl` into a URL;
 * - `readBootUrl` reads what the page was opened with: a `#v1.…` link (with a lesson file after `~`,
 *   ./lesson-attachment.ts), or plain flags
 *   (`?lesson=…`, `?scenario=…`, `?step=…`, `?seed=…`, `?embed=1`, in the query or the fragment);
 * - `planBoot` turns that into what to load and replay (or the failure to show and the default to
 *   load instead); `replayVerdict` compares the replayed frame with the one the link was made at.
 * Nothing here touches the DOM; link text is data and is never interpreted as HTML.
 */
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import type { Lang } from '../../i18n';
import type { Lesson } from '../../scenarios/lessons';
import { parseScenario, scenarioToYaml } from '../../scenarios/parse';
import type { Scenario } from '../../scenarios/types';
import {
  type DecodeOptions,
  decodeLink,
  encodeLink,
  LinkEncodeError,
  type LinkFailure,
  type LinkSource,
  type LinkState,
} from '../../scenarios/url-codec';
import type { LoggedIntervention } from '../../store/types';
import type { ScenarioSource } from '../../worker/protocol';
import { ATTACHMENT_SEPARATOR, decodeLessonAttachment, encodeLessonAttachment } from './lesson-attachment';

// ---------------------------------------------------------------------------------------------
// Making a link

/** What is on screen, as the store has it. */
export interface ShareInputs {
  readonly source: ScenarioSource;
  readonly seedOverride: number | undefined;
  readonly step: number;
  readonly lang: Lang;
  readonly interventions: readonly LoggedIntervention[];
  readonly digest: string | null;
  /** Embed mode; `startStep` = where the embedded player starts (absent: at `step`). */
  readonly embed?: { readonly startStep?: number };
  /** The text of a lesson file on screen (its scenario is `source`): the link carries it whole. */
  readonly lessonText?: string;
}

export type ShareResult =
  | { readonly ok: true; readonly state: LinkState; readonly payload: string }
  | { readonly ok: false; readonly code: 'too-large' | 'invalid'; readonly message: string };

/** The link source of a loaded source: text is parsed (a link embeds the normalized scenario). */
export function linkSourceOf(source: ScenarioSource): LinkSource | { readonly error: string } {
  if (source.kind === 'library') return { kind: 'library', name: source.name };
  if (source.kind === 'lesson') {
    return source.changes === undefined
      ? { kind: 'lesson', id: source.id }
      : { kind: 'lesson', id: source.id, changes: source.changes };
  }
  const r = parseScenario(source.text);
  if (!r.ok) return { error: r.errors[0]?.message ?? 'the scenario is not valid' };
  return { kind: 'scenario', scenario: r.scenario };
}

/** The LinkState for what is on screen (throws only for a source that does not parse). */
export function shareState(inputs: ShareInputs): LinkState {
  const source = linkSourceOf(inputs.source);
  if ('error' in source) throw new LinkEncodeError('invalid', source.error);
  const embed =
    inputs.embed === undefined
      ? undefined
      : inputs.embed.startStep === undefined || inputs.embed.startStep === inputs.step
        ? ({ on: true } as const)
        : ({ on: true, startStep: inputs.embed.startStep } as const);
  return {
    source,
    ...(inputs.seedOverride === undefined ? {} : { seed: inputs.seedOverride }),
    step: inputs.step,
    lang: inputs.lang,
    interventions: inputs.interventions.map((i) => ({ step: i.step, action: i.action })),
    ...(embed === undefined ? {} : { embed }),
    engine: ENGINE_BEHAVIOUR_VERSION,
    ...(inputs.digest === null ? {} : { digest: inputs.digest }),
  };
}

/** Encodes what is on screen; never throws (a refusal says why). */
export function share(inputs: ShareInputs): ShareResult {
  try {
    const state = shareState(inputs);
    const payload = encodeLink(state);
    return {
      ok: true,
      state,
      payload:
        inputs.lessonText === undefined
          ? payload
          : payload + ATTACHMENT_SEPARATOR + encodeLessonAttachment(inputs.lessonText),
    };
  } catch (e) {
    if (e instanceof LinkEncodeError) return { ok: false, code: e.code, message: e.message };
    return { ok: false, code: 'invalid', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The full URL of a link: the page's address without its query and fragment, then `#payload`
 * (a query could carry flags such as `lang` that would fight with the link's own).
 */
export function shareUrl(pageHref: string, payload: string): string {
  const cut = pageHref.search(/[?#]/);
  return `${cut < 0 ? pageHref : pageHref.slice(0, cut)}#${payload}`;
}

/** The copy-paste snippet for a course page. Text only: the caller shows it in a text field. */
export function embedSnippet(url: string, title = 'Informer Lab'): string {
  const attr = (s: string): string =>
    s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${attr(url)}" width="100%" height="720" style="border:0" title="${attr(title)}"></iframe>`;
}

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
  const step = int('step', 1_000_000_000);
  const seed = int('seed', 0xffffffff);
  return {
    kind: 'flags',
    ...(lesson === undefined ? {} : { lesson }),
    ...(scenario === undefined ? {} : { scenario }),
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
  | { readonly kind: 'bad-flag'; readonly flag: string; readonly value: string };

export interface BootPlan {
  readonly source: ScenarioSource;
  readonly seed?: number;
  readonly interventions: readonly LoggedIntervention[];
  /** The step to replay to (0 = stay at the start). */
  readonly step: number;
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
}

export interface BootContext extends DecodeOptions {
  /** Loaded when the URL asks for nothing, or for something that cannot be opened. */
  readonly fallback: ScenarioSource;
}

function plainPlan(ctx: BootContext, embed: boolean, failure: BootFailure | null): BootPlan {
  return {
    source: ctx.fallback,
    interventions: [],
    step: 0,
    startStep: null,
    embed,
    expect: null,
    fileLesson: null,
    failure,
    warnings: [],
  };
}

/** A link source → what the engine loads. */
export function loadSourceOf(source: LinkSource): ScenarioSource {
  if (source.kind === 'lesson') {
    return source.changes === undefined
      ? { kind: 'lesson', id: source.id }
      : { kind: 'lesson', id: source.id, changes: source.changes };
  }
  if (source.kind === 'library') return { kind: 'library', name: source.name };
  return { kind: 'text', text: scenarioToYaml(source.scenario as Scenario) };
}

export function planBoot(url: BootUrl, ctx: BootContext): BootPlan {
  if (url.kind === 'link') {
    const cut = url.payload.indexOf(ATTACHMENT_SEPARATOR);
    const main = cut < 0 ? url.payload : url.payload.slice(0, cut);
    const r = decodeLink(main, ctx);
    if (!r.ok) return plainPlan(ctx, url.embed, { kind: 'link', reason: r.reason, message: r.message });
    const st = r.state;
    let fileLesson: BootPlan['fileLesson'] = null;
    if (cut >= 0) {
      const a = decodeLessonAttachment(
        url.payload.slice(cut + 1),
        st.source.kind === 'scenario' ? st.source.scenario : null,
      );
      if (!a.ok) return plainPlan(ctx, url.embed, { kind: 'link', reason: a.reason, message: a.message });
      fileLesson = { lesson: a.lesson, text: a.text };
    }
    const embed = url.embed || st.embed !== undefined;
    return {
      source: loadSourceOf(st.source),
      ...(st.seed === undefined ? {} : { seed: st.seed }),
      interventions: st.interventions,
      step: st.step,
      startStep: st.embed?.startStep ?? null,
      embed,
      ...(st.lang === undefined ? {} : { lang: st.lang }),
      expect: { engine: st.engine, ...(st.digest === undefined ? {} : { digest: st.digest }) },
      fileLesson,
      failure: null,
      warnings: r.warnings,
    };
  }
  const firstBad = url.bad[0];
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
    source,
    ...(url.seed === undefined ? {} : { seed: url.seed }),
    interventions: [],
    step: url.step ?? 0,
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
