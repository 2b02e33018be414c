import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTheme, resolveTheme } from './theme';

describe('resolveTheme', () => {
  it('follows the OS only for system', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('recognizes only the three themes', () => {
    expect(['light', 'dark', 'system'].every(isTheme)).toBe(true);
    expect(isTheme('auto')).toBe(false);
    expect(isTheme(null)).toBe(false);
  });
});

// theme.css: every theme block defines the same colours, and text pairs meet WCAG AA.
const css = readFileSync(new URL('../theme.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`no block ${selector}`);
  const open = css.indexOf('{', start);
  const body = css.slice(open + 1, css.indexOf('}', open));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = block(':root,\n:root[data-theme="light"]');
const dark = block(':root[data-theme="dark"]');
const systemDark = block(':root:not([data-theme="light"]):not([data-theme="dark"])');

describe('theme.css', () => {
  it('defines the brief’s colours in light and dark', () => {
    const required = [
      'bg',
      'fg',
      'muted',
      'border',
      'accent',
      'success',
      'warning',
      'danger',
      'fig-bg',
      'fig-ink',
      'fig-pink',
      'fig-yellow',
      'fig-blue',
      'fig-cyan',
    ];
    for (const v of required) {
      expect(light[v], v).toMatch(/^#/);
      expect(dark[v], v).toMatch(/^#/);
    }
    expect(light['fig-pink']).toBe('#f9c6c9');
  });

  it('dark overrides every light colour, and system-dark equals dark', () => {
    const colours = Object.keys(light).filter((k) => /^#/.test(light[k]!));
    for (const k of colours) expect(dark[k], `dark --${k}`).toMatch(/^#[0-9a-f]{6}$/i);
    for (const k of Object.keys(dark)) expect(light[k], `light --${k}`).toBeDefined();
    expect(systemDark).toEqual(dark);
  });

  for (const [name, th] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${name}: text meets 4.5:1, controls and marks 3:1, figure ink 7:1`, () => {
      for (const fg of ['fg', 'muted', 'accent', 'success', 'warning', 'danger']) {
        for (const bg of ['bg', 'surface', 'surface-2']) {
          expect(contrast(th[fg]!, th[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      for (const [fg, bg] of [
        ['accent-fg', 'accent'],
        ['accent', 'accent-soft'],
        ['fg', 'danger-soft'],
        ['danger', 'danger-soft'],
        ['fg', 'warning-soft'],
        ['warning', 'warning-soft'],
        ['success', 'success-soft'],
        ['violet', 'violet-bg'],
        ['fg', 'selection-bg'],
        ['fg', 'current-bg'],
        ['muted', 'muted-bg'],
        ['foo-color', 'surface'],
        ['deployment-color', 'surface'],
      ] as const) {
        expect(contrast(th[fg]!, th[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
      for (const k of [
        'border-strong',
        'focus',
        'mark-fault',
        'mark-relist',
        'mark-error',
        'mark-intervention',
      ]) {
        for (const bg of ['bg', 'surface']) {
          expect(contrast(th[k]!, th[bg]!), `${k} on ${bg}`).toBeGreaterThanOrEqual(3);
        }
      }
      for (const fill of ['fig-bg', 'fig-pink', 'fig-yellow', 'fig-blue', 'fig-cyan', 'fig-green']) {
        expect(contrast(th['fig-ink']!, th[fill]!), `fig-ink on ${fill}`).toBeGreaterThanOrEqual(7);
        expect(contrast(th['fig-muted']!, th[fill]!), `fig-muted on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
