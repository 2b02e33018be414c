/**
 * The built-in lessons' catalog: id, number and title in both languages, in course order, plus the
 * lesson a fresh visitor (or a broken link) gets. Tiny and free of heavy imports on purpose: the page's
 * first paint needs it (the lesson picker, the header's title, the ids a link may name) while the lesson
 * texts, the YAML reader and the lesson parser load later. Written by hand from the lessons' metadata;
 * catalog-data.test.ts checks it equals what the parsed lessons say, so the two cannot drift.
 */
import type { Era } from '../../engine/model/scenario';
import type { LocalizedText } from './types';

/** A built-in lesson as the picker lists it (not parsed). */
export interface LessonEntry {
  /** metadata.id of the lesson. */
  readonly id: string;
  /** metadata.number. */
  readonly number: number;
  /** metadata.title. */
  readonly title: LocalizedText;
  /** settings.era: the client-go era the lesson teaches (the picker groups and labels by it). */
  readonly era: Era;
}

/** The id of the lesson a fresh visitor (or a broken link) gets. */
export const DEFAULT_LESSON_ID = 'cold-start';

/** The built-in lessons in course order: 1..17 classic, 18..22 modern. */
export const LESSON_CATALOG: readonly LessonEntry[] = [
  {
    id: 'cold-start',
    number: 1,
    era: 'classic',
    title: {
      en: 'Cold start: LIST, Replace, the initial adds, HasSynced, then WATCH',
      zh: '冷启动：LIST、Replace、初始 OnAdd、HasSynced，然后 WATCH',
    },
  },
  {
    id: 'watch-timeout',
    number: 2,
    era: 'classic',
    title: {
      en: 'A clean watch timeout: re-watch, no relist',
      zh: '正常的 watch 超时：重新 watch，不重新列举',
    },
  },
  {
    id: 'gone-410',
    number: 3,
    era: 'classic',
    title: {
      en: '410 Gone: the Foo watch cache moves on, the Reflector relists',
      zh: '410 Gone：Foo 的 watch 缓存已经移走，Reflector 重新列举',
    },
  },
  {
    id: 'bookmarks',
    number: 4,
    era: 'classic',
    title: {
      en: 'Bookmarks keep a filtered informer inside its resource’s ring',
      zh: 'Bookmark 让带过滤的 Informer 留在资源的环之内',
    },
  },
  {
    id: 'tombstone',
    number: 5,
    era: 'classic',
    title: {
      en: 'A missed delete: the DeletedFinalStateUnknown tombstone',
      zh: '错过的删除：墓碑对象 DeletedFinalStateUnknown',
    },
  },
  {
    id: 'resync',
    number: 6,
    era: 'classic',
    title: { en: 'Resync is not relist', zh: '重新同步（resync）不是重新列举（relist）' },
  },
  {
    id: 'workqueue-coalesces',
    number: 7,
    era: 'classic',
    title: {
      en: 'The workqueue coalesces: many events, one reconcile',
      zh: '工作队列会合并：多个事件，一次调和',
    },
  },
  {
    id: 'backoff',
    number: 8,
    era: 'classic',
    title: {
      en: 'Failures and backoff: AddRateLimited, then Forget',
      zh: '失败与退避：AddRateLimited，然后 Forget',
    },
  },
  {
    id: 'stale-cache',
    number: 9,
    era: 'classic',
    title: {
      en: 'The stale cache: 409 AlreadyExists and 409 Conflict',
      zh: '过期的缓存：409 AlreadyExists 与 409 Conflict',
    },
  },
  {
    id: 'fifo-keeps-place',
    number: 10,
    era: 'classic',
    title: { en: "DeltaFIFO keeps a key's place", zh: 'DeltaFIFO 为每个键保留它的位置' },
  },
  {
    id: 'callback-follows-cache',
    number: 11,
    era: 'classic',
    title: {
      en: 'The callback follows the cache, not the event type',
      zh: '回调函数取决于本地缓存，而不是事件类型',
    },
  },
  {
    id: 'finalizers',
    number: 12,
    era: 'classic',
    title: {
      en: 'Finalizers: MODIFIED first, DELETED last',
      zh: 'Finalizer：先是 MODIFIED，最后才是 DELETED',
    },
  },
  {
    id: 'apiserver-restart',
    number: 13,
    era: 'classic',
    title: {
      en: 'An API server restart: new watch caches, 410, relist',
      zh: 'APIServer 重启：新的 watch 缓存、410、重新列举',
    },
  },
  {
    id: 'client-throttling',
    number: 14,
    era: 'classic',
    title: {
      en: 'Client-side throttling: 5 QPS, burst 10 per REST client',
      zh: '客户端限流：每个 REST 客户端 5 QPS、burst 10',
    },
  },
  {
    id: 'retry-after',
    number: 15,
    era: 'classic',
    title: {
      en: 'Retry-After: a burst of 429s delays a call; only a long one fails it',
      zh: 'Retry-After：短暂的 429 只会推迟调用，持续太久才会让它失败',
    },
  },
  {
    id: 'replica-restart',
    number: 16,
    era: 'classic',
    title: {
      en: 'Two API server replicas: a restart touches only the clients on it',
      zh: '两个 APIServer 实例：重启只影响连在它上面的客户端',
    },
  },
  {
    id: 'lagging-replica',
    number: 17,
    era: 'classic',
    title: {
      en: 'A lagging replica: a stale list at "0", then 504s and a relist at ""',
      zh: '落后的 APIServer 实例：rv "0" 的陈旧列举，然后是 504 和 rv "" 的重新列举',
    },
  },
  {
    id: 'stream-order',
    number: 18,
    era: 'modern',
    title: {
      en: 'RealFIFO keeps the watch order across keys',
      zh: 'RealFIFO 在键之间保持 watch 的顺序',
    },
  },
  {
    id: 'batch-processing',
    number: 19,
    era: 'modern',
    title: {
      en: 'PopBatch: the indexer takes the whole batch before any handler runs',
      zh: 'PopBatch：索引器先接收整批变更，然后事件处理函数才运行',
    },
  },
  {
    id: 'atomic-replace',
    number: 20,
    era: 'modern',
    title: {
      en: 'Atomic replace: a relist arrives as one ReplacedAll',
      zh: '原子替换：一次重新列举作为一个 ReplacedAll 到达',
    },
  },
  {
    id: 'watch-list',
    number: 21,
    era: 'modern',
    title: {
      en: 'WatchList: the initial list arrives as a stream',
      zh: 'WatchList：初始列表以流的方式到达',
    },
  },
  {
    id: 'watch-list-fallback',
    number: 22,
    era: 'modern',
    title: {
      en: 'WatchList refused: the Reflector falls back to LIST, then WATCH',
      zh: 'WatchList 被拒绝：Reflector 退回到先 LIST、再 WATCH',
    },
  },
];
