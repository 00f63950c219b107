import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SummaryReporter from '../helpers/summary-reporter.js';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One real server and one browser per file; running files side by side would only fight over the CPU.
    fileParallelism: false,
    reporters: ['default', new SummaryReporter('e2e')],
  },
});
