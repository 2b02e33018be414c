/**
 * Installs the keyboard shortcuts (shortcuts.ts) on `window`. Handlers are read through a ref, so
 * passing a new object each render does not re-subscribe. A handled key's default action (page scroll
 * on Space and arrows) is prevented; keys without a handler pass through untouched.
 */
import { useEffect, useRef } from 'react';
import { type ShortcutHandlers, shortcutFor } from './shortcuts';

export interface UseShortcutsOptions {
  /** false = listen to nothing (e.g. while another modal owns the keyboard). Default true. */
  readonly enabled?: boolean;
}

export function useShortcuts(handlers: ShortcutHandlers, options: UseShortcutsOptions = {}): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent): void => {
      const cmd = shortcutFor(e);
      if (cmd === null) return;
      const fn = ref.current[cmd];
      if (fn === undefined) return;
      e.preventDefault();
      fn();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
