/**
 * Self-checks run after every generation (and on --check). They re-parse the
 * CSV *text* that is about to be written, so they test the actual output.
 * Any failure throws: a broken dataset must never be committed silently.
 */

import { FIRST_INDEX, LAST_INDEX, monthIndex } from './calendar.mjs';
import { parseCsv } from './csv.mjs';

const MAX_TRAFFIC_BYTES = 3 * 1024 * 1024;

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
  if (!condition) throw new Error(`Dataset invariant failed: ${message}`);
}

/** @param {string} text @param {string} header */
function parseWithHeader(text, header) {
  const [head, ...rows] = parseCsv(text);
  assert(head.join(',') === header, `header is "${head.join(',')}", expected "${header}"`);
  return rows;
}

/**
 * @param {object} input
 * @param {string} input.traffic CSV text
 * @param {string} input.sales CSV text
 * @param {import('./marketplaces.mjs').Marketplace[]} input.marketplaces
 * @param {Array<{marketplace: string, country: string, from: string, to: string, mean: number}>} input.calibrations
 */
export function verifyGenerated({ traffic, sales, marketplaces, calibrations }) {
  assert(!traffic.startsWith('\uFEFF') && !traffic.includes('\r'), 'traffic must have no BOM and LF endings');
  assert(Buffer.byteLength(traffic) < MAX_TRAFFIC_BYTES, 'traffic CSV must stay under 3 MB');
  const tRows = parseWithHeader(traffic, 'month,marketplace,country,visitors');
  const sRows = parseWithHeader(sales, 'month,marketplace,country,gmv_usd,orders,active_sellers');
  assert(tRows.length === sRows.length, 'traffic and sales must have the same number of rows');

  const byName = new Map(marketplaces.map((mp) => [mp.name, mp]));
  /** @type {Map<string, number>} series key -> row count */
  const counts = new Map();
  /** @type {Map<string, number>} "month|marketplace|country" -> visitors */
  const visitorsByKey = new Map();
  /** @type {Map<string, number>} orders per 1,000 visitors, as the app shows it -> rows */
  const conversionCounts = new Map();
  let previous = '';
  for (let i = 0; i < tRows.length; i += 1) {
    const [month, marketplace, country, visitorsText] = tRows[i];
    const [sMonth, sMarketplace, sCountry, gmv, ordersText, sellersText] = sRows[i];
    const key = `${month}\u0000${marketplace}\u0000${country}`;
    assert(key > previous, `rows must be strictly sorted by month, marketplace, country (row ${i + 2})`);
    previous = key;
    assert(month === sMonth && marketplace === sMarketplace && country === sCountry, `sales key differs at row ${i + 2}`);
    assert(/^[A-Z]{2}$/.test(country), `bad country code ${country}`);
    const mp = byName.get(marketplace);
    assert(mp !== undefined && !marketplace.includes(','), `unknown marketplace ${marketplace}`);
    const entry = mp.markets[country];
    assert(entry !== undefined, `${marketplace} has no launch entry for ${country}`);
    const index = monthIndex(month);
    assert(index >= Math.max(monthIndex(entry[0]), FIRST_INDEX), `${marketplace}/${country} row before launch: ${month}`);
    assert(index <= (entry[2]?.end ? monthIndex(entry[2].end) : LAST_INDEX), `${marketplace}/${country} row after exit: ${month}`);

    for (const [name, text] of [['visitors', visitorsText], ['orders', ordersText], ['active_sellers', sellersText]]) {
      assert(/^[1-9]\d*$/.test(text), `${name} must be a positive integer (row ${i + 2}: ${text})`);
    }
    assert(/^\d+\.\d{2}$/.test(gmv) && Number(gmv) > 0, `gmv_usd must be positive with 2 decimals (row ${i + 2})`);
    const conv = Number(ordersText) / Number(visitorsText);
    assert(conv >= 0.009 && conv <= 0.061, `conversion ${conv} out of range (row ${i + 2})`);
    const shown = (conv * 1000).toFixed(1);
    conversionCounts.set(shown, (conversionCounts.get(shown) ?? 0) + 1);

    const seriesKey = `${marketplace}|${country}`;
    counts.set(seriesKey, (counts.get(seriesKey) ?? 0) + 1);
    visitorsByKey.set(`${month}|${marketplace}|${country}`, Number(visitorsText));
  }

  // A clamp shows as one value shared by many rows (60.0 held 3.4 % of them); noise spreads them (at most 0.6 %).
  for (const [shown, count] of conversionCounts) {
    assert(count <= tRows.length * 0.015, `orders per 1,000 visitors is ${shown} in ${count} of ${tRows.length} rows: a clamp shows`);
  }

  // Every launch-table series is present for every month between launch and exit.
  for (const mp of marketplaces) {
    for (const [country, [launch, , opts]] of Object.entries(mp.markets)) {
      const start = Math.max(monthIndex(launch), FIRST_INDEX);
      const end = opts?.end ? monthIndex(opts.end) : LAST_INDEX;
      assert(counts.get(`${mp.name}|${country}`) === end - start + 1, `${mp.name}/${country} has gaps`);
    }
  }

  for (const cal of calibrations) {
    let sum = 0;
    let months = 0;
    for (let index = monthIndex(cal.from); index <= monthIndex(cal.to); index += 1) {
      const label = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      const value = visitorsByKey.get(`${label}|${cal.marketplace}|${cal.country}`);
      assert(value !== undefined, `calibration month ${label} missing for ${cal.marketplace}/${cal.country}`);
      sum += value;
      months += 1;
    }
    assert(sum === cal.mean * months, `${cal.marketplace}/${cal.country} ${cal.from}..${cal.to} sums to ${sum}, expected ${cal.mean * months}`);
  }

  verifyLeader(visitorsByKey, 'AliExpress', 'RU', '2014-07', '2014-12');
  verifyLeader(visitorsByKey, 'Mercado Libre', 'MX', '2013-01', '2025-12');
}

/**
 * The story the app tells relies on these leaders: AliExpress is the most
 * visited marketplace in Russia in H2 2014; Mercado Libre leads Mexico.
 * @param {Map<string, number>} visitorsByKey
 * @param {string} leader marketplace expected on top
 * @param {string} country ISO-2
 * @param {string} from first month, inclusive
 * @param {string} to last month, inclusive
 */
function verifyLeader(visitorsByKey, leader, country, from, to) {
  /** @type {Map<string, [string, number][]>} */
  const byMonth = new Map();
  for (const [key, value] of visitorsByKey) {
    const [month, marketplace, cc] = key.split('|');
    if (cc !== country || month < from || month > to) continue;
    const entries = byMonth.get(month) ?? [];
    entries.push([marketplace, value]);
    byMonth.set(month, entries);
  }
  assert(byMonth.size > 0, `no ${country} rows between ${from} and ${to}`);
  for (const [month, entries] of byMonth) {
    const top = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
    assert(top[0] === leader, `${leader} must lead ${country} in ${month}, but ${top[0]} does`);
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Validate the hand-curated published figures and events files.
 * @param {string} figuresText
 * @param {string} eventsText
 */
export function verifyCurated(figuresText, eventsText) {
  const figures = parseWithHeader(
    figuresText,
    'figure_id,subject,metric,value,unit,qualifier,country,period_start,period_end,publication,source_note',
  );
  const ids = new Set();
  for (const row of figures) {
    assert(row.length === 11, `published-figures row ${row[0]} has ${row.length} fields`);
    const [id, , , value, , qualifier, country, start, end] = row;
    assert(!ids.has(id), `duplicate figure_id ${id}`);
    ids.add(id);
    assert(/^\d+(\.\d+)?$/.test(value), `figure ${id} value must be a plain number`);
    assert(['at least', 'exact', 'target'].includes(qualifier), `figure ${id} bad qualifier`);
    assert(country === '' || /^[A-Z]{2}$/.test(country), `figure ${id} bad country`);
    for (const period of [start, end]) assert(period === '' || MONTH_RE.test(period), `figure ${id} bad period`);
    assert(start <= end || end === '', `figure ${id} period_start after period_end`);
  }
  const events = parseWithHeader(eventsText, 'event_id,date,date_precision,date_derived,country,marketplace,title,description,source');
  for (const row of events) {
    assert(row.length === 9, `events row ${row[0]} has ${row.length} fields`);
    const [id, date, precision, derived, country, , title] = row;
    assert(DATE_RE.test(date), `event ${id} bad date`);
    assert(['day', 'month', 'year'].includes(precision), `event ${id} bad date_precision`);
    assert(precision === 'day' || date.endsWith('-01'), `event ${id} month/year dates must be the 1st`);
    assert(precision !== 'year' || date.slice(5) === '01-01', `event ${id} year dates must be January 1st`);
    assert(['true', 'false'].includes(derived), `event ${id} bad date_derived`);
    assert(/^[A-Z]{2}$/.test(country), `event ${id} bad country`);
    assert(title.length <= 40, `event ${id} title longer than 40 chars`);
  }
}
