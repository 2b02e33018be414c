/**
 * The event log's filter: by component, informer lane, key (substring) and kind of record: the arrow it
 * travelled and/or its message id prefix ("reflector.", "worker.", "fault.", ...). Pure.
 */
import type { RecordView } from '../../engine/model/frame';
import { ARROWS, type Arrow, COMPONENTS, type Component } from '../../engine/model/trace';

export interface EventLogFilter {
  /** null = every component. */
  readonly component: Component | null;
  /** null = every lane (records without a lane pass only when this is null). */
  readonly lane: 'Foo' | 'Deployment' | null;
  /** Case-insensitive substring of the record's key; '' = any (records without a key pass only then). */
  readonly key: string;
  /** null = every arrow. */
  readonly arrow: Arrow | null;
  /** Message id prefix, e.g. "reflector." or "worker.add"; '' = any. */
  readonly message: string;
}

export const EMPTY_FILTER: EventLogFilter = {
  component: null,
  lane: null,
  key: '',
  arrow: null,
  message: '',
};

/** The filter's choices: the model's own lists (engine/model/trace.ts). */
export { ARROWS, COMPONENTS };

export function isFilterEmpty(f: EventLogFilter): boolean {
  return (
    f.component === null && f.lane === null && f.key.trim() === '' && f.arrow === null && f.message === ''
  );
}

/** Does one record pass the filter? */
export function matchesFilter(r: RecordView, f: EventLogFilter): boolean {
  if (f.component !== null && r.component !== f.component) return false;
  if (f.lane !== null && r.lane !== f.lane) return false;
  if (f.arrow !== null && r.arrow !== f.arrow) return false;
  if (f.message !== '' && !r.message.startsWith(f.message)) return false;
  const needle = f.key.trim().toLowerCase();
  if (needle !== '') {
    const key = r.key ?? r.object?.key ?? null;
    if (key === null || !key.toLowerCase().includes(needle)) return false;
  }
  return true;
}

/** The records that pass, in order (the same array when the filter is empty). */
export function filterRecords(records: readonly RecordView[], f: EventLogFilter): readonly RecordView[] {
  if (isFilterEmpty(f)) return records;
  return records.filter((r) => matchesFilter(r, f));
}

/** The distinct message-id families ("reflector.", "worker.", ...) present, sorted, for the kind picker. */
export function messageFamilies(records: readonly RecordView[]): string[] {
  const s = new Set<string>();
  for (const r of records) {
    const dot = r.message.indexOf('.');
    s.add(dot < 0 ? r.message : r.message.slice(0, dot + 1));
  }
  return [...s].sort();
}

/** An arrow from a <select> value ('' = none): numbers for 1–9, names for the extras. */
export function parseArrow(v: string): Arrow | null {
  if (v === '') return null;
  const n = Number(v);
  if (Number.isInteger(n) && n >= 1 && n <= 9) return n as Arrow;
  return (ARROWS as readonly (Arrow | string)[]).includes(v) ? (v as Arrow) : null;
}
