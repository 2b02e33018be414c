import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built page: scripts and the engine Worker only from our own files
 * (no inline script, no eval), no plugins, nothing fetched from elsewhere. It is added to the production
 * build only: the dev server needs inline scripts for hot reload. `img-src blob:` lets the figure be
 * exported as PNG (an SVG drawn through an object URL).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'informer-lab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

// Unit tests use vitest.config.ts; this file configures the dev server and the production build.
export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Relative asset URLs so the built site works from any sub-path (GitHub Pages, a file share, ...).
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // The YAML library in a chunk of its own, named `yaml-<hash>.js`, whichever parser needs it first:
        // e2e/lazy-load.spec.ts checks by name that the default page never downloads it. (A leaf
        // package, so the group pulls no other module in.) Dynamic imports keep their module's name
        // (`lesson-player-<hash>.js`, `sandbox-panel-<hash>.js`, …).
        codeSplitting: { groups: [{ name: 'yaml', test: /[\\/]node_modules[\\/]yaml[\\/]/ }] },
      },
    },
  },
});
