// The narration tables: every message id of the engine's catalog has a sentence in both languages that
// uses only the parameters the message declares, every token has words in both languages, and real runs
// (with faults, conflicts and retries) narrate fully: no placeholder left, no English word in Chinese.
import { describe, expect, it } from 'vitest';
import {
  MESSAGE_IDS,
  MESSAGES,
  type MessageId,
  messageSpec,
  PARAM_TOKENS,
  recordFn,
  type TokenParam,
} from '../engine/model/messages';
import type { Scenario } from '../engine/model/scenario';
import type { TraceRecord } from '../engine/model/trace';
import { createWorld } from '../engine/sim/create-world';
import { stepWorld } from '../engine/sim/step';
import { randomScenario } from '../engine/sim/test-scenarios';
import type { SimContext } from '../engine/sim/world';
import { libraryScenario } from '../scenarios/library';
import { parseScenario } from '../scenarios/parse';
import { LANGS, narrationTable, placeholders } from './index';
import { renderLessonText, renderNarration } from './narration';

const CJK = /[\u4e00-\u9fff]/;
/** What a template may use besides the declared params: the record's own key and resourceVersion. */
const RECORD_FIELDS = ['key', 'rv'];

function records(s: Scenario, steps: number): TraceRecord[] {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const out: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    out.push(...r);
  }
  return out;
}

const TOKEN_PARAMS = Object.keys(PARAM_TOKENS) as TokenParam[];
const tokensOf = (p: TokenParam): string[] => PARAM_TOKENS[p].map((t) => String(t));
const declared = (id: MessageId): readonly string[] => MESSAGES[id].params;

describe('narration tables', () => {
  it('have a template for every message id in both languages, and no other id', () => {
    for (const lang of LANGS) {
      const templates: Readonly<Record<string, string>> = narrationTable(lang).templates;
      const missing = MESSAGE_IDS.filter((id) => typeof templates[id] !== 'string' || templates[id] === '');
      expect(missing, `${lang} narration lacks:\n  ${missing.join('\n  ')}\n`).toEqual([]);
      const extra = Object.keys(templates).filter((id) => !Object.hasOwn(MESSAGES, id));
      expect(extra, `${lang} narration has ids the catalog does not`).toEqual([]);
    }
  });

  it('use in every template only the parameters its message declares (or key and rv)', () => {
    const wrong: string[] = [];
    for (const lang of LANGS)
      for (const id of MESSAGE_IDS) {
        const allowed = new Set([...declared(id), ...RECORD_FIELDS]);
        for (const p of placeholders(narrationTable(lang).templates[id]))
          if (!allowed.has(p)) wrong.push(`${lang} ${id}: {${p}} is not a parameter of ${id}`);
      }
    expect(wrong).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = MESSAGE_IDS.filter(
      (id) =>
        placeholders(narrationTable('en').templates[id]).join() !==
        placeholders(narrationTable('zh-CN').templates[id]).join(),
    );
    expect(differ).toEqual([]);
  });

  it('word every token of every closed-list parameter in both languages, with declared placeholders', () => {
    const wrong: string[] = [];
    for (const lang of LANGS)
      for (const p of TOKEN_PARAMS) {
        const words: Readonly<Record<string, string>> = narrationTable(lang).tokens[p];
        expect(Object.keys(words).sort(), `${lang} tokens of ${p}`).toEqual(tokensOf(p).sort());
        // Every message carrying p must declare what p's words use.
        for (const id of MESSAGE_IDS.filter((m) => declared(m).includes(p)))
          for (const [token, text] of Object.entries(words))
            for (const name of placeholders(text))
              if (!declared(id).includes(name) && !RECORD_FIELDS.includes(name))
                wrong.push(`${lang} ${p}.${token}: {${name}} is not a parameter of ${id}`);
      }
    expect(wrong).toEqual([]);
  });

  it('write every Chinese template in Chinese', () => {
    const english = MESSAGE_IDS.filter((id) => {
      const zh = narrationTable('zh-CN').templates[id];
      return !CJK.test(zh) || zh === narrationTable('en').templates[id];
    });
    expect(english).toEqual([]);
  });

  it('name the mistake at work in every mistake message, in both languages', () => {
    const mistakes = MESSAGE_IDS.flatMap((id) => {
      const mistake = messageSpec(id)?.mistake;
      return mistake === undefined ? [] : [[id, mistake] as const];
    });
    expect(mistakes.length).toBeGreaterThanOrEqual(8);
    for (const lang of LANGS)
      for (const [id, mistake] of mistakes)
        expect(narrationTable(lang).templates[id], `${lang} ${id}`).toContain(mistake);
  });
});

describe('renderNarration', () => {
  it('narrates real runs in both languages, with no placeholder left and no English word in Chinese', () => {
    const lib = parseScenario(libraryScenario('default')!.yaml);
    if (!lib.ok) throw new Error('default scenario does not parse');
    // Both eras (settings.era): modern lanes narrate their own messages.
    const modern = (s: Scenario): Scenario => ({ ...s, settings: { ...s.settings, era: 'modern' } });
    const recs = [
      lib.scenario,
      randomScenario(1),
      randomScenario(2),
      randomScenario(3),
      modern(lib.scenario),
      modern(randomScenario(1)),
      modern(randomScenario(2)),
    ].flatMap((s) => records(s, 2500));
    const ids = new Set(recs.map((r) => r.message));
    expect(ids.size).toBeGreaterThan(35);
    const bad: string[] = [];
    // `sendInitialEvents=true` is the watch-list request's query parameter as sent (R19), not a boolean param.
    const wire = (text: string): string => text.replace(/sendInitialEvents=true/g, '');
    for (const r of recs) {
      const en = wire(renderNarration(r, 'en'));
      if (/\{\w+\}/.test(en) || /\b(?:true|false)\b/.test(en)) bad.push(`en ${r.message}: ${en}`);
      const zh = wire(renderNarration(r, 'zh-CN'));
      if (
        !CJK.test(zh) ||
        /\{\w+\}/.test(zh) ||
        /\b(?:true|false|queued|already-dirty|dirty-while-processing|relist|no-op)\b|too old|open, \d|injected/.test(
          zh.replace(/（relist）/g, ''),
        )
      )
        bad.push(`zh ${r.message}: ${zh}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('words token parameters in each language and fills their own placeholders', () => {
    const base = { key: 'default/a', params: {} };
    const getFoo = { ...base, message: 'worker.get-foo', params: { worker: 1, found: false, rv: null } };
    expect(renderNarration(getFoo, 'zh-CN')).toBe('Worker 1：lister 中的 Foo default/a：未找到（rv —）');
    expect(renderNarration(getFoo, 'en')).toBe('worker 1: Foo default/a in lister: not found (rv —)');
    const add = { ...base, message: 'workqueue.add', params: { result: 'dirty-while-processing', depth: 0 } };
    expect(renderNarration(add, 'zh-CN')).toContain('Done 后再次入队');
    expect(
      renderNarration(
        { ...base, message: 'reflector.backoff', params: { delayMs: 800, next: 'relist' } },
        'zh-CN',
      ),
    ).toBe('ListAndWatch 返回：退避 800 毫秒，然后重新列举（relist）');
    const watch = {
      ...base,
      message: 'apiserver.watch',
      params: { kind: 'Foo', rv: '12', outcome: 'open', code: 200, reason: '', watchId: 4, replayed: 3 },
    };
    expect(renderNarration(watch, 'zh-CN')).toBe('从 "12" 开始 WATCH Foo → 已打开，重放 3 个事件');
    expect(renderNarration(watch, 'en')).toBe('WATCH Foo from "12" → open, 3 events to replay');
    const refused = {
      ...watch,
      params: { ...watch.params, outcome: 'error', code: 0, reason: 'ConnectionRefused' },
    };
    expect(renderNarration(refused, 'en')).toBe('WATCH Foo from "12" → 0 ConnectionRefused');
    // S38: the optional `replica` param (several apiserver replicas) adds its suffix; absent, nothing.
    const onB = { ...watch, params: { ...watch.params, replica: 'B' } };
    expect(renderNarration(onB, 'en')).toBe('WATCH Foo from "12" → open, 3 events to replay (replica B)');
    expect(renderNarration(onB, 'zh-CN')).toBe(
      '从 "12" 开始 WATCH Foo → 已打开，重放 3 个事件（APIServer 实例 B）',
    );
    expect(renderNarration({ ...onB, message: 'reflector.watch' }, 'en')).not.toContain('replica');
    expect(
      renderNarration(
        {
          ...base,
          message: 'client.response-ok',
          params: { worker: 2, stage: 'update-status', code: 200, reason: null, rv: '9' },
        },
        'zh-CN',
      ),
    ).toBe('Worker 2 收到响应：更新 Foo 的 status → 200（rv 9）');
    const done = { ...base, message: 'worker.done', params: { worker: 1, requeued: true } };
    expect(renderNarration(done, 'zh-CN')).toBe(
      'Worker 1：调用 Done default/a（处理期间又被加入：再次入队）',
    );
    expect(renderNarration({ ...done, params: { worker: 1, requeued: false } }, 'en')).toBe(
      'worker 1: Done default/a',
    );
    const failed = {
      ...base,
      message: 'worker.add-rate-limited',
      params: { worker: 0, delayMs: 5, requeues: 1, error: 'status', code: 409, reason: 'Conflict' },
    };
    expect(renderNarration(failed, 'en')).toBe(
      'worker 0: error 409 Conflict: AddRateLimited default/a in 5 ms (requeues 1)',
    );
    expect(renderNarration({ ...failed, params: { ...failed.params, error: 'injected' } }, 'zh-CN')).toBe(
      'Worker 0：注入的故障：AddRateLimited default/a，5 毫秒后重试（已重新入队 1 次）',
    );
    const noop = {
      ...base,
      message: 'user.write',
      params: { verb: 'update', kind: 'Foo', code: 200, reason: '', noop: true },
    };
    expect(renderNarration(noop, 'en')).toBe('update Foo default/a → 200 no-op: no new revision, no event');
    expect(renderNarration({ ...noop, params: { ...noop.params, noop: false } }, 'en')).toBe(
      'update Foo default/a → 200',
    );
  });

  it('renders an id it does not know as the id itself', () => {
    const r = { message: 'no.such.id', key: null, params: {} };
    expect(renderNarration(r, 'zh-CN')).toBe('no.such.id');
    expect(renderNarration(r, 'en')).toBe('no.such.id');
  });
});

describe('renderLessonText', () => {
  it('fills params first, then key/rv/step/time, and "—" otherwise', () => {
    const r = {
      step: 7,
      time: 70,
      message: 'm',
      key: 'default/a',
      resourceVersion: '9',
      params: { rv: '3', delayMs: 5 },
    };
    expect(renderLessonText('{key} {rv} {delayMs} {step} {time} {nope}', r, 'en')).toBe(
      'default/a 3 5 7 70 —',
    );
    expect(renderLessonText('{key}', null, 'en')).toBe('—');
  });

  it('words token parameters in the language of the text', () => {
    const r = {
      message: 'worker.get-deployment',
      key: 'default/g',
      params: { worker: 0, found: true, rv: '5' },
    };
    expect(renderLessonText('{key}: {found}', r, 'en')).toBe('default/g: found');
    expect(renderLessonText('{key}：{found}', r, 'zh-CN')).toBe('default/g：找到');
  });
});

describe('modern mode (client-go v0.36.3): the functions at work', () => {
  const store = (batch: boolean) => ({
    message: 'informer.store-add',
    key: 'default/a',
    params: { type: 'Added', batch },
  });

  it('SI2 [C]: a batch’s store records are processDeltasInBatch’s Transaction, one entry’s processDeltas’s', () => {
    expect(recordFn('informer.store-add', { type: 'Added', batch: true })).toBe('processDeltasInBatch');
    expect(recordFn('informer.store-delete', { type: 'Deleted', batch: true })).toBe('processDeltasInBatch');
    expect(recordFn('informer.store-update', { type: 'Updated', batch: false })).toBe('processDeltas');
    expect(recordFn('informer.pop-batch', { batch: true })).toBe('RealFIFO.PopBatch');
    expect(recordFn('no.such.id', {})).toBeNull();
    expect(renderNarration(store(true), 'en')).toBe('Added: default/a not cached → Transaction Add');
    expect(renderNarration(store(false), 'en')).toBe('Added: default/a not cached → indexer.Add');
    expect(renderNarration(store(true), 'zh-CN')).toContain('Transaction 中的 Add');
  });

  it('names the v0.36 functions of every modern message, as client-go v0.36.3 spells them', () => {
    const fns = new Set(
      [
        'reflector.watch-list',
        'reflector.replace-all',
        'realfifo.add',
        'realfifo.bookmark',
        'realfifo.resync',
        'informer.pop-batch',
        'informer.replaced-all',
        'indexer.transaction',
        'indexer.replace',
        'indexer.bookmark',
      ].map((id) => MESSAGES[id as MessageId].fn),
    );
    expect([...fns].sort()).toEqual(
      [
        'RealFIFO.Bookmark',
        'RealFIFO.PopBatch',
        'RealFIFO.Replace',
        'RealFIFO.Resync',
        'RealFIFO.addToItems_locked',
        'Reflector.watchList',
        'processReplacedAllInfo',
        'threadSafeMap.Bookmark',
        'threadSafeMap.Replace',
        'threadSafeMap.Transaction',
      ].sort(),
    );
  });
});
