/**
 * One lane's Indexer (client-go tools/cache/thread_safe_store.go, index.go): the cached keys and
 * objects, each index with its buckets, and "cache vs server": every key whose cached resourceVersion
 * differs from the server's (the frame computes the difference; a lagging cache is normal, I*).
 */

import { type ReactNode, useMemo, useState } from 'react';
import type { Frame } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatCount } from './format';
import { KeyList } from './key-list';
import { type CacheDiffEntry, cacheDiffText, ObjectTable } from './object-table';
import { Chip, Facts, InspectorShell, KeyButton, KindLabel, Rv, Section, ShowingNote } from './parts';
import { WindowedTable } from './windowed-table';

export interface IndexerInspectorProps {
  readonly lane: Kind;
  readonly frame: Frame;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}

type IndexView = Frame['lanes']['Foo']['indexer']['indices'][number];
type Bucket = IndexView['buckets'][number];

/** Keys shown inside a bucket's row before "show all". */
const BUCKET_PREVIEW = 1;

function IndexSection({
  index,
  selectedKey,
  onSelectKey,
}: {
  readonly index: IndexView;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}): ReactNode {
  const [open, setOpen] = useState<string | null>(null);
  const openBucket = open === null ? undefined : index.buckets.find((b) => b.value === open);
  return (
    <Section
      title={t('inspectors.indexer.index', { name: index.name })}
      aside={t('inspectors.indexer.bucketCount', { count: formatCount(index.buckets.length) })}
    >
      <WindowedTable<Bucket>
        caption={t('inspectors.indexer.index', { name: index.name })}
        rows={index.buckets}
        rowKey={(b) => b.value}
        isSelected={(b) => b.value === open}
        empty={t('inspectors.indexer.noBuckets')}
        columns={[
          {
            id: 'value',
            header: t('inspectors.col.indexValue'),
            render: (b) => <code title={b.value}>{b.value === '' ? '""' : b.value}</code>,
          },
          {
            id: 'n',
            header: t('inspectors.col.keys'),
            width: 3.8,
            numeric: true,
            render: (b) => b.keys.length,
          },
          {
            id: 'keys',
            header: t('inspectors.col.bucketKeys'),
            width: 15,
            render: (b) => (
              <span className="insp-inline-keys">
                {b.keys.slice(0, BUCKET_PREVIEW).map((k) => (
                  <KeyButton key={k} keyName={k} selected={k === selectedKey} onSelect={onSelectKey} />
                ))}
                {b.keys.length > BUCKET_PREVIEW && (
                  <button
                    type="button"
                    className="insp-link"
                    aria-expanded={open === b.value}
                    onClick={() => setOpen(open === b.value ? null : b.value)}
                  >
                    {open === b.value
                      ? t('inspectors.indexer.hideBucket')
                      : t('inspectors.indexer.showBucket', { count: b.keys.length })}
                  </button>
                )}
              </span>
            ),
          },
        ]}
      />
      {openBucket !== undefined && (
        <div className="insp-bucket-open">
          <p className="insp-note">
            {t('inspectors.indexer.bucketKeysOf', { name: index.name, value: openBucket.value })}
          </p>
          <KeyList
            label={t('inspectors.indexer.bucketKeysOf', { name: index.name, value: openBucket.value })}
            keys={openBucket.keys}
            selectedKey={selectedKey}
            onSelectKey={onSelectKey}
            empty={t('inspectors.indexer.noBuckets')}
          />
        </div>
      )}
    </Section>
  );
}

type DiffRow = Frame['lanes']['Foo']['indexer']['diff'][number];

function IndexerInspectorView({ lane, frame, selectedKey, onSelectKey }: IndexerInspectorProps): ReactNode {
  const ix = frame.lanes[lane].indexer;
  const modern = frame.lanes[lane].modern;
  const diffByKey = useMemo(() => {
    const m = new Map<string, CacheDiffEntry>();
    for (const d of ix.diff) m.set(d.key, d);
    return m;
  }, [ix.diff]);
  return (
    <InspectorShell
      title={t('inspectors.indexer.title', { kind: lane })}
      subtitle={t('inspectors.indexer.subtitle')}
      testId={`inspector-indexer-${lane}`}
    >
      <p className="insp-lane">
        <KindLabel kind={lane} />
      </p>
      <Facts
        items={[
          { term: t('inspectors.indexer.count'), value: formatCount(ix.count) },
          // I7 (modern lanes): the store's LastStoreSyncResourceVersion.
          ...(modern === undefined
            ? []
            : [
                {
                  term: t('inspectors.indexer.rv'),
                  hint: 'LastStoreSyncResourceVersion',
                  value: <Rv rv={modern.indexerRv === '' ? '""' : modern.indexerRv} />,
                },
              ]),
          {
            term: t('inspectors.indexer.vsServer'),
            value:
              ix.diff.length === 0 ? (
                <span className="insp-yes">
                  <span aria-hidden="true">✓ </span>
                  {t('inspectors.indexer.inSync')}
                </span>
              ) : (
                <Chip tone="warn" icon="≠">
                  {t('inspectors.indexer.differCount', { count: formatCount(ix.diff.length) })}
                </Chip>
              ),
          },
        ]}
      />
      <Section title={t('inspectors.indexer.items')} aside={formatCount(ix.count)}>
        <ObjectTable
          caption={t('inspectors.indexer.items')}
          kind={lane}
          rows={ix.items}
          selectedKey={selectedKey}
          onSelectKey={onSelectKey}
          empty={t('inspectors.indexer.empty')}
          diff={diffByKey}
        />
        <ShowingNote shown={ix.items.length} total={ix.count} />
      </Section>
      <Section title={t('inspectors.indexer.cacheVsServer')} aside={formatCount(ix.diff.length)}>
        <WindowedTable<DiffRow>
          caption={t('inspectors.indexer.cacheVsServer')}
          rows={ix.diff}
          rowKey={(d) => d.key}
          isSelected={(d) => d.key === selectedKey}
          empty={t('inspectors.indexer.noDiff')}
          testId={`indexer-diff-${lane}`}
          columns={[
            {
              id: 'key',
              header: t('inspectors.col.key'),
              render: (d) => (
                <KeyButton keyName={d.key} selected={d.key === selectedKey} onSelect={onSelectKey} />
              ),
            },
            {
              id: 'what',
              header: t('inspectors.col.difference'),
              width: 13,
              render: (d) => (
                <Chip tone="warn" icon="≠">
                  {cacheDiffText(d)}
                </Chip>
              ),
            },
            // S6, S39: with several apiserver replicas, the key's RV in the cache of the replica this
            // informer reads from: equal to the informer's after a stale list at "0" on a lagging replica.
            ...(ix.diff.some((d) => d.replica !== undefined)
              ? [
                  {
                    id: 'replica',
                    header: t('inspectors.indexer.replicaCache'),
                    width: 7,
                    render: (d: DiffRow) => (d.replica === undefined ? '' : <Rv rv={d.replica} />),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {ix.indices.map((index) => (
        <IndexSection key={index.name} index={index} selectedKey={selectedKey} onSelectKey={onSelectKey} />
      ))}
    </InspectorShell>
  );
}

/** IndexerInspector, rendering a deferred frame (deferred.tsx). */
export const IndexerInspector = deferredInspector(IndexerInspectorView, 'IndexerInspector');
