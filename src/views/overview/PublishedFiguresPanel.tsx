import { memo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { publishedFiguresQuery, type PublishedFigure } from '../../data';
import { countryLabel } from '../../lib/countries';
import { formatCompact, formatMonth } from '../../lib/format';
import { DataTable } from '../../ui/DataTable';
import { Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { t, useT, type Message } from '../../i18n';
import { messages } from './messages';

/** The figures our source articles published, as published: the ground truth the synthetic data is calibrated to. */
/** Memoised: it has no props, and the page re-renders on every filter change. */
export const PublishedFiguresPanel = memo(function PublishedFiguresPanel() {
  const query = useQuery(publishedFiguresQuery());
  const tr = useT();
  return (
    <Panel
      title={tr(messages.published)}
      subtitle={tr(messages.publishedSubtitle)}
      footer={tr(messages.publishedSources)}
      className="panel-wide"
      testId="published-panel"
    >
      <QueryView query={query} height={200} isEmpty={(rows) => rows.length === 0}>
        {(rows) => (
          <DataTable<PublishedFigure>
            caption={tr(messages.published)}
            testId="published-table"
            rowKey={(row) => row.figureId}
            rows={rows}
            columns={[
              { header: tr(messages.subject), cell: (row) => row.subject },
              { header: tr(messages.figure), cell: (row) => metricLabel(row.metric) },
              { header: tr(messages.value), numeric: true, cell: formatFigure },
              { header: tr(messages.where), cell: (row) => (row.country ? countryLabel(row.country) : tr(messages.worldwide)) },
              { header: tr(messages.period), cell: formatPeriod },
              { header: tr(messages.publication), cell: (row) => row.publication },
            ]}
          />
        )}
      </QueryView>
    </Panel>
  );
});

/** The metrics the bundled file names, in the active language; another (a new row in the file) as written. */
const METRICS: Readonly<Record<string, Message>> = {
  'average monthly customers': messages.metricMonthlyCustomers,
  'sales target': messages.metricSalesTarget,
  'users worldwide': messages.metricUsersWorldwide,
  'points of sale in Mexico': messages.metricPointsOfSale,
  'Mexican companies approved to sell': messages.metricCompaniesApproved,
  'Mexican vendors needed for a Mexico-specific site': messages.metricVendorsNeeded,
};

export function metricLabel(metric: string): string {
  const message = Object.hasOwn(METRICS, metric) ? METRICS[metric] : undefined;
  return message ? t(message) : metric;
}

function formatFigure(figure: PublishedFigure): string {
  const value = formatCompact(figure.value, figure.unit.toUpperCase() === 'USD' ? 'usd' : 'count');
  if (figure.qualifier === 'at least') return t(messages.moreThan, { value });
  if (figure.qualifier === 'target') return t(messages.target, { value });
  return value;
}

function formatPeriod(figure: PublishedFigure): string {
  if (!figure.periodStart) return '–';
  if (!figure.periodEnd || figure.periodEnd === figure.periodStart) return formatMonth(figure.periodStart);
  return `${formatMonth(figure.periodStart)} – ${formatMonth(figure.periodEnd)}`;
}
