/**
 * A chart as a file: its SVG with the title, the legend and the source line drawn in, colours and fonts resolved
 * from the page's styles (so the file looks like the screen in either theme, without the stylesheet), and the same
 * as a PNG at twice the size. Only text is written into the SVG, as escaped text: nothing from the data can become
 * markup in the file.
 *
 * The texts are the panel's as drawn on screen (title, subtitle, legend, axes, source line), so a file is in the
 * language the page was in when it was exported.
 */
import { t } from '../i18n';
import { messages } from './messages';

export interface ChartFileMeta {
  title: string;
  subtitle?: string;
  source?: string;
}

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const MARGIN = 16;
const LINE = 20;

/** Text made safe inside markup (SVG or HTML), as text or as an attribute value. */
export function escapeMarkup(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The chart of a panel, as a standalone SVG document; null when the panel shows no chart (e.g. its table). */
export function chartSvg(panel: HTMLElement, meta: ChartFileMeta): { svg: string; width: number; height: number } | null {
  const chart = panel.querySelector<SVGSVGElement>('svg.recharts-surface') ?? panel.querySelector<SVGSVGElement>('.panel-body svg');
  if (!chart) return null;
  const box = chart.getBoundingClientRect();
  const chartWidth = Math.max(1, Math.round(box.width));
  const chartHeight = Math.max(1, Math.round(box.height));
  const clone = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, clone);
  clone.setAttribute('x', String(MARGIN));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));

  const panelStyle = getComputedStyle(panel);
  const text = panelStyle.color || '#1a1a1a';
  const background = opaque(panelStyle.backgroundColor) ?? '#ffffff';
  const font = panelStyle.fontFamily || 'sans-serif';
  const legend = [...panel.querySelectorAll<HTMLElement>('.chart-legend-item')].map((item) => ({
    label: item.textContent?.trim() ?? '',
    color: getComputedStyle(item.querySelector('.swatch') ?? item).backgroundColor,
  }));

  // Wide enough for the texts too (a narrow chart must not cut its source line): about 0.6 em per character.
  const textWidth = Math.max(meta.title.length * 9.6, (meta.subtitle ?? '').length * 7.2, (meta.source ?? '').length * 6.6);
  const width = Math.ceil(Math.max(chartWidth + 2 * MARGIN, textWidth + 2 * MARGIN));
  const head: string[] = [];
  const tail: string[] = [];
  let y = MARGIN + 16;
  head.push(`<text x="${MARGIN}" y="${y}" font-size="16" font-weight="600" fill="${text}">${escapeMarkup(meta.title)}</text>`);
  if (meta.subtitle) {
    y += LINE;
    head.push(`<text x="${MARGIN}" y="${y}" font-size="12" fill="${text}" fill-opacity="0.75">${escapeMarkup(meta.subtitle)}</text>`);
  }
  y += 10;
  clone.setAttribute('y', String(y));
  y += chartHeight;
  // The legend, wrapped into rows across the width.
  let x = MARGIN;
  if (legend.length > 0) y += LINE;
  for (const item of legend) {
    const itemWidth = 18 + item.label.length * 7 + 14;
    if (x + itemWidth > width - MARGIN && x > MARGIN) {
      x = MARGIN;
      y += LINE;
    }
    tail.push(`<rect x="${x}" y="${y - 10}" width="10" height="10" rx="2" fill="${item.color}"/>`);
    tail.push(`<text x="${x + 16}" y="${y}" font-size="12" fill="${text}">${escapeMarkup(item.label)}</text>`);
    x += itemWidth;
  }
  if (meta.source) {
    y += LINE + 4;
    tail.push(`<text x="${MARGIN}" y="${y}" font-size="11" fill="${text}" fill-opacity="0.7">${escapeMarkup(meta.source)}</text>`);
  }
  const height = y + MARGIN;
  const inner = new XMLSerializer().serializeToString(clone);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeMarkup(font)}">` +
    `<rect width="100%" height="100%" fill="${background}"/>${head.join('')}${inner}${tail.join('')}</svg>`;
  return { svg, width, height };
}

/** The SVG drawn at `scale` × its size, as a PNG. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error(t(messages.cannotDraw));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t(messages.notEncoded)))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies the computed presentation of every element of `source` onto the same element of `target`. */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  for (const property of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(property);
    if (value) target.setAttribute(property, value);
  }
  target.removeAttribute('class');
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let index = 0; index < sourceChildren.length && index < targetChildren.length; index++) {
    inlineStyles(sourceChildren[index]!, targetChildren[index]!);
  }
}

/** A CSS colour, or null when it is transparent (the panel then draws on white). */
function opaque(color: string): string | null {
  return !color || color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color) ? null : color;
}
