// Zoom buttons for the figure (accessible names from the diagram string table).
import type { ReactNode } from 'react';
import { t } from '../../i18n';
import type { FigureZoom } from '../use-figure-zoom';

export function ZoomControls(props: { zoom: FigureZoom }): ReactNode {
  const { zoom } = props;
  return (
    <div className="fig-zoom" role="toolbar" aria-label={t('diagram.zoom.toolbar')}>
      <button
        type="button"
        onClick={zoom.zoomIn}
        aria-label={t('diagram.zoom.in')}
        title={t('diagram.zoom.in')}
      >
        +
      </button>
      <button
        type="button"
        onClick={zoom.zoomOut}
        aria-label={t('diagram.zoom.out')}
        title={t('diagram.zoom.out')}
      >
        −
      </button>
      <button
        type="button"
        onClick={zoom.fitWidth}
        aria-label={t('diagram.zoom.fit')}
        title={t('diagram.zoom.fit')}
      >
        ↔
      </button>
      <button
        type="button"
        onClick={zoom.reset}
        aria-label={t('diagram.zoom.reset')}
        title={t('diagram.zoom.reset')}
      >
        ⟲
      </button>
    </div>
  );
}
