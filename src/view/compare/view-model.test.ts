// The compare view's pure helpers: the scrubber's domain never shrinks under the thumb and holds every
// difference, the search status and "what differs" say what the store and the sessions hold, and the
// "Compare…" form turns into the store's variations or says what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../compare/types';
import type { Session } from '../../engine/model/session';
import { t } from '../../i18n';
import { COMPARE_SPEEDS, type CompareSearchState, type CompareSetup } from '../../store/compare/types';
import { initialForm, NO_MISTAKES, variationOf } from './dialog-form';
import {
  along,
  atDifference,
  compareSpeedStep,
  differencePosition,
  differsText,
  parseCompareSpeed,
  scrubMax,
  statusText,
} from './view-model';

const diff = (leftStep: number, rightStep: number, time: number): Difference => ({
  kind: 'record',
  leftStep,
  rightStep,
  time,
  key: null,
  summary: { kind: 'record', key: null, left: [], right: [], param: null },
});

const session = (patch: Partial<Session> = {}): Session => ({
  source: { kind: 'library', name: 'default' },
  interventions: [],
  step: 0,
  ...patch,
});

const setup = (left: Session, right: Session): CompareSetup => ({ left, right, align: 'time' });

describe('scrubMax', () => {
  it('by time: at least the position, both sides, every difference and the previous maximum', () => {
    fc.assert(
      fc.property(
        fc.nat(1e7),
        fc.nat(1e7),
        fc.nat(1e7),
        fc.array(fc.nat(1e7), { maxLength: 5 }),
        fc.nat(1e7),
        (pos, lt, rt, times, high) => {
          const ds = times.map((tm) => diff(1, 1, tm));
          const max = scrubMax(
            'time',
            pos,
            { step: 1, time: lt, known: 3, ended: false },
            { step: 1, time: rt, known: 3, ended: false },
            ds,
            high,
          );
          for (const v of [pos, lt, rt, high, ...times]) expect(max).toBeGreaterThanOrEqual(v);
          for (const d of ds) expect(along(differencePosition(d, 'time'), max)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('by step: the larger of the sides known steps (and the position)', () => {
    const l = { step: 4, time: 0, known: 90, ended: false };
    const r = { step: 4, time: 0, known: 120, ended: true };
    expect(scrubMax('step', 10, l, r, [], 1e9)).toBe(120);
    expect(scrubMax('step', 200, l, r, [], 0)).toBe(200);
    expect(scrubMax('step', 0, null, null, [], 0)).toBe(1);
  });
});

describe('atDifference', () => {
  it('holds only when both sides show the difference steps', () => {
    const d = diff(40, 38, 1000);
    expect(atDifference(d, 40, 38)).toBe(true);
    expect(atDifference(d, 40, 39)).toBe(false);
    expect(atDifference(d, 38, 40)).toBe(false);
    expect(atDifference(undefined, 40, 38)).toBe(false);
  });
});

describe('statusText', () => {
  const search = (patch: Partial<CompareSearchState>): CompareSearchState => ({
    status: 'idle',
    differences: [],
    searchedTo: { left: 0, right: 0 },
    current: null,
    message: null,
    ...patch,
  });
  it('says when the engine look-ahead cap, not the budget, stopped the search', () => {
    const f = statusText(
      search({ status: 'frontier', lookAhead: true, searchedTo: { left: 200_250, right: 200_250 } }),
    );
    expect(f).toContain('move both sides further on');
    expect(f).toContain('200,250');
    expect(statusText(search({ status: 'frontier', searchedTo: { left: 5, right: 5 } }))).toContain(
      'Next difference searches further',
    );
  });

  it('names the searched steps at the frontier and the count when complete', () => {
    const f = statusText(search({ status: 'frontier', searchedTo: { left: 20_000, right: 19_500 } }));
    expect(f).toContain('20,000');
    expect(f).toContain('19,500');
    expect(statusText(search({ status: 'complete', differences: [diff(1, 1, 0), diff(2, 2, 5)] }))).toContain(
      '2',
    );
    expect(statusText(search({ status: 'complete' }))).toBe(t('compare.status.completeNone'));
    expect(statusText(search({ status: 'error', message: 'boom' }))).toContain('boom');
    expect(statusText(search({ status: 'partial', searchedTo: { left: 7, right: 9 } }))).toBe(
      t('compare.status.none', { left: '7', right: '9' }),
    );
  });
});

describe('differsText', () => {
  it('says a seed, a fork and an era apart from the sessions alone', () => {
    expect(differsText(setup(session({ seed: 1 }), session({ seed: 2 })), null)).toBe(
      t('compare.differs.seed', { left: '1', right: '2' }),
    );
    const fork = session({
      interventions: [{ step: 12, action: { action: 'compact' } }],
      step: 12,
    });
    const forkText = differsText(setup(session({ step: 12 }), fork), null);
    expect(forkText).toContain('12');
    expect(forkText).not.toBe(t('compare.differs.several'));
    const modern = session({ source: { kind: 'library', name: 'default', changes: { era: 'modern' } } });
    expect(differsText(setup(session(), modern), null)).toBe(
      t('compare.differs.era', { left: t('links.lesson.era.classic'), right: t('links.lesson.era.modern') }),
    );
    expect(differsText(setup(session(), session()), null)).toBe(t('compare.differs.none'));
    expect(differsText(setup(session({ seed: 1 }), modern), null)).toBe(t('compare.differs.several'));
  });
});

describe('speeds', () => {
  it('steps through COMPARE_SPEEDS and stops at both ends; a select value reads back', () => {
    expect(compareSpeedStep(COMPARE_SPEEDS[0], -1)).toBe(COMPARE_SPEEDS[0]);
    expect(compareSpeedStep(COMPARE_SPEEDS.at(-1)!, 1)).toBe(COMPARE_SPEEDS.at(-1));
    for (const s of COMPARE_SPEEDS) expect(parseCompareSpeed(String(s))).toBe(s);
    expect(parseCompareSpeed('30')).toBeNull();
  });
});

describe('the Compare… form', () => {
  it('offers the other era first and makes each kind of variation', () => {
    const f = initialForm('classic', 7);
    expect(variationOf(f)).toEqual({ ok: true, variation: { kind: 'era', era: 'modern' } });
    expect(variationOf({ ...f, kind: 'seed' })).toEqual({ ok: true, variation: { kind: 'seed', seed: 8 } });
    expect(variationOf({ ...f, kind: 'setting', setting: 'workers', value: '4' })).toEqual({
      ok: true,
      variation: { kind: 'setting', changes: { workers: 4 } },
    });
    const m = variationOf({ ...f, kind: 'mistakes', mistakes: { ...NO_MISTAKES, noForget: true } });
    expect(m.ok && m.variation.kind === 'mistakes' && m.variation.mistakes.noForget).toBe(true);
  });

  it('refuses a seed or a value that is not a whole number in range', () => {
    const f = initialForm('modern', 0);
    for (const seed of ['', '-1', '1.5', 'abc', '4294967296'])
      expect(variationOf({ ...f, kind: 'seed', seed }).ok).toBe(false);
    for (const value of ['0', '17', 'x'])
      expect(variationOf({ ...f, kind: 'setting', setting: 'workers', value }).ok).toBe(false);
    expect(variationOf({ ...f, kind: 'setting', setting: 'resyncPeriodMs', value: '0' }).ok).toBe(true);
  });
});

describe('the built-in comparison differs line', () => {
  it('names a setting or a mistake by its sandbox label', () => {
    const base = { id: 'x', number: 1 } as unknown as Parameters<typeof differsText>[1] & object;
    const s = setup(session(), session());
    expect(differsText(s, { ...base, differs: { kind: 'setting', name: 'resyncPeriodMs' } })).toBe(
      t('compare.differs.setting', { name: t('links.sb.f.resyncPeriod') }),
    );
    expect(differsText(s, { ...base, differs: { kind: 'mistake', name: 'noDeepCopy' } })).toBe(
      t('compare.differs.mistake', { name: t('links.sb.mistake.noDeepCopy') }),
    );
  });
});
