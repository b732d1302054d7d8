// chDB (ClickHouse as a library, https://github.com/chdb-io/chdb-node): a current ClickHouse release (26.x in
// chdb 3.4.0) for the tests that check what 18.16, the cluster's release, cannot run (query parameters). It is not
// a dependency of the project (CI's `npm ci` does not install its 550 MB library): it is installed on demand into
// .cache/chdb (ignored by git) the first time a test asks for it, and loaded from there.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CHDB_VERSION = '3.4.0';
export const CHDB_DIR = fileURLToPath(new URL('../../.cache/chdb/', import.meta.url));

function installed() {
  try {
    const require = createRequire(`${CHDB_DIR}package.json`);
    return require('chdb/package.json').version === CHDB_VERSION;
  } catch {
    return false;
  }
}

/**
 * Loads chDB, installing it first when .cache/chdb does not hold chdb@3.4.0 (`npm install --prefix .cache/chdb
 * --no-save chdb@3.4.0`, about 10 s and 550 MB). Throws an Error that says why when it cannot be installed or loaded
 * here (no network, a platform chDB has no library for: it ships Linux x64/arm64 glibc and macOS).
 *
 * Resolves to `{ version, query(sql, format), queryWithParams(sql, params, format) }`, all on one in-memory
 * ClickHouse (tables created by one call are there for the next). `params` are the values of the SQL's
 * `{name:Type}` placeholders exactly as ClickHouse's HTTP interface takes them in `param_<name>` (Escaped text):
 * they reach ClickHouse's own parameter binding as given, not chDB's JavaScript serializer, which would escape them
 * a second time.
 */
export function loadChdb({ install = true, log = (line) => console.error(line) } = {}) {
  if (!installed()) {
    if (!install) throw new Error(`chdb@${CHDB_VERSION} is not installed in ${CHDB_DIR}`);
    mkdirSync(CHDB_DIR, { recursive: true });
    log(`Installing chdb@${CHDB_VERSION} into ${CHDB_DIR} (a current ClickHouse for the tests; once)…`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', CHDB_DIR, '--no-save', '--no-audit', '--no-fund', `chdb@${CHDB_VERSION}`], {
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    if (result.status !== 0 || !installed()) {
      const said = `${result.error?.message ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
      throw new Error(`chdb@${CHDB_VERSION} could not be installed into ${CHDB_DIR}: ${said || `npm exited with ${result.status}`}`);
    }
  }
  const require = createRequire(`${CHDB_DIR}package.json`);
  let chdb;
  let native;
  try {
    chdb = require('chdb');
    // The platform's binding, which chdb itself calls: QueryWithParams(sql, format, { name: text }).
    const platform = `@chdb/lib-${process.platform}-${process.arch}${process.platform === 'linux' ? '-gnu' : ''}`;
    native = require(platform);
  } catch (error) {
    throw new Error(`chdb@${CHDB_VERSION} is installed in ${CHDB_DIR} but does not load here: ${error.message}`, { cause: error });
  }
  if (typeof native.QueryWithParams !== 'function') throw new Error(`chdb@${CHDB_VERSION}: its binding has no QueryWithParams`);
  const query = (sql, format = 'CSV') => chdb.query(sql, format);
  return {
    version: query('SELECT version()', 'TabSeparated').trim(),
    query,
    queryWithParams: (sql, params, format = 'CSV') => native.QueryWithParams(sql, format, { ...params }),
  };
}
