import type { PrerenderLayout } from './prerender';

/**
 * The layouts index.html is drawn in at build time, with the width every overview chart has at each one's reference
 * screen in Chromium: `wide` at 1,280 px and more (the two-column grid at its maximum width), `narrow` on a 375 px
 * phone. Between them the drawn charts scale down to fit until the app takes over. test/e2e/prerender.spec.ts fails
 * when the stylesheet changes these widths.
 */
export const PRERENDER_LAYOUTS: readonly PrerenderLayout[] = [
  { name: 'wide', chartWidth: 588 },
  { name: 'narrow', chartWidth: 325 },
];

/** The screens the widths above are measured at (CSS pixels), and the breakpoint between the two layouts. */
export const PRERENDER_SCREENS = { wide: { width: 1280, height: 800 }, narrow: { width: 375, height: 812 } } as const;
export const NARROW_MAX_WIDTH = 760;
