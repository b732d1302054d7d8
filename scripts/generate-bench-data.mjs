// Generates large benchmark CSVs from datasets/marketplace-traffic.csv: the same monthly traffic at daily grain,
// split by device and channel. Output goes to bench/data/ (gitignored), never into datasets/.
//
//   node scripts/generate-bench-data.mjs --rows 1000000 --out bench/data/traffic-1m.csv
//   node scripts/generate-bench-data.mjs --bytes 100000000 --out bench/data/ingest-100mb.csv [--skip-existing]
//
// Columns: date,marketplace,country,device,channel,visitors,sessions,orders. Rows are ordered by date, then by
// (marketplace, country) pair, device and channel, like a real daily export. Every number comes from an RNG seeded
// by (seed, pair, month), so a file is byte-identical across runs and does not depend on which other pairs it holds.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, hashString, mulberry32 } from './lib/prng.mjs';
import { parseCsv } from './lib/csv.mjs';
import { monthIndex } from './lib/calendar.mjs';

/** Bump when the output for a given seed changes, so `--skip-existing` regenerates stale files. */
const GENERATOR_VERSION = 1;
const DEFAULT_SEED = 20130101;
const SOURCE = fileURLToPath(new URL('../datasets/marketplace-traffic.csv', import.meta.url));
const HEADER = 'date,marketplace,country,device,channel,visitors,sessions,orders\n';
/** Flush threshold for the write buffer: big enough that syscalls are negligible, small enough to stay cheap. */
const FLUSH_CHARS = 4 << 20;

const DEVICES = ['desktop', 'mobile', 'tablet'];
const CHANNELS = ['direct', 'search', 'social', 'email', 'paid'];
const CELLS = DEVICES.length * CHANNELS.length;
/** Growth per year of each channel's weight: social and paid gain, email and search slowly lose. */
const CHANNEL_DRIFT = [0, -0.03, 0.09, -0.05, 0.06];
/** Base weight range of each channel; each marketplace draws its own mix inside it. */
const CHANNEL_BASE = [
  [0.25, 0.4],
  [0.25, 0.4],
  [0.03, 0.1],
  [0.04, 0.1],
  [0.05, 0.15],
];
const DEVICE_CONVERSION = [1.25, 0.8, 1.0];
const CHANNEL_CONVERSION = [1.1, 1.0, 0.55, 1.6, 1.15];
const DEVICE_SESSIONS = [0.97, 1.05, 1.0];
/** Monday-first weekday profile (±10%): shopping traffic peaks early in the week and dips on Saturday. */
const WEEKDAY = [1.06, 1.08, 1.05, 1.02, 0.96, 0.9, 0.93];

/**
 * @typedef {{ marketplace: string, country: string, prefix: string, extraBytes: number,
 *   months: Map<number, number>, rows: number, mix: MarketplaceMix, mobileOffset: number }} Pair
 * @typedef {{ mobileOffset: number, tabletScale: number, channelBase: number[], conversion: number,
 *   sessionRatio: number }} MarketplaceMix
 */

function usage(message) {
  if (message) console.error(`error: ${message}\n`);
  console.error(`usage: node scripts/generate-bench-data.mjs (--rows N | --bytes N) --out FILE [--seed N] [--skip-existing]

  --rows N          exactly N data rows (a deterministic subset of marketplace×country pairs, all their months)
  --bytes N         stop at the first row that brings the file (header included) to N bytes or more
  --out FILE        output CSV; FILE.meta.json is written beside it
  --seed N          RNG seed (default ${DEFAULT_SEED})
  --skip-existing   do nothing if FILE and its .meta.json match these options and the source dataset`);
  process.exit(message ? 2 : 0);
}

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rows: { type: 'string' },
      bytes: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'skip-existing': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) usage();
  const count = (name) => {
    if (values[name] === undefined) return undefined;
    // Accept 1e6 / 1_000_000 for convenience, but only whole positive numbers.
    const n = Number(values[name].replaceAll('_', ''));
    if (!Number.isSafeInteger(n) || n <= 0) usage(`--${name} must be a positive integer`);
    return n;
  };
  const rows = count('rows');
  const bytes = count('bytes');
  if ((rows === undefined) === (bytes === undefined)) usage('give exactly one of --rows and --bytes');
  if (!values.out) usage('--out is required');
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed)) usage('--seed must be an integer');
  return { rows, bytes, out: values.out, seed: seed >>> 0, skipExisting: values['skip-existing'] };
}

/** Days in a month and the weekday (0 = Monday) of its first day, for an absolute month index. */
function monthCalendar(index) {
  const year = Math.floor(index / 12);
  const month = index % 12;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const firstWeekday = (new Date(Date.UTC(year, month, 1)).getUTCDay() + 6) % 7;
  const prefix = `${year}-${String(month + 1).padStart(2, '0')}-`;
  const labels = Array.from({ length: days }, (_, day) => `${prefix}${String(day + 1).padStart(2, '0')}`);
  return { days, firstWeekday, labels };
}

/** Per-marketplace constants: where its device and channel mix sits, its conversion and sessions per visitor. */
function marketplaceMix(seed, marketplace) {
  const rng = createRng(seed, `bench-mix|${marketplace}`);
  return {
    mobileOffset: rng.range(-0.08, 0.08),
    tabletScale: rng.range(0.6, 1.4),
    channelBase: CHANNEL_BASE.map(([min, max]) => rng.range(min, max)),
    conversion: rng.range(0.008, 0.022),
    sessionRatio: rng.range(1.3, 1.5),
  };
}

/** CSV field quoting. Names are plain text today; quoting anyway means a future "Foo, Inc." cannot break a row. */
function csvText(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Reads the monthly source into pairs; each pair knows how many daily rows it expands to. */
function loadPairs(text, seed) {
  const [header, ...records] = parseCsv(text);
  if (header.join(',') !== 'month,marketplace,country,visitors') throw new Error(`unexpected header in ${SOURCE}`);
  const mixes = new Map();
  const pairs = new Map();
  for (const record of records) {
    if (record.length === 1 && record[0] === '') continue;
    const [month, marketplace, country, visitors] = record;
    const key = `${marketplace}|${country}`;
    let pair = pairs.get(key);
    if (!pair) {
      if (!mixes.has(marketplace)) mixes.set(marketplace, marketplaceMix(seed, marketplace));
      const prefix = `,${csvText(marketplace)},${csvText(country)},`;
      pair = {
        marketplace,
        country,
        prefix,
        // Row bytes are counted as string length; this corrects for non-ASCII names.
        extraBytes: Buffer.byteLength(prefix) - prefix.length,
        months: new Map(),
        rows: 0,
        mix: mixes.get(marketplace),
        mobileOffset: createRng(seed, `bench-pair|${key}`).range(-0.04, 0.04),
      };
      pairs.set(key, pair);
    }
    const index = monthIndex(month);
    pair.months.set(index, Number(visitors));
    pair.rows += monthCalendar(index).days * CELLS;
  }
  return [...pairs.values()];
}

/**
 * Orders pairs round-robin over marketplaces (each marketplace's pairs shuffled by a seeded hash), so even a small
 * file holds many marketplaces and countries rather than all of AliExpress first.
 */
function orderPairs(pairs, seed) {
  const score = (text) => (hashString(text) ^ seed) >>> 0;
  const byMarketplace = new Map();
  for (const pair of pairs) {
    if (!byMarketplace.has(pair.marketplace)) byMarketplace.set(pair.marketplace, []);
    byMarketplace.get(pair.marketplace).push(pair);
  }
  const queues = [...byMarketplace.entries()]
    .sort(([a], [b]) => score(a) - score(b) || a.localeCompare(b))
    .map(([, list]) => list.sort((a, b) => score(a.country + a.marketplace) - score(b.country + b.marketplace) || a.country.localeCompare(b.country)));
  const ordered = [];
  for (let round = 0; ordered.length < pairs.length; round += 1) {
    for (const queue of queues) if (round < queue.length) ordered.push(queue[round]);
  }
  return ordered;
}

/**
 * The 15 device×channel shares and their conversion rates and session ratios for one marketplace-month.
 * Mobile grows from ~30% (2013) to ~70% (2025), tablets fade, social and paid channels gain.
 */
function cellProfile(mix, pairMobileOffset, index) {
  const years = index / 12 - 2013;
  const mobile = Math.min(0.9, Math.max(0.1, 0.3 + (0.4 * years) / 12 + mix.mobileOffset + pairMobileOffset));
  const tablet = Math.max(0.02, (0.1 - (0.05 * years) / 12) * mix.tabletScale);
  const deviceShares = [Math.max(0.02, 1 - mobile - tablet), mobile, tablet];
  const deviceTotal = deviceShares[0] + deviceShares[1] + deviceShares[2];
  const channelWeights = mix.channelBase.map((base, c) => base * Math.exp(CHANNEL_DRIFT[c] * years));
  const channelTotal = channelWeights.reduce((sum, w) => sum + w, 0);
  const shares = new Float64Array(CELLS);
  const conversion = new Float64Array(CELLS);
  const sessions = new Float64Array(CELLS);
  for (let d = 0; d < DEVICES.length; d += 1) {
    for (let c = 0; c < CHANNELS.length; c += 1) {
      const k = d * CHANNELS.length + c;
      shares[k] = (deviceShares[d] / deviceTotal) * (channelWeights[c] / channelTotal);
      conversion[k] = Math.min(0.03, Math.max(0.005, mix.conversion * DEVICE_CONVERSION[d] * CHANNEL_CONVERSION[c]));
      sessions[k] = mix.sessionRatio * DEVICE_SESSIONS[d];
    }
  }
  return { shares, conversion, sessions };
}

/**
 * Splits one pair-month into days × device × channel cells. Visitors are rounded cumulatively over normalised
 * weights, so the cells sum exactly to the monthly figure; sessions and orders are rounded stochastically so small
 * cells keep the right mean instead of all rounding to zero.
 * @returns {Int32Array} [visitors, sessions, orders] per cell, day-major
 */
function splitMonth(seed, pair, index, calendar) {
  const next = mulberry32((seed ^ hashString(`bench|${pair.marketplace}|${pair.country}|${index}`)) >>> 0);
  const profile = cellProfile(pair.mix, pair.mobileOffset, index);
  const total = pair.months.get(index);
  const { days, firstWeekday } = calendar;
  const weights = new Float64Array(days * CELLS);
  let weightSum = 0;
  for (let day = 0; day < days; day += 1) {
    // Weekday profile plus ±4% day noise, then ±15% noise per cell around the device×channel mix.
    const dayWeight = WEEKDAY[(firstWeekday + day) % 7] * (1 + 0.08 * (next() - 0.5));
    for (let k = 0; k < CELLS; k += 1) {
      const weight = dayWeight * profile.shares[k] * (1 + 0.3 * (next() - 0.5));
      weights[day * CELLS + k] = weight;
      weightSum += weight;
    }
  }
  const out = new Int32Array(days * CELLS * 3);
  let cumulative = 0;
  let emitted = 0;
  for (let cell = 0; cell < weights.length; cell += 1) {
    // Same summation order as weightSum, so the last cell lands exactly on `total`.
    cumulative += weights[cell];
    const visitors = Math.round((total * cumulative) / weightSum) - emitted;
    emitted += visitors;
    const k = cell % CELLS;
    const sessionRatio = Math.min(1.6, Math.max(1.2, profile.sessions[k] * (1 + 0.1 * (next() - 0.5))));
    const at = cell * 3;
    out[at] = visitors;
    out[at + 1] = Math.floor(visitors * sessionRatio + next());
    out[at + 2] = Math.min(visitors, Math.floor(visitors * profile.conversion[k] * (0.8 + 0.4 * next()) + next()));
  }
  return out;
}

/** Decimal digits of a non-negative integer, for counting bytes without building strings. */
function digits(n) {
  let count = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    count += 1;
  }
  return count;
}

const CELL_LABELS = DEVICES.flatMap((device) => CHANNELS.map((channel) => `${device},${channel},`));

/**
 * Picks the pairs (in round-robin order) and each one's row budget so the file holds exactly `rows` rows, or
 * reaches `bytes` bytes at its last row. For bytes, the candidate pairs are generated once without writing to
 * measure their exact row sizes; that costs about as much as generating, but only for the pairs that are kept.
 * @returns {Array<{pair: Pair, budget: number}>}
 */
function plan(ordered, seed, target) {
  const chosen = [];
  if (target.rows !== undefined) {
    let left = target.rows;
    for (const pair of ordered) {
      if (left === 0) break;
      const budget = Math.min(pair.rows, left);
      chosen.push({ pair, budget });
      left -= budget;
    }
    if (left > 0) throw new Error(`--rows ${target.rows} is more than the ${target.rows - left} rows the source expands to`);
    return chosen;
  }
  let left = target.bytes - HEADER.length;
  for (const pair of ordered) {
    if (left <= 0) break;
    let budget = 0;
    const fixed = 10 + pair.prefix.length + pair.extraBytes + 3; // date + prefix + two commas and "\n"
    for (const index of [...pair.months.keys()].sort((a, b) => a - b)) {
      const calendar = monthCalendar(index);
      const cells = splitMonth(seed, pair, index, calendar);
      for (let cell = 0; cell < calendar.days * CELLS && left > 0; cell += 1) {
        const at = cell * 3;
        left -= fixed + CELL_LABELS[cell % CELLS].length + digits(cells[at]) + digits(cells[at + 1]) + digits(cells[at + 2]);
        budget += 1;
      }
      if (left <= 0) break;
    }
    chosen.push({ pair, budget });
  }
  if (left > 0) throw new Error(`--bytes ${target.bytes} is more than the source expands to`);
  return chosen;
}

/** Streams the planned rows to `file` in date order through a large string buffer. */
function writeRows(file, chosen, seed) {
  const fd = openSync(file, 'w');
  let buffer = HEADER;
  let bytes = 0;
  let rows = 0;
  const flush = () => {
    const chunk = Buffer.from(buffer);
    // writeSync may write less than asked; loop until the chunk is out.
    for (let offset = 0; offset < chunk.length; ) offset += writeSync(fd, chunk, offset);
    bytes += chunk.length;
    buffer = '';
  };
  try {
    const months = [...new Set(chosen.flatMap(({ pair }) => [...pair.months.keys()]))].sort((a, b) => a - b);
    const written = new Map(chosen.map(({ pair }) => [pair, 0]));
    for (const index of months) {
      const calendar = monthCalendar(index);
      // One month of every chosen pair at a time: memory stays at pairs × ~1,400 integers, however big the file.
      const blocks = [];
      for (const { pair, budget } of chosen) {
        if (pair.months.has(index) && written.get(pair) < budget) blocks.push({ pair, budget, cells: splitMonth(seed, pair, index, calendar) });
      }
      for (let day = 0; day < calendar.days; day += 1) {
        const date = calendar.labels[day];
        for (const block of blocks) {
          const { pair, cells } = block;
          let done = written.get(pair);
          if (done >= block.budget) continue;
          const head = date + pair.prefix;
          const last = Math.min(CELLS, block.budget - done);
          for (let k = 0; k < last; k += 1) {
            const at = (day * CELLS + k) * 3;
            buffer += `${head}${CELL_LABELS[k]}${cells[at]},${cells[at + 1]},${cells[at + 2]}\n`;
          }
          done += last;
          rows += last;
          written.set(pair, done);
          if (buffer.length >= FLUSH_CHARS) flush();
        }
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { rows, bytes };
}

function main() {
  const options = parseCli(process.argv.slice(2));
  const started = performance.now();
  const sourceText = readFileSync(SOURCE, 'utf8');
  const meta = {
    generator: 'generate-bench-data',
    version: GENERATOR_VERSION,
    seed: options.seed,
    requested: options.rows !== undefined ? { rows: options.rows } : { bytes: options.bytes },
    source: createHash('sha256').update(sourceText).digest('hex'),
  };
  const metaFile = `${options.out}.meta.json`;

  if (options.skipExisting && existsSync(options.out) && existsSync(metaFile)) {
    try {
      const previous = JSON.parse(readFileSync(metaFile, 'utf8'));
      const same = ['generator', 'version', 'seed', 'source'].every((key) => previous[key] === meta[key]) &&
        JSON.stringify(previous.requested) === JSON.stringify(meta.requested) &&
        statSync(options.out).size === previous.bytes;
      if (same) {
        console.log(`${options.out}: up to date (${previous.rows} rows, ${previous.bytes} bytes), skipped`);
        return;
      }
    } catch {
      // Unreadable metadata: regenerate.
    }
  }

  const ordered = orderPairs(loadPairs(sourceText, options.seed), options.seed);
  const chosen = plan(ordered, options.seed, options);
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  // Write under a temporary name and rename, so an interrupted run never leaves a file that looks complete.
  const partial = `${options.out}.partial`;
  const { rows, bytes } = writeRows(partial, chosen, options.seed);
  renameSync(partial, options.out);
  const seconds = (performance.now() - started) / 1000;
  const marketplaces = new Set(chosen.map(({ pair }) => pair.marketplace)).size;
  const countries = new Set(chosen.map(({ pair }) => pair.country)).size;
  writeFileSync(metaFile, `${JSON.stringify({ ...meta, rows, bytes, pairs: chosen.length, marketplaces, countries }, null, 2)}\n`);
  console.log(
    `${options.out}: ${rows} rows, ${bytes} bytes (${(bytes / 1e6).toFixed(1)} MB), ` +
      `${chosen.length} pairs (${marketplaces} marketplaces, ${countries} countries), ${seconds.toFixed(2)} s`,
  );
}

try {
  main();
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
