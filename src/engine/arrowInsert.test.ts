import { tableFromArrays, tableToIPC, Table, vectorFromArray, Utf8, Int32 } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from './nodeEngine';
import type { Engine } from './types';

/** An Arrow IPC stream of a small table with text, integers and nulls. */
function sampleStream(): Uint8Array {
  const table = new Table({
    name: vectorFromArray(['Zalando', 'it\'s "quoted"\nline', null], new Utf8()),
    visits: vectorFromArray([12, null, -3], new Int32()),
  });
  return tableToIPC(table, 'stream');
}

describe('createTableFromArrow (Node build of duckdb-wasm)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  it('creates a table with the stream\'s columns, values and nulls', async () => {
    await engine.createTableFromArrow('arrow_sample', sampleStream());
    const rows = await engine.query('SELECT name, visits FROM arrow_sample ORDER BY visits NULLS LAST');
    expect(rows).toEqual([
      { name: null, visits: -3 },
      { name: 'Zalando', visits: 12 },
      { name: 'it\'s "quoted"\nline', visits: null },
    ]);
    const types = await engine.query<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'arrow_sample' ORDER BY ordinal_position",
    );
    expect(types).toEqual([
      { column_name: 'name', data_type: 'VARCHAR' },
      { column_name: 'visits', data_type: 'INTEGER' },
    ]);
  });

  it('keeps many rows across record batches', async () => {
    const count = 70_000;
    const ids = Int32Array.from({ length: count }, (_, index) => index);
    await engine.createTableFromArrow('arrow_many', tableToIPC(tableFromArrays({ id: ids }), 'stream'));
    const [row] = await engine.query<{ n: number; total: number }>('SELECT COUNT(*) AS n, SUM(id) AS total FROM arrow_many');
    expect(row).toEqual({ n: count, total: (count * (count - 1)) / 2 });
  });

  it('refuses a table that exists already, leaving it unchanged', async () => {
    await engine.createTableFromArrow('arrow_once', sampleStream());
    await expect(engine.createTableFromArrow('arrow_once', sampleStream())).rejects.toThrow(/arrow_once/);
    const [row] = await engine.query<{ n: number }>('SELECT COUNT(*) AS n FROM arrow_once');
    expect(row!.n).toBe(3);
  });

  it.each(['main.arrow_x', 'arrow x', 'arrow"x', '1arrow', '', 'a'.repeat(64), 'arrow;DROP'])('refuses the table name %j', async (name) => {
    await expect(engine.createTableFromArrow(name, sampleStream())).rejects.toThrow(/not a plain table name/);
  });

  it('refuses bytes that are not an Arrow stream', async () => {
    await expect(engine.createTableFromArrow('arrow_text', new TextEncoder().encode('a,b\n1,2\n'))).rejects.toThrow(/not an Arrow IPC stream/);
    await expect(engine.query('SELECT * FROM arrow_text')).rejects.toThrow(/arrow_text/);
  });

  it('leaves the locked configuration and the statement check in force', async () => {
    await engine.createTableFromArrow('arrow_lock', sampleStream());
    const [setting] = await engine.query<{ access: boolean }>("SELECT current_setting('enable_external_access') AS access");
    expect(setting!.access).toBe(false);
    await expect(engine.query('SET enable_external_access = true')).rejects.toThrow(/refused by Marketscope/);
    await expect(engine.query("SELECT * FROM read_text('marketscope/x')")).rejects.toThrow(/refused by Marketscope/);
  });
});
