/**
 * Production bundle size from dist/ (after `vite build`): what the first page load fetches (index.html
 * and the JS and CSS it references) and the engine worker on its own line, raw and gzip. Gzip uses
 * zlib's default level, as Vite's build report does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

export interface BundleSizes {
  /** index.html and every JS/CSS file it references (the initial load). */
  readonly initial: readonly AssetSize[];
  readonly initialGzip: number;
  /** The engine Web Worker (fetched when the app starts the engine). */
  readonly worker: AssetSize | null;
  /** Any other JS/CSS file in dist/assets (lazy chunks). */
  readonly other: readonly AssetSize[];
}

function size(dist: string, file: string): AssetSize {
  const data = readFileSync(join(dist, file));
  return { file, bytes: data.length, gzip: gzipSync(data).length };
}

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)) {
    if (m[1] !== undefined) referenced.add(m[1]);
  }
  const initial = [size(dist, 'index.html'), ...[...referenced].sort().map((f) => size(dist, f))];
  const assets = readdirSync(join(dist, 'assets'))
    .filter((f) => /\.(?:js|css)$/.test(f))
    .map((f) => `assets/${f}`);
  const workerFile = assets.find((f) => /engine\.worker-[^/]*\.js$/.test(f)) ?? null;
  const other = assets.filter((f) => !referenced.has(f) && f !== workerFile).map((f) => size(dist, f));
  return {
    initial,
    initialGzip: initial.reduce((s, a) => s + a.gzip, 0),
    worker: workerFile === null ? null : size(dist, workerFile),
    other,
  };
}
