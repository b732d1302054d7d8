import { queryOptions } from '@tanstack/react-query';
import type { Engine } from '../../engine';
import { buildReachCoverageQuery, sliceParams, type ReachCoverageRow } from '../../sql';
import type { DatasetModel } from '../model';
import { measureOf, sliceFor, type QuerySlice } from '../querySlice';
import { viewQueryFn } from './queryTarget';

/** A country whose figures a measure per internet user leaves out in some years of the selection. */
export interface LeftOutCountry {
  country: string;
  /** The years without reference data, ascending. */
  years: number[];
  /** The months of the selection with rows for it in those years. */
  months: number;
  /** The measure's column (visitors, GMV) summed over those months. */
  amount: number;
}

/** How much of the selection a measure per internet user can use (World Bank data does not cover every year). */
export interface ReachCoverage {
  /** Country-months of the selection with rows. */
  countryMonths: number;
  /** Those left out: the World Bank has no internet users for their country and year. */
  leftOutCountryMonths: number;
  /** The share of the measure's column (e.g. of the visitors) in the left-out country-months, 0–1; null without any. */
  leftOutShare: number | null;
  /** Largest first (by the amount left out), then by code. */
  leftOut: LeftOutCountry[];
}

/**
 * Which countries and years the view's measure per internet user leaves out for want of World Bank data: the
 * measure divides only over covered country-years (src/sql/perInternetUser.ts), so the app says whose figures are
 * not in it. Fails for a measure that is not per internet user.
 */
export async function fetchReachCoverage(engine: Engine, model: DatasetModel, view: QuerySlice): Promise<ReachCoverage> {
  const measure = measureOf(model, view);
  const slice = sliceFor(model, view);
  const rows = await engine.query<ReachCoverageRow>(buildReachCoverageQuery(measure, slice), sliceParams(slice));
  const leftOut = new Map<string, LeftOutCountry>();
  let countryMonths = 0;
  let leftOutCountryMonths = 0;
  let amount = 0;
  let leftOutAmount = 0;
  for (const row of rows) {
    countryMonths += row.months;
    amount += row.amount ?? 0;
    if (row.covered) continue;
    leftOutCountryMonths += row.months;
    leftOutAmount += row.amount ?? 0;
    const country = String(row.country);
    const entry = leftOut.get(country) ?? { country, years: [], months: 0, amount: 0 };
    entry.years.push(row.year);
    entry.months += row.months;
    entry.amount += row.amount ?? 0;
    leftOut.set(country, entry);
  }
  return {
    countryMonths,
    leftOutCountryMonths,
    leftOutShare: amount > 0 ? leftOutAmount / amount : null,
    leftOut: [...leftOut.values()].sort((a, b) => b.amount - a.amount || a.country.localeCompare(b.country)),
  };
}

/** Consecutive years as ranges: [2013, 2022, 2023, 2024] → "2013, 2022–2024". */
export function formatYearRanges(years: readonly number[]): string {
  const ranges: string[] = [];
  for (let index = 0; index < years.length; ) {
    let end = index;
    while (end + 1 < years.length && years[end + 1] === years[end]! + 1) end += 1;
    ranges.push(end === index ? String(years[index]) : `${years[index]}–${years[end]}`);
    index = end + 1;
  }
  return ranges.join(', ');
}

export const reachCoverageKey = (view: QuerySlice) => ['reachCoverage', view] as const;

export const reachCoverageQuery = (view: QuerySlice) =>
  queryOptions({
    queryKey: reachCoverageKey(view),
    queryFn: viewQueryFn(view, [], (engine, model) => fetchReachCoverage(engine, model, view)),
  });
