import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { describeComparison, findDataset, kpiQuery, type MeasureDef, type QuerySlice } from '../../data';
import { formatChange, formatMonth, formatShare } from '../../lib/format';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { SyntheticBadge } from '../shared/panelParts';
import { capitalise } from '../../lib/text';

export interface KpiCardsProps {
  view: QuerySlice;
  measure: MeasureDef;
  leaderLabel: string;
  datasetLabel: string;
  synthetic: boolean;
  /** The dataset has no time column: no period and no change against a year earlier (default: the dataset's model). */
  timeless?: boolean;
  /** Opens the explanation of the change (the "Why?" view), of one member when given; no buttons without it. */
  onWhy?: (member?: string) => void;
}

/** The period's headline numbers: the measure, its change against the period compared with, and who leads. */
export function KpiCards({ view, measure, leaderLabel, datasetLabel, synthetic, ...props }: KpiCardsProps) {
  const query = useQuery({ ...kpiQuery(view), placeholderData: keepPreviousData });
  const format = measureFormatters(measure);
  const timeless = props.timeless ?? findDataset(view.datasetId)?.model.timeless ?? false;
  const period = `${formatMonth(view.from)} – ${formatMonth(view.to)}`;
  const comparison = describeComparison(view);
  return (
    <section className="kpis" aria-label="Key figures" data-testid="kpis">
      <p className="kpis-caption">
        <span>{datasetLabel}</span>
        {synthetic ? <SyntheticBadge /> : null}
      </p>
      <QueryView query={query} height={108} isEmpty={(kpis) => kpis.current === null} empty="No data for this selection.">
        {(kpis) => (
          <div className="kpi-grid">
            <article className="kpi" data-testid="kpi-total">
              <h3 className="kpi-label">{capitalise(measure.periodLabel)}</h3>
              <p className="kpi-value" title={format.full(kpis.current)}>
                {format.compact(kpis.current)}
              </p>
              <p className="kpi-note">
                {timeless ? 'All rows · no time column' : `${period} · ${kpis.monthsWithData} ${kpis.monthsWithData === 1 ? 'month' : 'months'}`}
              </p>
            </article>
            {timeless ? null : (
              <article className="kpi" data-testid="kpi-change">
                <h3 className="kpi-label">{comparison.short}</h3>
                <p className={`kpi-value ${trendClass(kpis.change)}`}>
                  {kpis.change === null ? '–' : `${kpis.change >= 0 ? '▲' : '▼'} ${formatChange(kpis.change)}`}
                </p>
                <p className="kpi-note">
                  {kpis.previous === null
                    ? `No data for every month of ${comparison.long} to compare with.`
                    : `${format.compact(kpis.previous)} in ${comparison.long}`}
                </p>
                {props.onWhy && kpis.change !== null ? (
                  <button type="button" className="button button-quiet kpi-why" onClick={() => props.onWhy?.()} data-testid="kpi-why">
                    Why?
                  </button>
                ) : null}
              </article>
            )}
            <article className="kpi" data-testid="kpi-leader">
              <h3 className="kpi-label">Leading {leaderLabel.toLowerCase()}</h3>
              <p className="kpi-value kpi-value-text">{kpis.leader ?? '–'}</p>
              <p className="kpi-note">
                {format.compact(kpis.leaderValue)} {measure.periodLabel}
                {kpis.leaderShare !== null ? ` · ${formatShare(kpis.leaderShare)} of the selection` : ''}
              </p>
              {props.onWhy && !timeless && kpis.leader !== null ? (
                <button
                  type="button"
                  className="button button-quiet kpi-why"
                  title={`Why did ${kpis.leader} move?`}
                  onClick={() => props.onWhy?.(kpis.leader!)}
                  data-testid="kpi-leader-why"
                >
                  Why?
                </button>
              ) : null}
            </article>
          </div>
        )}
      </QueryView>
    </section>
  );
}

function trendClass(change: number | null): string {
  if (change === null) return '';
  return change >= 0 ? 'is-up' : 'is-down';
}
