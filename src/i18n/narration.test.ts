// Every narration message id has a 简体中文 template with the same placeholders, and real runs (with
// faults, conflicts and retries) narrate fully in Chinese: no placeholder left, no English parameter word.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/model/scenario';
import type { TraceRecord } from '../engine/model/trace';
import { createWorld } from '../engine/sim/create-world';
import { MESSAGES, renderMessage } from '../engine/sim/messages';
import { stepWorld } from '../engine/sim/step';
import { randomScenario } from '../engine/sim/test-scenarios';
import type { SimContext } from '../engine/sim/world';
import { libraryScenario } from '../scenarios/library';
import { parseScenario } from '../scenarios/parse';
import { placeholders } from './index';
import { renderNarration, ZH_NARRATION } from './narration';

const CJK = /[\u4e00-\u9fff]/;

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

describe('简体中文 narration', () => {
  it('has a template for every message id, with the same placeholders, and no other id', () => {
    const missing = Object.keys(MESSAGES).filter((id) => ZH_NARRATION[id] === undefined);
    expect(missing, `zh-CN narration lacks:\n  ${missing.join('\n  ')}\n`).toEqual([]);
    const extra = Object.keys(ZH_NARRATION).filter((id) => MESSAGES[id] === undefined);
    expect(extra).toEqual([]);
    const wrong = Object.entries(MESSAGES)
      .filter(([id, m]) => placeholders(m.en).join() !== placeholders(ZH_NARRATION[id] ?? '').join())
      .map(
        ([id, m]) => `${id}: en {${placeholders(m.en)}} vs zh-CN {${placeholders(ZH_NARRATION[id] ?? '')}}`,
      );
    expect(wrong, `placeholders differ:\n  ${wrong.join('\n  ')}\n`).toEqual([]);
  });

  it('writes every template in Chinese', () => {
    const english = Object.entries(ZH_NARRATION)
      .filter(([id, s]) => !CJK.test(s) || s === MESSAGES[id]?.en)
      .map(([id]) => id);
    expect(english).toEqual([]);
  });

  it('narrates real runs in Chinese and English', () => {
    const lib = parseScenario(libraryScenario('default')!.yaml);
    if (!lib.ok) throw new Error('default scenario does not parse');
    const recs = [lib.scenario, randomScenario(1), randomScenario(2), randomScenario(3)].flatMap((s) =>
      records(s, 2500),
    );
    const ids = new Set(recs.map((r) => r.message));
    expect(ids.size).toBeGreaterThan(35);
    const bad: string[] = [];
    for (const r of recs) {
      expect(renderNarration(r, 'en')).toBe(renderMessage(r));
      const zh = renderNarration(r, 'zh-CN');
      if (
        !CJK.test(zh) ||
        /\{\w+\}/.test(zh) ||
        // English words the engine puts in params (quoted server messages stay English on purpose).
        /\b(?:true|false|queued|already-dirty|dirty-while-processing)\b|too old:|open, \d/.test(
          zh.replace(/"[^"]*"/g, ''),
        )
      )
        bad.push(`${r.message}: ${zh}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('puts the English parameter words into Chinese', () => {
    const base = { key: 'default/a', params: {} };
    expect(
      renderNarration(
        { ...base, message: 'worker.get-foo', params: { worker: 1, found: false, rv: null } },
        'zh-CN',
      ),
    ).toBe('Worker 1：lister 中的 Foo default/a：未找到（rv —）');
    expect(
      renderNarration(
        { ...base, message: 'workqueue.add', params: { result: 'dirty-while-processing', depth: 0 } },
        'zh-CN',
      ),
    ).toContain('Done 后再次入队');
    expect(
      renderNarration(
        { ...base, message: 'reflector.backoff', params: { delayMs: 800, next: 'relist' } },
        'zh-CN',
      ),
    ).toBe('ListAndWatch 返回：退避 800 毫秒，然后重新列举（relist）');
    expect(
      renderNarration(
        {
          ...base,
          message: 'apiserver.watch',
          params: { kind: 'Foo', result: 'open, 3 events to replay' },
          rv: '12',
        },
        'zh-CN',
      ),
    ).toBe('从 "12" 开始 WATCH Foo → 已打开，重放 3 个事件');
    expect(
      renderNarration(
        {
          ...base,
          message: 'client.response-ok',
          params: { worker: 2, stage: 'update-status', code: 200, rv: '9' },
        },
        'zh-CN',
      ),
    ).toBe('Worker 2 收到响应：更新 Foo 的 status → 200（rv 9）');
    expect(
      renderNarration({ ...base, message: 'worker.done', params: { worker: 1, requeued: true } }, 'zh-CN'),
    ).toBe('Worker 1：调用 Done default/a（处理期间又被加入：再次入队）');
  });

  it('falls back to English for an id it does not know', () => {
    const r = { message: 'no.such.id', key: null, params: {} };
    expect(renderNarration(r, 'zh-CN')).toBe('no.such.id');
  });
});
