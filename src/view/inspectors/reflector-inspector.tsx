/**
 * One lane's Reflector (client-go tools/cache/reflector.go): its phase (listing, opening a watch,
 * watching, backing off with a countdown), lastSyncResourceVersion, the "RV unavailable" flag, the open
 * watch, the next resync check and how many LISTs it has made.
 */

import type { ReactNode } from 'react';
import type { Frame } from '../../engine/model/frame';
import type { Kind } from '../../engine/model/objects';
import { t } from '../../i18n';
import { deferredInspector } from './deferred';
import { formatAge, formatCount, formatCountdown } from './format';
import { Chip, Facts, InspectorShell, KindLabel, Rv, Section, type Tone, YesNo } from './parts';

export interface ReflectorInspectorProps {
  readonly lane: Kind;
  readonly frame: Frame;
}

const PHASE_TONE: Readonly<Record<string, Tone>> = {
  stopped: 'muted',
  listing: 'info',
  'watch-opening': 'info',
  watching: 'ok',
  'backoff-relist': 'warn',
  'backoff-rewatch': 'warn',
  // Modern lanes (client-go v0.36.3's WatchList reflector, R18–R21).
  'watch-list-opening': 'info',
  'watch-listing': 'info',
  'backoff-watch-list': 'warn',
};

const PHASE_ICON: Readonly<Record<string, string>> = {
  stopped: '■',
  listing: '⇊',
  'watch-opening': '…',
  watching: '◉',
  'backoff-relist': '◷',
  'backoff-rewatch': '◷',
  'watch-list-opening': '…',
  'watch-listing': '⇶',
  'backoff-watch-list': '◷',
};

/** The phase as a chip with text (the phase name stays searchable in client-go terms). */
export function PhaseChip({ phase }: { readonly phase: string }): ReactNode {
  return (
    <Chip tone={PHASE_TONE[phase] ?? 'neutral'} icon={PHASE_ICON[phase] ?? '•'}>
      {t(`inspectors.reflector.phase.${phase}`)}
    </Chip>
  );
}

function ReflectorInspectorView({ lane, frame }: ReflectorInspectorProps): ReactNode {
  const r = frame.lanes[lane].reflector;
  const now = frame.time;
  const backingOff = r.phase.startsWith('backoff');
  return (
    <InspectorShell
      title={t('inspectors.reflector.title', { kind: lane })}
      subtitle={t('inspectors.reflector.subtitle')}
      className={`insp-lane-${lane.toLowerCase()}`}
      testId={`inspector-reflector-${lane}`}
    >
      <p className="insp-lane">
        <KindLabel kind={lane} />
      </p>
      <Facts
        items={[
          { term: t('inspectors.reflector.phase'), value: <PhaseChip phase={r.phase} /> },
          ...(backingOff || (r.backoffUntil !== null && r.backoffUntil > now)
            ? [
                {
                  term: t('inspectors.reflector.backoff'),
                  value: (
                    <strong className="insp-countdown" data-testid={`reflector-backoff-${lane}`}>
                      {formatCountdown(r.backoffUntil, now)}
                    </strong>
                  ),
                },
              ]
            : []),
          { term: 'lastSyncResourceVersion', code: true, value: <Rv rv={r.lastSyncResourceVersion} /> },
          {
            term: t('inspectors.reflector.rvUnavailable'),
            hint: 'isLastSyncResourceVersionUnavailable',
            value: (
              <YesNo
                value={r.rvUnavailable}
                yes={t('inspectors.reflector.rvUnavailableYes')}
                no={t('inspectors.reflector.rvUnavailableNo')}
              />
            ),
          },
          { term: t('inspectors.reflector.nextResync'), value: formatCountdown(r.nextResyncAt, now) },
          { term: t('inspectors.reflector.listCount'), value: formatCount(r.listCount) },
        ]}
      />
      <Section title={t('inspectors.reflector.watch')}>
        {r.watch === null ? (
          <p className="insp-empty">{t('inspectors.reflector.noWatch')}</p>
        ) : (
          <Facts
            items={[
              { term: t('inspectors.reflector.watchFrom'), value: <Rv rv={r.watch.fromRv} /> },
              { term: t('inspectors.reflector.watchEvents'), value: formatCount(r.watch.events) },
              { term: t('inspectors.reflector.watchAge'), value: formatAge(r.watch.startedAt, now) },
              {
                term: t('inspectors.reflector.watchStream'),
                value:
                  r.watch.streamId === null
                    ? t('inspectors.reflector.streamPending')
                    : r.watch.streamId < 0
                      ? t('inspectors.reflector.streamRefused')
                      : `#${r.watch.streamId}`,
              },
            ]}
          />
        )}
      </Section>
    </InspectorShell>
  );
}

/** ReflectorInspector, rendering a deferred frame (deferred.tsx). */
export const ReflectorInspector = deferredInspector(ReflectorInspectorView, 'ReflectorInspector');
