/**
 * What the upload pipeline does with each file of the shared CSV corpus (../shared/corpus, described in its
 * SOURCES.md). One entry per CSV/CSV.gz file, keyed by its path inside the corpus; conformance.test.ts fails for a
 * file without an entry, and for an entry without a file.
 *
 * `rows` is the number of RFC 4180 data records (header excluded) given by SOURCES.md and re-counted with Python's
 * csv module (which agrees on every file). Comments starting with `KNOWN:` describe today's behaviour where it
 * differs from what a reader of SOURCES.md might expect, and why it is accepted.
 */
import { t } from '../../src/i18n';
import type { ColumnRole, UploadPlan } from '../../src/data/upload/plan';
import type { PreparedUpload } from '../../src/data/upload/prepare';
import type { Encoding, LineEnding } from '../../src/data/upload/dialect';
import type { IngestReport } from '../../src/data/upload/ingest';
import type { UploadErrorCode } from '../../src/data/upload/UploadError';
import type { ValueFormat } from '../../src/sql';

/** Edits a copy of the suggested plan the way a user would in the mapping screen. */
export interface PlanEditor {
  /** Sets a column's role (and format, if given); the format is kept otherwise, as in the UI. */
  role(header: string, role: ColumnRole, format?: ValueFormat): void;
  /**
   * The column is left out of the load (role "ignore"), so the rest of the file can be read back and checked. It
   * once stood in as a measure whose every value was a null token; plans are now checked by a schema that bounds
   * null tokens (50 of at most 100 characters, no NUL), and a dataset needs no measure (it can count its rows).
   */
  standIn(header: string): void;
}

export interface Queries {
  plan: UploadPlan;
  prepared: PreparedUpload;
  report: IngestReport;
  /** The loaded rows table (one row per loaded record, columns c<index>). */
  table: string;
  /** The quoted column of the rows table holding the column with this header. */
  col(header: string): string;
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string): Promise<T[]>;
}

/** [role, format kind, optional subset of the format] expected in the suggested plan for a header. */
export type ColumnExpectation = [ColumnRole, ValueFormat['kind'], Partial<ValueFormat>?];

export interface DialectExpectation {
  encoding?: Encoding;
  delimiter?: string;
  header?: boolean;
  bom?: boolean;
  lineEnding?: LineEnding;
  compression?: 'none' | 'gzip';
}

interface Common {
  /** Data records in the file (SOURCES.md); checked against the app's own count whenever the file can be read. */
  rows: number;
  dialect?: DialectExpectation;
  /** Sniff warning codes, exactly (any order). */
  warnings: string[];
  /** Number of columns found, and the first headers (BOM not leaking into the first). */
  columns?: number;
  headers?: string[];
  /** Role and format suggested for some columns. */
  kinds?: Record<string, ColumnExpectation>;
  /** The suggested plan's problems (planProblems), when it cannot be loaded as it is. */
  planProblems?: RegExp[];
  adjust?: (plan: PlanEditor) => void;
  /** Records in the preview, when it differs from `rows` (capped at 2,000); checked when the sample is the whole file. */
  previewRows?: number;
  /** Checks on the prepared upload (preview rows, suggestions). */
  checkPrepared?: (prepared: PreparedUpload) => void;
}

export interface Loads extends Common {
  outcome: 'loads';
  loaded: number;
  rejected: number;
  /** The rejected rows, all of them, in file order: [line, column, reason]. Omitted: only the count is checked. */
  rejects?: [number, string | null, RegExp][];
  /** The report's warnings, exactly. */
  reportWarnings?: string[];
  /** Compare every value, read back as text, with this csv-spectrum oracle (a path inside the corpus). */
  oracle?: string;
  check?: (q: Queries) => Promise<void>;
  /**
   * Real bugs: each is one more test, `it.fails`, expecting the same outcome with its own plan adjustment (the one
   * that hits the bug). When a bug is fixed its test starts passing, so vitest reports it: then remove the entry.
   */
  bugs?: { what: string; adjust?: (plan: PlanEditor) => void }[];
}

export interface Refused extends Partial<Omit<Common, 'rows'>> {
  outcome: 'refused';
  /** Where the UploadError is thrown: by prepareUpload, or by ingestFile (after `adjust`). */
  stage: 'prepare' | 'ingest';
  code: UploadErrorCode;
  /** Every pattern must match the message: it names the file and says what to do. */
  message: RegExp[];
  rows?: number;
}

/** Read and previewed, but no plan can be made for it (one column: no room for both a dimension and a measure). */
export interface Unloadable extends Common {
  outcome: 'unloadable';
}

export type Expectation = Loads | Refused | Unloadable;

const NEEDS_DIMENSION = /^Mark at least one column as a dimension/;
const NUMBER = 'number' as const;

/** csv-spectrum: every file also loads as all-text and matches its JSON oracle. */
function spectrum(name: string, rows: number, extra: Omit<Loads, 'outcome' | 'rows' | 'loaded' | 'rejected' | 'oracle'>): Loads {
  return { outcome: 'loads', rows, loaded: rows, rejected: 0, oracle: `edge-cases/csv-spectrum/json/${name}.json`, ...extra };
}

async function one<T>(q: Queries, sql: string): Promise<T> {
  const [row] = await q.query<{ v: T }>(sql);
  return row!.v;
}

/** Asserts without importing vitest here (the file is data): throws with both values. */
function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

export const EXPECTED: Readonly<Record<string, Expectation>> = {
  // ------------------------------------------------------------------------------------------------------------
  // 9. cranlogs: gzip, NA as null, ISO-2 countries
  'cranlogs/tmp2013-06-15.csv.gz': {
    outcome: 'loads',
    rows: 37459,
    // KNOWN: "EU" (36 rows) and "A1" (49 rows) are MaxMind pseudo-countries, not ISO codes: the country column
    // rejects them and the report lists every one. Choosing the format "text" loads all 37,459.
    loaded: 37374,
    rejected: 85,
    dialect: { compression: 'gzip', encoding: 'utf-8', delimiter: ',', header: true, lineEnding: 'lf' },
    warnings: [],
    columns: 10,
    headers: ['date', 'time', 'size', 'r_version', 'r_arch', 'r_os', 'package', 'version', 'country', 'ip_id'],
    kinds: {
      date: ['time', 'date', { format: '%Y-%m-%d' }],
      time: ['ignore', 'duration'],
      size: ['measure', NUMBER, { integer: true }],
      r_version: ['dimension', 'text'],
      country: ['dimension', 'country', { codes: 'iso2' }],
    },
    check: async (q) => {
      const values = q.report.rejects.map((reject) => `${reject.column}=${reject.value}`);
      same([...new Set(values)].sort(), ['country=A1', 'country=EU'], 'rejected values');
      same(values.filter((v) => v === 'country=EU').length, 36, 'EU rows');
      same(q.report.rejects[0]!.line, 138, 'first rejected line');
      // Sums over the loaded rows, computed independently with Python's csv module.
      same(await one(q, `SELECT SUM(${q.col('size')}) AS v FROM ${q.table}`), 30504875029, 'sum of size');
      // NA in r_version is a null: an empty member.
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('r_version')} = '(empty)'`), 6417, 'NA r_version');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('country')} = 'US'`), 12411, 'US rows');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 4. country codes: many scripts, Namibia's NA, leading zeros, multi-values
  'datasets-country-codes/country-codes.csv': {
    outcome: 'loads',
    rows: 249,
    // KNOWN: "ISO4217-currency_country_name" has a country-like header, so names are accepted with 10% unknown:
    // the 19 rows whose ISO long form is not in the lookup ("BOLIVIA (PLURINATIONAL STATE OF)", "CONGO", …) are
    // rejected and listed. Choosing the format "text" for that column loads all 249.
    loaded: 230,
    rejected: 19,
    dialect: { encoding: 'utf-8', delimiter: ',', header: true, lineEnding: 'lf' },
    warnings: [],
    columns: 56,
    headers: ['FIFA', 'Dial', 'ISO3166-1-Alpha-3', 'MARC', 'is_independent'],
    kinds: {
      'ISO3166-1-Alpha-2': ['dimension', 'country', { codes: 'iso2' }],
      'ISO3166-1-Alpha-3': ['dimension', 'country', { codes: 'iso3' }],
      // '1-684' looks numeric-ish but is not a number.
      Dial: ['dimension', 'text'],
      // '008', '012': identifiers with leading zeros stay text.
      'ISO4217-currency_numeric_code': ['dimension', 'text'],
      'ISO4217-currency_country_name': ['dimension', 'country', { codes: 'name' }],
      // KNOWN: "2,2" (two currencies, two minor units) reads as 2.2 with a decimal comma: a list is not a number,
      // but in a comma-delimited file a quoted decimal comma is common too (see comma_decimal_null.csv).
      'ISO4217-currency_minor_unit': ['measure', NUMBER, { decimal: ',' }],
      'Small Island Developing States (SIDS)': ['dimension', 'text'],
    },
    checkPrepared: (prepared) => {
      const numeric = prepared.suggestions.find((s) => s.column.header === 'ISO4217-currency_numeric_code');
      same(numeric?.profile.keptAsText, 'leading zeros', 'why the numeric currency code is text');
    },
    check: async (q) => {
      same(
        q.report.rejects.every((reject) => reject.column === 'ISO4217-currency_country_name'),
        true,
        'every reject is in the currency country name',
      );
      const namibia = await q.query<{ a2: string; a3: string; currencies: string; name: string }>(
        `SELECT ${q.col('ISO3166-1-Alpha-2')} AS a2, ${q.col('ISO3166-1-Alpha-3')} AS a3,
          ${q.col('ISO4217-currency_alphabetic_code')} AS currencies, ${q.col('official_name_en')} AS name
         FROM ${q.table} WHERE ${q.col('FIFA')} = 'NAM'`,
      );
      // Namibia's alpha-2 is NA: not a null.
      same(namibia, [{ a2: 'NA', a3: 'NA', currencies: 'NAD,ZAR', name: 'Namibia' }], 'Namibia');
      same(await one(q, `SELECT ${q.col('ISO4217-currency_numeric_code')} AS v FROM ${q.table} WHERE ${q.col('FIFA')} = 'ALB'`), '008', 'leading zero kept');
      same(
        await one(q, `SELECT ${q.col('official_name_ar')} || ' | ' || ${q.col('UNTERM Chinese Formal')} || ' | ' || ${q.col('UNTERM Russian Formal')} AS v FROM ${q.table} WHERE ${q.col('FIFA')} = 'AFG'`),
        'أفغانستان | 阿富汗伊斯兰共和国 | Исламская Республика Афганистан',
        'Arabic, Chinese and Cyrillic text',
      );
      same(await one(q, `SELECT ${q.col('Dial')} AS v FROM ${q.table} WHERE ${q.col('FIFA')} = 'ASA'`), '1-684', 'dial code kept as text');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 2. and 3. World Bank panels
  'datasets-gdp/gdp.csv': {
    outcome: 'loads',
    rows: 13979,
    loaded: 13979,
    rejected: 0,
    dialect: { encoding: 'utf-8', delimiter: ',', header: true, lineEnding: 'crlf', bom: false },
    warnings: [],
    columns: 4,
    headers: ['Country Name', 'Country Code', 'Year', 'Value'],
    kinds: {
      'Country Name': ['dimension', 'text'],
      // KNOWN: more than 10% of the codes in the sample are aggregates (AFE, ARB, …), so the column stays text —
      // unlike population.csv, whose sample has fewer of them (see there).
      'Country Code': ['dimension', 'text'],
      Year: ['time', 'year'],
      Value: ['measure', NUMBER, { decimal: '.', integer: false }],
    },
    check: async (q) => {
      same(await one(q, `SELECT COUNT(DISTINCT ${q.col('Country Code')})::INTEGER AS v FROM ${q.table}`), 262, 'entities');
      same(
        await one(q, `SELECT ${q.col('Value')} AS v FROM ${q.table} WHERE ${q.col('Country Code')} = 'AFG' AND year(${q.col('Year')}) = 2001`),
        2813571753.8725324,
        'a 17-digit value, exact',
      );
      same(
        await one(q, `SELECT list_sort(list_distinct(list(${q.col('Country Name')}))) AS v FROM ${q.table} WHERE ${q.col('Country Code')} IN ('BHS', 'CIV')`),
        ['Bahamas, The', "Cote d'Ivoire"],
        'quoted names with a comma, apostrophes',
      );
      same(await one(q, `SELECT min(year(${q.col('Year')})) || '-' || max(year(${q.col('Year')})) AS v FROM ${q.table}`), '1960-2023', 'years');
    },
  },
  'datasets-population/population.csv': {
    outcome: 'loads',
    rows: 17195,
    // KNOWN: the first 2,000 rows (the sample) hold few World Bank aggregates, so "Country Code" is suggested as
    // ISO alpha-3 countries (90% known is enough under a country header) and the 50 aggregates (World, AFE, ARB,
    // …) × 65 years are rejected: 3,250 rows, every one listed in the report. With the format "text" all load.
    loaded: 13945,
    rejected: 3250,
    dialect: { encoding: 'utf-8', delimiter: ',', header: true, lineEnding: 'crlf' },
    warnings: [],
    columns: 4,
    kinds: {
      'Country Code': ['dimension', 'country', { codes: 'iso3' }],
      Year: ['time', 'year'],
      Value: ['measure', NUMBER, { integer: true }],
    },
    check: async (q) => {
      const codes = new Set(q.report.rejects.map((reject) => reject.value));
      same(codes.size, 50, 'aggregate codes rejected');
      same(codes.has('WLD') && codes.has('AFE') && !codes.has('ABW'), true, 'World and AFE rejected, Aruba not');
      // 2024 is present here only (not in gdp.csv).
      same(await one(q, `SELECT max(year(${q.col('Year')})) AS v FROM ${q.table}`), 2024, 'last year');
      same(await one(q, `SELECT ${q.col('Value')} AS v FROM ${q.table} WHERE ${q.col('Country Code')} = 'AW' AND year(${q.col('Year')}) = 1960`), 54922, 'Aruba 1960');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 1a. csv-spectrum
  'edge-cases/csv-spectrum/csvs/comma_in_quotes.csv': spectrum('comma_in_quotes', 1, {
    warnings: [],
    dialect: { delimiter: ',', header: true, lineEnding: 'lf' },
    columns: 5,
    // '08123' keeps its leading zero: text. So no column is a number.
    kinds: { zip: ['dimension', 'text'], city: ['dimension', 'text'] },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('first'),
  }),
  'edge-cases/csv-spectrum/csvs/empty.csv': spectrum('empty', 2, {
    warnings: [],
    dialect: { lineEnding: 'lf' },
    columns: 3,
    kinds: { a: ['measure', NUMBER], b: ['measure', NUMBER], c: ['measure', NUMBER] },
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('a', 'dimension'),
  }),
  'edge-cases/csv-spectrum/csvs/empty_crlf.csv': spectrum('empty_crlf', 2, {
    warnings: [],
    dialect: { lineEnding: 'crlf' },
    columns: 3,
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('a', 'dimension'),
  }),
  'edge-cases/csv-spectrum/csvs/escaped_quotes.csv': spectrum('escaped_quotes', 2, {
    warnings: [],
    dialect: { lineEnding: 'lf' },
    columns: 2,
    kinds: { a: ['measure', NUMBER], b: ['dimension', 'text'] },
  }),
  'edge-cases/csv-spectrum/csvs/json.csv': spectrum('json', 1, {
    warnings: [],
    columns: 2,
    kinds: { key: ['measure', NUMBER], val: ['dimension', 'text'] },
  }),
  'edge-cases/csv-spectrum/csvs/newlines.csv': spectrum('newlines', 3, {
    warnings: [],
    dialect: { lineEnding: 'lf' },
    columns: 3,
    kinds: { a: ['dimension', 'text'], b: ['measure', NUMBER] },
  }),
  'edge-cases/csv-spectrum/csvs/newlines_crlf.csv': spectrum('newlines_crlf', 3, {
    warnings: [],
    dialect: { lineEnding: 'crlf' },
    columns: 3,
    kinds: { a: ['dimension', 'text'], b: ['measure', NUMBER] },
  }),
  'edge-cases/csv-spectrum/csvs/quotes_and_newlines.csv': spectrum('quotes_and_newlines', 2, {
    warnings: [],
    columns: 2,
    kinds: { a: ['measure', NUMBER], b: ['dimension', 'text'] },
  }),
  'edge-cases/csv-spectrum/csvs/simple.csv': spectrum('simple', 1, {
    warnings: [],
    dialect: { lineEnding: 'lf' },
    columns: 3,
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('a', 'dimension'),
  }),
  'edge-cases/csv-spectrum/csvs/simple_crlf.csv': spectrum('simple_crlf', 1, {
    warnings: [],
    dialect: { lineEnding: 'crlf' },
    columns: 3,
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('a', 'dimension'),
  }),
  'edge-cases/csv-spectrum/csvs/utf8.csv': spectrum('utf8', 2, {
    warnings: [],
    dialect: { encoding: 'utf-8' },
    columns: 3,
    kinds: { c: ['dimension', 'text'] },
  }),

  // ------------------------------------------------------------------------------------------------------------
  // 1b. duckdb
  'edge-cases/duckdb/auto/semicolon_delim.csv': {
    outcome: 'loads',
    rows: 3,
    loaded: 3,
    rejected: 0,
    dialect: { delimiter: ';', header: false },
    warnings: ['no-header'],
    columns: 3,
    headers: ['column_1', 'column_2', 'column_3'],
    kinds: { column_1: ['measure', NUMBER], column_2: ['dimension', 'text'], column_3: ['dimension', 'text'] },
    check: async (q) => {
      same(
        await q.query(`SELECT ${q.col('column_1')} AS a, ${q.col('column_2')} AS b, ${q.col('column_3')} AS c FROM ${q.table} ORDER BY rowid`),
        [
          { a: 123, b: 'TEST9', c: 'text1' },
          { a: 345, b: 'TEST9', c: 'text2' },
          { a: 567, b: 'TEST9', c: 'text3' },
        ],
        'rows',
      );
    },
  },
  'edge-cases/duckdb/auto/utf8bom.csv': {
    outcome: 'loads',
    rows: 2,
    loaded: 2,
    rejected: 0,
    dialect: { encoding: 'utf-8', bom: true, lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 2,
    // The BOM does not leak into the first header.
    headers: ['id', 'name'],
    check: async (q) => {
      same(await q.query(`SELECT ${q.col('id')} AS id, ${q.col('name')} AS name FROM ${q.table} ORDER BY rowid`), [
        { id: 1, name: 'Mark' },
        { id: 2, name: 'Hannes' },
      ], 'rows');
    },
  },
  'edge-cases/duckdb/comma_decimal_null.csv': {
    outcome: 'loads',
    rows: 8,
    loaded: 8,
    rejected: 0,
    dialect: { delimiter: ',', lineEnding: 'crlf' },
    warnings: [],
    columns: 28,
    kinds: {
      FINANZ_STATO_FSC: ['measure', NUMBER, { decimal: ',' }],
      TOT_PAGAMENTI: ['measure', NUMBER, { decimal: ',' }],
      PROGRAMMATO_INDICATORE_1: ['measure', NUMBER, { decimal: '.' }],
      // Empty in every row.
      FINANZ_UE_FSE: ['ignore', 'text'],
      // KNOWN: YYYYMMDD integers under Italian headers ("DATA" = date) are not recognised as dates (the header
      // test knows English words only), so they are suggested as measures. Nothing is lost; the user picks "date".
      OC_DATA_INIZIO_PROGETTO: ['measure', NUMBER, { integer: true }],
    },
    check: async (q) => {
      same(
        await q.query(
          `SELECT ${q.col('FINANZ_STATO_FSC')} AS fsc, ${q.col('TOT_PAGAMENTI')} AS paid, ${q.col('PROGRAMMATO_INDICATORE_1')} AS planned
           FROM ${q.table} ORDER BY rowid LIMIT 2`,
        ),
        [
          { fsc: 80000000, paid: 71000170.9, planned: 1.5 },
          { fsc: 1400000, paid: null, planned: 300 },
        ],
        'comma decimals and point decimals in one file',
      );
    },
  },
  'edge-cases/duckdb/csv_quoted_newline_odd.csv': {
    outcome: 'unloadable',
    rows: 2,
    dialect: { encoding: 'utf-8', lineEnding: 'lf', header: true },
    // The second record ("84,hello world") has two fields.
    warnings: ['ragged'],
    columns: 1,
    headers: ['content'],
    // KNOWN: one text column cannot be both the dimension and the measure the app needs.
    planProblems: [], // no number column: loadable as suggested, its rows counted
    checkPrepared: (prepared) => {
      const tweet = prepared.sniff.rows[0]![0]!;
      same(tweet.startsWith('RT @Truffaut: \u{1F381}#Concours\nVos animaux vont être gâtés'), true, 'emoji, accents, newline');
      same(tweet.includes('20€') && tweet.endsWith('photo/1'), true, '€ and the end of the quoted value');
      same(tweet.split('\n').length, 9, 'lines inside the quoted value');
      same(prepared.sniff.fieldCounts, [1, 2], 'fields per record');
    },
  },
  'edge-cases/duckdb/encodings/latin1.csv': {
    outcome: 'loads',
    rows: 12,
    loaded: 12,
    rejected: 0,
    dialect: { encoding: 'windows-1252', lineEnding: 'crlf', header: true },
    warnings: ['converted-encoding'],
    columns: 2,
    headers: ['name', 'age'],
    kinds: { name: ['dimension', 'text'], age: ['measure', NUMBER] },
    reportWarnings: ['Converted from WINDOWS-1252 to UTF-8.'],
    check: async (q) => {
      same(
        await one(q, `SELECT list(${q.col('name')} ORDER BY rowid) AS v FROM ${q.table}`),
        ['José Álvarez', 'Müller', 'François Dupont', 'Björn Andersson', 'Søren Kierkegaard', 'García López', 'Élodie Moreau', 'Håkon Lindberg', 'Brontë Johnson', 'Zoë Robinson', 'André Lefèvre', 'Léonard Dubois'],
        'names',
      );
    },
  },
  'edge-cases/duckdb/encodings/shift_jis.csv': {
    outcome: 'refused',
    stage: 'prepare',
    code: 'unsupported-encoding',
    message: [/^"shift_jis\.csv" /, /Shift-JIS/, /save it as UTF-8/],
  },
  'edge-cases/duckdb/encodings/utf16.csv': {
    outcome: 'loads',
    rows: 20,
    loaded: 20,
    rejected: 0,
    dialect: { encoding: 'utf-16le', bom: true, lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 2,
    headers: ['name', 'age'],
    reportWarnings: ['Converted from UTF-16LE to UTF-8.'],
    check: async (q) => {
      same(await one(q, `SELECT ${q.col('name')} AS v FROM ${q.table} ORDER BY rowid LIMIT 1`), 'José Álvarez', 'first name');
      same(await one(q, `SELECT SUM(${q.col('age')}) AS v FROM ${q.table}`), 727, 'sum of ages');
    },
  },
  'edge-cases/duckdb/error/mismatch/bad.csv': {
    outcome: 'loads',
    rows: 3,
    // KNOWN: DuckDB's own test expects a cast error on "BBB"; here detection is strict, so column 2 is text and
    // every row loads. The trailing comma's phantom column is dropped.
    loaded: 3,
    rejected: 0,
    dialect: { header: false },
    warnings: ['no-header', 'trailing-delimiter'],
    columns: 3,
    kinds: { column_1: ['measure', NUMBER], column_2: ['dimension', 'text'], column_3: ['dimension', 'text'] },
    check: async (q) => {
      same(
        await q.query(`SELECT ${q.col('column_1')} AS a, ${q.col('column_2')} AS b, ${q.col('column_3')} AS c FROM ${q.table} ORDER BY rowid`),
        [
          { a: 1, b: '2', c: 'AAA' },
          { a: 4, b: 'BBB', c: '9' },
          { a: 6, b: '7', c: 'CCC' },
        ],
        'rows',
      );
    },
  },
  'edge-cases/duckdb/error/quotednewlines.csv': {
    outcome: 'loads',
    rows: 10100,
    loaded: 10100,
    rejected: 0,
    dialect: { lineEnding: 'lf', header: true, delimiter: ',' },
    warnings: [],
    columns: 2,
    // Single quotes are data.
    headers: ['i', "'world'"],
    check: async (q) => {
      same(await one(q, `SELECT SUM(${q.col('i')}) AS v FROM ${q.table}`), 49999950, 'sum of i');
      same(
        await q.query(`SELECT ${q.col("'world'")} AS value, COUNT(*)::INTEGER AS n FROM ${q.table} WHERE ${q.col("'world'")} <> 'world' GROUP BY 1`),
        [{ value: 'h\n1,e\n2,l\n3,l\n4,o', n: 100 }],
        'the quoted values with newlines and commas',
      );
    },
  },
  'edge-cases/duckdb/invalid_utf8.csv': {
    outcome: 'unloadable',
    rows: 3,
    // KNOWN: DuckDB must reject this file as UTF-8; here its FF FE start is read as a UTF-16LE byte-order mark,
    // and the rest is valid UTF-16LE ("bla", "bla", U+FFFD), so it is read, not refused. One column: no plan.
    dialect: { encoding: 'utf-16le', bom: true, header: false },
    warnings: ['no-header'],
    columns: 1,
    planProblems: [], // no number column: loadable as suggested, its rows counted
    checkPrepared: (prepared) => same(prepared.sniff.rows, [['bla'], ['bla'], ['\uFFFD']], 'preview'),
  },
  'edge-cases/duckdb/mixed_new_line.csv': {
    outcome: 'loads',
    rows: 3,
    loaded: 3,
    rejected: 0,
    dialect: { lineEnding: 'mixed', header: false },
    warnings: ['line-endings', 'no-header'],
    columns: 3,
    planProblems: [NEEDS_DIMENSION],
    // A dimension's members are text, whatever the column's format.
    adjust: (p) => p.role('column_1', 'dimension'),
    reportWarnings: ['Line endings were normalised (the file had CR-only or mixed line endings).'],
    check: async (q) => {
      same(
        await q.query(`SELECT ${q.col('column_1')} AS a, ${q.col('column_2')} AS b, ${q.col('column_3')} AS c FROM ${q.table} ORDER BY rowid`),
        [
          { a: '1', b: 2, c: 3 },
          { a: '4', b: 5, c: 6 },
          { a: '7', b: 8, c: 9 },
        ],
        'rows',
      );
    },
  },
  'edge-cases/duckdb/nullbyte.csv': {
    outcome: 'refused',
    stage: 'ingest',
    rows: 1,
    dialect: { delimiter: '|', header: true },
    warnings: ['nul-bytes'],
    columns: 3,
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('col3'),
    code: 'nul-bytes',
    message: [/^"nullbyte\.csv", line 2: /, /NUL bytes/, /remove the NUL bytes/],
  },
  'edge-cases/duckdb/rejects/frankstein/nightmare.csv': {
    outcome: 'loads',
    rows: 47,
    // Line 10 has too few fields, line 14 too many, line 22 text after a closing quote: rejected and listed.
    loaded: 44,
    rejected: 3,
    rejects: [
      [10, 'c', /^too few fields \(2 instead of 3\)$/],
      [14, null, /^too many fields/],
      [22, 'c', /^a quote is opened and not closed properly$/],
    ],
    // KNOWN: the preview's parser (papaparse) reads line 22's `"pedro"bla` as a quoted value running on to line 23,
    // so the preview shows 46 records where the loader counts 47 (and rejects line 22).
    previewRows: 46,
    // KNOWN: the two FF bytes of line 38 are the file's only non-ASCII bytes, and not UTF-8: the file is read as
    // Windows-1252 (DuckDB's test expects an invalid-encoding reject for that line instead).
    dialect: { encoding: 'windows-1252', header: true },
    warnings: ['converted-encoding', 'ragged'],
    columns: 3,
    kinds: { a: ['measure', NUMBER], b: ['dimension', 'text'], c: ['dimension', 'text'] },
    reportWarnings: ['Converted from WINDOWS-1252 to UTF-8.'],
    check: async (q) => {
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('c')} = 'pedroÿÿ'`), 1, 'line 38');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('b')} = 'bla'`), 1, 'line 19 ("bla" in a text column)');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('c')} = 'pedro thiago timbo holanda'`), 1, 'the long line 32');
    },
  },
  'edge-cases/duckdb/rejects/incorrect_columns/mix_columns.csv': {
    outcome: 'loads',
    rows: 2772,
    loaded: 2768,
    rejected: 4,
    rejects: [
      [1604, 'b', /^too few fields \(1 instead of 4\)$/],
      // DuckDB stops counting one field past the expected number; the app counts the line's fields itself.
      [1671, null, /^too many fields \(6 instead of 4\)$/],
      [2751, 'c', /^too few fields \(2 instead of 4\)$/],
      [2768, null, /^too many fields \(6 instead of 4\)$/],
    ],
    dialect: { header: true },
    warnings: ['ragged'],
    columns: 4,
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('a', 'dimension'),
    checkPrepared: (prepared) => {
      // The preview (first 2,000 rows) finds the first two ragged rows.
      same(t(prepared.sniff.warnings.find((w) => w.code === 'ragged')!.message).startsWith('Line 1604 of "mix_columns.csv" has 1 field, but the header has 4 (1 other row'), true, 'ragged warning');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 1c. papaparse
  'edge-cases/papaparse/long-sample.csv': {
    outcome: 'loads',
    rows: 8,
    loaded: 8,
    rejected: 0,
    dialect: { header: false, lineEnding: 'lf' },
    warnings: ['no-header'],
    columns: 7,
    // KNOWN: ISO 8601 timestamps with a UTC offset ("2013-11-23T02:30:31-08:00") are not a supported format
    // (no %z in src/sql/convert.ts), so they stay text, and the file has no number: it needs a measure.
    kinds: { column_4: ['dimension', 'text'], column_5: ['dimension', 'text'] },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('column_7'),
    check: async (q) => {
      same(
        await one(q, `SELECT list(${q.col('column_4')} ORDER BY rowid)[1:2] AS v FROM ${q.table}`),
        ['2013-11-23T02:30:31-08:00', '2014-11-22T16:43:51-08:00'],
        'timestamps kept as written',
      );
    },
  },
  'edge-cases/papaparse/sample-header.csv': {
    outcome: 'loads',
    rows: 2,
    loaded: 2,
    rejected: 0,
    dialect: { header: true },
    warnings: [],
    columns: 2,
    headers: ['title', 'name'],
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('name'),
    check: async (q) => {
      // The empty first field is an empty member, not a shifted row.
      same(await one(q, `SELECT list(${q.col('title')} ORDER BY rowid) AS v FROM ${q.table}`), ['test title 01', '(empty)'], 'titles');
    },
  },
  'edge-cases/papaparse/utf-8-bom-sample.csv': {
    outcome: 'loads',
    rows: 1,
    loaded: 1,
    rejected: 0,
    dialect: { encoding: 'utf-8', bom: true, header: true },
    warnings: [],
    columns: 3,
    headers: ['A', 'B', 'C'],
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('C'),
    check: async (q) => {
      same(await q.query(`SELECT ${q.col('A')} AS a, ${q.col('B')} AS b FROM ${q.table}`), [{ a: 'X', b: 'Y' }], 'row');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 1d. w3c-csvw
  'edge-cases/w3c-csvw/countries.csv': {
    outcome: 'loads',
    rows: 3,
    loaded: 3,
    rejected: 0,
    warnings: [],
    columns: 4,
    headers: ['countryCode', 'latitude', 'longitude', 'name'],
    kinds: {
      countryCode: ['dimension', 'country', { codes: 'iso2' }],
      latitude: ['measure', NUMBER, { integer: false }],
      name: ['dimension', 'country', { codes: 'name' }],
    },
    check: async (q) => {
      same(await one(q, `SELECT list(${q.col('name')} ORDER BY rowid) AS v FROM ${q.table}`), ['AD', 'AE', 'AF'], 'country names as codes');
    },
  },
  'edge-cases/w3c-csvw/manifest.csv': {
    outcome: 'loads',
    rows: 301,
    // KNOWN: the 93 rows that omit the last three (optional) fields are rejected ("too few fields") and listed,
    // not padded with empty values. DuckDB's sniffer mis-reads this CR-only file as one tab-separated column;
    // here the comma and the CR line ends are found.
    loaded: 208,
    rejected: 93,
    dialect: { delimiter: ',', lineEnding: 'cr', header: true, encoding: 'utf-8' },
    warnings: ['line-endings', 'ragged'],
    columns: 11,
    headers: ['test', 'name', 'comment', 'approval', 'rdf', 'json', 'validate', 'action-metadata', 'user-metadata', 'link-metadata', 'extra'],
    kinds: { 'action-metadata': ['dimension', 'boolean'], 'user-metadata': ['dimension', 'boolean'] },
    checkPrepared: (prepared) => {
      // The preview says what the loader does with the 93 short rows.
      const found = prepared.sniff.warnings.find((w) => w.code === 'ragged');
      const ragged = found ? t(found.message) : '';
      same(ragged.startsWith('Line 161 of "manifest.csv" has 8 fields, but the header has 11 (92 other rows'), true, 'ragged warning');
      same(ragged.includes('are not loaded'), true, 'ragged rows are said to be rejected');
    },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => {
      p.standIn('approval');
      // The yes/no columns are read as text (members "yes"/"no" as written).
      for (const header of ['action-metadata', 'user-metadata', 'link-metadata']) p.role(header, 'dimension', { kind: 'text' });
    },
    reportWarnings: ['Line endings were normalised (the file had CR-only or mixed line endings).'],
    check: async (q) => {
      same(q.report.rejects.length, 93, 'rejects listed');
      same(q.report.rejects.every((reject) => /^too few fields \(8 instead of 11\)$/.test(reject.reason)), true, 'reasons');
      same(q.report.rejects[0]!.line, 161, 'first rejected line');
      same(
        await one(q, `SELECT ${q.col('comment')} AS v FROM ${q.table} WHERE ${q.col('test')} = 'test001'`),
        'The simplest possible table without metadata',
        'first row',
      );
      // Long quoted fields with "" escapes: counted with Python's csv module over the 208 rows of 11 fields.
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE contains(${q.col('comment')}, '"')`), 7, 'comments with quotes');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE contains(${q.col('extra')}, '"')`), 142, 'extras with quotes');
      same(
        await one(q, `SELECT ${q.col('extra')} AS v FROM ${q.table} WHERE ${q.col('test')} = 'test011'`),
        'dir=true action="test011/tree-ops.csv" implicit="test011/tree-ops.csv-metadata.json"',
        'a doubled quote reads as one',
      );
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 8. Google Analytics export
  'ga-blog-analytics/blog_analytics.csv': {
    outcome: 'loads',
    rows: 17243,
    loaded: 17243,
    rejected: 0,
    dialect: { encoding: 'utf-8', lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 11,
    kinds: {
      Country: ['dimension', 'country', { codes: 'name' }],
      Sessions: ['measure', NUMBER, { integer: true }],
      'Avg. Time on Page': ['ignore', 'duration'],
      'Bounce Rate': ['ignore', NUMBER, { percent: true }],
      'Page Views': ['measure', NUMBER, { thousands: ',' }],
    },
    check: async (q) => {
      // Sums computed with Python, reading "1,701" as 1701.
      same(await one(q, `SELECT SUM(${q.col('Page Views')}) AS v FROM ${q.table}`), 112871, 'page views');
      same(await one(q, `SELECT SUM(${q.col('Sessions')}) AS v FROM ${q.table}`), 56001, 'sessions');
      // "(not set)" is an empty member.
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('Country')} = '(empty)'`), 96, '(not set) countries');
      same(await one(q, `SELECT COUNT(DISTINCT ${q.col('Country')})::INTEGER AS v FROM ${q.table}`), 156, 'countries (with the empty one)');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 6. Olist orders after Excel
  'olist-orders-excel-dates/olist_orders_dataset.csv': {
    outcome: 'loads',
    rows: 4998,
    loaded: 4998,
    rejected: 0,
    dialect: { lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 8,
    kinds: {
      order_status: ['dimension', 'text'],
      // Month first: some days in the sample are above 12, so the order is not ambiguous.
      order_purchase_timestamp: ['time', 'timestamp', { format: '%m/%d/%Y %H:%M' }],
      order_delivered_customer_date: ['ignore', 'timestamp'],
    },
    // KNOWN: no numeric column, so no measure (see PlanEditor.standIn); the status becomes the stand-in and the
    // order id the dimension.
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => {
      p.standIn('order_status');
      p.role('order_id', 'dimension');
    },
    checkPrepared: (prepared) => {
      same(prepared.suggestions.find((s) => s.column.header === 'order_purchase_timestamp')?.profile.ambiguous, false, 'not ambiguous');
    },
    check: async (q) => {
      same(
        await one(q, `SELECT strftime(${q.col('order_purchase_timestamp')}, '%Y-%m-%d %H:%M:%S') AS v FROM ${q.table} WHERE ${q.col('order_id')} = 'e481f51cbdc54678b7cc49136f2d6af7'`),
        '2017-10-02 10:56:00',
        'the same order as in the ISO file, without seconds',
      );
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 5. Olist sample
  'olist-sample/olist_customers_dataset.csv': {
    outcome: 'loads',
    rows: 200,
    loaded: 200,
    rejected: 0,
    dialect: { lineEnding: 'lf', header: true },
    warnings: [],
    columns: 5,
    kinds: { customer_zip_code_prefix: ['dimension', 'text'], customer_state: ['dimension', 'text'] },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('customer_unique_id'),
    check: async (q) => {
      // "09790" (quoted on some rows, bare on others) keeps its leading zero.
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('customer_zip_code_prefix')} LIKE '0%'`), 57, 'leading zeros');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('customer_id')} LIKE '%"%'`), 0, 'no quote left in ids');
    },
  },
  'olist-sample/olist_order_items_dataset.csv': {
    outcome: 'loads',
    rows: 5154,
    loaded: 5154,
    rejected: 0,
    warnings: [],
    columns: 7,
    kinds: {
      order_item_id: ['measure', NUMBER, { integer: true }],
      shipping_limit_date: ['time', 'timestamp', { format: '%Y-%m-%d %H:%M:%S' }],
      price: ['measure', NUMBER, { integer: false }],
      seller_id: ['ignore', 'text'],
    },
    // Every text column is an id with too many values to be suggested: the user picks the seller.
    planProblems: [NEEDS_DIMENSION],
    adjust: (p) => p.role('seller_id', 'dimension'),
    check: async (q) => {
      same(await one(q, `SELECT round(SUM(${q.col('price')}), 2) AS v FROM ${q.table}`), 641586.22, 'sum of prices');
      same(await one(q, `SELECT COUNT(DISTINCT ${q.col('seller_id')})::INTEGER AS v FROM ${q.table}`), 1151, 'sellers');
    },
  },
  'olist-sample/olist_order_payments_dataset.csv': {
    outcome: 'loads',
    rows: 4733,
    loaded: 4733,
    rejected: 0,
    warnings: [],
    columns: 5,
    kinds: {
      payment_type: ['dimension', 'text'],
      payment_value: ['measure', NUMBER, { integer: false }],
      order_id: ['ignore', 'text'],
    },
  },
  'olist-sample/olist_order_reviews_dataset.csv': {
    outcome: 'loads',
    rows: 6123,
    loaded: 6123,
    rejected: 0,
    dialect: { lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 7,
    kinds: {
      review_score: ['measure', NUMBER, { integer: true }],
      review_comment_message: ['ignore', 'text'],
      review_creation_date: ['time', 'timestamp'],
    },
    adjust: (p) => p.role('review_comment_message', 'dimension'),
    check: async (q) => {
      // 237 quoted review texts hold a CRLF; it stays inside the 173 where it is not at the start or the end (values
      // are trimmed, line breaks included).
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE contains(${q.col('review_comment_message')}, chr(13) || chr(10))`), 173, 'CRLF inside values');
      // 3,561 blank messages, and one that says "N/a" (a null token).
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('review_comment_message')} = '(empty)'`), 3562, 'empty messages');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('review_comment_title')} = '(empty)'`), 5389, 'empty titles');
    },
  },
  'olist-sample/olist_orders_dataset.csv': {
    outcome: 'loads',
    rows: 4071,
    loaded: 4071,
    rejected: 0,
    dialect: { lineEnding: 'lf', header: true },
    warnings: [],
    columns: 8,
    headers: ['order_id', 'customer_id', 'order_status', 'order_purchase_timestamp'],
    kinds: {
      order_status: ['dimension', 'text'],
      order_purchase_timestamp: ['time', 'timestamp', { format: '%Y-%m-%d %H:%M:%S' }],
      // Empty for undelivered orders: a second time column, not loaded.
      order_delivered_customer_date: ['ignore', 'timestamp'],
    },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => {
      p.standIn('order_status');
      p.role('order_id', 'dimension');
    },
    check: async (q) => {
      // Quoted on some rows, bare on others: the same 32 characters either way.
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE length(${q.col('order_id')}) = 32 AND NOT contains(${q.col('order_id')}, '"')`), 4071, 'ids');
      same(
        await one(q, `SELECT strftime(${q.col('order_purchase_timestamp')}, '%Y-%m-%d %H:%M:%S') AS v FROM ${q.table} WHERE ${q.col('order_id')} = 'e481f51cbdc54678b7cc49136f2d6af7'`),
        '2017-10-02 10:56:33',
        'ISO timestamp',
      );
    },
  },
  'olist-sample/olist_products_dataset.csv': {
    outcome: 'loads',
    rows: 751,
    loaded: 751,
    rejected: 0,
    warnings: [],
    columns: 9,
    kinds: {
      product_category_name: ['dimension', 'text'],
      product_name_lenght: ['measure', NUMBER],
      product_weight_g: ['measure', NUMBER, { integer: true }],
    },
    check: async (q) => {
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('product_category_name')} = '(empty)'`), 23, 'blank categories');
    },
  },
  'olist-sample/olist_sellers_dataset.csv': {
    outcome: 'loads',
    rows: 164,
    loaded: 164,
    rejected: 0,
    warnings: [],
    columns: 4,
    kinds: { seller_zip_code_prefix: ['dimension', 'text'], seller_state: ['dimension', 'text'] },
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('seller_id'),
    check: async (q) => {
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('seller_zip_code_prefix')} LIKE '0%'`), 55, 'leading zeros');
      same(await one(q, `SELECT COUNT(DISTINCT ${q.col('seller_state')})::INTEGER AS v FROM ${q.table}`), 12, 'states');
    },
  },
  'olist-sample/product_category_name_translation.csv': {
    outcome: 'loads',
    rows: 71,
    loaded: 71,
    rejected: 0,
    dialect: { encoding: 'utf-8', bom: true, lineEnding: 'crlf', header: true },
    warnings: [],
    columns: 2,
    // The BOM does not stick to the first header.
    headers: ['product_category_name', 'product_category_name_english'],
    planProblems: [], // no number column: loadable as suggested, its rows counted
    adjust: (p) => p.standIn('product_category_name_english'),
    check: async (q) => {
      same(await one(q, `SELECT ${q.col('product_category_name')} AS v FROM ${q.table} ORDER BY rowid LIMIT 1`), 'beleza_saude', 'first row');
    },
  },

  // ------------------------------------------------------------------------------------------------------------
  // 7. UCI Online Retail
  'uci-online-retail-by-day/2010-12-01.csv': {
    outcome: 'loads',
    rows: 3108,
    loaded: 3108,
    rejected: 0,
    dialect: { lineEnding: 'lf', header: true },
    warnings: [],
    columns: 8,
    kinds: {
      // Cancellations ("C536379") make it text.
      InvoiceNo: ['dimension', 'text'],
      Quantity: ['measure', NUMBER, { integer: true }],
      InvoiceDate: ['time', 'timestamp', { format: '%Y-%m-%d %H:%M:%S' }],
      // KNOWN: customer ids written as floats (17850.0) are suggested as a measure; the user makes them a dimension.
      CustomerID: ['measure', NUMBER, { integer: false }],
      // KNOWN: "EIRE" is not a country name the lookup knows, and 1 unknown of 7 is above the 10% allowed: text.
      Country: ['dimension', 'text'],
    },
    check: async (q) => {
      same(await one(q, `SELECT SUM(${q.col('Quantity')}) AS v FROM ${q.table}`), 26814, 'sum of quantities');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('Quantity')} < 0`), 27, 'negative quantities');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('InvoiceNo')} LIKE 'C%'`), 26, 'cancellation rows');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('CustomerID')} IS NULL`), 1140, 'empty customer ids');
      same(await one(q, `SELECT COUNT(*)::INTEGER AS v FROM ${q.table} WHERE ${q.col('Country')} = 'EIRE'`), 21, 'EIRE rows');
    },
  },
  'uci-online-retail-by-day/2011-12-09.csv': {
    outcome: 'loads',
    rows: 1632,
    loaded: 1632,
    rejected: 0,
    warnings: [],
    columns: 8,
    kinds: {
      Quantity: ['measure', NUMBER, { integer: true }],
      Country: ['dimension', 'country', { codes: 'name' }],
      Description: ['ignore', 'text'],
    },
    adjust: (p) => p.role('Description', 'dimension'),
    check: async (q) => {
      same(await one(q, `SELECT SUM(${q.col('Quantity')}) AS v FROM ${q.table}`), 12949, 'sum of quantities');
      same(
        await q.query(`SELECT ${q.col('Description')} AS d, ${q.col('Quantity')} AS n FROM ${q.table} WHERE ${q.col('Quantity')} = (SELECT max(${q.col('Quantity')}) FROM ${q.table})`),
        [{ d: 'PAPER CRAFT , LITTLE BIRDIE', n: 80995 }],
        'the outlier order, its description quoted for its comma',
      );
      same(await one(q, `SELECT list_sort(list_distinct(list(${q.col('Country')}))) AS v FROM ${q.table}`), ['BE', 'DE', 'FR', 'GB', 'NO'], 'countries');
    },
  },
};
