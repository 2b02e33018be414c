/**
 * The animated client-go figure. Props-driven React SVG (no store, no worker): the app wires a frame,
 * the step's records and the animation progress into <Figure>.
 */
export { exportPng, exportSvg } from './export';
export { Figure, type FigureProps } from './Figure';
export { fitWidthTransform, shortKey } from './format';
export { arrowPath } from './layout';
export { ARROWS, type FigureArrowId } from './layout-arrows';
export { BOXES, type LaneId, VIEW_H, VIEW_W } from './layout-boxes';
export { arrowForRecord, motionAt, planMotion, type TokenState } from './motion';
export { type FigureZoom, useFigureZoom } from './use-figure-zoom';
