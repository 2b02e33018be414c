import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['src/i18n/test-setup.ts'],
    // `npm test` runs the unit tests on their own (before the e2e suite), so they may take every core.
    // Worker threads import the modules faster than the default child processes: on the 2-core machine
    // of docs/PERFORMANCE.md the suite took 155 s with vitest's defaults (forks, one worker) and 97 s so.
    pool: 'threads',
    maxWorkers: availableParallelism(),
  },
});
