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
      "SELECT * FROM 'https://example.com/data.csv'",
    ]) {
      await expect(engine.query(sql), sql).rejects.toThrow(/Permission Error|disabled/);
    }
    expect(() => engineFilePath('../x.csv')).toThrow();
    expect(() => engineFilePath('a/b.csv')).toThrow();
  });

  it('refuses every statement and function the app does not use, whatever the settings would allow', async () => {
    await engine.registerFileBuffer(engineFilePath('own.csv'), new TextEncoder().encode('a\n1\n'));
    for (const sql of [
      "ATTACH ':memory:' AS other",
      "attach '/tmp/other.duckdb' AS other",
      'DETACH memory',
      "SELECT * FROM glob('marketscope/*')",
      'SELECT count(*) FROM "GLOB" (\'*\')',
      "FROM system.main.read_text('marketscope/own.csv')",
      "SELECT content FROM read_text /* a comment */ ('marketscope/*')",
      "SELECT * FROM read_blob('marketscope/own.csv')",
      "SELECT * FROM query('SELECT * FROM glob(''*'')')",
      "SELECT * FROM query_table('t')",
      "COPY (SELECT 42) TO 'marketscope/copy.csv'",
      "COPY (SELECT 42) TO '/tmp/marketscope-exfiltration.csv'",
      "EXPORT DATABASE 'marketscope/export'",
      "IMPORT DATABASE 'marketscope/export'",
      'INSTALL httpfs',
      'LOAD httpfs',
      'SET threads = 1',
      'SET enable_external_access = true',
      "SET allowed_directories = ['/']",
      'RESET enable_external_access',
      'PRAGMA version',
      'CALL pragma_version()',
      'USE memory',
      'CHECKPOINT',
      'BEGIN TRANSACTION',
      "CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 's')",
      "CREATE OR REPLACE PERSISTENT SECRET s (TYPE s3)",
      'DROP SECRET s',
      'EXPLAIN ANALYZE COPY (SELECT 1) TO \'marketscope/x.csv\'',
      'SELECT 1; ATTACH \':memory:\' AS other',
      'SELECT 1;SELECT 2',
      // After text outside ASCII (DuckDB's token offsets count UTF-8 bytes), refused words are still found.
      "SELECT 'ÅLAND Ελλάδα Россия 🇲🇽' AS x; ATTACH ':memory:' AS other",
      "SELECT 'Россия, Мексика, Åland' AS a, * FROM glob('marketscope/*')",
    ]) {
      // Refused by the app's check, before DuckDB sees it (some, like COPY to /tmp, DuckDB would refuse too).
      await expect(engine.query(sql), sql).rejects.toThrow(/Permission Error: .* \(refused by Marketscope\)/);
    }
    // What the app sends still runs, names and strings that merely spell a refused word included.
    for (const sql of [
      "CREATE OR REPLACE TEMP TABLE \"glob\" AS SELECT 'ATTACH '':memory:''; glob(' AS \"read_text\", 1 AS x",
      'INSERT INTO "glob" VALUES (\'COPY\', 2)',
      'DELETE FROM "glob" WHERE x = 2',
      'ALTER TABLE "glob" RENAME TO globbed',
      "WITH t AS (SELECT * FROM read_csv('marketscope/own.csv')) SELECT SUM(a) AS total FROM t -- glob(",
      "FROM 'marketscope/own.csv'",
      'EXPLAIN SELECT * FROM globbed',
      'SELECT "read_text" FROM globbed;',
      'DROP TABLE globbed',
      // A semicolon-delimited file with names outside ASCII, as an upload reads it.
      "SELECT 'ÅLAND' AS country, 'Россия' AS name, * FROM read_csv('marketscope/own.csv', delim = ';', header = true)",
    ]) {
      await expect(engine.query(sql), sql).resolves.toBeInstanceOf(Array);
    }
    const [settings] = await engine.query<{ locked: string; external: string; community: string; file_cache: string }>(
      `SELECT current_setting('lock_configuration')::VARCHAR AS locked, current_setting('enable_external_access')::VARCHAR AS external,
              current_setting('allow_community_extensions')::VARCHAR AS community,
              current_setting('enable_external_file_cache')::VARCHAR AS file_cache`,
    );
    // The file cache off: see LOCKDOWN_STATEMENTS (an upload read as empty in Chromium with it on).
    expect(settings).toEqual({ locked: 'true', external: 'false', community: 'false', file_cache: 'false' });
  });

  it('what remains possible: reading the files the app registered, as the app itself does', async () => {
    await engine.registerFileBuffer(engineFilePath('other.csv'), new TextEncoder().encode('secret\n7\n'));
    expect(await engine.query("SELECT * FROM read_csv('marketscope/other.csv')")).toEqual([{ secret: 7 }]);
  });

  it('an error that spells a crash in a name or a value is an ordinary error: the engine keeps answering', async () => {
    await engine.query(`CREATE OR REPLACE TABLE "RuntimeError: memory access out of bounds" AS SELECT 'unreachable' AS v`);
    for (const sql of [
      'SELECT * FROM "RuntimeError: memory access out of bounds (missing)"',
      'SELECT * FROM "FATAL Error: database has been invalidated"',
      'SELECT CAST(v AS INTEGER) FROM "RuntimeError: memory access out of bounds"',
      "SELECT CAST('FATAL Error' AS INTEGER)",
      "SELECT CAST('INTERNAL Error: Aborted()' AS DATE)",
      "SELECT error('FATAL Error: database has been invalidated')",
      "SELECT 'database has been invalidated' + 1",
    ]) {
      const error = await engine.query(sql).catch((cause: unknown) => cause);
      expect(error, sql).toBeInstanceOf(QueryError);
      expect(isFatalEngineError(error), sql).toBe(false);
    }
    expect(await engine.query('SELECT v FROM "RuntimeError: memory access out of bounds"')).toEqual([{ v: 'unreachable' }]);
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
      insertArrowStream: async () => {},
      // One keyword token: the statement check reads "SELECT".
      tokenize: async () => ({ offsets: [0], types: [4] }),
      openPending: () => Promise.reject(new Error('no second connection in this test')),
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

  it('recognises fatal errors by their kind, through their causes', () => {
    // As duckdb-wasm's client rebuilds a worker's error: a plain Error carrying the original's name.
    const trap = Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
    expect(isFatalEngineError(new QueryError('SELECT 1', trap))).toBe(true);
    expect(isFatalEngineError(new WebAssembly.RuntimeError('unreachable'))).toBe(true);
    expect(isFatalEngineError(new QueryError('SELECT 1', new Error('FATAL Error: Failed: database has been invalidated')))).toBe(true);
    expect(isFatalEngineError(new Error('INTERNAL Error: Attempted to access index 3 within vector of size 3'))).toBe(true);
    expect(isFatalEngineError(new EngineDiedError(new Error('the engine worker failed')))).toBe(true);
    // The same words from a name or a value, after DuckDB's own error type.
    for (const message of [
      'Catalog Error: Table with name RuntimeError: memory access out of bounds does not exist!',
      "Conversion Error: Could not convert string 'unreachable' to INT32",
      "Conversion Error: Could not convert string 'FATAL Error' to INT32",
      'Invalid Input Error: FATAL Error: database has been invalidated',
      "Binder Error: Referenced column \"Aborted()\" not found",
      'Conversion Error: Could not convert string \'x\' to INT32',
    ]) {
      expect(isFatalEngineError(new QueryError('SELECT 1', new Error(message))), message).toBe(false);
    }
    expect(isFatalEngineError(new QueryError('FATAL Error: x', new Error('Parser Error: syntax error')))).toBe(false);
  });

  it('a statement the app does not send is refused before it reaches the instance', async () => {
    const inner = driver({ tokenize: async () => ({ offsets: [0, 7], types: [4, 0] }) });
    const engine = createConnectionEngine(inner);
    await expect(engine.query('ATTACH x')).rejects.toThrow(/Permission Error: ATTACH statements are not run/);
    expect(inner.runs).toBe(0);
  });
});
