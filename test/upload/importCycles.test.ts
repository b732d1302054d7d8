/**
 * No import cycles in the upload's data layer: a cycle (sniff ↔ scanFile ↔ transcode was one) ties modules that
 * should be separable, and lets a reader's parser leak into modules that load eagerly. Type-only imports count too:
 * they are how such cycles start. The project has no eslint import plugin, so this test is the check.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../src/data/upload');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Relative imports of a file (static, `export … from`, and dynamic `import()`), resolved to files. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    const base = resolve(dirname(file), specifier);
    const candidate = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    });
    return candidate ? [candidate] : [];
  });
}

/** Every cycle's files, as a list starting and ending with the same file; empty when there are none. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('imports in src/data/upload', () => {
  it('form no cycle', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(10);
    const graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['sniff', ['scanFile', 'transcode']],
      ['scanFile', ['sniff']],
      ['transcode', ['sniff']],
      ['plan', []],
    ]);
    expect(findCycles(graph)).toEqual([
      ['sniff', 'scanFile', 'sniff'],
      ['sniff', 'transcode', 'sniff'],
    ]);
  });

  it('reads static, re-exported, type-only and dynamic imports', () => {
    const file = join(ROOT, 'ingest.ts');
    const text = [
      "import type { Dialect } from './dialect';",
      "export { csvReader } from './readers/csv/csvReader';",
      "const load = () => import('./readers');",
      "import { z } from 'zod/mini';",
    ].join('\n');
    expect(importsOf(file, text).map((path) => relative(ROOT, path))).toEqual([
      'dialect.ts',
      'readers/csv/csvReader.ts',
      'readers/index.ts',
    ]);
  });
});
