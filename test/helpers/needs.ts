/**
 * Suites that need a real component (keychain, moto, an AWS CLI, Chromium) declare it here. Under
 * CI=true a missing component fails the suite; elsewhere the suite is skipped with a loud message
 * saying what to install.
 */
import { describe } from 'vitest';

export interface Component {
  name: string;
  /** Empty string when the component is usable, else why not. */
  problem: string;
  install: string;
}

export function describeWith(components: Component[], title: string, body: () => void): void {
  const missing = components.filter((c) => c.problem !== '');
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const report = missing.map((c) => `${c.name}: ${c.problem} (install: ${c.install})`).join('; ');
  if (process.env.CI === 'true') {
    describe(title, () => {
      throw new Error(`required component missing under CI: ${report}`);
    });
    return;
  }
  console.warn(`\n*** SKIPPING "${title}": ${report}\n`);
  describe.skip(title, body);
}
