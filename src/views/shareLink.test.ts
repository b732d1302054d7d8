import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n';
import { COMPRESS_ABOVE, deflate, expandSearch, shareUrl } from '../state/shareLink';
import { COMPARISONS, SORT_DIRECTIONS, THEMES } from '../state/viewState';
import { z } from 'zod/mini';
import { decodeViewState, DEFAULT_VIEW_STATE, encodeViewState, TABS, VIEW_SETTINGS, viewStateSchema, type ViewState } from '.';

const identifier = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const month = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([year, m]) => `${year}-${String(m).padStart(2, '0')}`);
/** Member names as real data has them: accents, punctuation, &, =, quotes, emoji, spaces. */
const member = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const values = fc.uniqueArray(member, { minLength: 1, maxLength: 6 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

type JsonSchema = { type?: string; enum?: string[]; anyOf?: JsonSchema[]; pattern?: string; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };

/** Values a setting's schema accepts, read from the schema itself (as JSON Schema), so that a new view's settings
 *  are generated without a line here; a schema of a kind this does not know fails the test, naming the setting. */
function arbitraryFor(schema: JsonSchema, name: string): fc.Arbitrary<unknown> {
  if (schema.anyOf?.length === 2 && schema.anyOf.some((part) => part.type === 'null')) {
    return nullable(arbitraryFor(schema.anyOf.find((part) => part.type !== 'null')!, name));
  }
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.type === 'string' && schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.type === 'string') {
    const [min, max] = [schema.minLength ?? 0, schema.maxLength ?? 200];
    return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(40, max) }).filter((text) => text.length >= min && text.length <= max);
  }
  const range = { min: schema.minimum ?? -1e15, max: schema.maximum ?? 1e15 };
  if (schema.type === 'integer') return fc.integer(range);
  if (schema.type === 'number') {
    return fc.double({ ...range, noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
  }
  throw new Error(`no generator for the setting "${name}" (${JSON.stringify(schema)}): teach arbitraryFor its kind`);
}

/** One generator per view setting, from the declarations (src/views/<id>/declaration.ts). */
function viewSettingArbitraries(): Record<string, fc.Arbitrary<unknown>> {
  return Object.fromEntries(
    Object.entries(VIEW_SETTINGS).map(([name, setting]) => [name, arbitraryFor(z.toJSONSchema(setting.schema) as JsonSchema, name)]),
  );
}

/** Any view state the app can be in (syntactically: whether the dataset has those columns is checked elsewhere). */
export const viewStateArbitrary: fc.Arbitrary<ViewState> = fc.record({
  v: fc.constant(DEFAULT_VIEW_STATE.v),
  dataset: identifier,
  tab: fc.constantFrom(...TABS),
  measure: nullable(identifier),
  from: nullable(month),
  to: nullable(month),
  compare: fc.constantFrom(...COMPARISONS),
  cfrom: nullable(month),
  cto: nullable(month),
  filters: fc.dictionary(identifier, values, { maxKeys: 3 }),
  selections: fc.dictionary(fc.constantFrom(...TABS), fc.dictionary(identifier, values, { minKeys: 1, maxKeys: 2 }), { maxKeys: 2 }),
  ...viewSettingArbitraries(),
  sorts: fc.dictionary(fc.constantFrom(...TABS), fc.record({ column: identifier, direction: fc.constantFrom(...SORT_DIRECTIONS) }), { maxKeys: 2 }),
  theme: fc.constantFrom(...THEMES),
}).filter((state) => {
  // A dimension id that is also a link parameter cannot be a filter key (column ids avoid them, see plan.ts).
  const reserved = new Set(['v', 'z', ...Object.keys(DEFAULT_VIEW_STATE)]);
  return Object.keys(state.filters).every((key) => !reserved.has(key));
}) as fc.Arbitrary<ViewState>;

describe('share links', () => {
  it('state → link → state is the identity, for many generated states (seeded)', () => {
    fc.assert(
      fc.property(viewStateArbitrary, (state) => {
        const decoded = decodeViewState(encodeViewState(state));
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }),
      { seed: 20261121, numRuns: 2000 },
    );
  });

  it('long states are compressed in the shared link and expand to the same state', async () => {
    await fc.assert(
      fc.asyncProperty(viewStateArbitrary, async (state) => {
        const search = encodeViewState(state);
        const url = new URL(await shareUrl({ origin: 'https://example.test', pathname: '/' }, `?${search}`));
        if (search.length > COMPRESS_ABOVE) {
          expect([...url.searchParams.keys()]).toEqual(['v', 'z']);
          expect(url.search.length).toBeLessThan(search.length);
        }
        const expanded = await expandSearch(url.search);
        const plain = expanded && 'search' in expanded ? expanded.search : url.search;
        expect(decodeViewState(plain).state).toEqual(state);
      }),
      { seed: 7, numRuns: 300 },
    );
    // One state certainly long enough: 400 filter values.
    const long: ViewState = { ...DEFAULT_VIEW_STATE, filters: { country: Array.from({ length: 400 }, (_, index) => `Country ${index}`) } };
    const url = new URL(await shareUrl({ origin: 'https://example.test', pathname: '/app/' }, `?${encodeViewState(long)}`));
    expect(url.searchParams.get('z')).not.toBeNull();
    const expanded = await expandSearch(url.search);
    expect(expanded && 'search' in expanded && decodeViewState(expanded.search).state).toEqual(long);
  });

  it('a damaged or hostile compressed link gives a notice, never an exception', async () => {
    const long: ViewState = { ...DEFAULT_VIEW_STATE, filters: { country: Array.from({ length: 400 }, (_, index) => `C${index}`) } };
    const url = new URL(await shareUrl({ origin: 'https://example.test', pathname: '/' }, `?${encodeViewState(long)}`));
    const packed = url.searchParams.get('z')!;
    for (const search of [`?v=1&z=${packed.slice(0, packed.length / 2)}`, '?v=1&z=%%%', `?v=1&z=${'A'.repeat(40_000)}`, '?v=1&z=']) {
      const expanded = await expandSearch(search);
      expect(expanded && 'error' in expanded, search.slice(0, 30)).toBe(true);
      // Left in the URL, the parameter is refused with a notice by the decoder.
      expect(decodeViewState(search).notices.map((notice) => t(notice)).join(' ')).toMatch(/compressed part of this link could not be read/);
    }
    // A small link that inflates to a huge one (a "zip bomb") is refused.
    const bomb = await deflate('a='.concat('x'.repeat(5_000_000)));
    expect(await expandSearch(`?v=1&z=${bomb}`)).toEqual({ error: expect.stringMatching(/damaged/) });
  });

  it('fuzz: 10,000 mutated and random links decode without an exception into a valid state (seeded, bounded)', () => {
    const samples = fc.sample(viewStateArbitrary, { seed: 42, numRuns: 200 }).map((state) => encodeViewState(state));
    const started = performance.now();
    let runs = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          // Mutations of real links: cut, spliced, characters replaced, parameters duplicated.
          fc.tuple(fc.constantFrom(...samples), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 30 })).map(
            ([link, at, length, insert]) => link.slice(0, at % (link.length + 1)) + insert + link.slice((at % (link.length + 1)) + (length % 20)),
          ),
          fc.tuple(fc.constantFrom(...samples), fc.constantFrom(...samples)).map(([a, b]) => `${a}&${b}`),
          // Hostile parameters: SQL, markup, prototype keys, huge values, every parameter name.
          fc.tuple(
            fc.constantFrom('measure', 'dataset', 'from', 'top', 'target', 'sort.trend', 'xf.map.country', '__proto__', 'constructor', 'country', 'v', 'z', 'tab'),
            fc.constantFrom("x'; DROP TABLE market_monthly; --", '<img src=x onerror=alert(1)>', '{{constructor}}', '1e400', 'NaN', '-0', '\u202Eevil', 'a'.repeat(5000), '%E0%A4%A', ''),
          ).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        (link) => {
          runs += 1;
          const decoded = decodeViewState(link);
          expect(viewStateSchema.safeParse(decoded.state).success).toBe(true);
          expect(Object.getPrototypeOf(decoded.state.filters)).toBeNull();
        },
      ),
      { seed: 99, numRuns: 10_000, interruptAfterTimeLimit: 20_000 },
    );
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(runs).toBe(10_000);
  });
});
