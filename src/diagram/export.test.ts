import { describe, expect, it } from 'vitest';
import { exportSvg, type NodeLike } from './export';

function el(name: string, attrs: Record<string, string>, ...children: NodeLike[]): NodeLike {
  return {
    nodeType: 1,
    nodeName: name,
    textContent: null,
    attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
    childNodes: children,
  };
}
function text(s: string): NodeLike {
  return { nodeType: 3, nodeName: '#text', textContent: s, childNodes: [] };
}

const FIGURE = el(
  'svg',
  { viewBox: '0 0 1210 880', class: 'fig-svg', role: 'img' },
  el('title', {}, text('How client-go & a controller interact')),
  el(
    'g',
    { 'data-fig-viewport': '', transform: 'translate(10,20) scale(2)' },
    el('rect', { class: 'fig-bg', x: '0', y: '0', width: '1210', height: '880' }),
    el(
      'g',
      { role: 'button', tabindex: '0', 'aria-label': 'Foo "a"', 'data-key': 'default/a' },
      el('text', {}, text('<script>alert(1)</script>')),
    ),
    el('g', { 'data-export': 'skip' }, el('rect', {})),
  ),
);

describe('exportSvg', () => {
  it('produces a standalone SVG document with xmlns and a size', () => {
    const s = exportSvg(FIGURE, null);
    expect(s.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')).toBe(true);
    expect(s).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(s).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
    expect(s).toContain('width="1210"');
    expect(s).toContain('height="880"');
    expect(s).toContain('viewBox="0 0 1210 880"');
    expect(s.endsWith('</svg>')).toBe(true);
  });

  it('escapes text and attributes and keeps no script or interactivity', () => {
    const s = exportSvg(FIGURE, null);
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(s).not.toContain('<script');
    expect(s).toContain('aria-label="Foo &quot;a&quot;"');
    expect(s).toContain('How client-go &amp; a controller interact');
    expect(s).not.toMatch(/tabindex|role=|class=|data-key/);
  });

  it('drops the zoom transform and parts marked data-export="skip"', () => {
    const s = exportSvg(FIGURE, null);
    expect(s).not.toContain('scale(2)');
    expect(s).not.toContain('data-export');
    expect(s.match(/<rect/g)).toHaveLength(1);
  });

  it('inlines computed presentation styles', () => {
    const s = exportSvg(FIGURE, (node) =>
      node.nodeName === 'rect'
        ? {
            getPropertyValue: (p: string) =>
              p === 'fill' ? 'rgb(238, 238, 238)' : p === 'stroke' ? 'none' : '',
          }
        : null,
    );
    expect(s).toContain(
      '<rect x="0" y="0" width="1210" height="880" style="fill:rgb(238, 238, 238);stroke:none"/>',
    );
  });
});
