import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from './nodeEngine';
import { EngineDiedError, isFatalEngineError, QueryError, type Engine } from './index';
import { createConnectionEngine, engineFilePath, type ConnectionDriver } from './connectionEngine';

describe('engine (Node build of duckdb-wasm)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });

  it('returns plain typed rows', async () => {
    const rows = await engine.query(
      `SELECT 42::BIGINT AS big, SUM(x)::HUGEINT AS huge, 1.25::DECIMAL(10,2) AS dec_value, DATE '2014-07-01' AS d,
              TIMESTAMP '2014-07-01 10:30:00' AS ts, 'text' AS s, NULL::INTEGER AS missing, TRUE AS flag
       FROM range(3) t(x)`,
    );
    expect(rows).toEqual([
      {
        big: 42,
        huge: 3,
        dec_value: 1.25,
        d: '2014-07-01',
        ts: '2014-07-01T10:30:00.000Z',
        s: 'text',
        missing: null,
        flag: true,
      },
    ]);
  });

  it('returns lists as plain arrays with converted elements', async () => {
    const rows = await engine.query(
      "SELECT [1.5, NULL, 3]::DOUBLE[] AS numbers, [DATE '2014-07-01', NULL] AS dates, []::DOUBLE[] AS empty",
    );
    expect(rows).toEqual([{ numbers: [1.5, null, 3], dates: ['2014-07-01', null], empty: [] }]);
    expect(Array.isArray(rows[0]!.numbers)).toBe(true);
  });

  // duckdb-wasm 1.32's castBigIntToDouble converts top-level BIGINT columns but not BIGINT list elements, whose
  // bits are then read as doubles (1 → 5e-324). Builders cast list elements to DOUBLE; this test notices a fix.
  it('known engine limitation: BIGINT list elements must be cast to DOUBLE in SQL', async () => {
    const [row] = await engine.query<{ ints: number[] }>('SELECT [1, 3]::BIGINT[] AS ints');
    expect(row!.ints).not.toEqual([1, 3]);
  });

  it('binds parameters through a prepared statement', async () => {
    const rows = await engine.query<{ v: number; s: string }>('SELECT ? + 1 AS v, ? AS s', [41, "it's"]);
    expect(rows).toEqual([{ v: 42, s: "it's" }]);
  });

  it('wraps failures in QueryError with the SQL and the cause', async () => {
    const sql = 'SELECT * FROM no_such_table';
    const error = await engine.query(sql).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).sql).toBe(sql);
    expect((error as QueryError).message).toMatch(/no_such_table/);
    expect((error as QueryError).cause).toBeInstanceOf(Error);
  });

  it('never downloads extensions', async () => {
    const [setting] = await engine.query(
      "SELECT value FROM duckdb_settings() WHERE name = 'autoinstall_known_extensions'",
    );
    expect(setting?.value).toBe('false');
    await expect(engine.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(QueryError);
  });

  it('reads registered file buffers and forgets dropped ones', async () => {
    const path = engineFilePath('mem.csv');
    await engine.registerFileBuffer(path, new TextEncoder().encode('a,b\n1,x\n2,y\n'));
    const rows = await engine.query(`SELECT SUM(a) AS total FROM read_csv('${path}')`);
    expect(rows).toEqual([{ total: 3 }]);
    await engine.dropFile(path);
    await expect(engine.query(`SELECT * FROM read_csv('${path}')`)).rejects.toThrow(QueryError);
  });

  it("SQL can read no file, path or URL but the app's own, write nowhere outside them, and not undo that", async () => {
    // A buffer registered outside the app's directory (as an attacker's SQL might hope to read) is refused too.
    await engine.registerFileBuffer('outside.csv', new TextEncoder().encode('a\n1\n'));
    for (const sql of [
      "SELECT * FROM read_csv('outside.csv')",
      "SELECT * FROM read_csv('/etc/passwd')",
      "SELECT * FROM read_csv('marketscope/../outside.csv')",
      "SELECT * FROM read_csv('https://example.com/data.csv')",
      "SELECT * FROM read_text('/proc/self/environ')",
      "COPY (SELECT 42) TO '/tmp/marketscope-exfiltration.csv'",
      "ATTACH '/tmp/other.duckdb' AS other",
      'LOAD httpfs',
    ]) {
      await expect(engine.query(sql), sql).rejects.toThrow(/Permission Error|disabled/);
    }
    for (const sql of ['SET enable_external_access = true', "SET allowed_directories = ['/']", 'SET lock_configuration = false', 'RESET enable_external_access']) {
      await expect(engine.query(sql), sql).rejects.toThrow(/configuration has been locked/);
    }
    expect(() => engineFilePath('../x.csv')).toThrow();
    expect(() => engineFilePath('a/b.csv')).toThrow();
  });
});

describe('a dying engine', () => {
  const table = async () => {
    const { tableFromArrays } = await import('apache-arrow');
    return tableFromArrays({ x: [1] });
  };
  function driver(overrides: Partial<ConnectionDriver> = {}): ConnectionDriver & { runs: number } {
    const state = {
      runs: 0,
      async run() {
        state.runs += 1;
        return table();
      },
      runPrepared: async () => table(),
      registerFileBuffer: async () => {},
      registerFile: async () => {},
      dropFile: async () => {},
      ...overrides,
    };
    return state;
  }

  it('a fatal DuckDB error marks it dead once; later calls fail fast without reaching the instance', async () => {
    const fatal: Error[] = [];
    let fail = true;
    const inner = driver();
    const engine = createConnectionEngine(
      {
        ...inner,
        run: async (sql) => {
          if (fail) throw new Error('INTERNAL Error: Attempted to access index 3 within vector of size 3');
          return inner.run(sql);
        },
      },
      { onFatal: (error) => fatal.push(error) },
    );
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(QueryError);
    fail = false;
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineDiedError);
    await expect(engine.registerFileBuffer('x', new Uint8Array())).rejects.toBeInstanceOf(EngineDiedError);
    expect(fatal).toHaveLength(1);
    expect(inner.runs).toBe(0);
  });

  it('an ordinary SQL error is not fatal', async () => {
    const fatal: Error[] = [];
    const engine = createConnectionEngine(
      driver({ run: async () => Promise.reject(new Error('Binder Error: Referenced column "nope" not found')) }),
      { onFatal: (error) => fatal.push(error) },
    );
    await expect(engine.query('SELECT nope')).rejects.toBeInstanceOf(QueryError);
    expect(fatal).toEqual([]);
  });

  it('a query waiting on a worker that dies is rejected, not left hanging', async () => {
    let die!: (reason: Error) => void;
    const died = new Promise<Error>((resolve) => (die = resolve));
    const fatal: Error[] = [];
    const engine = createConnectionEngine(driver({ died, run: () => new Promise(() => {}) }), { onFatal: (error) => fatal.push(error) });
    const pending = engine.query('SELECT 1');
    die(new Error('RuntimeError: memory access out of bounds'));
    await expect(pending).rejects.toThrow(/query engine stopped: RuntimeError: memory access out of bounds/);
    expect(fatal.map((error) => error.message)).toEqual(['RuntimeError: memory access out of bounds']);
  });

  it('recognises fatal errors through their causes', () => {
    expect(isFatalEngineError(new QueryError('SELECT 1', new Error('FATAL Error: database has been invalidated')))).toBe(true);
    expect(isFatalEngineError(new Error('Aborted(). Build with -sASSERTIONS for more info.'))).toBe(true);
    expect(isFatalEngineError(new Error('Conversion Error: Could not convert string "x" to INT32'))).toBe(false);
  });
});
