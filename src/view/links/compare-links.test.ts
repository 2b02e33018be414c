// Comparison links and `?compare=<id>` (issue 13), through the page's own path: two stores on in-process
// engines → makeCompareLinks → URL → readBootUrl → planBoot → runCompareBoot on fresh stores, which must
// show the same two frames. Bad comparison links and unknown ids give a BootFailure with a clear message,
// a plan for the default page, and no comparison.

import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createInProcessClient } from '../../bridge/in-process-client';
import { ENGINE_BEHAVIOUR_VERSION } from '../../engine/version';
import { EN, setLanguage } from '../../i18n';
import { COMPARISON_IDS, COMPARISONS, comparisonById, comparisonSessions } from '../../scenarios/comparisons';
import { LESSONS, lessonById } from '../../scenarios/lessons';
import { SCENARIO_LIBRARY } from '../../scenarios/library';
import { createSimStore, sessionOf } from '../../store';
import { createManualClock } from '../../store/clock';
import type { CompareSetup, CompareState, CompareStore } from '../../store/compare/types';
import { createEngineHost } from '../../worker/engine-host';
import { compareSetupOf, failureNotice, runCompareBoot } from './boot';
import { type BootContext, planBoot, planFlags, readBootUrl, shareCompare } from './link-state';
import { compareFullPageUrl, makeCompareLinks } from './share-link';

const FALLBACK = { kind: 'library', name: 'default' } as const;
const CTX: BootContext = {
  lessonIds: LESSONS.map((l) => l.id),
  libraryNames: SCENARIO_LIBRARY.map((s) => s.name),
  fallback: FALLBACK,
  comparisonIds: COMPARISON_IDS,
  comparisons: (id) => {
    const c = comparisonById(id);
    return c === undefined ? undefined : comparisonSessions(c);
  },
};
const HREF = 'https://lab.example/informer/?lang=zh-CN#old';

function newSide() {
  return createSimStore(
    createInProcessClient(() => createEngineHost({ lessons: (id) => lessonById(id)?.scenario })),
    { clock: createManualClock() },
  );
}

/**
 * A stand-in for the compare store (src/store/compare, part B) with the contract's `open`: both
 * sessions opened at their steps, false (error set, nothing else changed) when either is refused.
 */
function newCompareStore(): CompareStore {
  const sides = { left: newSide(), right: newSide() };
  const store = createStore<CompareState>()(
    (set) =>
      ({
        setup: null,
        align: 'time',
        error: null,
        async open(setup: CompareSetup) {
          const ok = await Promise.all([
            sides.left.getState().open(setup.left),
            sides.right.getState().open(setup.right),
          ]);
          if (ok.includes(false)) {
            set({ error: { message: 'refused', details: [] } });
            return false;
          }
          set({ setup, align: setup.align });
          return true;
        },
      }) as unknown as CompareState,
  );
  return Object.assign(store, { sides });
}

describe('?compare=<id>', () => {
  it('is read like ?lesson=, and plans both sessions of the built-in comparison', () => {
    for (const c of COMPARISONS) {
      const url = readBootUrl(`?compare=${c.id}`, '');
      expect(url).toMatchObject({ kind: 'flags', compare: c.id });
      if (url.kind !== 'flags') continue;
      const plan = planFlags(url, CTX);
      expect(plan.failure).toBeNull();
      expect(compareSetupOf(plan)).toEqual(comparisonSessions(c));
    }
    const at = readBootUrl('', '#compare=deepcopy&step=30&embed=1');
    const plan = at.kind === 'flags' ? planFlags(at, CTX) : null;
    expect([plan?.session.step, plan?.compare?.right.step, plan?.embed]).toEqual([30, 30, true]);
  });

  it('an unknown id (or comparisons not loaded) opens the default page and says which id', () => {
    for (const [search, ctx] of [
      ['?compare=no-such-thing', CTX],
      ['?compare=deepcopy', { ...CTX, comparisons: undefined }],
    ] as const) {
      const url = readBootUrl(search, '');
      const plan = url.kind === 'flags' ? planFlags(url, ctx) : null;
      expect(plan?.compare).toBeUndefined();
      expect(plan?.session).toEqual({ source: FALLBACK, interventions: [], step: 0 });
      expect(plan?.failure).toEqual({ kind: 'unknown-comparison', id: search.slice('?compare='.length) });
      const notice = failureNotice(plan!.failure!, null);
      expect(notice.key).toBe('links.failure.noComparison');
      expect(EN[notice.key]).toMatch(/\{id\}/);
    }
  });
});

describe('comparison links', () => {
  const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  it('Share comparison → the URL → boot: both sides reopen at their steps with the same digests', async () => {
    setLanguage('en');
    const author = newCompareStore();
    const c = comparisonById('deepcopy')!;
    const base = comparisonSessions(c);
    expect(
      await author
        .getState()
        .open({ ...base, left: { ...base.left, step: 70 }, right: { ...base.right, step: 64 } }),
    ).toBe(true);
    const [l, r] = [author.sides.left.getState(), author.sides.right.getState()];
    const setup: CompareSetup = {
      left: sessionOf(l)!,
      right: sessionOf(r)!,
      align: 'step',
      comparisonId: c.id,
    };
    const inputs = {
      setup,
      lang: 'zh-CN' as const,
      digests: { left: l.frame!.digest, right: r.frame!.digest },
    };
    const made = makeCompareLinks(inputs, HREF);
    if ('error' in made) throw new Error(made.error);
    expect(made.url.startsWith('https://lab.example/informer/#v2.')).toBe(true);
    expect(made.chars).toBeLessThan(2000);
    expect(made.snippet).toContain('<iframe');
    expect(compareFullPageUrl(inputs, HREF)).toBe(made.url);

    const u = new URL(made.url);
    const plan = planBoot(readBootUrl(u.search, u.hash), CTX);
    expect([plan.failure, plan.lang, plan.embed]).toEqual([null, 'zh-CN', false]);
    expect(compareSetupOf(plan)).toEqual(setup);
    const reader = newCompareStore();
    const result = await runCompareBoot(reader, plan);
    await flush();
    expect(result).toEqual({ opened: true, verdicts: { left: 'same', right: 'same' } });
    const [rl, rr] = [reader.sides.left.getState(), reader.sides.right.getState()];
    expect([rl.cursor, rl.frame?.digest, rr.cursor, rr.frame?.digest]).toEqual([
      70,
      l.frame!.digest,
      64,
      r.frame!.digest,
    ]);
    expect([rl.notices, rr.notices]).toEqual([[], []]);

    // The embed link opens the same two frames in embed mode.
    const e = new URL(made.embedUrl);
    const embedPlan = planBoot(readBootUrl(e.search, e.hash), CTX);
    expect([embedPlan.embed, compareSetupOf(embedPlan)]).toEqual([true, setup]);

    // A right frame that differs from the link's is reported on the right side only.
    const changed = newCompareStore();
    const v = await runCompareBoot(changed, {
      ...plan,
      compare: { ...plan.compare!, expectRight: { engine: ENGINE_BEHAVIOUR_VERSION, digest: '00000000' } },
    });
    expect(v.verdicts).toEqual({ left: 'same', right: 'differs' });
    expect(changed.sides.left.getState().notices).toEqual([]);
    expect(changed.sides.right.getState().notices.map((n) => n.key)).toEqual(['links.replay.differs']);
  });

  it('bad comparison links give a BootFailure with a clear message, the default page and no comparison', () => {
    const good = shareCompare({
      setup: { ...comparisonSessions(COMPARISONS[0]!) },
      lang: 'en',
      digests: { left: null, right: null },
    });
    if (!good.ok) throw new Error(good.message);
    const payload = good.payload;
    const wrongChecksum = `v2.${payload.slice(3, 10)}${payload[10] === 'A' ? 'B' : 'A'}${payload.slice(11)}`;
    for (const bad of ['v2.garbage!', payload.slice(0, 40), wrongChecksum]) {
      const plan = planBoot(readBootUrl('', `#${bad}`), CTX);
      expect(plan.compare).toBeUndefined();
      expect(plan.session.source).toEqual(FALLBACK);
      expect(plan.failure?.kind).toBe('link');
      expect(plan.failure?.kind === 'link' && plan.failure.message.length).toBeGreaterThan(10);
    }
    // A right side naming a lesson this build does not have.
    const plan = planBoot(readBootUrl('', `#${payload}`), { ...CTX, libraryNames: [] });
    expect(plan.compare).toBeUndefined();
    expect(plan.failure).toMatchObject({ kind: 'link', reason: 'unknown-lesson' });
  });

  it('the store refusing a session leaves the comparison unopened and reports it', async () => {
    const store = newCompareStore();
    const c = comparisonSessions(COMPARISONS[2]!);
    const plan = planFlags({ kind: 'flags', compare: COMPARISONS[2]!.id, embed: false, bad: [] }, CTX);
    const bad = {
      ...plan,
      compare: { ...plan.compare!, right: { ...c.right, source: { kind: 'lesson', id: 'nope' } as const } },
    };
    const r = await runCompareBoot(store, bad);
    expect(r.opened).toBe(false);
    expect(store.getState().error).not.toBeNull();
    expect(await runCompareBoot(store, planFlags({ kind: 'flags', embed: false, bad: [] }, CTX))).toEqual({
      opened: false,
      verdicts: { left: 'unchecked', right: 'unchecked' },
    });
  });

  it('makeCompareLinks before both sides opened says nothing is loaded', () => {
    const m = makeCompareLinks({ setup: null, lang: 'en', digests: { left: null, right: null } }, HREF);
    expect(m).toEqual({ error: EN['links.share.notReady'] });
  });
});
