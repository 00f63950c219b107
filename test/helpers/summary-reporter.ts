import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest';

/**
 * Prints the plain closing line CI reads, after Vitest's own summary:
 * "<label>: N passed, N failed, N skipped".
 */
export default class SummaryReporter implements Reporter {
  constructor(private readonly label = 'tests') {}

  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const walk = (task: RunnerTask) => {
      if (task.type === 'suite') {
        task.tasks.forEach(walk);
        // a file or suite that failed before its tests ran (import error, hook failure)
        if (task.result?.state === 'fail' && task.tasks.every((t) => !t.result || t.result.state !== 'fail')) failed += 1;
        return;
      }
      if (task.mode === 'skip' || task.mode === 'todo') skipped += 1;
      else if (task.result?.state === 'pass') passed += 1;
      else if (task.result?.state === 'fail') failed += 1;
    };
    files.forEach(walk);
    failed += errors.length;
    console.log(`\n${this.label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
