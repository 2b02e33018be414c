/**
 * Opening the page: what its URL asks for (link-state.ts `planBoot`) is loaded and replayed through the
 * store, and what went wrong becomes a notice (data: an i18n key, params and plain-text detail).
 * `failureNotice` and `verdictNotice` are pure (tested in Node); `runBoot` drives the store, and
 * `runCompareBoot` the compare store for a plan with a comparison (issue 13).
 */

import type { ScenarioSource } from '../../engine/model/session';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import type { CompareSetup, CompareStore } from '../../store/compare/types';
import type { AppNotice, SimStore } from '../../store/types';
import type { BootFailure, BootPlan, ReplayVerdict } from './boot-plan';
import { replayVerdict } from './boot-plan';

/** Notice ids (one of each at a time). */
export const NOTICE = { link: 'link', warning: 'link-warning', replay: 'link-replay' } as const;

/** What the page offers instead of a link it cannot open. */
export function offerFor(defaultLessonId: string | null): AppNotice['offer'] {
  return defaultLessonId === null ? 'default-scenario' : 'default-lesson';
}

export function failureNotice(f: BootFailure, defaultLessonId: string | null): AppNotice {
  const offer = offerFor(defaultLessonId);
  switch (f.kind) {
    case 'link':
      // The codec's message names the problem (a field, a character); for a cut-off or changed link
      // it says no more than the notice itself.
      return {
        id: NOTICE.link,
        tone: 'error',
        key: `links.failure.${f.reason}`,
        ...(f.reason === 'truncated' || f.reason === 'tampered' ? {} : { detail: f.message }),
        offer,
      };
    case 'unknown-lesson':
      return { id: NOTICE.link, tone: 'error', key: 'links.failure.noLesson', params: { id: f.id }, offer };
    case 'unknown-scenario':
      return {
        id: NOTICE.link,
        tone: 'error',
        key: 'links.failure.noScenario',
        params: { name: f.name },
        offer,
      };
    case 'unknown-comparison':
      return {
        id: NOTICE.link,
        tone: 'error',
        key: 'links.failure.noComparison',
        params: { id: f.id },
        offer,
      };
    case 'bad-flag':
      return {
        id: NOTICE.link,
        tone: 'warning',
        key: 'links.failure.badFlag',
        params: { flag: f.flag, value: f.value },
      };
  }
}

export function verdictNotice(verdict: ReplayVerdict, expected: BootPlan['expect']): AppNotice | null {
  if (verdict === 'other-engine' && expected !== null) {
    return {
      id: NOTICE.replay,
      tone: 'warning',
      key: 'links.replay.otherEngine',
      params: { theirs: expected.engine, ours: ENGINE_BEHAVIOUR_VERSION },
    };
  }
  if (verdict === 'differs') return { id: NOTICE.replay, tone: 'warning', key: 'links.replay.differs' };
  return null;
}

/**
 * Loads and replays a plan. When the source cannot be loaded, the fallback is loaded instead (the
 * store's error banner says why). Resolves when the page shows what it will show.
 */
export async function runBoot(
  store: SimStore,
  plan: BootPlan,
  fallback: ScenarioSource,
  defaultLessonId: string | null,
): Promise<void> {
  const s = () => store.getState();
  for (const id of Object.values(NOTICE)) s().dismissNotice(id);
  if (plan.failure !== null) s().pushNotice(failureNotice(plan.failure, defaultLessonId));
  if (plan.warnings.length > 0) {
    s().pushNotice({
      id: NOTICE.warning,
      tone: 'info',
      key: 'links.notice.warnings',
      detail: plan.warnings.join(' '),
    });
  }
  const { session } = plan;
  // The file lesson stands for exactly this load (the lesson player compares sources by identity).
  if (plan.fileLesson !== null) s().setFileLesson({ ...plan.fileLesson, source: session.source });
  if (!(await s().open(session)) && s().source !== session.source) {
    // Refused, nothing changed (the error banner says why). When the interventions were the problem,
    // show the source alone (keeping the banner); otherwise the fallback.
    const why = s().error;
    const alone = session.interventions.length > 0 && (await s().load(session.source, session.seed));
    if (!alone) {
      if (session.source !== fallback) await s().load(fallback);
      return;
    }
    if (why !== null) store.setState({ error: why });
  }
  const frame = s().frame;
  const verdict = replayVerdict(
    plan.expect,
    frame === null ? null : { step: frame.step, digest: frame.digest },
    session.step,
  );
  const notice = verdictNotice(verdict, plan.expect);
  if (notice !== null) s().pushNotice(notice);
  if (plan.startStep !== null && plan.startStep !== session.step) await s().seek(plan.startStep);
}

/** The compare store's setup for a plan with a comparison (null for a single run). */
export function compareSetupOf(plan: BootPlan): CompareSetup | null {
  const c = plan.compare;
  if (c === undefined) return null;
  return {
    left: plan.session,
    right: c.right,
    align: c.align,
    ...(c.comparisonId === undefined ? {} : { comparisonId: c.comparisonId }),
  };
}

export interface CompareBootResult {
  /** Both sessions were opened (false: the compare store's `error` says why, and nothing else changed). */
  readonly opened: boolean;
  /** Each side's replay against the frame the link was made at. */
  readonly verdicts: { readonly left: ReplayVerdict; readonly right: ReplayVerdict };
}

/**
 * Opens a plan's comparison in the compare store and checks both replayed frames against the link's
 * digests. Notices (the codec's warnings; a frame that differs) go to the side they concern, the link's
 * own to the left side's store (each side's notices are rendered with its figure). A plan without a
 * comparison opens nothing.
 */
export async function runCompareBoot(store: CompareStore, plan: BootPlan): Promise<CompareBootResult> {
  const unchecked = { left: 'unchecked', right: 'unchecked' } as const;
  const setup = compareSetupOf(plan);
  if (setup === null || plan.compare === undefined) return { opened: false, verdicts: unchecked };
  const { left, right } = store.sides;
  for (const side of [left, right]) for (const id of Object.values(NOTICE)) side.getState().dismissNotice(id);
  if (plan.failure !== null) left.getState().pushNotice(failureNotice(plan.failure, null));
  if (plan.warnings.length > 0) {
    left.getState().pushNotice({
      id: NOTICE.warning,
      tone: 'info',
      key: 'links.notice.warnings',
      detail: plan.warnings.join(' '),
    });
  }
  if (!(await store.getState().open(setup))) return { opened: false, verdicts: unchecked };
  const verdictOf = (side: SimStore, expected: BootPlan['expect'], step: number): ReplayVerdict => {
    const frame = side.getState().frame;
    const verdict = replayVerdict(
      expected,
      frame === null ? null : { step: frame.step, digest: frame.digest },
      step,
    );
    const notice = verdictNotice(verdict, expected);
    if (notice !== null) side.getState().pushNotice(notice);
    return verdict;
  };
  return {
    opened: true,
    verdicts: {
      left: verdictOf(left, plan.expect, setup.left.step),
      right: verdictOf(right, plan.compare.expectRight, setup.right.step),
    },
  };
}
