/**
 * Synthetic monthly-unique-visitor model for one marketplace x country series.
 *
 * visitors(t) = ceiling(t) * S(t) * drift(t) * shocks(t)   <- "trend"
 *             * seasonality(month) * exp(noise_t)           <- observed
 *
 * - ceiling: share of the country's internet users (which grow over time)
 * - S: logistic curve anchored at the launch month (+ optional second wave)
 * - drift: slow long-run share loss for fading platforms (eBay, Joom, ...)
 * - shocks: COVID-19 boost, Russia 2022, war in Ukraine, US de minimis 2025
 * - seasonality: per-series Nov/Dec peaks and January dip
 * - noise: AR(1) in log space, so months wiggle without jumping
 */

import { FIRST_INDEX, LAST_INDEX, decimalYear, interpolateKnots, monthIndex, monthOfYear } from './calendar.mjs';
import { internetUsers } from './countries.mjs';

/**
 * Traffic shocks: multiplicative knot curves (1 = no effect) applied to the
 * listed marketplaces ('*' = all) in the listed countries ('*' = all).
 * Shapes are plausible narratives, not measurements.
 * @type {Array<{marketplaces: string[] | '*', countries: string[] | '*', knots: Array<[string, number]>}>}
 */
const SHOCKS = [
  // Western platforms wind down / lose reach in Russia after 2022-03.
  { marketplaces: ['eBay', 'Amazon'], countries: ['RU'], knots: [['2022-02', 1], ['2022-05', 0.35], ['2025-12', 0.25]] },
  // AliExpress loses share in Russia to Ozon and Wildberries after 2022.
  { marketplaces: ['AliExpress'], countries: ['RU'], knots: [['2022-02', 1], ['2022-06', 0.8], ['2023-12', 0.5], ['2025-12', 0.42]] },
  { marketplaces: ['Ozon', 'Wildberries'], countries: ['RU'], knots: [['2022-02', 1], ['2022-12', 1.15]] },
  // Full-scale war: traffic collapses in Ukraine, then partially recovers.
  { marketplaces: '*', countries: ['UA'], knots: [['2022-02', 1], ['2022-03', 0.45], ['2023-06', 0.8]] },
  // US tariffs / end of de minimis hit Chinese cross-border apps in 2025.
  { marketplaces: ['Temu'], countries: ['US'], knots: [['2025-03', 1], ['2025-06', 0.72]] },
  { marketplaces: ['Shein'], countries: ['US'], knots: [['2025-03', 1], ['2025-06', 0.88]] },
];

/** Lockdown boost profile (0..1): ramps up in March 2020, fades through 2021. */
const COVID_KNOTS = /** @type {Array<[string, number]>} */ ([
  ['2020-02', 0], ['2020-04', 1], ['2020-12', 1], ['2021-12', 0],
]);

/** Average seasonal shape for months without a drawn peak/dip (Feb..Oct). */
const BASE_SEASON = [0, -0.06, -0.01, -0.02, 0, -0.02, 0, 0.01, 0, 0.03, 0, 0];

/** @param {number} x */
const logistic = (x) => 1 / (1 + Math.exp(-x));

/**
 * @param {string} marketplace
 * @param {string} country
 * @param {number} index
 */
function shockFactor(marketplace, country, index) {
  let factor = 1;
  for (const shock of SHOCKS) {
    const mpOk = shock.marketplaces === '*' || shock.marketplaces.includes(marketplace);
    const ccOk = shock.countries === '*' || shock.countries.includes(country);
    if (mpOk && ccOk) factor *= interpolateKnots(shock.knots, index);
  }
  return factor;
}

/**
 * @typedef {object} Series
 * @property {string} marketplace
 * @property {string} country
 * @property {number} start first month index with a row
 * @property {number} end last month index with a row
 * @property {number[]} trend deseasonalised, noise-free visitors (float)
 * @property {number[]} raw observed visitors before calibration (float)
 */

/**
 * Build one series. All randomness comes from `rng`, which is keyed by the
 * series, so each series is reproducible on its own.
 * @param {import('./marketplaces.mjs').Marketplace} mp
 * @param {string} country
 * @param {import('./prng.mjs').Rng} rng
 * @returns {Series}
 */
export function buildTrafficSeries(mp, country, rng) {
  const [launchLabel, share, opts = {}] = mp.markets[country];
  const profile = mp.profile;
  const hl = opts.hl ?? profile.hl;
  const rate = opts.rate ?? profile.rate;
  const launchYear = decimalYear(monthIndex(launchLabel));
  const start = Math.max(monthIndex(launchLabel), FIRST_INDEX);
  const end = opts.end ? Math.min(monthIndex(opts.end), LAST_INDEX) : LAST_INDEX;

  // Per-series seasonal amplitudes (brief: Nov +15..35 %, Dec +20..40 %, Jan dip).
  const season = [...BASE_SEASON];
  season[0] = -rng.range(0.04, 0.1);
  season[10] = rng.range(0.15, 0.35);
  season[11] = rng.range(0.2, 0.4);
  // Per-series deviation of the COVID boost so markets do not move in lockstep.
  const covid = profile.covid * rng.range(0.7, 1.3);

  const trend = [];
  const raw = [];
  let noise = 0;
  for (let index = start; index <= end; index += 1) {
    const year = decimalYear(index);
    let reach = share * logistic(rate * (year - launchYear - hl));
    if (opts.boost) {
      const [extra, mid, boostRate] = opts.boost;
      reach += extra * logistic(boostRate * (year - mid));
    }
    let level = internetUsers(country, index) * reach;
    if (profile.decline && year > profile.decline[0]) {
      level *= Math.exp(-profile.decline[1] * (year - profile.decline[0]));
    }
    level *= 1 + covid * interpolateKnots(COVID_KNOTS, index);
    level *= shockFactor(mp.name, country, index);
    trend.push(level);

    // AR(1): persistence 0.5, innovation sd 2.5 % -> modest, autocorrelated noise.
    noise = 0.5 * noise + 0.025 * rng.normal();
    raw.push(level * (1 + season[monthOfYear(index) - 1]) * Math.exp(noise));
  }
  return { marketplace: mp.name, country, start, end, trend, raw };
}

/**
 * Round a float series to positive integers, scaling it first so that the
 * mean over [from, to] equals `mean` exactly. The whole series is scaled by
 * one factor (no visible break); the leftover rounding residual (a few
 * visitors at most) is added to the month in the window with the most
 * visitors, where it is proportionally smallest.
 * @param {Series} series
 * @param {{from: string, to: string, mean: number} | undefined} calibration
 * @returns {{visitors: number[], scale: number}}
 */
export function finaliseVisitors(series, calibration) {
  let scale = 1;
  let window = null;
  if (calibration) {
    const from = monthIndex(calibration.from) - series.start;
    const to = monthIndex(calibration.to) - series.start;
    if (from < 0 || to >= series.raw.length) throw new Error(`Calibration window outside ${series.marketplace}/${series.country}`);
    const rawSum = series.raw.slice(from, to + 1).reduce((a, b) => a + b, 0);
    scale = (calibration.mean * (to - from + 1)) / rawSum;
    window = { from, to, total: calibration.mean * (to - from + 1) };
  }
  const visitors = series.raw.map((v) => Math.max(1, Math.round(v * scale)));
  if (window) {
    const slice = visitors.slice(window.from, window.to + 1);
    const residual = window.total - slice.reduce((a, b) => a + b, 0);
    const peak = window.from + slice.indexOf(Math.max(...slice));
    visitors[peak] += residual;
  }
  return { visitors, scale };
}
