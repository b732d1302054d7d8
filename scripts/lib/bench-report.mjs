// Issue 17's targets, each as measured / reference with its spread over the runs (min–max of the per-run medians, or
// of the per-run p95s for a p95), and the table `npm run bench` prints.

const SIZE_LABEL = { bundled: 'bundled', '1m': '1M rows', '10m': '10M rows' };

/** Every target of issue 17 that `results` has figures for. */
export function targetRows(results) {
  const rows = [];
  const range = (values) => ({ min: Math.min(...values), max: Math.max(...values) });
  const s = results.startup;
  if (s) {
    rows.push({
      measure: 'cold load, first chart painted',
      measured: { value: s.app.firstChartPaintedMs.median, unit: 'ms', ...range(s.app.firstChartPaintedMs.perRunMedians) },
      reference: { name: 'floor page', value: s.floor.firstChartPaintedMs.median, unit: 'ms', ...range(s.floor.firstChartPaintedMs.perRunMedians) },
      ratio: s.ratios.firstChartToFloor,
      target: '≤ 2× floor',
      met: s.ratios.firstChartToFloor.median <= 2,
    });
    rows.push({
      measure: 'cold load, engine live',
      measured: { value: s.app.engineLiveMs.median, unit: 'ms', ...range(s.app.engineLiveMs.perRunMedians) },
      reference: { name: 'bare DuckDB-wasm start + first query', value: s.bareDuckdb.firstResultMs.median, unit: 'ms', ...range(s.bareDuckdb.firstResultMs.perRunMedians) },
      ratio: s.ratios.engineLiveToBareFirstResult,
      target: '≤ 1.5× bare',
      met: s.ratios.engineLiveToBareFirstResult.median <= 1.5,
    });
  }
  for (const [size, pooled] of Object.entries(results.interactions ?? {})) {
    const label = SIZE_LABEL[size] ?? size;
    const perRun = (key) => range(pooled.perRun.map((run) => run[key]));
    rows.push({
      measure: `input to next paint p95, ${label}`,
      measured: { value: pooled.changes.inputToNextPaintMs.p95, unit: 'ms', ...perRun('inputToNextPaintP95Ms') },
      reference: null,
      ratio: null,
      target: '≤ 50 ms',
      met: pooled.changes.inputToNextPaintMs.p95 <= 50,
    });
    // The scripted changes, then (when measured) the changes to states not shown before: p95 and median / no-op each.
    const settle = (summary, name, keys) => {
      rows.push({
        measure: `${name} settled p95, ${label}`,
        measured: { value: summary.ms.p95, unit: 'ms', ...perRun(keys.p95) },
        reference: null,
        ratio: null,
        target: '≤ 100 ms',
        met: summary.ms.p95 <= 100,
      });
      const ratios = pooled.perRun.map((run) => run[keys.ratio]);
      rows.push({
        measure: `${keys.medianName} median / no-op, ${label}`,
        measured: { value: summary.ms.median, unit: 'ms', ...perRun(keys.median) },
        reference: { name: 'no-op change', value: pooled.noop.ms.median, unit: 'ms', ...perRun('noopMedianMs') },
        ratio: { median: pooled[keys.ratio], ...range(ratios), perRun: ratios },
        target: '≤ 3× no-op',
        met: pooled[keys.ratio] <= 3,
      });
    };
    settle(pooled.changes, 'filter change', { p95: 'settleP95Ms', median: 'settleMedianMs', ratio: 'settleToNoop', medianName: 'settled' });
    if (pooled.fresh) {
      settle(pooled.fresh, 'change to a new state', { p95: 'freshP95Ms', median: 'freshMedianMs', ratio: 'freshToNoop', medianName: 'new state settled' });
    }
  }
  if (s) {
    rows.push({
      measure: 'bytes before the first chart',
      measured: { value: s.app.bytesBeforeFirstChart.median, unit: 'B', ...range(s.app.bytesBeforeFirstChart.perRunMedians) },
      reference: { name: 'floor page', value: s.floor.bytesBeforeFirstChart.median, unit: 'B', ...range(s.floor.bytesBeforeFirstChart.perRunMedians) },
      ratio: null,
      target: '≤ 150 kB',
      met: s.app.bytesBeforeFirstChart.median <= 150_000,
    });
  }
  return rows;
}

function format(value, unit) {
  if (unit === 'B') return `${(value / 1000).toFixed(1)} kB`;
  return `${Math.round(value)} ms`;
}

function withSpread(figure) {
  if (!figure) return '';
  const spread = figure.min === figure.max ? '' : ` (${format(figure.min, figure.unit).replace(/ \S+$/, '')}–${format(figure.max, figure.unit)})`;
  return `${format(figure.value, figure.unit)}${spread}`;
}

/** The targets table: measured (spread), reference (spread), ratio (spread), target. */
export function printTargets(rows, { runs }) {
  console.log(`\nissue 17 targets (median over every sample; in brackets the min–max of the ${runs} per-run figures)`);
  const table = rows.map((row) => [
    row.measure,
    withSpread(row.measured),
    row.reference ? `${withSpread(row.reference)} ${row.reference.name}` : '',
    row.ratio ? `${row.ratio.median.toFixed(2)}× (${row.ratio.min.toFixed(2)}–${row.ratio.max.toFixed(2)})` : '',
    `${row.target} ${row.met ? 'met' : 'NOT met'}`,
  ]);
  const header = ['measure', 'measured', 'reference', 'ratio', 'target'];
  const widths = header.map((name, column) => Math.max(name.length, ...table.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  console.log(line(header));
  for (const cells of table) console.log(line(cells));
}

/** The start-up details: components of "first chart painted", the bare engine's steps, the bytes before the chart. */
export function printStartup(s) {
  const f = (stat) => `${Math.round(stat.median)} ms (${Math.round(Math.min(...stat.perRunMedians))}–${Math.round(Math.max(...stat.perRunMedians))})`;
  console.log(`\nstart-up, ${s.loads} cold loads of each page (median, min–max of per-run medians)`);
  console.log(`  app:   first chart painted ${f(s.app.firstChartPaintedMs)} = later of its frame's paint ${f(s.app.chartPresentedMs)} and FCP ${f(s.app.firstContentfulPaintMs)} (frame rendered ${f(s.app.chartRenderedMs)}); engine live ${f(s.app.engineLiveMs)}`);
  console.log(`  floor: first chart painted ${f(s.floor.firstChartPaintedMs)} = later of its frame's paint ${f(s.floor.chartPresentedMs)} and FCP ${f(s.floor.firstContentfulPaintMs)} (frame rendered ${f(s.floor.chartRenderedMs)};\n         ${s.floorChart ? `${s.floorChart.width}×${s.floorChart.height} px, ${s.floorChart.lines} lines, ${s.floorChart.pathCoordinatePairs} points, ${s.floorChart.svgElements} SVG elements, ${(s.floorChart.htmlBytes / 1000).toFixed(1)} kB` : ''})`);
  console.log(`  bare DuckDB-wasm (${s.bareDuckdb.bundle}): script ${f(s.bareDuckdb.scriptStartMs)}, instantiated ${f(s.bareDuckdb.instantiatedMs)}, connected ${f(s.bareDuckdb.readyMs)}, first result ${f(s.bareDuckdb.firstResultMs)}`);
  console.log('  fetched before the app\'s first chart (last load):');
  for (const resource of s.app.resourcesBeforeFirstChart) console.log(`    ${resource.path.padEnd(48)} ${(resource.transferSize / 1000).toFixed(1).padStart(7)} kB  (${resource.type})`);
  if (s.app.inFlightAtFirstChart.length) console.log(`  still arriving then: ${s.app.inFlightAtFirstChart.join(', ')}`);
}

/** The interaction details of each size. */
export function printInteractions(interactions) {
  console.log('\nfilter changes (median / p95 over every sample; per-run p95 min–max)');
  for (const [size, p] of Object.entries(interactions)) {
    const spread = (key) => `${Math.min(...p.perRun.map((run) => run[key]))}–${Math.max(...p.perRun.map((run) => run[key]))}`;
    console.log(`  ${(SIZE_LABEL[size] ?? size).padEnd(9)} settled ${p.changes.ms.median} / ${p.changes.ms.p95} ms (${spread('settleP95Ms')}); input to next paint ${p.changes.inputToNextPaintMs.median} / ${p.changes.inputToNextPaintMs.p95} ms (${spread('inputToNextPaintP95Ms')}), ${p.changes.inputUnderThreshold} of ${p.changes.samples} under 16 ms`);
    if (p.fresh) {
      console.log(`  ${''.padEnd(9)} new     ${p.fresh.ms.median} / ${p.fresh.ms.p95} ms (${spread('freshP95Ms')}); input to next paint ${p.fresh.inputToNextPaintMs.median} / ${p.fresh.inputToNextPaintMs.p95} ms — ${p.fresh.samples} changes to states not yet shown (queries run), settled / no-op at the median ${p.freshToNoop}×`);
    }
    console.log(`  ${''.padEnd(9)} no-op   ${p.noop.ms.median} / ${p.noop.ms.p95} ms; input to next paint ${p.noop.inputToNextPaintMs.median} / ${p.noop.inputToNextPaintMs.p95} ms (${p.noop.inputUnderThreshold} of ${p.noop.samples} under 16 ms); settled / no-op at the median ${p.settleToNoop}×; redrawn after settling ${p.changes.redrawnAfterSettle} of ${p.changes.samples}`);
  }
}
