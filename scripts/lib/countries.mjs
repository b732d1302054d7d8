/**
 * Country reference inputs for the synthetic model.
 *
 * internet: approximate internet users in millions at the start of 2013 and
 * the end of 2025 (rounded, in the spirit of ITU / DataReportal estimates).
 * They only set the *scale* of each series' S-curve ceiling; the exact values
 * do not matter and are not published as data.
 *
 * priceLevel: rough consumer price level vs the US (1.0), used to scale
 * average order values in USD.
 */

import { FIRST_INDEX, LAST_INDEX, interpolateKnots } from './calendar.mjs';

/** @type {Record<string, {name: string, internet: [number, number], priceLevel: number}>} */
export const COUNTRIES = {
  AE: { name: 'United Arab Emirates', internet: [8, 10], priceLevel: 0.95 },
  AR: { name: 'Argentina', internet: [26, 40], priceLevel: 0.7 },
  AU: { name: 'Australia', internet: [19, 25.5], priceLevel: 1.0 },
  BR: { name: 'Brazil', internet: [100, 185], priceLevel: 0.7 },
  BY: { name: 'Belarus', internet: [5.5, 8.5], priceLevel: 0.6 },
  CA: { name: 'Canada', internet: [31, 37], priceLevel: 1.0 },
  CL: { name: 'Chile', internet: [12, 18.5], priceLevel: 0.8 },
  CO: { name: 'Colombia', internet: [24, 42], priceLevel: 0.65 },
  DE: { name: 'Germany', internet: [69, 78], priceLevel: 1.0 },
  EG: { name: 'Egypt', internet: [25, 82], priceLevel: 0.45 },
  ES: { name: 'Spain', internet: [33, 45], priceLevel: 0.9 },
  FR: { name: 'France', internet: [53, 62], priceLevel: 1.0 },
  GB: { name: 'United Kingdom', internet: [57, 66], priceLevel: 1.0 },
  ID: { name: 'Indonesia', internet: [45, 215], priceLevel: 0.5 },
  IN: { name: 'India', internet: [190, 820], priceLevel: 0.45 },
  IT: { name: 'Italy', internet: [34, 52], priceLevel: 0.9 },
  JP: { name: 'Japan', internet: [100, 116], priceLevel: 1.0 },
  KE: { name: 'Kenya', internet: [12, 27], priceLevel: 0.45 },
  KR: { name: 'South Korea', internet: [42, 50], priceLevel: 0.95 },
  KZ: { name: 'Kazakhstan', internet: [9, 18], priceLevel: 0.65 },
  MA: { name: 'Morocco', internet: [17, 34], priceLevel: 0.5 },
  MX: { name: 'Mexico', internet: [55, 105], priceLevel: 0.75 },
  MY: { name: 'Malaysia', internet: [20, 33], priceLevel: 0.7 },
  NG: { name: 'Nigeria', internet: [30, 110], priceLevel: 0.45 },
  NL: { name: 'Netherlands', internet: [16, 17.5], priceLevel: 1.0 },
  PH: { name: 'Philippines', internet: [35, 87], priceLevel: 0.5 },
  PL: { name: 'Poland', internet: [24, 34], priceLevel: 0.8 },
  RU: { name: 'Russia', internet: [95, 132], priceLevel: 0.7 },
  SA: { name: 'Saudi Arabia', internet: [16, 36], priceLevel: 0.95 },
  SG: { name: 'Singapore', internet: [4.4, 5.7], priceLevel: 1.0 },
  TH: { name: 'Thailand', internet: [20, 63], priceLevel: 0.6 },
  TR: { name: 'Turkey', internet: [35, 75], priceLevel: 0.65 },
  UA: { name: 'Ukraine', internet: [18, 28], priceLevel: 0.55 },
  US: { name: 'United States', internet: [262, 315], priceLevel: 1.0 },
  VN: { name: 'Vietnam', internet: [35, 80], priceLevel: 0.5 },
  ZA: { name: 'South Africa', internet: [25, 47], priceLevel: 0.7 },
};

/**
 * Internet users (absolute persons) in a country for a month, linearly
 * interpolated between the 2013 and 2025 anchors.
 * @param {string} country ISO-2 code
 * @param {number} index absolute month index
 */
export function internetUsers(country, index) {
  const [start, end] = COUNTRIES[country].internet;
  const share = (index - FIRST_INDEX) / (LAST_INDEX - FIRST_INDEX);
  return (start + (end - start) * share) * 1e6;
}

/**
 * Currency shocks: multiplier on USD-denominated order values after large
 * local-currency devaluations (ruble 2014, lira 2018/2021, Egyptian pound
 * 2016, peso 2018/2019, naira 2023). Shapes are approximate, not FX data.
 * @type {Record<string, Array<[string, number]>>}
 */
const FX_KNOTS = {
  RU: [['2014-09', 1], ['2015-02', 0.6], ['2022-02', 0.6], ['2022-03', 0.45], ['2022-07', 0.75], ['2023-10', 0.6]],
  TR: [['2018-07', 1], ['2018-09', 0.75], ['2021-09', 0.75], ['2021-12', 0.5]],
  AR: [['2018-04', 1], ['2018-09', 0.6], ['2019-08', 0.6], ['2019-10', 0.45]],
  EG: [['2016-10', 1], ['2016-12', 0.55], ['2024-02', 0.55], ['2024-03', 0.4]],
  NG: [['2023-06', 1], ['2024-03', 0.45]],
  UA: [['2014-01', 1], ['2015-03', 0.5]],
};

/**
 * @param {string} country ISO-2 code
 * @param {number} index absolute month index
 * @returns {number} 1 when no shock applies
 */
export function fxFactor(country, index) {
  const knots = FX_KNOTS[country];
  return knots ? interpolateKnots(knots, index) : 1;
}
