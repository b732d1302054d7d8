/**
 * Synthetic sales figures derived from the traffic series, so the two files
 * stay consistent: orders = visitors x conversion, GMV = orders x AOV.
 */

import { decimalYear, monthOfYear } from './calendar.mjs';
import { COUNTRIES, fxFactor } from './countries.mjs';

/** Conversion is a little higher in the holiday peak, lower in January. */
const CONV_SEASON = [-0.03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.08, 0.1];
/**
 * The conversion trend saturates smoothly below a ceiling drawn per series between these bounds (a hard clamp at 6 %
 * used to pin a fifth of the Amazon and Wildberries months at exactly 60.0 orders per 1,000 visitors). With the
 * holiday uplift (at most +10 %) and the bounded noise (at most ±9 %), conversion stays below 6 %.
 */
const CONV_CEILING = [0.043, 0.049];
/** How sharply the trend bends towards its ceiling: far below it the trend is unchanged (1 % less at 0.6 × ceiling). */
const SATURATION_SHARPNESS = 6;

/**
 * A smooth minimum: about `value` well below `ceiling`, approaching `ceiling` (never reaching it) well above. Unlike
 * `Math.min` it has no kink, so a series that grows into it bends instead of running flat at one value.
 * @param {number} value
 * @param {number} ceiling
 * @param {number} sharpness
 */
export function saturate(value, ceiling, sharpness = SATURATION_SHARPNESS) {
  return value / (1 + (value / ceiling) ** sharpness) ** (1 / sharpness);
}

/**
 * Gaussian noise squeezed smoothly into ±`bound` standard deviations (tanh): the tails cannot break a range, and no
 * two draws land on the same value as they would at a clamp.
 * @param {number} z a standard normal draw
 * @param {number} bound
 */
export function boundedNoise(z, bound = 3) {
  return bound * Math.tanh(z / bound);
}

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
  // The ceiling follows the series' level (a stronger shop saturates higher), so saturated series do not share one.
  const convCeiling = CONV_CEILING[0] + (CONV_CEILING[1] - CONV_CEILING[0]) * ((convLevel / profile.conv - 0.8) / 0.4);
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
    const convTrend = saturate(convLevel * Math.exp(convDrift * years), convCeiling);
    const conv = convTrend * (1 + season) * Math.exp(0.03 * boundedNoise(rng.normal()));
    const orderCount = Math.max(1, Math.round(visitors[i] * conv));
    orders.push(orderCount);

    // AOV: 1.5 %/year USD inflation, FX devaluations, 2 % noise.
    const aov = aovLevel * 1.015 ** years * fxFactor(country, index) ** elasticity * Math.exp(0.02 * rng.normal());
    gmvCents.push(Math.max(1, Math.round(orderCount * aov * 100)));

    // Sellers follow the smooth order trend sub-linearly (big markets need
    // proportionally fewer sellers) and ignore the holiday spike. The smooth
    // cap keeps small markets from having more active sellers than orders
    // (a hard minimum piled sellers per order up at 0.40).
    const trendOrders = series.trend[i] * scale * convLevel;
    const sellerBase = saturate(sellerLevel * trendOrders ** 0.7, 0.4 * trendOrders, 4);
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
