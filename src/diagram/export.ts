/**
 * Export the figure for slides: a standalone SVG string (computed styles inlined, so it looks the same
 * outside the page, in the current theme; the zoom is dropped so the whole figure is exported) and a
 * PNG drawn from that SVG on an offscreen canvas. No inline script, no eval: the SVG becomes a Blob
 * URL loaded as an image (the page's CSP must allow `img-src blob:`).
 *
 * The serializer is our own and works on anything element-shaped, so Node tests can check it.
 */
import { VIEW_H, VIEW_W } from './layout-boxes';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** Presentation properties copied from computed style into each exported element. */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'visibility',
] as const;

/** The parts of a DOM node the exporter reads (a real Element satisfies it). */
export interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }>;
}

export type StyleReader = (el: NodeLike) => { getPropertyValue(name: string): string } | null;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

const SKIP_ATTRS = new Set(['class', 'tabindex', 'role', 'aria-pressed', 'data-key', 'style']);

function serializeNode(node: NodeLike, styleOf: StyleReader | null, isRoot: boolean, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(escapeText(node.textContent ?? ''));
    return;
  }
  if (node.nodeType !== 1) return;
  const attrs = new Map<string, string>();
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    if (a.name === 'data-export' && a.value === 'skip') return;
    attrs.set(a.name, a.value);
  }
  if (attrs.has('data-fig-viewport')) attrs.delete('transform');
  const name = node.nodeName;
  const tag = name === name.toUpperCase() ? name.toLowerCase() : name;
  for (const k of [...attrs.keys()]) if (SKIP_ATTRS.has(k) || k.startsWith('on')) attrs.delete(k);
  const style = styleOf?.(node) ?? null;
  if (style !== null) {
    const decl: string[] = [];
    for (const prop of INLINED_PROPERTIES) {
      const v = style.getPropertyValue(prop).trim();
      if (v !== '') decl.push(`${prop}:${v}`);
    }
    if (decl.length > 0) attrs.set('style', decl.join(';'));
  }
  if (isRoot) {
    attrs.set('xmlns', SVG_NS);
    attrs.set('xmlns:xlink', XLINK_NS);
    attrs.set('version', '1.1');
    attrs.set('viewBox', attrs.get('viewBox') ?? `0 0 ${VIEW_W} ${VIEW_H}`);
    const [, , w, h] = (attrs.get('viewBox') ?? '').split(/[\s,]+/).map(Number);
    attrs.set('width', String(w ?? VIEW_W));
    attrs.set('height', String(h ?? VIEW_H));
  }
  out.push(`<${tag}`);
  for (const [k, v] of attrs) out.push(` ${k}="${escapeAttr(v)}"`);
  const kids = node.childNodes;
  if (kids.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (let i = 0; i < kids.length; i++) serializeNode(kids[i]!, styleOf, false, out);
  out.push(`</${tag}>`);
}

/**
 * The figure as a standalone SVG document string: xmlns set, width/height from the viewBox, computed
 * presentation styles inlined (when a style reader is available), interactive attributes dropped.
 */
export function exportSvg(svgEl: SVGSVGElement | NodeLike, styleOf?: StyleReader | null): string {
  const reader: StyleReader | null =
    styleOf !== undefined
      ? styleOf
      : typeof getComputedStyle === 'function'
        ? (el) => getComputedStyle(el as unknown as Element)
        : null;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  serializeNode(svgEl as NodeLike, reader, true, out);
  return out.join('');
}

/** The figure as a PNG (scale × the viewBox size), drawn from `exportSvg` on an offscreen canvas. */
export async function exportPng(svgEl: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = exportSvg(svgEl);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the exported SVG could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(VIEW_W * scale);
    canvas.height = Math.round(VIEW_H * scale);
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas context');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (b) => (b === null ? reject(new Error('canvas.toBlob gave nothing')) : resolve(b)),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
