// Tokens travelling the arrows for the current step: Foo = square, Deployment = triangle, a key = a
// small rounded tag with the key's name, tombstones dashed with "†", errors red with "!" and the code.
// Modern lanes add a batch (one tag for a batch's keys on arrows 3–6), a watch-list's initial events
// (objects with a dashed halo) and its end bookmark (a tag "initial-events-end").
// Positions come from motion.ts; this only draws them.
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { shortKey } from '../format';
import { findArrow } from '../layout';
import type { TokenState } from '../motion';
import { arrowTitle } from './arrows-layer';
import { ObjectGlyph, Selectable } from './glyphs';
import type { SelectProps } from './lane-boxes';

/** A batch token's text: the first key's name and how many more ("backend +2"). */
export function batchText(keys: readonly string[]): string {
  if (keys.length === 0) return '×0';
  return `${shortKey(keys[0]!, 8)}${keys.length > 1 ? ` +${keys.length - 1}` : ''}`;
}

const END_BOOKMARK_TEXT = 'initial-events-end';

export function tokenLabel(tk: TokenState): string {
  const arrow = arrowTitle(findArrow(tk.arrow, tk.lane));
  if (tk.shape === 'batch')
    return t('diagram.token.batch', {
      count: tk.keys?.length ?? 0,
      keys: (tk.keys ?? []).join(', '),
      arrow,
    });
  if (tk.variant === 'end-bookmark') return t('diagram.token.endBookmark', { arrow });
  if (tk.variant === 'initial')
    return t('diagram.token.initial', { kind: tk.kind ?? tk.lane, key: tk.key ?? '—', arrow });
  if (tk.error)
    return tk.code === null
      ? t('diagram.token.errorNoCode', { arrow })
      : t('diagram.token.error', { code: tk.code, arrow });
  if (tk.tombstone)
    return t('diagram.token.tombstone', { kind: tk.kind ?? tk.lane, key: tk.key ?? '—', arrow });
  if (tk.shape === 'square' || tk.shape === 'triangle')
    return t('diagram.token.object', { kind: tk.kind ?? tk.lane, key: tk.key ?? '—', arrow });
  if (tk.shape === 'key') return t('diagram.token.key', { key: tk.key ?? '—', arrow });
  return t('diagram.token.signal', { arrow });
}

/** The text a token draws, in document order and joined as axe joins it: its accessible name starts with it. */
function tokenShown(tk: TokenState): string {
  const parts: string[] = [];
  if (tk.shape === 'batch') return batchText(tk.keys ?? []);
  if (tk.variant === 'end-bookmark') return END_BOOKMARK_TEXT;
  if (tk.shape === 'key') parts.push(shortKey(tk.key ?? '', 10));
  if (tk.tombstone) parts.push('†');
  if (tk.error) parts.push(tk.code === null ? '!' : `!${tk.code}`);
  return parts.join('');
}

function TokenBody(props: { tk: TokenState }): ReactNode {
  const { tk } = props;
  const cls = `${tk.error ? ' is-error' : ''}${tk.tombstone ? ' is-tombstone' : ''}`;
  let body: ReactNode;
  if (tk.shape === 'batch' || tk.variant === 'end-bookmark') {
    const text = tk.shape === 'batch' ? batchText(tk.keys ?? []) : END_BOOKMARK_TEXT;
    const w = Math.max(30, text.length * 8 + 14);
    const kind = tk.shape === 'batch' ? 'is-batch' : 'is-bookmark';
    return (
      <>
        <rect className={`fig-token-tag ${kind}`} x={-w / 2} y={-10} width={w} height={20} rx={4} />
        <text className="fig-token-text" y={5} textAnchor="middle">
          {text}
        </text>
      </>
    );
  }
  if (tk.shape === 'square' || tk.shape === 'triangle') {
    body = (
      <ObjectGlyph
        kind={tk.shape === 'square' ? 'Foo' : 'Deployment'}
        x={0}
        y={0}
        size={14}
        tombstone={tk.tombstone}
        error={tk.error}
      />
    );
  } else if (tk.shape === 'key') {
    const text = shortKey(tk.key ?? '', 10);
    const w = Math.max(26, text.length * 8 + 12);
    body = (
      <>
        <rect className={`fig-token-tag${cls}`} x={-w / 2} y={-9} width={w} height={18} rx={9} />
        <text className="fig-token-text" y={5} textAnchor="middle">
          {text}
        </text>
      </>
    );
  } else {
    body = <circle className={`fig-token-signal${cls}`} r={6} />;
  }
  const right = tk.shape === 'key' ? Math.max(26, shortKey(tk.key ?? '', 10).length * 8 + 12) / 2 + 3 : 10;
  return (
    <>
      <circle
        className={`fig-token-halo${tk.variant === 'initial' ? ' is-initial' : ''}`}
        r={tk.shape === 'key' ? 0 : 12}
      />
      {body}
      {tk.tombstone ? (
        <text className="fig-token-mark" x={right} y={-4}>
          †
        </text>
      ) : null}
      {tk.error ? (
        <g className="fig-token-error" transform={`translate(${right},${tk.tombstone ? 6 : 0})`}>
          <rect
            className="fig-token-error-bg"
            x={0}
            y={-9}
            width={tk.code === null ? 18 : 44}
            height={18}
            rx={9}
          />
          <text x={tk.code === null ? 9 : 22} y={5} textAnchor="middle">
            {tk.code === null ? '!' : `!${tk.code}`}
          </text>
        </g>
      ) : null}
    </>
  );
}

export function TokensLayer(props: { tokens: readonly TokenState[] } & SelectProps): ReactNode {
  return (
    <g className="fig-tokens" data-testid="figure-tokens">
      {props.tokens.map((tk) =>
        tk.visible ? (
          <g
            key={tk.recordIndex}
            className={`fig-token is-${tk.phase}`}
            transform={`translate(${tk.x.toFixed(1)},${tk.y.toFixed(1)})`}
            data-arrow={tk.arrowKey}
          >
            <Selectable
              selectKey={tk.key}
              selectedKey={props.selectedKey}
              onSelectKey={props.onSelectKey}
              label={tokenLabel(tk)}
              shown={tokenShown(tk)}
              focusable={false}
            >
              <TokenBody tk={tk} />
            </Selectable>
          </g>
        ) : null,
      )}
    </g>
  );
}
