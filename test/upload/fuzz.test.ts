import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import type { Engine } from '../../src/engine';
import { ingestFile } from '../../src/data/upload/ingest';
import { planProblems } from '../../src/data/upload/plan';
import { prepareUpload } from '../../src/data/upload/prepare';
import { UploadError } from '../../src/data/upload/UploadError';

/**
 * The loading path, attacked with mutated files (seeded, bounded): bytes flipped, cut, duplicated, quotes and
 * delimiters inserted, encodings broken. Every case must end in a loaded dataset whose rows add up, or in a clear
 * UploadError naming the file — and the engine must still answer afterwards.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const SEEDS: { name: string; bytes: Uint8Array }[] = [
  {
    name: 'shops.csv',
    bytes: new TextEncoder().encode(
      'date,shop,country,orders,revenue\n2024-01-03,Alpha,RU,10,"1,200.50"\n2024-01-20,Beta,MX,5,300\n2024-02-02,"Al, pha",NA,7,"2,000"\n2024-02-10,"Multi\nline",MX,3,10\n',
    ),
  },
  { name: 'semicolons.csv', bytes: new TextEncoder().encode('Monat;Land;Umsatz\n2024-01;DE;1.234,5\n2024-02;AT;99,9\n2024-03;CH;\n') },
  { name: 'wide.csv', bytes: new TextEncoder().encode('Country,Code,2019,2020,2021\nMexico,MEX,1,2,3\nBrazil,BRA,4,,6\n') },
];
if (fs.existsSync(CORPUS)) {
  for (const file of ['ga-blog-analytics/blog_analytics.csv', 'edge-cases/duckdb/rejects/frankstein/nightmare.csv', 'olist-sample/olist_order_items_dataset.csv']) {
    SEEDS.push({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(path.join(CORPUS, file)).subarray(0, 20_000)) });
  }
}

const SPECIAL = [0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x00, 0xff, 0xfe, 0xc3, 0x27, 0x09];

/** One mutation of a file's bytes. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.oneof(fc.constantFrom(...SPECIAL), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 50 }) }),
);

type Mutation = { kind: 'flip' | 'cut' | 'insert' | 'duplicate' | 'delete'; at: number; byte?: number; bytes?: Uint8Array; length?: number };

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let data = bytes;
  for (const change of mutations) {
    const at = data.length === 0 ? 0 : change.at % data.length;
    switch (change.kind) {
      case 'flip':
        data = Uint8Array.from(data);
        if (data.length > 0) data[at] = change.byte!;
        break;
      case 'cut':
        data = data.subarray(0, at);
        break;
      case 'insert':
        data = new Uint8Array([...data.subarray(0, at), ...change.bytes!, ...data.subarray(at)]);
        break;
      case 'duplicate':
        data = new Uint8Array([...data.subarray(0, at), ...data.subarray(at, at + change.length!), ...data.subarray(at)]);
        break;
      case 'delete':
        data = new Uint8Array([...data.subarray(0, at), ...data.subarray(at + change.length!)]);
        break;
    }
  }
  return data;
}

describe('loading mutated files (fuzz)', () => {
  it('every mutated file loads with rows that add up, or is refused with a clear error; the engine stays usable', async () => {
    let engine: Engine = await createNodeEngine();
    const outcomes = { loaded: 0, refusedEarly: 0, refused: 0, notLoadable: 0 };
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (seed, mutations) => {
        runs += 1;
        const bytes = mutate(seed.bytes, mutations);
        const file = new File([bytes as BlobPart], seed.name);
        let prepared;
        try {
          prepared = await prepareUpload(file, seed.name);
        } catch (error) {
          expect(error, 'prepare fails only with an UploadError').toBeInstanceOf(UploadError);
          expect((error as Error).message).toContain(seed.name);
          outcomes.refusedEarly += 1;
          return;
        }
        if (planProblems(prepared.plan).length > 0) {
          outcomes.notLoadable += 1;
          return;
        }
        try {
          const { report, tables } = await ingestFile(engine, prepared.file, seed.name, `fuzz_${runs}`, prepared.plan);
          expect(report.rowsLoaded + report.rowsRejected + report.rowsSkipped).toBe(report.rowsInFile);
          expect(report.rowsLoaded).toBeGreaterThan(0);
          for (const table of tables) await engine.query(`DROP TABLE IF EXISTS "${table}"`);
          outcomes.loaded += 1;
        } catch (error) {
          expect(error, `ingest fails only with an UploadError (got ${String(error)})`).toBeInstanceOf(UploadError);
          expect((error as Error).message).toContain(seed.name);
          outcomes.refused += 1;
        }
        // The engine answers, and holds no table left behind by a failed load.
        try {
          const leftovers = await engine.query<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, '__')");
          expect(leftovers).toEqual([]);
        } catch (error) {
          // An engine DuckDB declared dead is replaced (the app does the same, see src/engine/index.ts).
          engine = await createNodeEngine();
          throw error;
        }
      }),
      { seed: 4242, numRuns: 300, interruptAfterTimeLimit: 90_000 },
    );
    console.log(`[fuzz] ${runs} mutated files: ${JSON.stringify(outcomes)}`);
    expect(runs).toBeGreaterThanOrEqual(200);
    expect(outcomes.loaded).toBeGreaterThan(0);
  }, 180_000);
});
