/**
 * Small deterministic random-number helpers for the dataset generator.
 *
 * Why not Math.random(): the generated CSVs are committed and checked with
 * `--check`, so every run must produce byte-identical output.
 */

/**
 * mulberry32: a tiny, fast 32-bit PRNG with good enough statistical quality
 * for synthetic data. Returns floats in [0, 1).
 * @param {number} seed 32-bit integer seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * FNV-1a 32-bit string hash. Used to derive one independent seed per series
 * so that adding or reordering marketplaces never perturbs other series.
 * @param {string} text
 * @returns {number}
 */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * @typedef {object} Rng
 * @property {() => number} next uniform in [0, 1)
 * @property {(min: number, max: number) => number} range uniform in [min, max)
 * @property {() => number} normal standard normal (Box-Muller)
 */

/**
 * Create an RNG whose stream depends only on the global seed and a key.
 * @param {number} seed global seed constant
 * @param {string} key e.g. "traffic|AliExpress|RU"
 * @returns {Rng}
 */
export function createRng(seed, key) {
  const next = mulberry32((seed ^ hashString(key)) >>> 0);
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    normal: () => {
      // 1 - next() is in (0, 1], so Math.log never sees 0.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
