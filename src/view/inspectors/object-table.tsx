/**
 * Objects as a table (server store or informer cache): key, resourceVersion, generation, replicas
 * ready of wanted, the reference (a Foo's spec.deploymentName, a Deployment's controlling Foo),
 * finalizers and deletion. With `diff`, a last column marks keys whose cached RV differs from the server.
 */
import type { ReactNode } from 'react';
import type { ObjectRow } from '../../engine/model/frame';
import { t } from '../../i18n';
import { Chip, KeyButton, Rv } from './parts';
import { type Column, WindowedTable } from './windowed-table';

export interface CacheDiffEntry {
  readonly key: string;
  readonly cached: string | null;
  readonly server: string | null;
  /** Same resourceVersion, different content: the cached object was changed in place (no DeepCopy, C7). */
  readonly mutated?: true;
}

/** "cached 12 · server 15", "missing from cache · server 15", "cached 12 · gone from server". */
export function cacheDiffText(d: Omit<CacheDiffEntry, 'key'>): string {
  if (d.mutated === true) return t('inspectors.diff.mutated', { cached: d.cached ?? '—' });
  if (d.cached === null) return t('inspectors.diff.missing', { server: d.server ?? '—' });
  if (d.server === null) return t('inspectors.diff.gone', { cached: d.cached });
  return t('inspectors.diff.differs', { cached: d.cached, server: d.server });
}

export interface ObjectTableProps {
  readonly caption: string;
  readonly kind: 'Foo' | 'Deployment';
  readonly rows: readonly ObjectRow[];
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
  readonly empty: string;
  /** Cache-vs-server differences by key (indexer view only). */
  readonly diff?: ReadonlyMap<string, CacheDiffEntry>;
}

export function ObjectTable(props: ObjectTableProps): ReactNode {
  const { caption, kind, rows, selectedKey, onSelectKey, empty, diff } = props;
  const columns: Column<ObjectRow>[] = [
    {
      id: 'key',
      header: t('inspectors.col.key'),
      render: (o) => <KeyButton keyName={o.key} selected={o.key === selectedKey} onSelect={onSelectKey} />,
    },
    { id: 'rv', header: t('inspectors.col.rv'), width: 3.6, render: (o) => <Rv rv={o.rv} /> },
    {
      id: 'gen',
      header: t('inspectors.col.generation'),
      width: 3.6,
      optional: true,
      numeric: true,
      render: (o) => o.generation,
    },
    {
      id: 'ready',
      header: t('inspectors.col.ready'),
      width: 4.6,
      numeric: true,
      render: (o) => t('inspectors.readyValue', { available: o.availableReplicas, replicas: o.replicas }),
    },
    {
      id: 'ref',
      header: t(kind === 'Foo' ? 'inspectors.col.deploymentName' : 'inspectors.col.owner'),
      width: 11,
      optional: true,
      render: (o) =>
        o.ref === '' ? <span className="insp-dim">—</span> : <span title={o.ref}>{o.ref}</span>,
    },
    {
      id: 'flags',
      header: t('inspectors.col.state'),
      width: 6,
      render: (o) => (
        <>
          {o.deleting && (
            <Chip tone="danger" icon="⌫">
              {t('inspectors.object.deleting')}
            </Chip>
          )}
          {o.finalizers.length > 0 && (
            <Chip tone="warn" icon="⚑" title={o.finalizers.join(', ')}>
              {t('inspectors.object.finalizers', { count: o.finalizers.length })}
            </Chip>
          )}
          {!o.deleting && o.finalizers.length === 0 && <span className="insp-dim">—</span>}
        </>
      ),
    },
  ];
  if (diff !== undefined)
    columns.push({
      id: 'vs',
      header: t('inspectors.col.vsServer'),
      width: 7.5,
      render: (o) => {
        const d = diff.get(o.key);
        return d === undefined ? (
          <span className="insp-yes">
            <span aria-hidden="true">✓ </span>
            {t('inspectors.diff.same')}
          </span>
        ) : (
          <Chip tone="warn" icon="≠" title={cacheDiffText(d)}>
            {d.mutated === true
              ? t('inspectors.diff.mutatedShort')
              : d.server === null
                ? t('inspectors.diff.goneShort')
                : t('inspectors.diff.serverShort', { server: d.server })}
          </Chip>
        );
      },
    });
  return (
    <WindowedTable<ObjectRow>
      caption={caption}
      rows={rows}
      rowKey={(o) => o.key}
      isSelected={(o) => o.key === selectedKey}
      rowClassName={(o) => (diff?.has(o.key) === true ? 'is-stale' : undefined)}
      empty={empty}
      columns={columns}
    />
  );
}
