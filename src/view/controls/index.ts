/**
 * The step-through controls: transport toolbar, timeline scrubber, keyboard shortcuts and their help
 * dialog, interventions panel, theme switch and the failure banners. Props-driven components (no
 * store access); the app composition wires them to the store.
 */
import './controls.css';

export {
  type BannerError,
  ErrorBanner,
  type ErrorBannerProps,
  FatalBanner,
  type FatalBannerProps,
} from './banners';
export { formatClock, stepLabel } from './format';
export { HelpDialog, type HelpDialogProps } from './help-dialog';
export { describeIntervention, INTERVENTION_KINDS, type InterventionKind } from './intervention-kinds';
export * from './interventions';
export { InterventionsPanel, type InterventionsPanelProps } from './interventions-panel';
export { RunUntilMenu, type RunUntilMenuProps, runUntilItems } from './run-until-menu';
export {
  createShortcutHandlers,
  isActivatableTarget,
  isTextEntryTarget,
  type KeyLike,
  SHORTCUT_HELP,
  type ShortcutCommand,
  type ShortcutHandlers,
  type ShortcutTarget,
  shortcutFor,
} from './shortcuts';
export { parseSpeed, SPEEDS, type Speed, speedDown, speedLabel, speedUp } from './speed';
export { SpeedSelect, type SpeedSelectProps } from './speed-select';
export { applyTheme, isTheme, resolveTheme, THEMES, type Theme, useDocumentTheme } from './theme';
export { ThemeSwitch, type ThemeSwitchProps } from './theme-switch';
export { Timeline, type TimelineProps } from './timeline';
export { MARK_STYLE, placeMarks, type ScrubMode } from './timeline-math';
export { Transport, type TransportProps } from './transport';
export { type UseShortcutsOptions, useShortcuts } from './use-shortcuts';
