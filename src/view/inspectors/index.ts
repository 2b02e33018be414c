/** The inspectors: props-driven views of the frame (no store, no worker), and their pure helpers. */
export { ApiServerInspector, type ApiServerInspectorProps } from './api-server-inspector';
export { DeltaFifoInspector, type DeltaFifoInspectorProps } from './delta-fifo-inspector';
export {
  classifyResult,
  classifyStatus,
  countdownMs,
  formatAge,
  formatClock,
  formatCount,
  formatCountdown,
  formatDuration,
  type ResultClass,
  type StatusClass,
  statusText,
} from './format';
export { HandlersInspector, type HandlersInspectorProps } from './handlers-inspector';
export { appendHistory, chartGeometry, type HistoryPoint } from './history';
export { IndexerInspector, type IndexerInspectorProps } from './indexer-inspector';
export { cacheDiffText } from './object-table';
export { ReflectorInspector, type ReflectorInspectorProps } from './reflector-inspector';
export { computeWindow, isAtEnd, scrollTopToReveal, type WindowInput, type WindowSlice } from './windowing';
export { WorkersInspector, type WorkersInspectorProps } from './workers-inspector';
export { WorkqueueInspector, type WorkqueueInspectorProps } from './workqueue-inspector';
