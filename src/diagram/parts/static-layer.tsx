// What does not change with the simulation: the background, the dotted divider, the server-side
// corner, the captions, the fidelity badge and the dotted reference lines. With HA apiserver replicas
// (a scenario setting, fixed for a run) the server region's caption moves up to make room for them. In
// the modern era (also fixed for a run) the FIFO's caption says RealFIFO and the badge names v0.36.
import { memo, type ReactNode } from 'react';
import { t } from '../../i18n';
import { wrapLabel } from '../layout';
import { BADGE_AT, CAPTIONS, REF_LINKS, SERVER_CAPTION_HA, SERVER_CORNER } from '../layout-arrows';
import { DIVIDER_Y, VIEW_H, VIEW_W } from '../layout-boxes';
import { MultilineText } from './text';

/** About how wide a label is at a font size: CJK characters are square, Latin ones about half as wide. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.56;
  return w;
}

function pts(points: readonly { x: number; y: number }[]): string {
  return points.map((q) => `${q.x},${q.y}`).join(' ');
}

export const StaticLayer = memo(function StaticLayer(props: {
  readonly ha?: boolean;
  readonly modern?: boolean;
}): ReactNode {
  const badge = t(props.modern === true ? 'diagram.badgeModern' : 'diagram.badge');
  const badgeW = Math.round(textWidth(badge, 14) + 18);
  return (
    <g className="fig-static">
      <rect className="fig-bg" x={0} y={0} width={VIEW_W} height={VIEW_H} />
      <line className="fig-divider" x1={0} y1={DIVIDER_Y} x2={VIEW_W} y2={DIVIDER_Y} />
      <polyline className="fig-corner" points={pts(SERVER_CORNER)} />
      {REF_LINKS.map((l) => (
        <polyline key={`${l.from}-${l.to}`} className="fig-ref-link" points={pts(l.points)} />
      ))}
      {CAPTIONS.map((cap) => (
        <MultilineText
          key={cap.key}
          className={`fig-caption fig-caption-${cap.cls}`}
          x={props.ha === true && cap.key === 'diagram.region.serverSide' ? SERVER_CAPTION_HA.x : cap.x}
          y={props.ha === true && cap.key === 'diagram.region.serverSide' ? SERVER_CAPTION_HA.y : cap.y}
          anchor={cap.anchor}
          lines={wrapLabel(
            t(
              props.modern === true && cap.key === 'diagram.box.deltaFifo' ? 'diagram.box.realFifo' : cap.key,
            ),
            cap.wrap,
          )}
          lineHeight={cap.cls === 'region' ? 26 : 16}
        />
      ))}
      <g className="fig-badge" data-testid="figure-badge">
        <rect x={BADGE_AT.x} y={BADGE_AT.y} width={badgeW} height={22} rx={11} />
        <text x={BADGE_AT.x + badgeW / 2} y={BADGE_AT.y + 16} textAnchor="middle">
          {badge}
        </text>
      </g>
    </g>
  );
});
