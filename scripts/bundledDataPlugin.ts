// A Vite plugin that ships the bundled datasets in the form DuckDB reads fastest. The CSVs in datasets/ stay the
// source of truth: at build time each is loaded with the checking loader (its header, every field against its
// column's rules, its row count) into a Node DuckDB-wasm that keeps the columns' exact types (BIGINT stays BIGINT),
// and each table is written as an Arrow IPC stream. The browser creates its tables from those streams
// (`insertArrowFromIPCStream`, src/data/loadBundledArrow.ts): no CSV parsing or casting in the page, and the build
// has already counted each CSV's records, which every table's row count must equal.
//
// The tables derived from them (`market_monthly`, a join of traffic and sales) are shipped the same way, so the page
// runs no join at start.
//
// `virtual:bundled-data` lists the files: CSV name, table, records in the CSV, and the URL of the Arrow stream.
// The streams are written under .cache/bundled-data/ and imported with `?url`, so Vite serves them in dev and gives
// them hashed names in a build, as it does for any asset.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableToIPC } from 'apache-arrow';
import type { Plugin } from 'vite';
import { BUNDLED_FILES, DERIVED_TABLES } from '../src/data/bundledFiles';
import { scanCsvRecords } from '../src/data/countCsvRecords';
import type { BundledArrowFile } from '../src/data/loadBundledArrow';
import { loadBundledDatasets } from '../src/data/loadBundledDatasets';
import { createNodeEngine } from '../src/engine/nodeEngine';
import { quoteIdentifier } from '../src/sql';

const MODULE_ID = 'virtual:bundled-data';
const RESOLVED_ID = `\0${MODULE_ID}`;

/** A bundled CSV's table as an Arrow IPC stream, with the records counted in the CSV. */
export interface BundledArrowData extends BundledArrowFile {
  ipc: Uint8Array;
}

const built = new Map<string, Promise<BundledArrowData[]>>();

/**
 * The bundled tables as Arrow IPC streams, made from the CSVs in `datasetsDir` (once per process and folder; `fresh`
 * makes them again, after a CSV changed).
 */
export function bundledArrowData(datasetsDir: string, fresh = false): Promise<BundledArrowData[]> {
  let data = built.get(datasetsDir);
  if (!data || fresh) {
    data = makeArrowData(datasetsDir);
    built.set(datasetsDir, data);
    data.catch(() => built.delete(datasetsDir));
  }
  return data;
}

async function makeArrowData(datasetsDir: string): Promise<BundledArrowData[]> {
  const engine = await createNodeEngine({ castBigIntToDouble: false });
  try {
    const bytes = new Map<string, Uint8Array>();
    const read = async (fileName: string) => {
      const content = new Uint8Array(await readFile(path.join(datasetsDir, fileName)));
      bytes.set(fileName, content);
      return content;
    };
    // The checking loader: a field that breaks its column's rules, a wrong header or a lost row fails the build.
    const reports = await loadBundledDatasets(engine, read, undefined, BUNDLED_FILES, { checkFields: true });
    const data: BundledArrowData[] = [];
    for (const [index, file] of BUNDLED_FILES.entries()) {
      const report = reports[index]!;
      const rowsInFile = scanCsvRecords(bytes.get(file.fileName)!).records;
      if (report.rowsLoaded !== rowsInFile) throw new Error(`${file.fileName}: ${rowsInFile} records but ${report.rowsLoaded} rows loaded`);
      // In the table's own order, which is the file's (the loader keeps it).
      const { table } = await engine.queryArrow(`SELECT * FROM ${quoteIdentifier(file.table)}`);
      if (table.numRows !== rowsInFile) throw new Error(`${file.fileName}: ${rowsInFile} records but ${table.numRows} rows written`);
      data.push({ fileName: file.fileName, table: file.table, rowsInFile, ipc: tableToIPC(table, 'stream') });
    }
    // The derived tables, as the checking loader built them from those tables (in their statements' order): the page
    // loads them like the others instead of running the joins, which cost it 0.12-0.4 s of its start (measured).
    for (const derived of DERIVED_TABLES) {
      const { table } = await engine.queryArrow(`SELECT * FROM ${quoteIdentifier(derived.table)}`);
      data.push({ fileName: derived.table, table: derived.table, rowsInFile: table.numRows, ipc: tableToIPC(table, 'stream') });
    }
    return data;
  } finally {
    await engine.terminate();
  }
}

/** Serves `virtual:bundled-data`; `root` is the project folder, whose .cache/bundled-data/ holds the streams. */
export function bundledDataPlugin(datasetsDir: string, root: string): Plugin {
  const cacheDir = path.join(root, '.cache', 'bundled-data');
  let fresh = false;
  return {
    name: 'marketscope-bundled-data',
    resolveId: (source) => (source === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of BUNDLED_FILES) this.addWatchFile(path.join(datasetsDir, file.fileName));
      const data = await bundledArrowData(datasetsDir, fresh);
      fresh = false;
      await mkdir(cacheDir, { recursive: true });
      const imports: string[] = [];
      const entries: string[] = [];
      for (const [index, file] of data.entries()) {
        // Named by content: concurrent builds of one checkout write the same bytes to the same name.
        const name = `${file.table}-${createHash('sha256').update(file.ipc).digest('hex').slice(0, 16)}.arrow`;
        const target = path.join(cacheDir, name);
        const temporary = `${target}.${process.pid}.tmp`;
        await writeFile(temporary, file.ipc);
        await rename(temporary, target);
        imports.push(`import url${index} from ${JSON.stringify(`/${path.relative(root, target).split(path.sep).join('/')}?url`)};`);
        entries.push(
          `{ fileName: ${JSON.stringify(file.fileName)}, table: ${JSON.stringify(file.table)}, rowsInFile: ${file.rowsInFile}, url: url${index} }`,
        );
      }
      return `${imports.join('\n')}\nexport default [\n  ${entries.join(',\n  ')},\n];\n`;
    },
    watchChange(id) {
      if (id.startsWith(datasetsDir)) fresh = true;
    },
  };
}
