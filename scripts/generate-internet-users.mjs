#!/usr/bin/env node
/**
 * Writes datasets/internet-users.csv: population and the share of people using the internet, by ISO country and
 * year 2010–2023, from the World Bank's World Development Indicators (CC BY 4.0; attribution: "World Bank, World
 * Development Indicators"), read from the copy in ../shared/reference (see its SOURCES.md):
 *   wb-population.psv          SP.POP.TOTL     Population, total
 *   wb-internet-users-pct.psv  IT.NET.USER.ZS  Individuals using the Internet (% of population)
 *
 *   node scripts/generate-internet-users.mjs          # rewrite datasets/internet-users.csv
 *   node scripts/generate-internet-users.mjs --check  # exit 1 if the file differs from what the source gives
 *
 * Rows: every country that has an ISO 3166-1 alpha-2 code (the World Bank's code and its alpha-3 code must both be
 * the ISO pair, which drops every aggregate — regions, income groups, "World" — and Kosovo's XK) × every year
 * 2010–2023, so a missing value is an empty field in a row that is there: never guessed, never interpolated.
 * internet_users = round(population × share / 100), empty when either is missing. The share is written to 4
 * decimals (the source's own precision varies from 0 to 8); internet_users is computed from the unrounded share.
 *
 * The source is not in the repository (CI has no ../shared): without it, --check says so and exits 0, and the
 * committed file is checked by test/data/internet-users.test.ts for its shape instead.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { toCsv } from './lib/csv.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'datasets', 'internet-users.csv');
export const REFERENCE_DIR = path.resolve(ROOT, '..', 'shared', 'reference');
export const HEADER = ['country', 'year', 'population', 'internet_users_pct', 'internet_users'];
export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2023;

/** `{ iso2 → { year → number } }` from one World Bank PSV file; `NA` is absent. Aggregates are dropped. */
export function parseIndicator(text, indicator) {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const header = splitPsv(lines[0]);
  const expected = ['country', 'iso2c', 'iso3c', 'year', indicator];
  if (header.join('|') !== expected.join('|')) throw new Error(`header ${header.join('|')}, expected ${expected.join('|')}`);
  const values = new Map();
  for (const [index, line] of lines.slice(1).entries()) {
    const [, iso2, iso3, yearText, valueText] = splitPsv(line);
    if (!isIsoCountry(iso2, iso3)) continue;
    const year = Number(yearText);
    if (!Number.isInteger(year)) throw new Error(`line ${index + 2}: year ${JSON.stringify(yearText)}`);
    if (valueText === 'NA') continue;
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) throw new Error(`line ${index + 2}: value ${JSON.stringify(valueText)}`);
    if (!values.has(iso2)) values.set(iso2, new Map());
    values.get(iso2).set(year, value);
  }
  return values;
}

/** A country, not an aggregate: the World Bank's two codes are an ISO 3166-1 alpha-2 / alpha-3 pair. */
function isIsoCountry(iso2, iso3) {
  return /^[A-Z]{2}$/.test(iso2) && countries.isValid(iso2) && countries.alpha2ToAlpha3(iso2) === iso3;
}

/** One pipe-delimited line; fields may be double-quoted (names have no pipes or quotes). */
function splitPsv(line) {
  return line.split('|').map((field) => (field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field));
}

/** The rows of internet-users.csv, sorted by country then year, from the two indicators' texts. */
export function internetUserRows(populationText, shareText) {
  const population = parseIndicator(populationText, 'SP.POP.TOTL');
  const share = parseIndicator(shareText, 'IT.NET.USER.ZS');
  const codes = [...new Set([...population.keys(), ...share.keys()])].sort();
  const rows = [];
  for (const code of codes) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const people = population.get(code)?.get(year);
      const pct = share.get(code)?.get(year);
      rows.push([
        code,
        year,
        people === undefined ? '' : String(Math.round(people)),
        pct === undefined ? '' : String(Number(pct.toFixed(4))),
        people === undefined || pct === undefined ? '' : String(Math.round((people * pct) / 100)),
      ]);
    }
  }
  return rows;
}

/** The file's text from the reference copy, or null when the copy is not on this machine. */
export async function generateFromReference(dir = REFERENCE_DIR) {
  const populationFile = path.join(dir, 'wb-population.psv');
  const shareFile = path.join(dir, 'wb-internet-users-pct.psv');
  if (!existsSync(populationFile) || !existsSync(shareFile)) return null;
  const [populationText, shareText] = await Promise.all([readFile(populationFile, 'utf8'), readFile(shareFile, 'utf8')]);
  return toCsv(HEADER, internetUserRows(populationText, shareText));
}

async function main() {
  const text = await generateFromReference();
  const relative = path.relative(ROOT, OUT);
  if (text === null) {
    console.log(`${path.relative(ROOT, REFERENCE_DIR)} is not here: ${relative} cannot be regenerated, and is left as committed.`);
    if (!process.argv.includes('--check')) process.exit(1);
    return;
  }
  if (process.argv.includes('--check')) {
    const current = await readFile(OUT, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${relative} is not what ../shared/reference gives: run node scripts/generate-internet-users.mjs`);
      process.exit(1);
    }
    console.log(`${relative} is up to date.`);
    return;
  }
  await writeFile(OUT, text);
  console.log(`Wrote ${relative} (${text.split('\n').length - 2} rows, ${Buffer.byteLength(text)} bytes).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
