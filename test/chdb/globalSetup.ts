import type { TestProject } from 'vitest/node';
import { loadChdb } from '../../scripts/lib/chdb.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether chDB (a current ClickHouse) is here for test/chdb, or why not (read it through chdbForTests()). */
    chdb: { version: string } | { error: string };
  }
}

/**
 * Vitest's globalSetup for the `chdb` project (vite.config.ts): runs only when a test/chdb file is in the run, and
 * installs chDB into .cache/chdb the first time (scripts/lib/chdb.mjs; not a dependency of the project). When it
 * cannot be installed or loaded here, every test/chdb test is skipped with the reason (said here and in each skip),
 * or fails with it when MARKETSCOPE_REQUIRE_CHDB=1.
 */
export default function setup(project: TestProject) {
  try {
    const { version } = loadChdb({ log: (line) => console.log(line) });
    project.provide('chdb', { version });
  } catch (error) {
    const reason = (error as Error).message;
    console.warn(`test/chdb: every test is skipped, as chDB is not available here: ${reason}`);
    project.provide('chdb', { error: reason });
  }
}
