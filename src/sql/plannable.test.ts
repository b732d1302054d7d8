import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every exported `build*` function in src/sql must have its output planned by DuckDB in some test: a test must call
 * `expectPlannable(engine, …)` with the builder's output as (part of) its argument. A string comparison alone would
 * let a builder with broken SQL pass.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SQL_DIR = path.join(ROOT, 'src/sql');

function sourceFiles(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The exported builders of src/sql, each with the file that declares it. */
export function exportedBuilders(): Map<string, string> {
  const builders = new Map<string, string>();
  for (const file of sourceFiles(SQL_DIR, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    // ClickHouse's dialect is not DuckDB's: its builders are checked by their own tests, not by DuckDB's planner.
    if (path.relative(SQL_DIR, file).startsWith(`clickhouse${path.sep}`)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/^export (?:async )?function (build\w+)/gm)) {
      builders.set(match[1]!, path.relative(ROOT, file));
    }
  }
  return builders;
}

/** The text of each `expectPlannable(…)` call's arguments, found by balancing parentheses. */
export function plannableArguments(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\bexpectPlannable\(/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    while (end < source.length && depth > 0) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')') depth--;
      end++;
    }
    found.push(source.slice(match.index + match[0].length, end - 1));
  }
  return found;
}

function plannedBuilders(): Set<string> {
  const isTest = (name: string) => /\.test\.tsx?$/.test(name);
  const files = [...sourceFiles(path.join(ROOT, 'src'), isTest), ...sourceFiles(path.join(ROOT, 'test'), isTest)];
  const planned = new Set<string>();
  for (const file of files) {
    for (const argument of plannableArguments(readFileSync(file, 'utf8'))) {
      for (const name of argument.match(/\bbuild\w+/g) ?? []) planned.add(name);
    }
  }
  return planned;
}

describe('every SQL builder is planned by DuckDB in some test', () => {
  it('finds the arguments of expectPlannable calls, nested calls included', () => {
    const source = 'await expectPlannable(engine, buildA({ x: f(1) }));\nexpectPlannable(e, `SELECT ${buildB(s)}`)';
    expect(plannableArguments(source)).toEqual(['engine, buildA({ x: f(1) })', 'e, `SELECT ${buildB(s)}`']);
  });

  it('finds the builders of src/sql', () => {
    const builders = exportedBuilders();
    expect(builders.get('buildLeaderboardQuery')).toBe(path.join('src', 'sql', 'leaderboard.ts'));
    expect(builders.size).toBeGreaterThan(20);
  });

  it('leaves no builder unplanned', () => {
    const planned = plannedBuilders();
    const unplanned = [...exportedBuilders()].filter(([name]) => !planned.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(unplanned, `builders whose output no test passes to expectPlannable:\n${unplanned.join('\n')}`).toEqual([]);
  });
});
