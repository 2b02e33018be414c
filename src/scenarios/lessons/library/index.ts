/**
 * The built-in lessons, as text in the lesson format (docs/LESSONS.md), in course order. Each module
 * exports its text as `yaml` (a TypeScript string, so Node tests and the browser bundle load it the
 * same way). Every entry parses with zero errors and reaches its goal (lessons.test.ts).
 */

import type { LocalizedText } from '../types';
import { yaml as coldStart } from './01-cold-start';
import { yaml as watchTimeout } from './02-watch-timeout';
import { yaml as gone410 } from './03-gone-410';
import { yaml as bookmarks } from './04-bookmarks';
import { yaml as tombstone } from './05-tombstone';
import { yaml as resync } from './06-resync';
import { yaml as workqueueCoalesces } from './07-workqueue-coalesces';
import { yaml as backoff } from './08-backoff';
import { yaml as staleCache } from './09-stale-cache';
import { yaml as fifoKeepsPlace } from './10-fifo-keeps-place';
import { yaml as callbackFollowsCache } from './11-callback-follows-cache';
import { yaml as finalizers } from './12-finalizers';

/** A built-in lesson before parsing: enough for a lesson list; parse `yaml` (or use lessonById) for the rest. */
export interface LessonSource {
  /** metadata.id of the lesson. */
  readonly id: string;
  /** metadata.number. */
  readonly number: number;
  /** metadata.title (a test checks it equals the parsed lesson's). */
  readonly title: LocalizedText;
  readonly yaml: string;
}

export const LESSON_SOURCES: readonly LessonSource[] = [
  {
    id: 'cold-start',
    number: 1,
    title: {
      en: 'Cold start: LIST, Replace, the initial adds, HasSynced, then WATCH',
      zh: '冷启动：LIST、Replace、初始 OnAdd、HasSynced，然后 WATCH',
    },
    yaml: coldStart,
  },
  {
    id: 'watch-timeout',
    number: 2,
    title: {
      en: 'A clean watch timeout: re-watch, no relist',
      zh: '正常的 watch 超时：重新 watch，不重新列举',
    },
    yaml: watchTimeout,
  },
  {
    id: 'gone-410',
    number: 3,
    title: {
      en: '410 Gone: the history window moves on, the Reflector relists',
      zh: '410 Gone：历史窗口已经移走，Reflector 重新列举',
    },
    yaml: gone410,
  },
  {
    id: 'bookmarks',
    number: 4,
    title: {
      en: 'Bookmarks keep a quiet informer inside the window',
      zh: 'Bookmark 让安静的 Informer 留在历史窗口之内',
    },
    yaml: bookmarks,
  },
  {
    id: 'tombstone',
    number: 5,
    title: {
      en: 'A missed delete: the DeletedFinalStateUnknown tombstone',
      zh: '错过的删除：墓碑对象 DeletedFinalStateUnknown',
    },
    yaml: tombstone,
  },
  {
    id: 'resync',
    number: 6,
    title: { en: 'Resync is not relist', zh: '重新同步（resync）不是重新列举（relist）' },
    yaml: resync,
  },
  {
    id: 'workqueue-coalesces',
    number: 7,
    title: {
      en: 'The workqueue coalesces: many events, one reconcile',
      zh: '工作队列会合并：多个事件，一次调和',
    },
    yaml: workqueueCoalesces,
  },
  {
    id: 'backoff',
    number: 8,
    title: {
      en: 'Failures and backoff: AddRateLimited, then Forget',
      zh: '失败与退避：AddRateLimited，然后 Forget',
    },
    yaml: backoff,
  },
  {
    id: 'stale-cache',
    number: 9,
    title: {
      en: 'The stale cache: 409 AlreadyExists and 409 Conflict',
      zh: '过期的缓存：409 AlreadyExists 与 409 Conflict',
    },
    yaml: staleCache,
  },
  {
    id: 'fifo-keeps-place',
    number: 10,
    title: { en: "DeltaFIFO keeps a key's place", zh: 'DeltaFIFO 为每个键保留它的位置' },
    yaml: fifoKeepsPlace,
  },
  {
    id: 'callback-follows-cache',
    number: 11,
    title: {
      en: 'The callback follows the cache, not the event type',
      zh: '回调函数取决于本地缓存，而不是事件类型',
    },
    yaml: callbackFollowsCache,
  },
  {
    id: 'finalizers',
    number: 12,
    title: {
      en: 'Finalizers: MODIFIED first, DELETED last',
      zh: 'Finalizer：先是 MODIFIED，最后才是 DELETED',
    },
    yaml: finalizers,
  },
];
