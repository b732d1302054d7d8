import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { quoteIdentifier } from '../../src/sql';
import { addUpload, configureUploads, datasetRegistry, findDataset, removeUpload } from '../../src/data/datasets';
import { checkNeededDataset, loadNeededDataset, type NeededDataset } from '../../src/data/neededDataset';
import { fingerprintFile } from '../../src/data/upload/fingerprint';
import { prepareUpload, type PreparedUpload } from '../../src/data/upload/prepare';
import { memoryUploadStore, type UploadStore } from '../../src/data/upload/storage';
import { deflate } from '../../src/state/shareLink';
import { loadBundledIntoNode } from '../support/loadBundledIntoNode';
import { ensureRegionTable } from '../../src/data/upload/load/regionTable';
import { ensureInternetUsersTable } from '../../src/data/upload/load/internetUsersTable';

/**
 * Upload plans from outside are data, never SQL: a link's `need` (and so a dashboard file's panel, which carries such
 * a link) goes through the same path as in the app — checkNeededDataset, the plan schema, loadNeededDataset, the SQL
 * builders, the real engine. Each hostile plan is refused, or every statement it leads to is exactly one statement
 * DuckDB parses; and afterwards the bundled tables and another upload are exactly as they were.
 */

const VICTIM_CSV = 'month,shop,orders\n2024-01,Alpha,3\n2024-02,Beta,4\n2024-02,Alpha,5\n';
const ATTACKER_CSV = 'month,team,points,country\n2024-01,x,1,RU\n2024-02,y,2,MX\n2024-03,z,3,NA\n';

let engine: Engine;
/** A second, empty engine: statements are prepared on it (never run) to see how DuckDB parses them. */
let parser: Engine;
let store: UploadStore;
let statements: string[] = [];
let victimId: string;
let attacker: PreparedUpload;
let before: Map<string, string>;

function fileOf(name: string, text: string): File {
  return new File([text], name);
}

beforeAll(async () => {
  ({ engine } = await loadBundledIntoNode());
  parser = await createNodeEngine();
  const tracked: Engine = {
    ...engine,
    query: (sql, params) => {
      statements.push(sql);
      return engine.query(sql, params);
    },
  };
  store = memoryUploadStore();
  configureUploads({ engine: async () => tracked, store: async () => store });
  const victim = await prepareUpload(fileOf('victim.csv', VICTIM_CSV), 'victim.csv');
  victimId = (await addUpload(victim.file, 'victim.csv', victim.plan)).entry.id;
  attacker = await prepareUpload(fileOf('attacker.csv', ATTACKER_CSV), 'attacker.csv');
  // The M49 regions every upload with a country column is joined with: reference data loaded once per engine, by the
  // first such upload (a link's included). Loaded here, it is part of what must not change.
  await ensureRegionTable(tracked);
  // Likewise the World Bank internet users an upload with one country column divides by (measures per internet user).
  await ensureInternetUsersTable(tracked);
  before = await tableChecksums();
  expect([...before.keys()]).toEqual(expect.arrayContaining([`${victimId}__cube`]));
  expect(before.size).toBeGreaterThan(3);
}, 300_000);

/** Every table of the engine with its row count and a checksum of its rows. */
async function tableChecksums(): Promise<Map<string, string>> {
  const tables = await engine.query<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() ORDER BY 1');
  const sums = new Map<string, string>();
  for (const { name } of tables) {
    const [row] = await engine.query<{ n: number; h: string }>(
      `SELECT CAST(count(*) AS DOUBLE) AS n, CAST(COALESCE(sum(hash(t)), 0) AS VARCHAR) AS h FROM ${quoteIdentifier(name)} t`,
    );
    sums.set(name, `${row!.n} rows, ${row!.h}`);
  }
  return sums;
}

/** Why DuckDB does not read `sql` as exactly one statement, or null. Prepared with a parameter, so never executed. */
async function parseProblem(sql: string): Promise<string | null> {
  try {
    await parser.query(sql, [0]);
    return null;
  } catch (error) {
    const message = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return /Parser Error|multiple statements|Permission Error/i.test(message) ? message : null;
  }
}

async function linkFor(plan: unknown, envelope: Partial<Record<keyof NeededDataset, unknown>> = {}): Promise<string> {
  const print = await fingerprintFile(attacker.file);
  const needed = {
    id: 'u_attacker_link',
    label: 'Attacker',
    fileName: 'attacker.csv',
    bytes: print.bytes,
    hash: print.hash,
    rows: 3,
    columns: attacker.plan.columns.map((column) => column.header),
    plan,
    view: 'v=1&dataset=u_attacker_link',
    ...envelope,
  };
  return deflate(JSON.stringify(needed));
}

type Outcome = 'refused' | 'loaded' | 'failed';

/** Opens a link as the app does and supplies the file; checks every statement and that nothing else changed. */
async function openLink(param: string, file: Blob = attacker.file): Promise<Outcome> {
  statements = [];
  const read = await checkNeededDataset(param);
  let outcome: Outcome;
  let loadedId: string | null = null;
  if ('error' in read) {
    expect(read.error).toMatch(/Nothing was loaded/);
    outcome = 'refused';
  } else {
    try {
      loadedId = (await loadNeededDataset(file, 'attacker.csv', read.needed)).datasetId;
      outcome = 'loaded';
    } catch {
      outcome = 'failed';
    }
  }
  const checked = statements;
  statements = [];
  if (outcome !== 'loaded') expect(checked.filter((sql) => !sql.startsWith('SELECT'))).toEqual([]);
  for (const sql of checked) expect(await parseProblem(sql), sql.slice(0, 400)).toBeNull();
  if (loadedId !== null && loadedId !== victimId) await removeUpload(loadedId);
  expect(await tableChecksums()).toEqual(before);
  expect(findDataset(victimId)?.manifest?.fileName).toBe('victim.csv');
  expect((await store.list()).map((manifest) => manifest.id)).toEqual([victimId]);
  return outcome;
}

/** Sets `value` at `path` of a copy of `plan` as an own property (so `__proto__` is a key, as JSON.parse makes it). */
function mutate(plan: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(plan)) as Record<string, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) return copy;
    target = next as Record<string | number, unknown>;
  }
  Object.defineProperty(target, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const SQL_PAYLOADS = [
  'true); DROP TABLE traffic; --',
  "',' ); DROP TABLE traffic; --",
  "'); DROP TABLE traffic; SELECT ('",
  '"); DROP TABLE traffic; --',
  "%Y-%m'); DROP TABLE traffic; --",
  "NA'); DELETE FROM traffic; --",
  "\\'; COPY traffic TO 'x.csv'; --",
  'a\0b',
  '__proto__',
  'constructor',
  '',
  'x'.repeat(70_000),
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...SQL_PAYLOADS, true, false, null, 0, -1, 1.5, 2 ** 53 + 2, 1e9, [], {}, { __proto__: null, polluted: true }),
  // Valid alternatives, so that some mutated plans load.
  fc.constantFrom<unknown>(';', '\t', '|', "'", '\\', 'gzip', 'windows-1252', 'crlf', 'ignore', 'dimension', 'measure', { kind: 'text' }, ['-', 'n/a']),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 10 }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.constant(Array.from({ length: 3000 }, (_, index) => `t${index}`)),
);

const COLUMN_FIELDS = ['index', 'header', 'role', 'format', 'nullTokens', 'unit', 'overTime', '__proto__', 'sql'];
const planPath: fc.Arbitrary<(string | number)[]> = fc.oneof(
  fc.constantFrom<(string | number)[]>(
    ['datasetLabel'], ['lineEnding'], ['sampleRows'], ['unpivot'], ['columns'], ['__proto__'], ['constructor'], ['extra'],
    ['dialect', 'header'], ['dialect', 'delimiter'], ['dialect', 'quote'], ['dialect', 'escape'], ['dialect', 'compression'],
    ['dialect', 'encoding'], ['dialect', '__proto__'],
  ),
  fc.tuple(fc.constant('columns'), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...COLUMN_FIELDS)),
  fc.tuple(fc.constant('columns'), fc.integer({ min: 0, max: 3 }), fc.constant('format'), fc.constantFrom('kind', 'decimal', 'thousands', 'currency', 'integer', 'format', 'codes')),
  fc.tuple(fc.constant('columns'), fc.integer({ min: 0, max: 3 }), fc.constant('nullTokens'), fc.integer({ min: 0, max: 2 })),
);

describe('hostile upload plans from a link', () => {
  it('checks its own statement check: two statements or a broken one are seen, one statement passes', async () => {
    expect(await parseProblem('SELECT 1; DROP TABLE x')).not.toBeNull();
    expect(await parseProblem("SELECT * FROM read_csv('f', header = true); DROP TABLE x; --)")).not.toBeNull();
    expect(await parseProblem('SELECT (1')).not.toBeNull();
    expect(await parseProblem('SELECT 1')).toBeNull();
    expect(await parseProblem('CREATE TABLE "a" AS SELECT * FROM "missing"')).toBeNull();
  });

  it('loads the link of an untouched plan (the path under test works)', async () => {
    expect(await openLink(await linkFor(attacker.plan))).toBe('loaded');
  }, 120_000);

  it.each([
    ['a header option that is SQL', ['dialect', 'header'], 'true); DROP TABLE traffic; --'],
    ['a delimiter that is SQL', ['dialect', 'delimiter'], "',' ); DROP TABLE traffic; --"],
    ['a quote that is two characters', ['dialect', 'quote'], "''"],
    ['an escape that is SQL', ['dialect', 'escape'], "'); DROP TABLE traffic; --"],
    ['a compression that is SQL', ['dialect', 'compression'], "gzip'); DROP TABLE traffic; --"],
    ['null tokens with quotes', ['columns', 1, 'nullTokens'], ["x'); DROP TABLE traffic; --", "'", '"', '\0']],
    ['a date format that is SQL', ['columns', 0, 'format'], { kind: 'month', format: "%Y-%m'); DROP TABLE traffic; --" }],
    ['a currency that is SQL', ['columns', 2, 'format'], { kind: 'number', decimal: '.', thousands: null, percent: false, currency: "$'); DROP TABLE traffic; --", integer: true }],
    ['a __proto__ key', ['dialect', '__proto__'], { header: 'true); DROP TABLE traffic; --' }],
    ['a huge list of null tokens', ['columns', 1, 'nullTokens'], Array.from({ length: 100_000 }, () => 'x')],
    ['a fractional column index', ['columns', 1, 'index'], 1.5],
    ['a negative column index', ['columns', 1, 'index'], -1],
    ['a column index beyond the file', ['columns', 3, 'index'], 40],
    ['an unpivot of columns the file does not have', ['unpivot'], { columns: [7, 9], name: {}, value: {} }],
    ['a sample of -1 rows', ['sampleRows'], -1],
    ['a sample that is SQL', ['sampleRows'], '1; DROP TABLE traffic'],
  ])('refuses %s and changes nothing', async (_, path, value) => {
    expect(await openLink(await linkFor(mutate(attacker.plan, path, value)))).toBe('refused');
  }, 120_000);

  it('refuses, before any SQL, a plan with more columns than the file has', async () => {
    const plan = attacker.plan;
    const extra = { ...plan, columns: [...plan.columns, { ...plan.columns[1]!, index: plan.columns.length, header: 'ghost' }] };
    const headers = extra.columns.map((column) => column.header);
    expect(await openLink(await linkFor(extra, { columns: headers }))).toBe('failed');
  }, 120_000);

  it('refuses envelopes that are not what the app writes', async () => {
    for (const envelope of [{ id: 'u_x"; DROP TABLE traffic; --' }, { id: 'u_a__cube' }, { id: 'market' }, { bytes: -1 }, { rows: 1.5 }, { extra: 1 }]) {
      expect(await openLink(await linkFor(attacker.plan, envelope))).toBe('refused');
    }
  }, 120_000);

  it('each generated hostile plan is refused, or its statements parse as one each and change nothing else', async () => {
    const outcomes: Record<Outcome, number> = { refused: 0, loaded: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(planPath, hostileValue), { maxLength: 3 }), async (mutations) => {
        const plan = mutations.reduce<unknown>((current, [path, value]) => mutate(current, path, value), attacker.plan);
        outcomes[await openLink(await linkFor(plan))]++;
      }),
      { seed: 12, numRuns: 100 },
    );
    // Both sides were exercised: plans that load, and plans that are refused.
    expect(outcomes.loaded).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  }, 600_000);
});

describe('a link naming a dataset id this browser already has', () => {
  it('never overwrites or deletes it: another file is loaded under a new id', async () => {
    statements = [];
    const read = await checkNeededDataset(await linkFor(attacker.plan, { id: victimId, view: `v=1&dataset=${victimId}` }));
    if (!('needed' in read)) throw new Error(read.error);
    const { datasetId } = await loadNeededDataset(attacker.file, 'attacker.csv', read.needed);
    expect(datasetId).not.toBe(victimId);
    expect(datasetId).toMatch(/^u_attacker_[a-z0-9]{4}$/);
    expect(findDataset(datasetId)?.manifest?.fileName).toBe('attacker.csv');
    expect(findDataset(victimId)?.manifest?.fileName).toBe('victim.csv');
    expect((await store.list()).map((manifest) => manifest.id).sort()).toEqual([datasetId, victimId].sort());
    expect(await (await store.read(victimId)).text()).toBe(VICTIM_CSV);
    await removeUpload(datasetId);
    expect(await tableChecksums()).toEqual(before);
  }, 120_000);

  it('also when the kept uploads are not listed yet (a link opened at start-up)', async () => {
    // As after a reload: the registry is empty until the store is listed, while the engine still holds the tables.
    configureUploads({ engine: async () => engine, store: async () => store });
    expect(datasetRegistry.get().map((entry) => entry.id)).toEqual(['market']);
    const read = await checkNeededDataset(await linkFor(attacker.plan, { id: victimId }));
    if (!('needed' in read)) throw new Error(read.error);
    const { datasetId } = await loadNeededDataset(attacker.file, 'attacker.csv', read.needed);
    expect(datasetId).not.toBe(victimId);
    expect(await (await store.read(victimId)).text()).toBe(VICTIM_CSV);
    await removeUpload(datasetId);
    expect(await tableChecksums()).toEqual(before);
  }, 120_000);

  it('shows the same file under its id without loading it again', async () => {
    const victimFile = fileOf('victim.csv', VICTIM_CSV);
    const print = await fingerprintFile(victimFile);
    const manifest = findDataset(victimId)!.manifest!;
    const param = await deflate(
      JSON.stringify({
        id: victimId, label: 'Victim', fileName: 'victim.csv', bytes: print.bytes, hash: print.hash, rows: 3,
        columns: manifest.plan.columns.map((column) => column.header), plan: manifest.plan, view: `v=1&dataset=${victimId}`,
      }),
    );
    const read = await checkNeededDataset(param);
    if (!('needed' in read)) throw new Error(read.error);
    const tablesBefore = await tableChecksums();
    expect(await loadNeededDataset(victimFile, 'victim.csv', read.needed)).toEqual({ datasetId: victimId });
    expect(await tableChecksums()).toEqual(tablesBefore);
  }, 120_000);
});
