import { activeLocale, t } from '../i18n';
import { chartSvg, escapeMarkup as escapeHtml } from './chartExport';
import { messages } from './messages';

/**
 * A dashboard as one self-contained HTML file: its panels' titles, notes, key figures and charts (as SVG drawn from
 * the page, with the numbers they show), and nothing else. No script at all, no request: it opens offline in any
 * browser, without Marketscope or DuckDB, and its own Content-Security-Policy forbids anything else. Every text from
 * the data is escaped.
 *
 * The file is in the language of the page it was made from: its `<html lang>`, its line of metadata (`meta.source`
 * is given already translated), and the panels' texts, read from the page as drawn. Its date is ISO 8601 (2026-11-21)
 * in every language, as no reader it is forwarded to can misread it.
 */
export function standaloneHtml(root: HTMLElement, meta: { title: string; generatedAt: Date; source: string }): string {
  const sections: string[] = [];
  for (const panel of root.querySelectorAll<HTMLElement>('[data-testid=presentation-panel]')) {
    const parts: string[] = [];
    const title = panel.querySelector('h3')?.textContent ?? '';
    parts.push(`<h2>${escapeHtml(title)}</h2>`);
    const notes = panel.querySelector('.presentation-notes')?.textContent;
    if (notes) parts.push(`<p class="notes">${escapeHtml(notes)}</p>`);
    const kpis = [...panel.querySelectorAll<HTMLElement>('[data-testid^=kpi-]')].map((kpi) => kpi.innerText.split('\n').filter(Boolean));
    if (kpis.length > 0) {
      parts.push(
        `<div class="kpis">${kpis
          .map(([label = '', value = '', ...rest]) => `<div class="kpi"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div>${rest.map((line) => `<div class="detail">${escapeHtml(line)}</div>`).join('')}</div>`)
          .join('')}</div>`,
      );
    }
    for (const chartPanel of panel.querySelectorAll<HTMLElement>('section.panel')) {
      const chartTitle = chartPanel.querySelector('.panel-title')?.textContent ?? '';
      const subtitle = chartPanel.querySelector('.panel-subtitle')?.textContent ?? undefined;
      const drawn = chartSvg(chartPanel, { title: chartTitle, subtitle, source: chartPanel.querySelector('.panel-footer')?.textContent ?? undefined });
      if (drawn) parts.push(`<figure>${drawn.svg.replace('<svg ', `<svg role="img" aria-label="${escapeHtml(chartTitle)}" `)}</figure>`);
      else {
        const table = chartPanel.querySelector('table');
        if (table) parts.push(`<h3>${escapeHtml(chartTitle)}</h3>${tableHtml(table)}`);
      }
    }
    sections.push(`<section>${parts.join('\n')}</section>`);
  }
  const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return `<!doctype html>
<html lang="${escapeHtml(activeLocale())}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#1a1f2b;background:#fff}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.25rem;margin:24px 0 4px}.meta,.notes{color:#555;margin:0 0 8px;white-space:pre-wrap}
.kpis{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}.kpi{border:1px solid #ddd;border-radius:8px;padding:8px 12px;min-width:180px;flex:1}
.kpi .label{font-size:.75rem;text-transform:uppercase;color:#555}.kpi .value{font-size:1.8rem;font-weight:700}.kpi .detail{font-size:.85rem;color:#555}
figure{margin:8px 0}figure svg{max-width:100%;height:auto}table{border-collapse:collapse;font-size:.85rem}td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}
section{break-inside:avoid}@media print{body{max-width:none}}
</style>
</head>
<body>
<h1>${escapeHtml(meta.title)}</h1>
<p class="meta">${escapeHtml(t(messages.htmlMeta, { date: meta.generatedAt.toISOString().slice(0, 10), source: meta.source }))}</p>
${sections.join('\n')}
</body>
</html>
`;
}

function tableHtml(table: HTMLTableElement): string {
  const rows = [...table.rows].map(
    (row) => `<tr>${[...row.cells].map((cell) => `<${cell.tagName.toLowerCase() === 'th' ? 'th' : 'td'}>${escapeHtml(cell.textContent ?? '')}</${cell.tagName.toLowerCase() === 'th' ? 'th' : 'td'}>`).join('')}</tr>`,
  );
  return `<table>${rows.join('')}</table>`;
}
