/**
 * Colour theme: 'light', 'dark' or 'system' (follow the OS). The choice is applied as
 * `data-theme` on <html>; src/view/theme.css defines the custom properties for each value, and for
 * 'system' a `prefers-color-scheme` media query decides.
 */
import { useEffect } from 'react';

export type Theme = 'light' | 'dark' | 'system';

export const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

export function isTheme(v: unknown): v is Theme {
  return v === 'light' || v === 'dark' || v === 'system';
}

/** The theme actually shown: 'system' resolves through the OS preference. */
export function resolveTheme(theme: Theme, prefersDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return prefersDark ? 'dark' : 'light';
  return theme;
}

/** Sets `data-theme` on the root element (default: <html>). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}

/** Keeps <html data-theme> in step with `theme`. Call once, from the app composition. */
export function useDocumentTheme(theme: Theme): void {
  useEffect(() => {
    applyTheme(theme);
  }, [theme]);
}
