/** The narration panel and its pure model. */
export { functionsAtWork, type Narration, type NarrationLine, narrate } from './narration';
export { arrowLabel, NarrationPanel, type NarrationPanelProps } from './narration-panel';
