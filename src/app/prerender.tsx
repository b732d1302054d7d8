/**
 * Build-time rendering of the default overview into index.html (scripts/prerenderPlugin.ts runs this in Node, in a
 * jsdom window, through Vite's module loader). The app itself renders, with the query cache seeded from the
 * build-time summary and the engine refused, so the page's first paint shows the very DOM the app then draws: the
 * same components, figures and classes; only the charts' widths are fixed here (a browser measures them).
 *
 * Two layouts are drawn, each at the width its charts have in a browser: `wide` (the two-column grid at its
 * maximum width, any screen of 1,280 px or more) and `narrow` (one column on a 375 px phone). The page keeps one
 * tree of HTML, whose layout CSS adapts as the live app's does, and each chart in both widths; a media query shows
 * the one that fits (styles.css, `.prerender`). test/e2e/prerender.spec.ts checks that both agree with the live app.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { roundPath } from '../lib/prerendered';

export interface PrerenderLayout {
  /** Which media query shows this layout's charts: `wide` (min-width 761px) or `narrow`. */
  name: 'wide' | 'narrow';
  /** The width in CSS pixels of every overview chart's frame at the layout's reference screen. */
  chartWidth: number;
}

/** The default overview's HTML for #root: one tree, each chart drawn once per layout. */
export async function prerenderOverview(layouts: readonly PrerenderLayout[]): Promise<string> {
  const [first, ...rest] = layouts;
  if (!first) throw new Error('prerenderOverview needs at least one layout');
  const page = await renderApp(first.chartWidth);
  const charts = chartsIn(page);
  for (const chart of charts) chart.dataset.prerender = first.name;
  for (const layout of rest) {
    const other = chartsIn(await renderApp(layout.chartWidth));
    if (other.length !== charts.length) throw new Error(`the ${layout.name} layout drew ${other.length} charts, the ${first.name} one ${charts.length}`);
    other.forEach((chart, index) => {
      chart.dataset.prerender = layout.name;
      suffixIds(chart, `-${layout.name}`);
      charts[index]!.after(chart);
    });
  }
  for (const path of page.querySelectorAll('.recharts-wrapper path.recharts-curve[d]')) path.setAttribute('d', roundPath(path.getAttribute('d')!));
  const problem = page.querySelector('[role=alert], .state-error');
  if (problem) throw new Error(`the prerendered overview shows an error: ${problem.textContent}`);
  if (charts.length === 0) throw new Error('the prerendered overview has no chart');
  return page.innerHTML;
}

/** Renders the whole app, as the browser would at the default address, and returns its root element. */
async function renderApp(chartWidth: number): Promise<HTMLElement> {
  // The charts size themselves from their frame's clientWidth (src/charts/useMeasuredWidth.ts); jsdom lays nothing out.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => chartWidth });
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const root = createRoot(container);
  root.render(<App prerendering />);
  // The build runs React's production build (no act()): wait until the page stops changing, the deferred second
  // row (OverviewView) and the seeded queries included.
  let last = '';
  for (let stable = 0, turn = 0; stable < 3; turn++) {
    if (turn > 200) throw new Error('the overview did not settle');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = container.innerHTML;
    stable = now === last && !now.includes('class="skeleton"') && now.includes('recharts-wrapper') ? stable + 1 : 0;
    last = now;
  }
  writeFormState(container);
  const copy = container.cloneNode(true) as HTMLElement;
  root.unmount();
  return copy;
}

/**
 * React sets a select's choice and a checkbox's tick as properties, which HTML does not carry: write them as the
 * attributes the parser reads back.
 */
function writeFormState(page: HTMLElement): void {
  for (const option of page.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
  for (const input of page.querySelectorAll<HTMLInputElement>('input[type=checkbox], input[type=radio]')) input.toggleAttribute('checked', input.checked);
  for (const input of page.querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=radio]):not([type=file])')) {
    input.setAttribute('value', input.value);
  }
}

/** Each chart's Recharts wrapper: the part drawn to its measured width (legends and frames are HTML that flows). */
function chartsIn(page: HTMLElement): HTMLElement[] {
  return [...page.querySelectorAll<HTMLElement>('.recharts-wrapper')];
}

/** Makes a copied chart's ids (clip paths, gradients) its own, and the references to them. */
function suffixIds(chart: HTMLElement, suffix: string): void {
  const ids = new Set([...chart.querySelectorAll('[id]')].map((element) => element.id));
  if (ids.size === 0) return;
  const rename = (value: string) =>
    value.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${id}${suffix})` : whole));
  for (const element of chart.querySelectorAll('*')) {
    if (element.id && ids.has(element.id)) element.id += suffix;
    for (const attribute of [...element.attributes]) {
      if (attribute.value.includes('url(#')) element.setAttribute(attribute.name, rename(attribute.value));
      else if ((attribute.name === 'href' || attribute.name === 'xlink:href') && ids.has(attribute.value.slice(1))) {
        element.setAttribute(attribute.name, attribute.value + suffix);
      } else if (/^aria-(labelledby|describedby|controls)$/.test(attribute.name)) {
        element.setAttribute(attribute.name, attribute.value.split(/\s+/).map((id) => (ids.has(id) ? id + suffix : id)).join(' '));
      }
    }
  }
}
