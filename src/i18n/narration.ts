/**
 * Narration in the active language. The engine's catalog (src/engine/sim/messages.ts) has the English
 * template of every message id; src/i18n/zh-CN/narration.ts has the Chinese one with the same
 * {placeholders}. A few parameter values are English words chosen by the engine (a lister lookup's
 * `found`, the backoff's `next`, the workqueue's Add `result`, the apiserver's watch `result`, a write's
 * `stage`, the Done note): they are rendered in Chinese here; ids and client-go names stay as they are.
 * Unknown ids, and ids without a Chinese template, fall back to the English sentence.
 */
import { MESSAGES, type NarratedRecord, renderMessage } from '../engine/sim/messages';
import { fill, getLanguage, type Lang, ZH_CN } from './index';
import { narration as zhNarration } from './zh-CN/narration';

/** The Chinese narration templates by message id (the test checks they cover MESSAGES). */
export const ZH_NARRATION: Readonly<Record<string, string>> = zhNarration;

const ZH_ADD_RESULT: Readonly<Record<string, string>> = {
  queued: '入队',
  'already-dirty': '已在 dirty 集合中（合并）',
  'dirty-while-processing': '正在处理中：记入 dirty，Done 后再次入队',
  'shutting-down': '队列正在关闭',
};

const ZH_NEXT: Readonly<Record<string, string>> = { relist: '重新列举（relist）' };

function zhWatchResult(result: unknown): unknown {
  if (typeof result !== 'string') return result;
  const open = /^open, (\d+) events to replay$/.exec(result);
  if (open !== null) return `已打开，重放 ${open[1]} 个事件`;
  if (result.startsWith('too old:')) return '资源版本过旧：先发送一个 ERROR 事件，然后关闭流';
  return result; // "410 Gone" and other status lines keep the server's English text.
}

/** The params of a record with the values that are English words put into Chinese. */
function zhParams(id: string, params: Record<string, unknown>, requeued: boolean): Record<string, unknown> {
  const out = { ...params };
  if (typeof out.found === 'boolean') out.found = out.found ? '找到' : '未找到';
  if (typeof out.next === 'string') out.next = ZH_NEXT[out.next] ?? out.next;
  if (id === 'workqueue.add' && typeof out.result === 'string')
    out.result = ZH_ADD_RESULT[out.result] ?? out.result;
  if (id === 'apiserver.watch') out.result = zhWatchResult(out.result);
  if (typeof out.stage === 'string' && out.stage !== '')
    out.stage = ZH_CN[`inspectors.workers.stage.${out.stage}`] ?? out.stage;
  if (id === 'worker.done') out.requeuedNote = requeued ? '（处理期间又被加入：再次入队）' : '';
  return out;
}

/** A record's narration sentence in `lang` (default: the active language), falling back to English. */
export function renderNarration(r: NarratedRecord, lang: Lang = getLanguage()): string {
  if (lang === 'en' || MESSAGES[r.message] === undefined) return renderMessage(r);
  const template = ZH_NARRATION[r.message];
  if (template === undefined) return renderMessage(r);
  const params: Record<string, unknown> = {
    key: r.key ?? '',
    rv: r.resourceVersion ?? r.rv ?? '',
    ...r.params,
  };
  return fill(template, zhParams(r.message, params, r.params.requeued === true));
}
