/**
 * Marketplace table: public reference facts plus the synthetic-model inputs.
 *
 * `reference` holds real-world public facts written to datasets/marketplaces.csv
 * (parent company as of 2025; home_country = country where the business was
 * founded; founded_year = year the company or brand was founded).
 *
 * `profile` holds defaults for the synthetic model:
 *   hl      years from launch until a market reaches half its ceiling
 *   rate    logistic steepness (1/year)
 *   conv    base visitor->order conversion rate
 *   aov     base average order value in USD (2013, price level 1.0)
 *   xb      true for cross-border sellers (AOV less sensitive to local prices)
 *   sellerK scale of active sellers vs order volume
 *   covid   size of the 2020 lockdown traffic boost
 *   decline optional [fromYear, fraction lost per year] long-run share loss
 *
 * `markets` is the launch table: ISO-2 -> [launch 'YYYY-MM', ceiling share of
 * the country's internet users, optional overrides]. Launch months may be
 * before 2013-01 (rows then start at 2013-01, mid-curve); rows never precede
 * the launch month. Overrides: hl, rate, xb (cross-border presence, e.g.
 * Russians buying on ebay.com), end (last month with rows, for exits/bans)
 * and boost [extra share, mid decimal year, rate] for a second
 * growth wave (e.g. Ozon/Wildberries after their marketplace pivots).
 * All series are synthetic; launch months are plausible, not audited facts.
 */

/**
 * @typedef {{hl?: number, rate?: number, xb?: boolean, end?: string, boost?: [number, number, number]}} MarketOptions
 * @typedef {[string, number, MarketOptions?]} MarketEntry
 * @typedef {{name: string, reference: {parent: string, home: string, founded: number}, profile: {hl: number, rate: number, conv: number, aov: number, xb: boolean, sellerK: number, covid: number, decline?: [number, number]}, markets: Record<string, MarketEntry>}} Marketplace
 */

/**
 * Build a markets object where many countries share one launch month.
 * @param {string} launch 'YYYY-MM'
 * @param {Record<string, number>} shares ISO-2 -> ceiling share
 * @param {MarketOptions} [opts]
 * @returns {Record<string, MarketEntry>}
 */
function sameLaunch(launch, shares, opts) {
  return Object.fromEntries(
    Object.entries(shares).map(([cc, share]) => {
      /** @type {MarketEntry} */
      const entry = opts ? [launch, share, opts] : [launch, share];
      return [cc, entry];
    }),
  );
}

/** @type {Marketplace[]} */
export const MARKETPLACES = [
  {
    name: 'AliExpress',
    reference: { parent: 'Alibaba Group', home: 'CN', founded: 2010 },
    profile: { hl: 3.5, rate: 1.0, conv: 0.03, aov: 20, xb: true, sellerK: 12, covid: 0.06 },
    markets: {
      ...sameLaunch('2010-04', {
        RU: 0.196, UA: 0.25, KZ: 0.2, BY: 0.25, BR: 0.2, MX: 0.14, AR: 0.05, CL: 0.18, CO: 0.12,
        ES: 0.22, FR: 0.12, IT: 0.12, DE: 0.06, GB: 0.05, PL: 0.18, NL: 0.1, US: 0.04, CA: 0.07,
        AU: 0.08, TR: 0.05, SA: 0.12, AE: 0.1, JP: 0.04, ID: 0.02, MY: 0.04, TH: 0.04, VN: 0.03,
        PH: 0.03, SG: 0.06, NG: 0.02, KE: 0.02, EG: 0.02, ZA: 0.05, MA: 0.06,
      }),
      KR: ['2010-04', 0.05, { boost: [0.2, 2023.4, 3] }],
      IN: ['2010-04', 0.03, { end: '2020-11' }], // banned in India Nov 2020
    },
  },
  {
    name: 'Allegro',
    reference: { parent: 'Allegro.eu', home: 'PL', founded: 1999 },
    profile: { hl: 10, rate: 0.4, conv: 0.045, aov: 45, xb: false, sellerK: 10, covid: 0.2 },
    markets: { PL: ['1999-12', 0.6] },
  },
  {
    name: 'Amazon',
    reference: { parent: 'Amazon.com Inc.', home: 'US', founded: 1994 },
    profile: { hl: 4, rate: 0.8, conv: 0.05, aov: 55, xb: false, sellerK: 15, covid: 0.18 },
    markets: {
      US: ['1995-07', 0.68, { hl: 10, rate: 0.35 }],
      ...sameLaunch('1998-10', { GB: 0.7, DE: 0.7 }, { hl: 9, rate: 0.4 }),
      FR: ['2000-08', 0.5, { hl: 9, rate: 0.4 }],
      JP: ['2000-11', 0.55, { hl: 9, rate: 0.4 }],
      CA: ['2002-06', 0.55, { hl: 9, rate: 0.4 }],
      IT: ['2010-11', 0.55],
      ES: ['2011-09', 0.55],
      BR: ['2012-12', 0.3, { hl: 6, rate: 0.6 }],
      IN: ['2013-06', 0.25, { rate: 0.7 }],
      MX: ['2013-06', 0.38],
      RU: ['2005-01', 0.0143, { hl: 6, rate: 0.6, xb: true }], // cross-border visits to amazon.com
      AU: ['2017-12', 0.4, { hl: 2.5 }],
      TR: ['2018-09', 0.2, { hl: 2.5 }],
      AE: ['2019-05', 0.45, { hl: 2 }],
      SG: ['2019-07', 0.35, { hl: 2.5 }],
      NL: ['2020-03', 0.2, { hl: 2.5 }],
      SA: ['2020-06', 0.4, { hl: 2 }],
      PL: ['2021-03', 0.15, { hl: 2.5 }],
      EG: ['2021-09', 0.12, { hl: 2.5 }],
      ZA: ['2024-05', 0.15, { hl: 1.5, rate: 1.5 }],
    },
  },
  {
    name: 'Bol.com',
    reference: { parent: 'Ahold Delhaize', home: 'NL', founded: 1999 },
    profile: { hl: 8, rate: 0.5, conv: 0.04, aov: 50, xb: false, sellerK: 6, covid: 0.2 },
    markets: { NL: ['1999-03', 0.55] },
  },
  {
    name: 'Coupang',
    reference: { parent: 'Coupang Inc.', home: 'KR', founded: 2010 },
    profile: { hl: 7, rate: 0.5, conv: 0.055, aov: 40, xb: false, sellerK: 8, covid: 0.22 },
    markets: { KR: ['2010-08', 0.5] },
  },
  {
    name: 'eBay',
    reference: { parent: 'eBay Inc.', home: 'US', founded: 1995 },
    profile: { hl: 6, rate: 0.6, conv: 0.035, aov: 50, xb: false, sellerK: 30, covid: 0.15, decline: [2016, 0.03] },
    markets: {
      ...sameLaunch('1999-06', { US: 0.4, GB: 0.5, DE: 0.45, AU: 0.4, CA: 0.3, FR: 0.12, IT: 0.2 }),
      ...sameLaunch('2003-01', { ES: 0.12, PL: 0.05, NL: 0.06 }),
      UA: ['2003-01', 0.05, { xb: true }],
      RU: ['2008-01', 0.055, { xb: true }], // cross-border; Russian-language ebay.com
      IN: ['2005-01', 0.05, { end: '2017-08' }], // folded into Flipkart Aug 2017
    },
  },
  {
    name: 'Etsy',
    reference: { parent: 'Etsy Inc.', home: 'US', founded: 2005 },
    profile: { hl: 10, rate: 0.45, conv: 0.025, aov: 38, xb: false, sellerK: 30, covid: 0.3 },
    markets: {
      US: ['2005-06', 0.2, { hl: 9 }],
      ...sameLaunch('2007-01', { GB: 0.25, CA: 0.2, AU: 0.15, DE: 0.08, FR: 0.06, IT: 0.04, ES: 0.04, NL: 0.05 }),
    },
  },
  {
    name: 'Flipkart',
    reference: { parent: 'Walmart Inc.', home: 'IN', founded: 2007 },
    profile: { hl: 9, rate: 0.45, conv: 0.035, aov: 30, xb: false, sellerK: 20, covid: 0.18 },
    markets: { IN: ['2007-10', 0.3] },
  },
  {
    name: 'Joom',
    reference: { parent: 'Joom Group', home: 'LV', founded: 2016 },
    profile: { hl: 1.2, rate: 2.5, conv: 0.02, aov: 12, xb: true, sellerK: 5, covid: 0.1, decline: [2020, 0.12] },
    markets: {
      RU: ['2016-06', 0.12],
      ...sameLaunch('2017-03', { BY: 0.12, KZ: 0.1 }),
      UA: ['2017-03', 0.1, { end: '2022-02' }],
      ...sameLaunch('2017-06', { DE: 0.03, FR: 0.04, ES: 0.05, IT: 0.04 }),
    },
  },
  {
    name: 'Jumia',
    reference: { parent: 'Jumia Technologies AG', home: 'NG', founded: 2012 },
    profile: { hl: 5, rate: 0.6, conv: 0.015, aov: 40, xb: false, sellerK: 3, covid: 0.15 },
    markets: { NG: ['2012-06', 0.1], MA: ['2012-06', 0.12], EG: ['2012-10', 0.08], KE: ['2013-01', 0.12] },
  },
  {
    name: 'Lazada',
    reference: { parent: 'Alibaba Group', home: 'SG', founded: 2012 },
    profile: { hl: 3, rate: 1.0, conv: 0.03, aov: 22, xb: false, sellerK: 10, covid: 0.2, decline: [2020, 0.04] },
    markets: sameLaunch('2012-03', { SG: 0.3, MY: 0.35, TH: 0.35, ID: 0.15, VN: 0.2, PH: 0.35 }),
  },
  {
    name: 'Mercado Libre',
    reference: { parent: 'MercadoLibre Inc.', home: 'AR', founded: 1999 },
    profile: { hl: 15, rate: 0.35, conv: 0.04, aov: 35, xb: false, sellerK: 25, covid: 0.22 },
    markets: sameLaunch('1999-09', { AR: 0.55, BR: 0.45, MX: 0.55, CO: 0.45, CL: 0.4 }),
  },
  {
    name: 'Noon',
    reference: { parent: 'Noon AD Holdings', home: 'AE', founded: 2016 },
    profile: { hl: 2.5, rate: 1.0, conv: 0.02, aov: 50, xb: false, sellerK: 3, covid: 0.2 },
    markets: { AE: ['2017-10', 0.4], SA: ['2017-10', 0.3], EG: ['2019-02', 0.1] },
  },
  {
    name: 'Ozon',
    reference: { parent: 'Ozon Holdings', home: 'RU', founded: 1998 },
    profile: { hl: 2, rate: 1.2, conv: 0.045, aov: 45, xb: false, sellerK: 20, covid: 0.25 },
    markets: {
      RU: ['1998-11', 0.07, { hl: 10, rate: 0.5, boost: [0.32, 2021.0, 1.5] }], // marketplace pivot 2019+
      KZ: ['2020-09', 0.2],
      BY: ['2021-01', 0.25],
    },
  },
  {
    name: 'Rakuten',
    reference: { parent: 'Rakuten Group Inc.', home: 'JP', founded: 1997 },
    profile: { hl: 8, rate: 0.45, conv: 0.04, aov: 60, xb: false, sellerK: 2, covid: 0.15 },
    markets: { JP: ['1997-05', 0.5], FR: ['2001-01', 0.1] }, // FR via PriceMinister, rebranded Rakuten
  },
  {
    name: 'Shein',
    reference: { parent: 'Shein Group Ltd', home: 'CN', founded: 2008 },
    profile: { hl: 5, rate: 0.7, conv: 0.025, aov: 30, xb: true, sellerK: 1, covid: 0.25 },
    markets: {
      ...sameLaunch('2012-06', { US: 0.15, GB: 0.15, FR: 0.15, ES: 0.15, AU: 0.15, CA: 0.15 }, { hl: 7 }),
      ...sameLaunch('2014-01', { DE: 0.1, IT: 0.12, NL: 0.1 }),
      ...sameLaunch('2015-01', { SA: 0.25, AE: 0.25 }),
      MX: ['2016-01', 0.22], RU: ['2016-06', 0.06], BR: ['2017-06', 0.2], CL: ['2018-01', 0.2],
      ...sameLaunch('2018-01', { SG: 0.12, MY: 0.08, PH: 0.08 }),
      IN: ['2018-01', 0.04, { end: '2020-06' }], // banned in India June 2020
      ...sameLaunch('2019-01', { TR: 0.05, TH: 0.06, PL: 0.08 }),
      CO: ['2019-06', 0.12], ZA: ['2020-01', 0.1], JP: ['2021-01', 0.06], KR: ['2021-06', 0.04],
    },
  },
  {
    name: 'Shopee',
    reference: { parent: 'Sea Limited', home: 'SG', founded: 2015 },
    profile: { hl: 2.5, rate: 1.2, conv: 0.045, aov: 20, xb: false, sellerK: 15, covid: 0.25 },
    markets: {
      ...sameLaunch('2015-06', { SG: 0.5, MY: 0.55, TH: 0.45, PH: 0.45 }),
      ID: ['2015-12', 0.4], VN: ['2016-08', 0.45],
      BR: ['2019-11', 0.3, { hl: 2, rate: 1.5 }],
    },
  },
  {
    name: 'Temu',
    reference: { parent: 'PDD Holdings', home: 'CN', founded: 2022 },
    profile: { hl: 0.7, rate: 4, conv: 0.03, aov: 24, xb: true, sellerK: 3, covid: 0 },
    markets: {
      US: ['2022-09', 0.35], CA: ['2023-02', 0.3], AU: ['2023-03', 0.35],
      ...sameLaunch('2023-04', { GB: 0.3, DE: 0.22, FR: 0.25, IT: 0.25, ES: 0.28, NL: 0.22 }),
      ...sameLaunch('2023-07', { PL: 0.3, MX: 0.3, JP: 0.15, KR: 0.2 }),
      ...sameLaunch('2023-08', { CL: 0.3, CO: 0.2, SA: 0.2, AE: 0.2, SG: 0.2, MY: 0.15, PH: 0.15 }),
      ZA: ['2024-01', 0.2], BR: ['2024-06', 0.2], TH: ['2024-07', 0.12],
    },
  },
  {
    name: 'Tokopedia',
    reference: { parent: 'ByteDance (TikTok)', home: 'ID', founded: 2009 },
    profile: { hl: 7, rate: 0.6, conv: 0.035, aov: 20, xb: false, sellerK: 60, covid: 0.22 },
    markets: { ID: ['2009-08', 0.35] },
  },
  {
    name: 'Trendyol',
    reference: { parent: 'Alibaba Group', home: 'TR', founded: 2010 },
    profile: { hl: 2, rate: 1.2, conv: 0.04, aov: 40, xb: false, sellerK: 10, covid: 0.22 },
    markets: {
      TR: ['2010-04', 0.5, { hl: 8, rate: 0.5 }],
      ...sameLaunch('2021-10', { SA: 0.1, AE: 0.1 }),
      DE: ['2022-06', 0.03],
    },
  },
  {
    name: 'Walmart',
    reference: { parent: 'Walmart Inc.', home: 'US', founded: 1962 },
    profile: { hl: 12, rate: 0.35, conv: 0.035, aov: 55, xb: false, sellerK: 3, covid: 0.25 },
    markets: { US: ['2000-01', 0.45], CA: ['2000-01', 0.2], MX: ['2000-01', 0.25, { hl: 18 }] },
  },
  {
    name: 'Wildberries',
    reference: { parent: 'RWB', home: 'RU', founded: 2004 },
    profile: { hl: 5, rate: 0.6, conv: 0.055, aov: 35, xb: false, sellerK: 25, covid: 0.25 },
    markets: {
      RU: ['2004-01', 0.09, { hl: 9, rate: 0.5, boost: [0.38, 2020.5, 1.5] }],
      BY: ['2012-06', 0.2],
      KZ: ['2014-01', 0.15, { boost: [0.2, 2021.5, 1.5] }],
    },
  },
  {
    name: 'Zalando',
    reference: { parent: 'Zalando SE', home: 'DE', founded: 2008 },
    profile: { hl: 5, rate: 0.6, conv: 0.03, aov: 75, xb: false, sellerK: 0.2, covid: 0.2 },
    markets: {
      DE: ['2008-10', 0.35], NL: ['2010-09', 0.3], FR: ['2010-10', 0.2],
      ...sameLaunch('2011-04', { IT: 0.2, ES: 0.2 }),
      PL: ['2012-09', 0.25],
    },
  },
];
