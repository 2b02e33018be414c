/**
 * A key's history across components: the versions of its object(s) the records carried, with the
 * field-by-field changes between resourceVersions, and every record that touched the key, in order.
 */
import { type ReactNode, useId, useMemo } from 'react';
import type { RecordView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { renderNarration } from '../../i18n/narration';
import { formatClock, formatCount } from '../inspectors/format';
import { KindLabel } from '../inspectors/parts';
import { WindowedTable } from '../inspectors/windowed-table';
import { formatFieldValue, type ObjectVersion, objectVersions, recordsForKey } from './object-diff';
import { recordLeadColumns } from './record-columns';
import './event-log.css';

export interface KeyHistoryProps {
  readonly keyName: string;
  /** Records that touched the key (others are ignored), oldest first. */
  readonly records: readonly RecordView[];
  readonly onClose: () => void;
  /** Rows of this step are marked as the step on screen. */
  readonly currentStep?: number;
}

/** Versions listed (the newest); older ones are summarised by a note. */
const MAX_VERSIONS = 60;

function Version({ v }: { readonly v: ObjectVersion }): ReactNode {
  const created = v.changes.length > 0 && v.changes.every((c) => c.before === null);
  return (
    <li className="kh-version">
      <div className="kh-version-head">
        <KindLabel kind={v.kind} />
        <span>
          {t('inspectors.history.rv')} <code>{v.object.rv}</code>
        </span>
        <span className="insp-dim">
          {t('inspectors.history.firstSeen', {
            step: formatCount(v.firstStep),
            time: formatClock(v.firstTime),
          })}
        </span>
      </div>
      {created ? (
        <p className="kh-created">
          {t('inspectors.history.firstVersion', {
            replicas: v.object.replicas,
            available: v.object.availableReplicas,
            generation: v.object.generation,
            uid: v.object.uid,
          })}
        </p>
      ) : v.changes.length === 0 ? (
        <p className="kh-created insp-dim">{t('inspectors.history.noChange')}</p>
      ) : (
        <ul className="kh-changes" aria-label={t('inspectors.history.changes')}>
          {v.changes.map((c) => (
            <li key={c.field}>
              <code className="kh-field">{c.field}</code>{' '}
              <span className="kh-before">{formatFieldValue(c.before)}</span>
              <span aria-hidden="true"> → </span>
              <span className="insp-sr-only"> {t('inspectors.history.becomes')} </span>
              <strong className="kh-after">{formatFieldValue(c.after)}</strong>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function KeyHistory({ keyName, records, onClose, currentStep }: KeyHistoryProps): ReactNode {
  const id = useId();
  const touched = useMemo(() => recordsForKey(records, keyName), [records, keyName]);
  const versions = useMemo(() => objectVersions(touched, keyName), [touched, keyName]);
  const components = useMemo(() => new Set(touched.map((r) => r.component)).size, [touched]);
  const shownVersions = versions.length > MAX_VERSIONS ? versions.slice(-MAX_VERSIONS) : versions;
  return (
    <section className="kh" aria-labelledby={`${id}-h`} data-testid="key-history">
      <header className="kh-head">
        <h2 id={`${id}-h`} className="kh-title">
          {t('inspectors.history.title', { key: keyName })}
        </h2>
        <button
          type="button"
          className="kh-close"
          onClick={onClose}
          aria-label={t('inspectors.history.close', { key: keyName })}
        >
          <span aria-hidden="true">✕</span>
        </button>
      </header>
      <p className="kh-summary">
        {t('inspectors.history.summary', {
          records: formatCount(touched.length),
          components,
          versions: formatCount(versions.length),
        })}
      </p>
      <h3 className="kh-sub">{t('inspectors.history.versions')}</h3>
      {versions.length === 0 ? (
        <p className="insp-empty">{t('inspectors.history.noVersions')}</p>
      ) : (
        <>
          {versions.length > MAX_VERSIONS && (
            <p className="insp-note">
              {t('inspectors.history.olderVersions', { count: formatCount(versions.length - MAX_VERSIONS) })}
            </p>
          )}
          {/* It scrolls past a few versions: focusable, so keyboard users can scroll it. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list (axe scrollable-region-focusable). */}
          <ol className="kh-versions" tabIndex={0} aria-label={t('inspectors.history.versions')}>
            {shownVersions.map((v) => (
              <Version key={`${v.kind}:${v.object.uid}:${v.object.rv}`} v={v} />
            ))}
          </ol>
        </>
      )}
      <h3 className="kh-sub">{t('inspectors.history.records')}</h3>
      <WindowedTable<RecordView>
        caption={t('inspectors.history.records')}
        rows={touched}
        rowKey={(r, i) => `${r.step}:${i}`}
        rowClassName={(r) => (r.step === currentStep ? 'is-current' : undefined)}
        maxHeight={300}
        empty={t('inspectors.history.noRecords')}
        columns={[
          ...recordLeadColumns(),
          { id: 'rv', header: t('inspectors.col.rv'), width: 3.8, render: (r) => r.rv ?? '—' },
          {
            id: 'msg',
            header: t('inspectors.col.message'),
            render: (r) => {
              const text = renderNarration(r);
              return (
                <span className="elog-msg" title={text}>
                  {text}
                </span>
              );
            },
          },
        ]}
      />
    </section>
  );
}
