import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../../i18n';
import { CSV_DELIMITERS } from '../../sql';
import { parseUploadPlan } from './planSchema';
import type { UploadPlan } from './plan';

const number = { kind: 'number', decimal: '.', thousands: ',', percent: false, currency: null, integer: false } as const;

function validPlan(): UploadPlan {
  return {
    datasetLabel: 'Shops',
    dialect: { encoding: 'utf-8', delimiter: ',', quote: '"', escape: '"', header: true, compression: 'none' },
    lineEnding: 'lf',
    columns: [
      { index: 0, header: 'month', role: 'time', format: { kind: 'month', format: '%Y-%m' }, nullTokens: ['NA'], unit: 'count', overTime: 'sum' },
      { index: 1, header: 'shop', role: 'dimension', format: { kind: 'text' }, nullTokens: [], unit: 'count', overTime: 'sum' },
      { index: 2, header: 'revenue', role: 'measure', format: { ...number, currency: 'US$' }, nullTokens: ['-'], unit: 'usd', overTime: 'sum' },
    ],
  };
}

/** The plan with one field replaced, by a path of keys (the way a crafted link would change it). */
function withField(path: (string | number)[], value: unknown): unknown {
  const plan = JSON.parse(JSON.stringify(validPlan())) as Record<string, unknown>;
  let target = plan as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return plan;
}

function errorOf(value: unknown, fileColumnCount?: number): string {
  const read = parseUploadPlan(value, fileColumnCount);
  if (!('error' in read)) throw new Error('expected the plan to be refused');
  return read.error;
}

describe('parseUploadPlan', () => {
  it('reads a valid plan, rebuilt from its checked fields', () => {
    const read = parseUploadPlan(validPlan(), 3);
    expect(read).toEqual({ plan: validPlan() });
    const unpivoted = { ...validPlan(), unpivot: { columns: [1, 2], name: { ...validPlan().columns[1]!, index: 3 }, value: { ...validPlan().columns[2]!, index: 4 } } };
    expect(parseUploadPlan(unpivoted, 3)).toEqual({ plan: unpivoted });
    for (const delimiter of CSV_DELIMITERS) expect('plan' in parseUploadPlan(withField(['dialect', 'delimiter'], delimiter))).toBe(true);
  });

  it('refuses SQL where a dialect option belongs, naming the field', () => {
    expect(errorOf(withField(['dialect', 'header'], 'true); DROP TABLE traffic; --'))).toMatch(/^dialect\.header: /);
    expect(errorOf(withField(['dialect', 'header'], 'true'))).toMatch(/^dialect\.header: /);
    expect(errorOf(withField(['dialect', 'delimiter'], "',' ); DROP TABLE traffic; --"))).toMatch(/^dialect\.delimiter: /);
    expect(errorOf(withField(['dialect', 'quote'], "''"))).toMatch(/^dialect\.quote: /);
    expect(errorOf(withField(['dialect', 'escape'], 'x'))).toMatch(/^dialect\.escape: /);
    expect(errorOf(withField(['dialect', 'escape'], "'"))).toMatch(/escape must be the quote itself or a backslash/);
    expect(errorOf(withField(['dialect', 'compression'], 'zstd'))).toMatch(/^dialect\.compression: /);
    expect(errorOf(withField(['dialect', 'encoding'], 'shift-jis'))).toMatch(/^dialect\.encoding: /);
    expect(errorOf(withField(['lineEnding'], 'crlf; DROP'))).toMatch(/^lineEnding: /);
  });

  it('refuses unknown fields, __proto__ keys and formats outside their lists', () => {
    expect(errorOf(withField(['extra'], 1))).toMatch(/extra/);
    expect(errorOf(JSON.parse(JSON.stringify(validPlan()).replace('"datasetLabel"', '"__proto__":{"polluted":true},"datasetLabel"')))).toMatch(/__proto__/);
    expect(errorOf(withField(['columns', 1, 'format'], { kind: 'sql', expression: 'now()' }))).toMatch(/^columns\[1\]\.format/);
    expect(errorOf(withField(['columns', 2, 'format', 'decimal'], ';'))).toMatch(/^columns\[2\]\.format\.decimal: /);
    expect(errorOf(withField(['columns', 2, 'format', 'currency'], "$'); DROP TABLE x; --"))).toMatch(/currency/);
    expect(errorOf(withField(['columns', 2, 'format', 'integer'], 'false'))).toMatch(/integer/);
    expect(errorOf(withField(['columns', 0, 'format', 'format'], "%Y-%m') OR 1=1 --"))).toMatch(/date format/);
    expect(errorOf(withField(['columns', 0, 'format', 'format'], '%Q'))).toMatch(/date format/);
    expect(errorOf(withField(['columns', 0, 'role'], 'admin'))).toMatch(/role/);
    expect(errorOf(withField(['columns', 0, 'unit'], 'btc'))).toMatch(/unit/);
  });

  it('bounds texts and lists, and refuses NUL characters', () => {
    expect(errorOf(withField(['columns', 0, 'nullTokens'], Array.from({ length: 51 }, (_, index) => `n${index}`)))).toMatch(/nullTokens/);
    expect(errorOf(withField(['columns', 0, 'nullTokens'], ['x'.repeat(101)]))).toMatch(/nullTokens\[0\]/);
    expect(errorOf(withField(['columns', 0, 'nullTokens'], ["it's", 'a\0b']))).toMatch(/NUL/);
    expect(errorOf(withField(['columns', 0, 'header'], 'h'.repeat(301)))).toMatch(/header/);
    expect(errorOf(withField(['datasetLabel'], 'L'.repeat(201)))).toMatch(/datasetLabel/);
    expect(errorOf(withField(['columns'], Array.from({ length: 2001 }, () => validPlan().columns[1]!)))).toMatch(/^columns: /);
    expect(errorOf(withField(['columns'], []))).toMatch(/^columns: /);
  });

  it('refuses column indexes that are not whole, negative, out of order or beyond the file', () => {
    for (const index of [1.5, -1, '0', null, 1e9, Number.MAX_SAFE_INTEGER + 2]) {
      expect(errorOf(withField(['columns', 0, 'index'], index))).toMatch(/columns\[0\]\.index/);
    }
    expect(errorOf(withField(['columns', 1, 'index'], 2))).toMatch(/columns\[1\]\.index must be 1/);
    expect(errorOf(validPlan(), 2)).toMatch(/the file has 2/);
    expect(errorOf(withField(['sampleRows'], 0))).toMatch(/sampleRows/);
    expect(errorOf(withField(['sampleRows'], 10.5))).toMatch(/sampleRows/);
    const unpivot = (columns: unknown[], nameIndex = 3, valueIndex = 4) =>
      withField(['unpivot'], { columns, name: { ...validPlan().columns[1]!, index: nameIndex }, value: { ...validPlan().columns[2]!, index: valueIndex } });
    expect(errorOf(unpivot([1, 1]))).toMatch(/twice/);
    expect(errorOf(unpivot([1, 7]))).toMatch(/names column 7/);
    expect(errorOf(unpivot([1, 2], 5, 6))).toMatch(/unpivot\.name\.index must be 3/);
    expect(errorOf(unpivot([1, 2], 3, 3))).toMatch(/unpivot\.value\.index must be 4/);
  });

  it('says in words what is wrong, and where', () => {
    expect(errorOf(withField(['dialect', 'header'], 'true); DROP TABLE traffic; --'))).toBe('dialect.header: must be a boolean');
    expect(errorOf(withField(['dialect', 'delimiter'], ':'))).toBe('dialect.delimiter: must be one of ",", ";", "\\t", "|"');
    expect(errorOf(withField(['extra'], 1))).toBe('has fields a plan does not have ("extra")');
    expect(errorOf(withField(['dialect', 'header'], undefined))).toBe('dialect.header: is missing (a boolean is needed)');
    expect(errorOf(withField(['datasetLabel'], 'L'.repeat(201)))).toBe('datasetLabel: is too long (at most 200)');
  });

  it('refuses what is not a plan at all', () => {
    for (const value of [null, undefined, 'plan', 42, [], { datasetLabel: 'x' }]) expect(errorOf(value)).not.toBe('');
  });
});

describe('a refused plan in the page\'s language', () => {
  afterEach(async () => {
    await switchLocale('en');
  });

  it('says what is wrong in Russian and Mexican Spanish, keeping the field and the values', async () => {
    const cases = [
      withField(['dialect', 'compression'], 'zstd'),
      withField(['columns', 0, 'format', 'format'], '%Q'),
      withField(['columns', 2, 'format', 'currency'], 'bitcoin'),
      withField(['extra'], 1),
      { ...validPlan(), dialect: { ...validPlan().dialect, escape: "'" } },
    ];
    const english = cases.map((plan) => errorOf(plan));
    expect(english).toEqual([
      'dialect.compression: must be one of "none", "gzip"',
      'columns[0].format.format: must be a date format made of known specifiers (%Y, %m, %d, %H, …) and separators',
      'columns[2].format.currency: must be a currency symbol or a three-letter code',
      'has fields a plan does not have ("extra")',
      'dialect.escape must be the quote itself or a backslash',
    ]);
    await switchLocale('ru-RU');
    const russian = cases.map((plan) => errorOf(plan));
    expect(russian[0]).toBe('dialect.compression: должно быть одним из: "none", "gzip"');
    expect(russian[1]).toMatch(/^columns\[0\]\.format\.format: должно быть форматом даты/);
    expect(russian[2]).toBe('columns[2].format.currency: должно быть символом валюты или трёхбуквенным кодом');
    expect(russian[3]).toBe('содержит поля, которых в плане нет ("extra")');
    expect(russian[4]).toBe('dialect.escape должен совпадать с кавычкой или быть обратной косой чертой');
    await switchLocale('es-MX');
    const spanish = cases.map((plan) => errorOf(plan));
    expect(spanish[0]).toBe('dialect.compression: debe ser uno de estos: "none", "gzip"');
    expect(spanish[3]).toBe('tiene campos que un plan no tiene ("extra")');
    for (const [index, text] of spanish.entries()) expect(text).not.toBe(english[index]);
  });
});
