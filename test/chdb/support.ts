import { inject, type TestContext } from 'vitest';
import { loadChdb, type Chdb } from '../../scripts/lib/chdb.mjs';
import { DATASETS_DIR } from '../support/loadBundledIntoNode';

/**
 * chDB in test/chdb (installed by globalSetup.ts): `chdbForTests()` is null, with `skipReason` set, when it could not
 * be installed or loaded here. Each test file runs in its own process, with its own in-memory ClickHouse.
 */
const available = inject('chdb');
export const skipReason = 'error' in available ? `chDB (a current ClickHouse) is not available here, so params mode is not run: ${available.error}` : null;

/** Skips with the reason when chDB could not be installed (not a silent pass); fails when it is required. */
export function needChdb(context: TestContext) {
  if (skipReason === null) return;
  if (process.env.MARKETSCOPE_REQUIRE_CHDB === '1') throw new Error(skipReason);
  context.skip(skipReason);
}

/** chDB with marketscope.traffic loaded from the bundled CSV as the cluster has it (scripts/cluster.mjs). */
export function chdbWithTraffic(): Chdb | null {
  if (skipReason !== null) return null;
  const chdb = loadChdb({ install: false });
  chdb.query('CREATE DATABASE IF NOT EXISTS marketscope');
  chdb.query('DROP TABLE IF EXISTS marketscope.traffic');
  // Month a Date (the first of the month), ordered by the filtered columns.
  chdb.query(
    'CREATE TABLE marketscope.traffic (month Date, marketplace String, country String, visitors UInt64) ENGINE = MergeTree() PARTITION BY toYear(month) ORDER BY (country, marketplace, month)',
  );
  chdb.query(
    `INSERT INTO marketscope.traffic SELECT toDate(concat(month, '-01')), marketplace, country, visitors FROM file('${DATASETS_DIR}marketplace-traffic.csv', 'CSVWithNames', 'month String, marketplace String, country String, visitors UInt64')`,
  );
  return chdb;
}
