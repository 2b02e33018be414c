/**
 * Shareable links, the page's side (pure; the codec is src/scenarios/url-codec.ts). This module and the
 * codec are loaded on demand (for a `#v1.…` link at boot, Copy link, Open in Informer Lab): the first
 * paint needs only ./boot-plan.ts.
 * - `shareState` turns what is on screen (the loaded source and seed, the step, the language, the
 *   interventions so far, the frame digest) into the codec's LinkState, and `shareUrl` into a URL;
 * - `readBootUrl` (./boot-plan.ts) reads what the page was opened with: a `#v1.…` link (with a lesson
 *   file after `~`, ./lesson-attachment.ts), or plain flags
 *   (`?lesson=…`, `?scenario=…`, `?step=…`, `?seed=…`, `?embed=1`, in the query or the fragment);
 * - `planBoot` turns that into what to load and replay (or the failure to show and the default to
 *   load instead); `replayVerdict` compares the replayed frame with the one the link was made at.
 * Nothing here touches the DOM; link text is data and is never interpreted as HTML.
 */

import type { ScenarioSource, Session } from '../../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import type { Lang } from '../../i18n';
import {
  ATTACHMENT_SEPARATOR,
  decodeLessonAttachment,
  encodeLessonAttachment,
} from '../../scenarios/lesson-attachment';
import { parseScenario } from '../../scenarios/parse';
import {
  decodeLink,
  encodeLink,
  type LinkCompare,
  LinkEncodeError,
  type LinkSource,
  type LinkState,
} from '../../scenarios/url-codec';
import type { CompareSetup } from '../../store/compare/types';
import {
  type BootContext,
  type BootPlan,
  type BootUrl,
  type CompareBoot,
  plainPlan,
  planFlags,
} from './boot-plan';

export {
  type BootContext,
  type BootFailure,
  type BootPlan,
  type BootUrl,
  type CompareBoot,
  plainPlan,
  planFlags,
  type ReplayVerdict,
  readBootUrl,
  replayVerdict,
} from './boot-plan';

// ---------------------------------------------------------------------------------------------
// Making a link

/** What is on screen, as the store has it. */
export interface ShareInputs {
  /** The session on screen (store/selectors.ts `sessionOf`): source, seed, interventions, step. */
  readonly session: Session;
  readonly lang: Lang;
  readonly digest: string | null;
  /** Embed mode; `startStep` = where the embedded player starts (absent: at the session's step). */
  readonly embed?: { readonly startStep?: number };
  /** The text of a lesson file on screen (its scenario is the session's source): the link carries it whole. */
  readonly lessonText?: string;
}

export type ShareResult =
  | { readonly ok: true; readonly state: LinkState; readonly payload: string }
  | { readonly ok: false; readonly code: 'too-large' | 'invalid'; readonly message: string };

/** The link source of a loaded source: text is parsed (a link embeds the normalized scenario). */
export function linkSourceOf(source: ScenarioSource): LinkSource | { readonly error: string } {
  if (source.kind === 'library') {
    // The era switch's `{ era }` (and any other change) travels with the story's name.
    return source.changes === undefined
      ? { kind: 'library', name: source.name }
      : { kind: 'library', name: source.name, changes: source.changes };
  }
  if (source.kind === 'lesson') {
    return source.changes === undefined
      ? { kind: 'lesson', id: source.id }
      : { kind: 'lesson', id: source.id, changes: source.changes };
  }
  if (source.kind === 'scenario') return { kind: 'scenario', scenario: source.scenario };
  const r = parseScenario(source.text);
  if (!r.ok) return { error: r.errors[0]?.message ?? 'the scenario is not valid' };
  return { kind: 'scenario', scenario: r.scenario };
}

/** The LinkState for what is on screen (throws only for a source that does not parse). */
export function shareState(inputs: ShareInputs): LinkState {
  const { session } = inputs;
  const source = linkSourceOf(session.source);
  if ('error' in source) throw new LinkEncodeError('invalid', source.error);
  const embed =
    inputs.embed === undefined
      ? undefined
      : inputs.embed.startStep === undefined || inputs.embed.startStep === session.step
        ? ({ on: true } as const)
        : ({ on: true, startStep: inputs.embed.startStep } as const);
  return {
    source,
    ...(session.seed === undefined ? {} : { seed: session.seed }),
    step: session.step,
    lang: inputs.lang,
    interventions: session.interventions.map((i) => ({ step: i.step, action: i.action })),
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

/** What a comparison shows (issue 13): both sessions at the steps on screen, and both frames' digests. */
export interface CompareShareInputs {
  /** Null before both sides opened. */
  readonly setup: CompareSetup | null;
  readonly lang: Lang;
  readonly digests: { readonly left: string | null; readonly right: string | null };
  /** Embed mode (the compare view embedded in a course page). */
  readonly embed?: boolean;
}

/** The LinkState of a comparison: the left side as the link's own fields, the right in `compare`. */
export function compareShareState(setup: CompareSetup, inputs: CompareShareInputs): LinkState {
  const left = shareState({
    session: setup.left,
    lang: inputs.lang,
    digest: inputs.digests.left,
    ...(inputs.embed === true ? { embed: {} } : {}),
  });
  const r = setup.right;
  const source = linkSourceOf(r.source);
  if ('error' in source) throw new LinkEncodeError('invalid', source.error);
  const right = {
    source,
    ...(r.seed === undefined ? {} : { seed: r.seed }),
    step: r.step,
    interventions: r.interventions.map((i) => ({ step: i.step, action: i.action })),
    ...(inputs.digests.right === null ? {} : { digest: inputs.digests.right }),
  };
  return {
    ...left,
    compare: {
      right,
      align: setup.align,
      ...(setup.comparisonId === undefined ? {} : { comparisonId: setup.comparisonId }),
    },
  };
}

/** Encodes a comparison on screen; never throws (a refusal says why). */
export function shareCompare(inputs: CompareShareInputs): ShareResult {
  if (inputs.setup === null) return { ok: false, code: 'invalid', message: 'nothing is open yet' };
  try {
    const state = compareShareState(inputs.setup, inputs);
    return { ok: true, state, payload: encodeLink(state) };
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
// What to do at boot, for a link (plain flags: ./boot-plan.ts)

/** A v2 link's right side as the plan's compare part (the left side is the link's own fields). */
function compareBootOf(c: LinkCompare, engine: string): CompareBoot {
  const r = c.right;
  return {
    right: {
      source: r.source,
      ...(r.seed === undefined ? {} : { seed: r.seed }),
      interventions: r.interventions,
      step: r.step,
    },
    align: c.align,
    ...(c.comparisonId === undefined ? {} : { comparisonId: c.comparisonId }),
    expectRight: { engine, ...(r.digest === undefined ? {} : { digest: r.digest }) },
  };
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
      // A link's source is a session source as it is: lessons and library scenarios by name, an
      // embedded scenario as the value the codec validated (no YAML round trip).
      session: {
        source: st.source,
        ...(st.seed === undefined ? {} : { seed: st.seed }),
        interventions: st.interventions,
        step: st.step,
      },
      startStep: st.embed?.startStep ?? null,
      embed,
      ...(st.lang === undefined ? {} : { lang: st.lang }),
      expect: { engine: st.engine, ...(st.digest === undefined ? {} : { digest: st.digest }) },
      fileLesson,
      failure: null,
      warnings: r.warnings,
      ...(st.compare === undefined ? {} : { compare: compareBootOf(st.compare, st.engine) }),
    };
  }
  return planFlags(url, ctx);
}
