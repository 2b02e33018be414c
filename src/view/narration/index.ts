/** The narration panel and its pure model. */
export { functionsAtWork, type Narration, type NarrationLine, narrate } from './narration';
export {
  arrowLabel,
  NARRATION_PACE_MS,
  NarrationPanel,
  type NarrationPanelProps,
  PacedNarrationPanel,
} from './narration-panel';
