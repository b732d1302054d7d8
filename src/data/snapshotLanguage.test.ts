import { dehydrate, hydrate, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLocale } from '../i18n';
import { MARKET_MODEL } from './marketModel';
import { buildSnapshot, keyForViewer, parseSnapshot, parseSnapshotText, toDehydratedState, type Snapshot } from './snapshot';

/**
 * A snapshot records the language it was taken in; presented later, its figures are as taken (numbers, and the
 * text inside results) and are found by panels asking in the viewer's language. See the top of snapshot.ts.
 */

const TAKEN_AT = new Date('2026-11-21T14:05:00.000Z');
const SLICE = { datasetId: 'market', measureId: 'visitors', from: '2014-07', to: '2014-12', filters: { country: ['RU'] } };
const kpis = { current: 20_700_000, previous: 15_000_000, change: 0.38, leader: 'AliExpress', leaderValue: 15_600_000, leaderShare: 0.75, monthsWithData: 6 };
// A result holding text made in the taker's language, under a key that names it (as such queries must).
const explanation = [
  { id: 'e1', month: '2014-11', precision: 'day', derived: false, country: 'RU', title: 'Распродажа 11.11', description: 'Посетители выросли на 38 % к прошлому году.' },
];

/** A snapshot taken with the given language active: a locale-free result and a result whose key names the language. */
async function takenIn(locale: 'en' | 'ru-RU' | 'es-MX'): Promise<Snapshot> {
  await switchLocale(locale);
  const client = new QueryClient();
  client.setQueryData(['kpis', SLICE], kpis);
  client.setQueryData(['events', SLICE, locale], explanation);
  return buildSnapshot(TAKEN_AT, [MARKET_MODEL], dehydrate(client));
}

const overTheWire = (snapshot: unknown) => JSON.parse(JSON.stringify(snapshot)) as unknown;

afterEach(async () => {
  await switchLocale('en');
});

describe('the language of a snapshot', () => {
  it('is recorded when it is taken, and read back with it', async () => {
    const snapshot = await takenIn('ru-RU');
    expect(snapshot.lang).toBe('ru-RU');
    const reading = parseSnapshot(overTheWire(snapshot));
    expect('snapshot' in reading && reading.snapshot.lang).toBe('ru-RU');
  });

  it('is absent from a snapshot taken before there were several (it was English), and one this version does not speak is no damage', async () => {
    const older: Partial<Snapshot> = { ...(await takenIn('en')) };
    delete older.lang;
    const reading = parseSnapshot(overTheWire(older));
    expect('snapshot' in reading && reading.snapshot).not.toHaveProperty('lang');
    const foreign = parseSnapshotText(JSON.stringify({ ...older, lang: 'pt-BR' }));
    expect(foreign).toMatchObject({ dropped: 0 });
    expect('snapshot' in foreign && foreign.snapshot).not.toHaveProperty('lang');
    expect(parseSnapshot({ ...older, lang: 'x'.repeat(100) })).toEqual({ error: expect.stringMatching(/damaged \(at lang\)/) });
  });

  it('gives its figures as taken to a viewer in another language, under the keys the viewer’s panels ask for', async () => {
    const snapshot = await takenIn('ru-RU');
    const client = new QueryClient();
    hydrate(client, toDehydratedState(snapshot, 'es-MX'));
    // The viewer's panels name their language in the key: they find the taker's figures, text and all.
    expect(client.getQueryData(['events', SLICE, 'es-MX'])).toEqual(explanation);
    expect(client.getQueryData(['events', SLICE, 'ru-RU'])).toBeUndefined();
    // A result whose key names no language is found as it was filed.
    expect(client.getQueryData(['kpis', SLICE])).toEqual(kpis);
    expect(client.getQueryState(['kpis', SLICE])?.dataUpdatedAt).toBe(TAKEN_AT.getTime());
  });

  it('leaves the keys alone for a viewer in the same language, and changes only a whole element naming the language', () => {
    const key = ['explain', { note: 'ru-RU', filters: { country: ['ru-RU'] } }, 'ru-RU'] as const;
    expect(keyForViewer(key, 'ru-RU', 'ru-RU')).toBe(key);
    expect(keyForViewer(key, 'ru-RU', 'en')).toEqual(['explain', { note: 'ru-RU', filters: { country: ['ru-RU'] } }, 'en']);
  });

  it('defaults to the active language on both sides: taken in Spanish, shown to an English reader', async () => {
    const snapshot = await takenIn('es-MX');
    await switchLocale('en');
    const client = new QueryClient();
    hydrate(client, toDehydratedState(snapshot));
    expect(client.getQueryData(['events', SLICE, 'en'])).toEqual(explanation);
  });
});
