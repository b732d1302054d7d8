import { afterEach, describe, expect, it } from 'vitest';
import { PROXY_TEXTS } from '../../scripts/clickhouse/proxy.mjs';
import { proxyErrorText } from '../../src/data/clickhouse/clickHouseClient';
import { switchLocale, t, type ShownText } from '../../src/i18n';

// The ClickHouse proxy (Node) says its errors in English with a kind and values; the page says them from its
// catalog. Both must say the same in English, and the page must have every kind in its other languages.

/** Values for every placeholder a text may use. */
const VALUES = {
  connection: 'local',
  user: 'marketscope',
  detail: 'Authentication failed',
  where: 'marketscope.connections.json',
  seconds: 30,
  rows: 2000000,
  bytes: 268435456,
  database: 'marketscope',
  status: 502,
  host: '127.0.0.1:8123',
  known: '"local", "other"',
  none: 'no',
  variable: 'MARKETSCOPE_CLICKHOUSE',
  file: 'marketscope.connections.json',
};

/** What the page shows of an error, in the active language. */
function shown(text: { message: ShownText; hint: ShownText | null }) {
  return { message: t(text.message), hint: text.hint === null ? null : t(text.hint) };
}

function bodyOf(kind: string, values: Record<string, string | number>) {
  const text = PROXY_TEXTS[kind]!;
  return { error: text.error(values), hint: text.hint(values), kind, values };
}

afterEach(async () => {
  await switchLocale('en');
});

describe("the proxy's errors in the page", () => {
  it('say in English word for word what the proxy says, for every kind', () => {
    const kinds = Object.keys(PROXY_TEXTS);
    expect(kinds.length).toBeGreaterThan(10);
    for (const kind of kinds) {
      for (const values of [VALUES, { ...VALUES, none: 'yes', known: '' }]) {
        const body = bodyOf(kind, values);
        expect(shown(proxyErrorText(body)), kind).toEqual({ message: body.error, hint: body.hint });
      }
    }
    expect(bodyOf('noConnection', { ...VALUES, none: 'yes', known: '' }).error).toMatch(/\(it has none\)/);
  });

  it('are said in Russian and Mexican Spanish, with the values kept; an unknown kind keeps its English', async () => {
    for (const locale of ['ru-RU', 'es-MX'] as const) {
      await switchLocale(locale);
      for (const kind of Object.keys(PROXY_TEXTS)) {
        const body = bodyOf(kind, VALUES);
        const said = shown(proxyErrorText(body));
        expect(said.message, `${locale} ${kind}`).not.toBe(body.error);
        expect(said.hint, `${locale} ${kind}`).not.toBe(body.hint);
        if (body.error.includes('"local"')) expect(said.message).toContain('local');
      }
      const future = { error: 'Something new', hint: 'Do this', kind: 'somethingNew', values: VALUES };
      expect(shown(proxyErrorText(future))).toEqual({ message: 'Something new', hint: 'Do this' });
    }
  });
});
