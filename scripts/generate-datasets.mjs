#!/usr/bin/env node
/**
 * Deterministic generator for Marketscope's synthetic datasets.
 *
 *   node scripts/generate-datasets.mjs          rewrite the generated CSVs
 *   node scripts/generate-datasets.mjs --check  regenerate in memory; exit 1
 *                                               if the committed files differ
 *
 * Writes datasets/marketplace-traffic.csv, datasets/marketplace-sales.csv
 * (both SYNTHETIC) and datasets/marketplaces.csv (reference facts).
 * datasets/published-figures.csv and datasets/events.csv are hand-curated
 * from published articles; this script only validates them.
 *
 * Uses Node built-ins only. See datasets/README.md for the model.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { monthLabel } from './lib/calendar.mjs';
import { toCsv } from './lib/csv.mjs';
import { verifyCurated, verifyGenerated } from './lib/invariants.mjs';
import { MARKETPLACES } from './lib/marketplaces.mjs';
import { createRng } from './lib/prng.mjs';
import { buildSalesSeries, formatCents } from './lib/sales-model.mjs';
import { buildTrafficSeries, finaliseVisitors } from './lib/traffic-model.mjs';

/** Fixed seed: changing it changes every synthetic number. */
export const SEED = 20140701;

/**
 * Published Russia H2-2014 monthly audiences (Forbes, via PYMNTS 2015; see
 * datasets/published-figures.csv). The synthetic series are scaled so their
 * six-month mean equals these exactly.
 */
export const CALIBRATIONS = [
  { marketplace: 'AliExpress', country: 'RU', from: '2014-07', to: '2014-12', mean: 15_600_000 },
  { marketplace: 'eBay', country: 'RU', from: '2014-07', to: '2014-12', mean: 3_700_000 },
  { marketplace: 'Amazon', country: 'RU', from: '2014-07', to: '2014-12', mean: 1_400_000 },
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATASETS = join(ROOT, 'datasets');

/**
 * Ordinal (code-unit) comparison: locale-independent, so output is stable everywhere.
 * @param {string} a
 * @param {string} b
 */
const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Build all generated files in memory.
 * @returns {{files: Record<string, string>, scales: Array<{key: string, scale: number}>}}
 */
export function generate() {
  /** @type {Array<{month: string, marketplace: string, country: string, visitors: number, gmv: string, orders: number, sellers: number}>} */
  const rows = [];
  const scales = [];
  for (const mp of MARKETPLACES) {
    for (const country of Object.keys(mp.markets)) {
      const series = buildTrafficSeries(mp, country, createRng(SEED, `traffic|${mp.name}|${country}`));
      const calibration = CALIBRATIONS.find((c) => c.marketplace === mp.name && c.country === country);
      const { visitors, scale } = finaliseVisitors(series, calibration);
      if (calibration) scales.push({ key: `${mp.name}/${country}`, scale });
      const sales = buildSalesSeries(mp, series, visitors, scale, createRng(SEED, `sales|${mp.name}|${country}`));
      visitors.forEach((count, i) => {
        rows.push({
          month: monthLabel(series.start + i),
          marketplace: mp.name,
          country,
          visitors: count,
          gmv: formatCents(sales.gmvCents[i]),
          orders: sales.orders[i],
          sellers: sales.sellers[i],
        });
      });
    }
  }
  rows.sort((a, b) => ordinal(a.month, b.month) || ordinal(a.marketplace, b.marketplace) || ordinal(a.country, b.country));

  const traffic = toCsv(
    ['month', 'marketplace', 'country', 'visitors'],
    rows.map((r) => [r.month, r.marketplace, r.country, r.visitors]),
  );
  const sales = toCsv(
    ['month', 'marketplace', 'country', 'gmv_usd', 'orders', 'active_sellers'],
    rows.map((r) => [r.month, r.marketplace, r.country, r.gmv, r.orders, r.sellers]),
  );
  const marketplaces = toCsv(
    ['marketplace', 'parent_company', 'home_country', 'founded_year'],
    [...MARKETPLACES]
      .sort((a, b) => ordinal(a.name, b.name))
      .map((mp) => [mp.name, mp.reference.parent, mp.reference.home, mp.reference.founded]),
  );

  verifyGenerated({ traffic, sales, marketplaces: MARKETPLACES, calibrations: CALIBRATIONS });
  return {
    files: {
      'marketplace-traffic.csv': traffic,
      'marketplace-sales.csv': sales,
      'marketplaces.csv': marketplaces,
    },
    scales,
  };
}

/** Validate the hand-curated files when they exist. */
function verifyCuratedFiles() {
  const figures = join(DATASETS, 'published-figures.csv');
  const events = join(DATASETS, 'events.csv');
  if (existsSync(figures) && existsSync(events)) {
    verifyCurated(readFileSync(figures, 'utf8'), readFileSync(events, 'utf8'));
  }
}

function main() {
  const check = process.argv.includes('--check');
  const { files, scales } = generate();
  verifyCuratedFiles();

  if (check) {
    const stale = Object.entries(files).filter(([name, content]) => {
      const path = join(DATASETS, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    });
    if (stale.length > 0) {
      for (const [name] of stale) console.error(`out of date: datasets/${name}`);
      console.error('Run `node scripts/generate-datasets.mjs` to regenerate.');
      process.exit(1);
    }
    console.log(`datasets up to date (${Object.keys(files).length} generated files verified)`);
    return;
  }

  for (const [name, content] of Object.entries(files)) {
    const path = join(DATASETS, name);
    writeFileSync(path, content);
    console.log(`wrote ${relative(ROOT, path)} (${content.split('\n').length - 2} rows, ${Buffer.byteLength(content)} bytes)`);
  }
  for (const { key, scale } of scales) console.log(`calibration scale ${key}: ${scale.toFixed(4)}`);
}

// Only run when executed directly, so tests can import generate().
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
