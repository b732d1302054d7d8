import { memo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { publishedFiguresQuery, type PublishedFigure } from '../../data';
import { countryLabel } from '../../lib/countries';
import { formatCompact, formatMonth } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';

/** The figures our source articles published, as published: the ground truth the synthetic data is calibrated to. */
/** Memoised: it has no props, and the page re-renders on every filter change. */
export const PublishedFiguresPanel = memo(function PublishedFiguresPanel() {
  const query = useQuery(publishedFiguresQuery());
  return (
    <Panel
      title="Published figures"
      subtitle="As reported in the source articles (measured, not synthetic)"
      footer="Sources: Forbes via PYMNTS; PYMNTS — see datasets/README.md"
      className="panel-wide"
      testId="published-panel"
    >
      <QueryView query={query} height={200} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable<PublishedFigure>
            caption="Published figures"
            testId="published-table"
            rowKey={(row) => row.figureId}
            rows={rows}
            columns={[
              { header: 'Subject', cell: (row) => row.subject },
              { header: 'Figure', cell: (row) => row.metric },
              { header: 'Value', numeric: true, cell: formatFigure },
              { header: 'Where', cell: (row) => (row.country ? countryLabel(row.country) : 'Worldwide') },
              { header: 'Period', cell: formatPeriod },
              { header: 'Publication', cell: (row) => row.publication },
            ]}
          />
        )}
      </QueryView>
    </Panel>
  );
});

function formatFigure(figure: PublishedFigure): string {
  const value = formatCompact(figure.value, figure.unit.toUpperCase() === 'USD' ? 'usd' : 'count');
  const prefix = figure.qualifier === 'at least' ? 'more than ' : figure.qualifier === 'target' ? 'target ' : '';
  return `${prefix}${value}`;
}

function formatPeriod(figure: PublishedFigure): string {
  if (!figure.periodStart) return '–';
  if (!figure.periodEnd || figure.periodEnd === figure.periodStart) return formatMonth(figure.periodStart);
  return `${formatMonth(figure.periodStart)} – ${formatMonth(figure.periodEnd)}`;
}
