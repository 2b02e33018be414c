import { describe, expect, it } from 'vitest';
import type { RunUntil } from '../../engine/model/session';
import { EN } from '../../i18n';
import type { SimState, Theme as StoreTheme } from '../../store/types';
import {
  createShortcutHandlers,
  isTextEntryTarget,
  type KeyLike,
  SHORTCUT_HELP,
  type ShortcutCommand,
  type ShortcutTarget,
  shortcutFor,
} from './shortcuts';
import type { Speed } from './speed';
import type { Theme } from './theme';

/** A fake element: what shortcutFor reads from a DOM element. */
function el(tagName: string, attrs: Record<string, string> = {}, editable = false) {
  return { tagName, isContentEditable: editable, getAttribute: (n: string) => attrs[n] ?? null };
}

const BODY = el('BODY');

function key(k: string, extra: Partial<KeyLike> = {}): ShortcutCommand | null {
  return shortcutFor({ key: k, target: BODY, ...extra });
}

describe('shortcutFor: the mapping', () => {
  it('maps every documented key', () => {
    expect(key(' ')).toBe('togglePlay');
    expect(key('ArrowRight')).toBe('stepForward');
    expect(key('ArrowLeft')).toBe('stepBack');
    expect(key('ArrowRight', { shiftKey: true })).toBe('nextApiEvent');
    expect(key('Home')).toBe('first');
    expect(key('End')).toBe('last');
    expect(key('+', { shiftKey: true })).toBe('speedUp');
    expect(key('=')).toBe('speedUp');
    expect(key('-')).toBe('speedDown');
    expect(key('r')).toBe('runUntilRelist');
    expect(key('R', { shiftKey: true })).toBe('runUntilRelist');
    expect(key('q')).toBe('runUntilQuiet');
    expect(key('e')).toBe('runUntilError');
    expect(key('?', { shiftKey: true })).toBe('help');
    expect(key('Escape')).toBe('close');
  });

  it('ignores other keys and Shift+ArrowLeft', () => {
    for (const k of ['a', 'x', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'PageUp', '1', 'F5']) {
      expect(key(k), k).toBeNull();
    }
    expect(key('ArrowLeft', { shiftKey: true })).toBeNull();
  });

  it('leaves Ctrl, Meta and Alt combinations to the browser', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      expect(key('r', { [mod]: true }), mod).toBeNull();
      expect(key('ArrowRight', { [mod]: true }), mod).toBeNull();
      expect(key(' ', { [mod]: true }), mod).toBeNull();
    }
  });

  it('ignores events already handled or typed through an input method', () => {
    expect(key(' ', { defaultPrevented: true })).toBeNull();
    expect(key('e', { isComposing: true })).toBeNull();
  });

  it('ignores key events from inputs, textareas, selects and editable elements', () => {
    const targets = [
      el('INPUT', { type: 'text' }),
      el('input'),
      el('TEXTAREA'),
      el('SELECT'),
      el('DIV', {}, true),
      el('DIV', { role: 'textbox' }),
      el('DIV', { role: 'slider' }),
    ];
    for (const target of targets) {
      for (const k of [
        ' ',
        'ArrowRight',
        'ArrowLeft',
        'Home',
        'End',
        'r',
        'q',
        'e',
        '?',
        '+',
        '-',
        'Escape',
      ]) {
        expect(shortcutFor({ key: k, target }), `${target.tagName} ${k}`).toBeNull();
      }
    }
    expect(isTextEntryTarget(el('BUTTON'))).toBe(false);
    expect(isTextEntryTarget(null)).toBe(false);
  });

  it('leaves Space and Enter to a focused button or menu item, but arrows still step', () => {
    for (const target of [
      el('BUTTON'),
      el('A'),
      el('DIV', { role: 'menuitem' }),
      el('SPAN', { role: 'button' }),
    ]) {
      expect(shortcutFor({ key: ' ', target })).toBeNull();
      expect(shortcutFor({ key: 'ArrowRight', target })).toBe('stepForward');
      expect(shortcutFor({ key: 'r', target })).toBe('runUntilRelist');
    }
  });

  it('repeats only stepping and speed commands on auto-repeat', () => {
    expect(key('ArrowRight', { repeat: true })).toBe('stepForward');
    expect(key('ArrowLeft', { repeat: true })).toBe('stepBack');
    expect(key('+', { repeat: true })).toBe('speedUp');
    expect(key(' ', { repeat: true })).toBeNull();
    expect(key('r', { repeat: true })).toBeNull();
    expect(key('?', { repeat: true })).toBeNull();
  });

  it('works without a target (e.g. synthetic events)', () => {
    expect(shortcutFor({ key: ' ' })).toBe('togglePlay');
  });
});

describe('SHORTCUT_HELP', () => {
  it('lists every command once, with translated key names and labels', () => {
    const all: ShortcutCommand[] = [
      'togglePlay',
      'stepForward',
      'stepBack',
      'nextApiEvent',
      'first',
      'last',
      'speedUp',
      'speedDown',
      'runUntilRelist',
      'runUntilQuiet',
      'runUntilError',
      'help',
      'close',
    ];
    expect(SHORTCUT_HELP.map((r) => r.command).sort()).toEqual([...all].sort());
    for (const row of SHORTCUT_HELP) {
      expect(EN[row.label], row.label).toBeTypeOf('string');
      for (const k of row.keys) expect(EN[k], k).toBeTypeOf('string');
    }
  });
});

describe('createShortcutHandlers', () => {
  function fakeStore(init: Partial<{ known: number; speed: Speed; helpOpen: boolean }> = {}) {
    const calls: string[] = [];
    const state = {
      known: init.known ?? 50,
      speed: init.speed ?? (1 as Speed),
      helpOpen: init.helpOpen ?? false,
    };
    const target: ShortcutTarget = {
      get known() {
        return state.known;
      },
      get speed() {
        return state.speed;
      },
      get helpOpen() {
        return state.helpOpen;
      },
      togglePlay: () => calls.push('togglePlay'),
      stepForward: () => calls.push('stepForward'),
      stepBack: () => calls.push('stepBack'),
      seek: (n: number) => calls.push(`seek ${n}`),
      runUntil: (u: RunUntil) => calls.push(`runUntil ${JSON.stringify(u)}`),
      setSpeed: (s: Speed) => {
        state.speed = s;
        calls.push(`speed ${s}`);
      },
      setHelpOpen: (o: boolean) => {
        state.helpOpen = o;
        calls.push(`help ${o}`);
      },
    };
    return { calls, state, target };
  }

  it('drives the store actions the commands name', () => {
    const { calls, target, state } = fakeStore({ known: 120, speed: 4 });
    const h = createShortcutHandlers(() => target);
    h.togglePlay?.();
    h.stepForward?.();
    h.stepBack?.();
    h.nextApiEvent?.();
    h.first?.();
    h.last?.();
    h.speedUp?.();
    h.speedUp?.();
    h.speedDown?.();
    h.runUntilRelist?.();
    h.runUntilQuiet?.();
    h.runUntilError?.();
    expect(calls).toEqual([
      'togglePlay',
      'stepForward',
      'stepBack',
      'runUntil {"kind":"next-api-event"}',
      'seek 0',
      'seek 120',
      'speed 10',
      'speed 30',
      'speed 10',
      'runUntil {"kind":"relist"}',
      'runUntil {"kind":"quiet"}',
      'runUntil {"kind":"error"}',
    ]);
    expect(state.speed).toBe(10);
  });

  it('+ and − walk through the virtual-time rates between 100 steps/s and fast-forward', () => {
    const { calls, target } = fakeStore({ speed: 100 });
    const h = createShortcutHandlers(() => target);
    for (let i = 0; i < 5; i++) h.speedUp?.();
    for (let i = 0; i < 4; i++) h.speedDown?.();
    expect(calls).toEqual([
      'speed 10s/s',
      'speed 1min/s',
      'speed 10min/s',
      'speed max',
      'speed max',
      'speed 10min/s',
      'speed 1min/s',
      'speed 10s/s',
      'speed 100',
    ]);
  });

  it('reads the store at key time (End goes to the newest known step)', () => {
    const { calls, target, state } = fakeStore({ known: 10 });
    const h = createShortcutHandlers(() => target);
    state.known = 99;
    h.last?.();
    expect(calls).toEqual(['seek 99']);
  });

  it('toggles help, and while help is open only help and close act', () => {
    const { calls, target } = fakeStore();
    let closedOther = 0;
    const h = createShortcutHandlers(
      () => target,
      () => closedOther++,
    );
    h.help?.();
    h.togglePlay?.();
    h.stepForward?.();
    h.last?.();
    h.close?.();
    h.close?.();
    expect(calls).toEqual(['help true', 'help false']);
    expect(closedOther).toBe(1);
  });
});

// Compile-time: the app store fits what the controls expect (npm run typecheck fails otherwise).
describe('store compatibility (types)', () => {
  it('the store state is a ShortcutTarget, and Theme is the same union (Speed is the store’s own)', () => {
    const asTarget = (s: SimState): ShortcutTarget => s;
    const themesMatch: [StoreTheme, Theme] = ['system' as Theme, 'system' as StoreTheme];
    expect(typeof asTarget).toBe('function');
    expect(themesMatch).toEqual(['system', 'system']);
  });
});
