/**
 * One plain closing line after vitest's own report — "Tests: N passed, N failed, N skipped" — so any
 * tool reading the log can tell how many tests ran without knowing vitest's format.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = (state: 'passed' | 'failed' | 'skipped') => testModules.reduce((sum, module) => sum + [...module.children.allTests(state)].length, 0);
    // A file that fails to load has no tests to count, and must not read as a clean run.
    const broken = testModules.filter((module) => module.state() === 'failed' && [...module.children.allTests()].length === 0).length;
    const files = broken > 0 ? `, ${broken} test file${broken === 1 ? '' : 's'} failed to load` : '';
    process.stdout.write(`\nTests: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped${files}\n`);
  }
}
