/** A difference summary in words, in both languages (the data comes from the comparer's tests). */
import { afterEach, describe, expect, it } from 'vitest';
import { createComparer } from '../compare/comparer';
import { feedBoth, scenarioOf, traceOf } from '../compare/test-runs';
import type { DifferenceSummary } from '../compare/types';
import { differenceKindText, summaryText } from './compare-summary';
import { setLanguage } from './index';

afterEach(() => setLanguage('en'));

const ERA: DifferenceSummary = {
  kind: 'era',
  key: null,
  left: [
    { message: 'informer.pop', type: null, count: 3 },
    { message: 'informer.dispatch', type: 'Replaced', count: 3 },
  ],
  right: [{ message: 'informer.dispatch', type: 'ReplacedAll', count: 1 }],
  param: null,
};

const PARAM: DifferenceSummary = {
  kind: 'handler',
  key: 'default/alpha',
  left: [],
  right: [],
  param: { name: 'resync', left: true, right: false },
};

const ONE_SIDE: DifferenceSummary = {
  kind: 'write',
  key: 'default/alpha',
  left: [],
  right: [{ message: 'client.response-error', type: null, count: 1 }],
  param: { name: 'reason', left: null, right: 'Conflict' },
};

describe('summaryText in English', () => {
  it('counts each side’s records, with their delta types', () => {
    expect(summaryText(ERA)).toBe(
      'left: DeltaFIFO Pop ×3, Replaced notification ×3; right: ReplacedAll notification',
    );
  });

  it('names the key and the first differing parameter', () => {
    expect(summaryText(PARAM)).toBe('default/alpha: resync is true on the left, false on the right');
    expect(summaryText(ONE_SIDE)).toBe(
      'default/alpha: left: none; right: failed write; reason is none on the left, Conflict on the right',
    );
  });

  it('names a record without a noun by its message id, and a noun without a type without it', () => {
    expect(
      summaryText({
        kind: 'record',
        key: null,
        left: [{ message: 'apiserver.gc', type: 'Foreground', count: 2 }],
        right: [{ message: 'deltafifo.add', type: null, count: 1 }],
        param: null,
      }),
    ).toBe('left: Foreground apiserver.gc ×2; right: delta queued');
  });

  it('says so when nothing counted differs', () => {
    expect(summaryText({ kind: 'record', key: null, left: [], right: [], param: null })).toBe(
      'no difference in the counted records',
    );
  });

  it('words the kinds', () => {
    expect(differenceKindText('lister')).toBe('What the lister held differs');
  });

  it('renders hostile data as text, untouched', () => {
    const s = summaryText({
      ...PARAM,
      key: '<img src=x onerror=alert(1)>',
      param: { name: '{left}', left: '<b>', right: null },
    });
    expect(s).toBe('<img src=x onerror=alert(1)>: {left} is <b> on the left, none on the right');
  });
});

describe('summaryText in 简体中文', () => {
  it('counts each side’s records, delta types and named in Chinese, client-go names kept', () => {
    setLanguage('zh-CN');
    expect(summaryText(ERA)).toBe(
      '左侧：3 条 DeltaFIFO 弹出（Pop）、3 条 Replaced 通知；右侧：1 条 ReplacedAll 通知',
    );
    expect(summaryText(PARAM)).toBe('default/alpha：resync：左侧为 true，右侧为 false');
    expect(differenceKindText('queue')).toBe('一次加入工作队列（Workqueue）的操作不同');
  });
});

describe('the summary of a real comparison', () => {
  it('classic against modern reads Replaced on the left and ReplacedAll on the right, in both languages', () => {
    const c = createComparer({ leftEra: 'classic', rightEra: 'modern' });
    feedBoth(
      c,
      traceOf(scenarioOf({ library: 'default' }), 120),
      traceOf(scenarioOf({ library: 'default' }, { era: 'modern' }), 120),
    );
    const era = c.result().differences[0]!.summary;
    const [left, right] = summaryText(era).split('; right: ');
    expect(left).toMatch(/^left: .*\bReplaced\b/);
    expect(left).not.toContain('ReplacedAll');
    expect(right).toContain('ReplacedAll');
    setLanguage('zh-CN');
    const zh = summaryText(era);
    expect(zh.startsWith('左侧：')).toBe(true);
    expect(zh.split('；右侧：')[1]).toContain('ReplacedAll');
  });
});
