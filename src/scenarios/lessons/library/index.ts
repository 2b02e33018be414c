/**
 * The built-in lessons, as text in the lesson format (docs/LESSONS.md), in course order. Each module
 * exports its text as `yaml` (a TypeScript string, so Node tests and the browser bundle load it the
 * same way). Every entry parses with zero errors and reaches its goal (lessons.test.ts).
 */

import { LESSON_CATALOG, type LessonEntry } from '../catalog-data';
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
import { yaml as apiserverRestart } from './13-apiserver-restart';
import { yaml as clientThrottling } from './14-client-throttling';
import { yaml as retryAfter } from './15-retry-after';
import { yaml as replicaRestart } from './16-replica-restart';
import { yaml as laggingReplica } from './17-lagging-replica';
import { yaml as streamOrder } from './18-stream-order';
import { yaml as batchProcessing } from './19-batch-processing';
import { yaml as atomicReplace } from './20-atomic-replace';
import { yaml as watchList } from './21-watch-list';
import { yaml as watchListFallback } from './22-watch-list-fallback';

/** A built-in lesson before parsing: its catalog entry (../catalog-data.ts) and its text. */
export interface LessonSource extends LessonEntry {
  readonly yaml: string;
}

/** Each built-in lesson's text by metadata.id. */
export const LESSON_TEXTS: Readonly<Record<string, string>> = {
  'cold-start': coldStart,
  'watch-timeout': watchTimeout,
  'gone-410': gone410,
  bookmarks,
  tombstone,
  resync,
  'workqueue-coalesces': workqueueCoalesces,
  backoff,
  'stale-cache': staleCache,
  'fifo-keeps-place': fifoKeepsPlace,
  'callback-follows-cache': callbackFollowsCache,
  finalizers,
  'apiserver-restart': apiserverRestart,
  'client-throttling': clientThrottling,
  'retry-after': retryAfter,
  'replica-restart': replicaRestart,
  'lagging-replica': laggingReplica,
  'stream-order': streamOrder,
  'batch-processing': batchProcessing,
  'atomic-replace': atomicReplace,
  'watch-list': watchList,
  'watch-list-fallback': watchListFallback,
};

/**
 * The built-in lessons in course order: the catalog (id, number, title: ../catalog-data.ts, which the
 * page loads without the texts) with each lesson's text. lessons.test.ts checks every entry parses and
 * matches its catalog entry; catalog-data.test.ts that no text is left out.
 */
export const LESSON_SOURCES: readonly LessonSource[] = LESSON_CATALOG.map((entry) => ({
  ...entry,
  yaml: LESSON_TEXTS[entry.id] ?? '',
}));
