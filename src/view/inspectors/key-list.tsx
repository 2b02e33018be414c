/**
 * A list of keys (a set or a queue): a wrapping row of key buttons when short, a windowed one-column
 * table when long (the same windowing as every other long list).
 */
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { KeyButton } from './parts';
import { WindowedTable } from './windowed-table';

/** Above this many keys the list is windowed. */
export const INLINE_KEYS_MAX = 24;

export interface KeyListProps {
  readonly label: string;
  readonly keys: readonly string[];
  readonly selectedKey: string | null;
  readonly onSelectKey?: ((key: string) => void) | undefined;
  /** Number the keys (queue order). */
  readonly ordered?: boolean;
  readonly empty: string;
  readonly maxHeight?: number;
}

interface Row {
  readonly i: number;
  readonly key: string;
}

export function KeyList(props: KeyListProps): ReactNode {
  const { label, keys, selectedKey, onSelectKey, ordered, empty } = props;
  if (keys.length === 0) return <p className="insp-empty">{empty}</p>;
  if (keys.length <= INLINE_KEYS_MAX) {
    const items = keys.map((k, i) => (
      <li key={k} className="insp-keylist-item">
        {ordered === true && <span className="insp-pos">{i + 1}</span>}
        <KeyButton keyName={k} selected={k === selectedKey} onSelect={onSelectKey} />
      </li>
    ));
    return ordered === true ? (
      <ol className="insp-keylist" aria-label={label}>
        {items}
      </ol>
    ) : (
      <ul className="insp-keylist" aria-label={label}>
        {items}
      </ul>
    );
  }
  const rows: Row[] = keys.map((key, i) => ({ i, key }));
  return (
    <WindowedTable<Row>
      caption={label}
      rows={rows}
      // By position: rows are updated in place as keys come and go.
      rowKey={(r) => String(r.i)}
      isSelected={(r) => r.key === selectedKey}
      maxHeight={props.maxHeight ?? 200}
      empty={empty}
      columns={[
        {
          id: 'pos',
          header: t('inspectors.col.position'),
          width: 3.5,
          numeric: true,
          render: (r) => r.i + 1,
        },
        {
          id: 'key',
          header: t('inspectors.col.key'),
          render: (r) => (
            <KeyButton keyName={r.key} selected={r.key === selectedKey} onSelect={onSelectKey} />
          ),
        },
      ]}
    />
  );
}
