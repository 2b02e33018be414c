/**
 * Keyboard shortcuts of the step-through controls, as a pure mapping from a key event to a command
 * (`shortcutFor`) so it can be tested without a DOM. `useShortcuts` (use-shortcuts.ts) installs it.
 *
 * Rules:
 * - Events with Ctrl, Meta or Alt are never taken (browser and OS shortcuts stay intact), nor events
 *   already handled (`defaultPrevented`) or typed through an input method (`isComposing`).
 * - Events from text-entry controls (input, textarea, select, contenteditable) are ignored entirely,
 *   so typing in the interventions form or moving the timeline slider never triggers a command.
 * - On a focused button, link or menu item, Space and Enter keep their native meaning (activate it).
 * - Auto-repeat (a held key) repeats only stepping commands, never toggles or "run until".
 */
import type { RunUntil } from '../../engine/model/session';
import { type Speed, speedDown, speedUp } from './speed';

export type ShortcutCommand =
  | 'togglePlay'
  | 'stepForward'
  | 'stepBack'
  | 'nextApiEvent'
  | 'first'
  | 'last'
  | 'speedUp'
  | 'speedDown'
  | 'runUntilRelist'
  | 'runUntilQuiet'
  | 'runUntilError'
  | 'help'
  | 'close';

/** The parts of a KeyboardEvent the mapping reads (a DOM KeyboardEvent fits). */
export interface KeyLike {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly repeat?: boolean;
  readonly isComposing?: boolean;
  readonly defaultPrevented?: boolean;
  readonly target?: unknown;
}

/** The parts of an element the mapping reads (a DOM Element fits; tests pass plain objects). */
interface ElementLike {
  readonly tagName?: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
  getAttribute?(name: string): string | null;
}

const TEXT_ENTRY_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
const ACTIVATABLE_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemradio',
  'menuitemcheckbox',
  'option',
  'radio',
  'checkbox',
  'switch',
  'tab',
]);

function asElement(target: unknown): ElementLike | null {
  return typeof target === 'object' && target !== null ? (target as ElementLike) : null;
}

/** True for input, textarea, select and contenteditable targets: keys typed there are not shortcuts. */
export function isTextEntryTarget(target: unknown): boolean {
  const el = asElement(target);
  if (el === null) return false;
  if (el.isContentEditable === true) return true;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (TEXT_ENTRY_TAGS.has(tag)) return true;
  const role = el.getAttribute?.('role') ?? null;
  return role === 'textbox' || role === 'combobox' || role === 'slider' || role === 'spinbutton';
}

/** True for targets where Space/Enter activate the element itself (buttons, links, menu items...). */
export function isActivatableTarget(target: unknown): boolean {
  const el = asElement(target);
  if (el === null) return false;
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  if (ACTIVATABLE_TAGS.has(tag)) return true;
  const role = el.getAttribute?.('role') ?? null;
  return role !== null && ACTIVATABLE_ROLES.has(role);
}

const REPEATABLE: ReadonlySet<ShortcutCommand> = new Set(['stepForward', 'stepBack', 'speedUp', 'speedDown']);

/** The command a key event stands for, or null when it is not a shortcut here. */
export function shortcutFor(e: KeyLike): ShortcutCommand | null {
  if (e.ctrlKey === true || e.metaKey === true || e.altKey === true) return null;
  if (e.isComposing === true || e.defaultPrevented === true) return null;
  if (isTextEntryTarget(e.target)) return null;
  const cmd = commandForKey(e.key, e.shiftKey === true);
  if (cmd === null) return null;
  if ((e.key === ' ' || e.key === 'Enter') && isActivatableTarget(e.target)) return null;
  if (e.repeat === true && !REPEATABLE.has(cmd)) return null;
  return cmd;
}

function commandForKey(key: string, shift: boolean): ShortcutCommand | null {
  switch (key) {
    case ' ':
    case 'Spacebar':
      return 'togglePlay';
    case 'ArrowRight':
      return shift ? 'nextApiEvent' : 'stepForward';
    case 'ArrowLeft':
      return shift ? null : 'stepBack';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '+':
    case '=':
      return 'speedUp';
    case '-':
    case '_':
      return 'speedDown';
    case 'r':
    case 'R':
      return 'runUntilRelist';
    case 'q':
    case 'Q':
      return 'runUntilQuiet';
    case 'e':
    case 'E':
      return 'runUntilError';
    case '?':
      return 'help';
    case 'Escape':
    case 'Esc':
      return 'close';
    default:
      return null;
  }
}

/** One row of the help dialog: the keys to show (as <kbd>) and the i18n key of what they do. */
export interface ShortcutHelp {
  readonly command: ShortcutCommand;
  readonly keys: readonly string[];
  readonly label: string;
}

/** What the help dialog lists, in this order. `keys` are i18n keys of key names. */
export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { command: 'togglePlay', keys: ['controls.key.space'], label: 'controls.shortcut.togglePlay' },
  { command: 'stepForward', keys: ['controls.key.right'], label: 'controls.shortcut.stepForward' },
  { command: 'stepBack', keys: ['controls.key.left'], label: 'controls.shortcut.stepBack' },
  {
    command: 'nextApiEvent',
    keys: ['controls.key.shift', 'controls.key.right'],
    label: 'controls.shortcut.nextApiEvent',
  },
  { command: 'first', keys: ['controls.key.home'], label: 'controls.shortcut.first' },
  { command: 'last', keys: ['controls.key.end'], label: 'controls.shortcut.last' },
  { command: 'speedUp', keys: ['controls.key.plus'], label: 'controls.shortcut.speedUp' },
  { command: 'speedDown', keys: ['controls.key.minus'], label: 'controls.shortcut.speedDown' },
  { command: 'runUntilRelist', keys: ['controls.key.r'], label: 'controls.shortcut.runUntilRelist' },
  { command: 'runUntilQuiet', keys: ['controls.key.q'], label: 'controls.shortcut.runUntilQuiet' },
  { command: 'runUntilError', keys: ['controls.key.e'], label: 'controls.shortcut.runUntilError' },
  { command: 'help', keys: ['controls.key.question'], label: 'controls.shortcut.help' },
  { command: 'close', keys: ['controls.key.escape'], label: 'controls.shortcut.close' },
];

/** The store actions and state the shortcuts drive (a subset of the app store; names match it). */
export interface ShortcutTarget {
  readonly known: number;
  readonly speed: Speed;
  readonly helpOpen: boolean;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  seek(step: number): void;
  runUntil(until: RunUntil): void;
  setSpeed(speed: Speed): void;
  setHelpOpen(open: boolean): void;
}

export type ShortcutHandlers = Partial<Record<ShortcutCommand, () => void>>;

/**
 * Handlers for every command, reading the store through `get` at key time (so they never go stale).
 * While the help dialog is open only `help` and `close` act (the dialog is modal).
 * `onClose` runs on Escape after the help dialog is closed (for other closable things).
 */
export function createShortcutHandlers(get: () => ShortcutTarget, onClose?: () => void): ShortcutHandlers {
  const when = (fn: (s: ShortcutTarget) => void) => (): void => {
    const s = get();
    if (!s.helpOpen) fn(s);
  };
  return {
    togglePlay: when((s) => s.togglePlay()),
    stepForward: when((s) => s.stepForward()),
    stepBack: when((s) => s.stepBack()),
    nextApiEvent: when((s) => s.runUntil({ kind: 'next-api-event' })),
    first: when((s) => s.seek(0)),
    last: when((s) => s.seek(s.known)),
    speedUp: when((s) => s.setSpeed(speedUp(s.speed))),
    speedDown: when((s) => s.setSpeed(speedDown(s.speed))),
    runUntilRelist: when((s) => s.runUntil({ kind: 'relist' })),
    runUntilQuiet: when((s) => s.runUntil({ kind: 'quiet' })),
    runUntilError: when((s) => s.runUntil({ kind: 'error' })),
    help: () => {
      const s = get();
      s.setHelpOpen(!s.helpOpen);
    },
    close: () => {
      const s = get();
      if (s.helpOpen) s.setHelpOpen(false);
      else onClose?.();
    },
  };
}
