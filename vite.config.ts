import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Unit tests use vitest.config.ts; this file configures the dev server and the production build.
export default defineConfig({
  plugins: [react()],
  // Relative asset URLs so the built site works from any sub-path (GitHub Pages, a file share, ...).
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022' },
});
