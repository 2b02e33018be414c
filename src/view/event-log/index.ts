/** The event log, the key history and their pure helpers (filtering, JSONL export, object diffs). */

export { recordsToJsonl, recordToJsonLine } from '../../engine/model/record-json';
export { EventLog, type EventLogProps } from './event-log';
export {
  ARROWS,
  COMPONENTS,
  EMPTY_FILTER,
  type EventLogFilter,
  filterRecords,
  isFilterEmpty,
  matchesFilter,
  messageFamilies,
  parseArrow,
} from './filter';
export { compareSided, interleaveByTime, type SidedRecord } from './interleave';
export { InterleavedLog, type InterleavedLogProps } from './interleaved-log';
export { KeyHistory, type KeyHistoryProps } from './key-history';
export {
  DIFF_FIELDS,
  type DiffField,
  type FieldChange,
  type FieldValue,
  formatFieldValue,
  type ObjectVersion,
  objectDiff,
  objectVersions,
  recordsForKey,
} from './object-diff';
