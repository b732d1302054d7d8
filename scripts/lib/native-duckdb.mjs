// Native DuckDB (@duckdb/node-api) for the benchmark's ingest yardstick, installed on first use.
//
// It is not a devDependency: its lock entries name one prebuilt binding package per platform, and a registry that
// carries only some platforms (as the CI machines' mirror does) makes `npm ci` refuse the whole lock file. Only
// `npm run bench` needs it, so it is installed there, once, into bench/.native (git-ignored), pinned to one version.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NATIVE_DUCKDB_VERSION = '1.5.6-r.1';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prefix = path.join(root, 'bench', '.native');

let loaded;

/** The `@duckdb/node-api` module, installed into bench/.native the first time it is needed. */
export function loadNativeDuckDB() {
  loaded ??= (async () => {
    const manifest = path.join(prefix, 'package.json');
    const installed = path.join(prefix, 'node_modules', '@duckdb', 'node-api', 'package.json');
    if (!existsSync(installed)) {
      mkdirSync(prefix, { recursive: true });
      writeFileSync(manifest, JSON.stringify({ name: 'marketscope-bench-native', private: true }, null, 2) + '\n');
      console.log(`Installing @duckdb/node-api@${NATIVE_DUCKDB_VERSION} into bench/.native for the native ingest figures…`);
      execFileSync(
        'npm',
        ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', prefix, `@duckdb/node-api@${NATIVE_DUCKDB_VERSION}`],
        { stdio: 'inherit' },
      );
    }
    const entry = createRequire(manifest).resolve('@duckdb/node-api');
    return import(pathToFileURL(entry).href);
  })();
  return loaded;
}
