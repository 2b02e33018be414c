/**
 * The client side of the wire (spec K1–K7), in the API-server inspector: the controller's REST clients
 * (one per group-version of its two clientsets), each with its token bucket (tokens now, QPS, burst,
 * shared or not), its counters, and the calls waiting in it: a worker's write or a reflector's LIST /
 * WATCH, waiting for a token or asleep for a Retry-After, since when and for how much longer.
 */
import type { ReactNode } from 'react';
import type { RestClientView, RestWaitView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { formatAge, formatCount, formatCountdown } from './format';
import { Chip, Facts, KeyButton } from './parts';

/** The path of a request's URL (the host is always the same), query left out. */
function pathOf(url: string): string {
  const p = url.replace(/^https?:\/\/[^/]+/, '');
  const q = p.indexOf('?');
  return q < 0 ? p : p.slice(0, q);
}

function caller(w: RestWaitView): string {
  return w.worker === null
    ? t('inspectors.rest.reflector', { lane: w.lane })
    : t('inspectors.rest.worker', { id: w.worker });
}

/** The bucket as a bar: tokens of burst, with the numbers as text beside it. */
function Bucket({ c }: { readonly c: RestClientView }): ReactNode {
  if (c.tokens === null || c.burst === null)
    return <p className="insp-dim">{t('inspectors.rest.noLimiter')}</p>;
  const left = Math.max(0, c.tokens);
  const owed = Math.max(0, -c.tokens);
  const text =
    owed > 0
      ? t('inspectors.rest.tokensOwed', { owed: owed.toFixed(1), burst: c.burst })
      : t('inspectors.rest.tokens', { tokens: left.toFixed(1), burst: c.burst });
  const pct = Math.min(100, (left / c.burst) * 100);
  return (
    <div className="insp-window">
      <div className="insp-bar" role="img" aria-label={text}>
        <div className="insp-bar-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="insp-window-text">{text}</p>
    </div>
  );
}

function Waiting({
  c,
  now,
  selectedKey,
  onSelectKey,
}: {
  readonly c: RestClientView;
  readonly now: number;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}): ReactNode {
  if (c.waitingCount === 0) return <p className="insp-empty">{t('inspectors.rest.noneWaiting')}</p>;
  return (
    <ul className="insp-rest-waiting">
      {c.waiting.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: calls in the order they leave; no stable id in the view.
        <li key={i}>
          <Chip tone={w.phase === 'throttled' ? 'warn' : 'danger'} icon={w.phase === 'throttled' ? '◷' : '↻'}>
            {w.phase === 'throttled'
              ? t('inspectors.rest.forToken', { attempt: w.attempt })
              : t('inspectors.rest.retryAfter', { attempt: w.attempt })}
          </Chip>{' '}
          {caller(w)}: <code className="insp-verb">{w.verb}</code> <code title={w.url}>{pathOf(w.url)}</code>{' '}
          {w.key !== null ? (
            <KeyButton keyName={w.key} selected={w.key === selectedKey} onSelect={onSelectKey} />
          ) : null}{' '}
          <span className="insp-dim">
            {t('inspectors.rest.waited', {
              waited: formatAge(w.since, now),
              left: formatCountdown(w.until, now),
            })}
          </span>
        </li>
      ))}
      {c.waitingCount > c.waiting.length ? (
        <li className="insp-dim">
          {t('inspectors.rest.more', { count: c.waitingCount - c.waiting.length })}
        </li>
      ) : null}
    </ul>
  );
}

export function RestClients(props: {
  readonly clients: readonly RestClientView[];
  readonly now: number;
  readonly selectedKey: string | null;
  readonly onSelectKey: (key: string) => void;
}): ReactNode {
  return (
    <ul className="insp-cards" data-testid="rest-clients">
      {props.clients.map((c) => (
        <li key={c.name} className="insp-card">
          <p className="insp-card-title">
            <code>{c.name}</code>{' '}
            {c.sharedWith.length > 0 ? (
              <span className="insp-dim">
                {t('inspectors.rest.shared', { with: c.sharedWith.join(', ') })}
              </span>
            ) : null}
          </p>
          <Bucket c={c} />
          <Facts
            items={[
              {
                term: t('inspectors.rest.limit'),
                value:
                  c.qps === null
                    ? t('inspectors.rest.noLimiter')
                    : t('inspectors.rest.limitValue', { qps: c.qps, burst: c.burst ?? 0 }),
              },
              {
                term: t('inspectors.rest.counts'),
                value: t('inspectors.rest.countsValue', {
                  attempts: formatCount(c.attempts),
                  throttled: formatCount(c.throttled),
                  retries: formatCount(c.retries),
                }),
              },
              { term: t('inspectors.rest.inFlight'), value: formatCount(c.inFlight) },
            ]}
          />
          <Waiting c={c} now={props.now} selectedKey={props.selectedKey} onSelectKey={props.onSelectKey} />
        </li>
      ))}
    </ul>
  );
}
