import { useId } from 'react';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { describeComparison, findDataset, kpiQuery, type MeasureDef, type QuerySlice } from '../../data';
import { formatChange, formatMonth, formatShare } from '../../lib/format';
import { QueryView } from '../../ui/QueryView';
import { measureFormatters } from '../shared/measureFormat';
import { SyntheticBadge } from '../shared/panelParts';
import { capitalise } from '../../lib/text';
import { useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';

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
  const tr = useT();
  const headingId = useId();
  const timeless = props.timeless ?? findDataset(view.datasetId)?.model.timeless ?? false;
  const period = `${formatMonth(view.from)} – ${formatMonth(view.to)}`;
  const comparison = describeComparison(view);
  return (
    <section className="kpis" aria-labelledby={headingId} data-testid="kpis">
      {/* The figures' own headings are h3: the section's h2 keeps the outline in order for screen readers. */}
      <h2 id={headingId} className="visually-hidden">
        {tr(messages.keyFigures)}
      </h2>
      <p className="kpis-caption">
        <span>{datasetLabel}</span>
        {synthetic ? <SyntheticBadge /> : null}
      </p>
      <QueryView query={query} height={108} isEmpty={(kpis) => kpis.current === null} empty={tr(messages.noDataSelection)}>
        {(kpis) => (
          <div className="kpi-grid">
            <article className="kpi" data-testid="kpi-total">
              <h3 className="kpi-label">{capitalise(measure.periodLabel)}</h3>
              <p className="kpi-value" title={format.full(kpis.current)}>
                {format.compact(kpis.current)}
              </p>
              <p className="kpi-note">
                {timeless ? tr(messages.allRowsNoTime) : tr(messages.periodMonths, { period, count: kpis.monthsWithData })}
              </p>
            </article>
            {timeless ? null : (
              <article className="kpi" data-testid="kpi-change">
                <h3 className="kpi-label">{comparison.short}</h3>
                <p className={`kpi-value ${trendClass(kpis.change)}`}>
                  {changeText(kpis.change)}
                </p>
                <p className="kpi-note">
                  {kpis.previous === null
                    ? tr(messages.noComparison, { comparison: comparison.long })
                    : tr(messages.previousValue, { value: format.compact(kpis.previous), comparison: comparison.long })}
                </p>
                {props.onWhy && kpis.change !== null ? (
                  <button type="button" className="button button-quiet kpi-why" onClick={() => props.onWhy?.()} data-testid="kpi-why">
                    {tr(whyMessages.why)}
                  </button>
                ) : null}
              </article>
            )}
            <article className="kpi" data-testid="kpi-leader">
              <h3 className="kpi-label">{tr(messages.leading, { dimension: leaderLabel.toLowerCase() })}</h3>
              <p className="kpi-value kpi-value-text">{kpis.leader ?? NONE}</p>
              <p className="kpi-note">
                {format.compact(kpis.leaderValue)} {measure.periodLabel}
                {kpis.leaderShare !== null ? afterSeparator(tr(messages.leaderShare, { share: formatShare(kpis.leaderShare) })) : ''}
              </p>
              {props.onWhy && !timeless && kpis.leader !== null ? (
                <button
                  type="button"
                  className="button button-quiet kpi-why"
                  title={tr(whyMessages.whyMove, { subject: kpis.leader })}
                  onClick={() => props.onWhy?.(kpis.leader!)}
                  data-testid="kpi-leader-why"
                >
                  {tr(whyMessages.why)}
                </button>
              ) : null}
            </article>
          </div>
        )}
      </QueryView>
    </section>
  );
}

const NONE = '–';

/** A change with its arrow: "▲ +12.4%". */
function changeText(change: number | null): string {
  return change === null ? NONE : `${change >= 0 ? '▲' : '▼'} ${formatChange(change)}`;
}

/** A note's further part, after the separator. */
function afterSeparator(text: string): string {
  return ` · ${text}`;
}

function trendClass(change: number | null): string {
  if (change === null) return '';
  return change >= 0 ? 'is-up' : 'is-down';
}
