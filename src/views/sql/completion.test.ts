import { CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { languageFor, readableTableCompletions } from './SqlEditor';
import type { WorkspaceTable } from './workspaceApi';

const TABLES: WorkspaceTable[] = [
  { name: 'market_monthly', label: 'Bundled: marketplaces, traffic and sales by month (what the views show)', source: 'bundled', columns: [{ name: 'visitors', type: 'BIGINT' }] },
  { name: 'u_3f2a__rows', label: 'Upload: Shop sales 2024, one row per line of the file (c1 = Region, m1 = Revenue)', source: 'upload', columns: [{ name: 'c1', type: 'VARCHAR' }] },
  { name: 'u_3f2a_monthly__by_c1', label: 'View cube: Shop sales 2024 by Region', source: 'view', columns: [{ name: 'c1', type: 'VARCHAR' }] },
];

/** Every completion the editor offers at the end of `doc`, as (label → what it writes). */
async function completionsAt(doc: string): Promise<Map<string, string>> {
  const state = EditorState.create({ doc, extensions: [languageFor(TABLES)] });
  const context = new CompletionContext(state, doc.length, false);
  const offered = new Map<string, string>();
  for (const source of state.languageDataAt<CompletionSource>('autocomplete', doc.length)) {
    const result = (await source(context)) as CompletionResult | null;
    for (const option of result?.options ?? []) offered.set(option.label, typeof option.apply === 'string' ? option.apply : option.label);
  }
  return offered;
}

describe('completion in the SQL editor', () => {
  it("offers the uploads' tables and the views' cubes by their readable names, writing their SQL names", async () => {
    expect(readableTableCompletions(TABLES).map((option) => [option.label, option.apply])).toEqual([
      ['Upload: Shop sales 2024, one row per line of the file', 'u_3f2a__rows'],
      ['View cube: Shop sales 2024 by Region', 'u_3f2a_monthly__by_c1'],
    ]);
    const offered = await completionsAt('SELECT * FROM Shop');
    expect(offered.get('View cube: Shop sales 2024 by Region')).toBe('u_3f2a_monthly__by_c1');
    expect(offered.get('Upload: Shop sales 2024, one row per line of the file')).toBe('u_3f2a__rows');
    // The SQL names and the columns are offered too, as before.
    expect(offered.has('market_monthly')).toBe(true);
    const columns = await completionsAt('SELECT u_3f2a__rows.');
    expect(columns.has('c1')).toBe(true);
  });
});
