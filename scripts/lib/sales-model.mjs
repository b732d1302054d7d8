/**
 * Synthetic sales figures derived from the traffic series, so the two files
 * stay consistent: orders = visitors x conversion, GMV = orders x AOV.
 */

import { decimalYear, monthOfYear } from './calendar.mjs';
import { COUNTRIES, fxFactor } from './countries.mjs';

/** Conversion is a little higher in the holiday peak, lower in January. */
const CONV_SEASON = [-0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.08, 0.1];
const MIN_CONV = 0.01;
const MAX_CONV = 0.06;

/**
 * @typedef {object} SalesSeries
 * @property {number[]} orders
 * @property {number[]} gmvCents GMV in US cents (integer, avoids float drift)
 * @property {number[]} sellers
 */

/**
 * @param {import('./marketplaces.mjs').Marketplace} mp
 * @param {import('./traffic-model.mjs').Series} series
 * @param {number[]} visitors final integer visitors
 * @param {number} scale calibration factor already applied to visitors
 * @param {import('./prng.mjs').Rng} rng
 * @returns {SalesSeries}
 */
export function buildSalesSeries(mp, series, visitors, scale, rng) {
  const { profile } = mp;
  const { country } = series;
  // Per-series level and slow drift of conversion (-2 %..+3 % per year).
  const convLevel = profile.conv * rng.range(0.8, 1.2);
  const convDrift = rng.range(-0.02, 0.03);
  // Cross-border shops price in USD, so local price level and FX matter less.
  const crossBorder = mp.markets[country][2]?.xb ?? profile.xb;
  const elasticity = crossBorder ? 0.35 : 0.8;
  const aovLevel = profile.aov * rng.range(0.9, 1.1) * COUNTRIES[country].priceLevel ** elasticity;
  const sellerLevel = profile.sellerK * rng.range(0.8, 1.25);

  const orders = [];
  const gmvCents = [];
  const sellers = [];
  for (let i = 0; i < visitors.length; i += 1) {
    const index = series.start + i;
    const years = decimalYear(index) - 2013;
    const season = CONV_SEASON[monthOfYear(index) - 1];
    let conv = convLevel * Math.exp(convDrift * years) * (1 + season) * Math.exp(0.03 * rng.normal());
    conv = Math.min(MAX_CONV, Math.max(MIN_CONV, conv));
    const orderCount = Math.max(1, Math.round(visitors[i] * conv));
    orders.push(orderCount);

    // AOV: 1.5 %/year USD inflation, FX devaluations, 2 % noise.
    const aov = aovLevel * 1.015 ** years * fxFactor(country, index) ** elasticity * Math.exp(0.02 * rng.normal());
    gmvCents.push(Math.max(1, Math.round(orderCount * aov * 100)));

    // Sellers follow the smooth order trend sub-linearly (big markets need
    // proportionally fewer sellers) and ignore the holiday spike. The cap
    // keeps small markets from having more active sellers than orders.
    const trendOrders = series.trend[i] * scale * convLevel;
    const sellerBase = Math.min(sellerLevel * trendOrders ** 0.7, 0.4 * trendOrders);
    const sellerCount = sellerBase * (1 + 0.01 * rng.normal());
    sellers.push(Math.max(1, Math.round(sellerCount)));
  }
  return { orders, gmvCents, sellers };
}

/**
 * Format integer cents as a decimal string with exactly two decimals,
 * without going through floating point.
 * @param {number} cents
 */
export function formatCents(cents) {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
