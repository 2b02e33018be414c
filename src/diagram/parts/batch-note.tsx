// The handlers region's batch note (modern lanes, client-go v0.36.3): which keys the batch being
// handled holds (PopBatch → processDeltasInBatch: one Transaction, then the handlers for each key, SI2
// [C]). Drawn left of the Resource Event Handlers box; lines from layout-realfifo.ts. It takes the keys
// as one string per lane, so it re-renders only when a batch changes.
import { memo, type ReactNode } from 'react';
import type { ModernLaneView } from '../../engine/model/frame';
import { t } from '../../i18n';
import { shortKey } from '../format';
import { BATCH_NOTE, batchNoteLines } from '../layout-realfifo';

/** A lane's batch keys as one string ('' when that lane processes no batch), keys joined by spaces. */
export function batchKeysOf(
  processing:
    | { readonly batch: boolean; readonly entries: readonly { key: string | null }[] }
    | null
    | undefined,
): string {
  if (processing === null || processing === undefined || !processing.batch) return '';
  const keys: string[] = [];
  for (const e of processing.entries) if (e.key !== null && !keys.includes(e.key)) keys.push(e.key);
  return keys.join(' ');
}

export const BatchNote = memo(function BatchNote(props: { foo: string; deployment: string }): ReactNode {
  if (props.foo === '' && props.deployment === '') return null;
  const split = (s: string) => (s === '' ? null : s.split(' '));
  const keys = { Foo: split(props.foo), Deployment: split(props.deployment) };
  const lines = batchNoteLines(keys);
  const title = (['Foo', 'Deployment'] as const)
    .filter((l) => keys[l] !== null)
    .map((l) => t('diagram.handlers.batchTitle', { lane: l, keys: keys[l]!.join(', ') }))
    .join('; ');
  return (
    <g className="fig-batch-note" data-testid="batch-note">
      <title>{title}</title>
      <text x={BATCH_NOTE.x} y={BATCH_NOTE.y} textAnchor="end">
        {lines.map((ln, i) => (
          <tspan
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of one note.
            key={i}
            x={BATCH_NOTE.x}
            dy={i === 0 ? 0 : BATCH_NOTE.lineHeight}
            className={ln.kind === 'head' ? 'fig-batch-head' : 'fig-batch-key'}
          >
            {ln.kind === 'head'
              ? t('diagram.handlers.batch', { lane: ln.lane })
              : ln.kind === 'key'
                ? shortKey(ln.key, BATCH_NOTE.maxChars)
                : t('diagram.handlers.batchMore', { count: ln.count })}
          </tspan>
        ))}
      </text>
    </g>
  );
});

/** The note for two lanes' takes: their batch keys as strings, so BatchNote re-renders only when they change. */
export function ModernBatchNote(props: {
  foo: ModernLaneView['processing'] | undefined;
  deployment: ModernLaneView['processing'] | undefined;
}): ReactNode {
  return <BatchNote foo={batchKeysOf(props.foo)} deployment={batchKeysOf(props.deployment)} />;
}
