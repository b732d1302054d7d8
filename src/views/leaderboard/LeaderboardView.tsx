import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { describeComparison, leaderboardQuery, rangeText, type DimensionDef, type LeaderboardRow, splitDimension } from '../../data';
import { Sparkline } from '../../charts/Sparkline';
import { countryLabel, countryName } from '../../lib/countries';
import { formatChange, formatShare } from '../../lib/format';
import { ownValue } from '../../lib/lookupTable';
import { EmptyState, Panel } from '../../ui/Panel';
import { QueryView } from '../../ui/QueryView';
import { SortableTable, type SortableColumn, type SortState } from '../../ui/SortableTable';
import { measureFormatters } from '../shared/measureFormat';
import { ChartPanel } from '../shared/panelParts';
import type { ViewProps } from '../shared/viewProps';
import { explainMember, WhyButton } from '../shared/WhyButton';
import { geoLevelOf, LevelControls } from '../shared/LevelControls';
import { t, useT } from '../../i18n';
import { messages } from './messages';
import { messages as whyMessages } from '../shared/messages';

/**
 * By country A–Z. Ties (the rows of one country) fall back to rank: the table's sort is stable and the rows reach
 * it ordered by rank, so "country, then rank" needs no second sort key in the URL.
 */
export const DEFAULT_LEADERBOARD_SORT: SortState = { column: 'country', direction: 'asc' };

/** "▲2" (up two places), "▼1", "new" (no data a year earlier) or "–" (same rank). */
export function rankChangeText(row: Pick<LeaderboardRow, 'rank' | 'previousRank'>): string {
  if (row.previousRank === null) return t(messages.isNew);
  const change = row.previousRank - row.rank;
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '–';
}

function rankChangeTitle(row: LeaderboardRow): string {
  if (row.previousRank === null) return t(messages.noPrevious);
  const change = row.previousRank - row.rank;
  if (change > 0) return t(messages.up, { count: change, previous: row.previousRank });
  return change < 0 ? t(messages.down, { count: -change, previous: row.previousRank }) : t(messages.same);
}

/** Which marketplace leads in each country, how that changed over a year, and its recent trend. */
export function LeaderboardView(props: ViewProps) {
  const group = splitDimension(props.model);
  const tr = useT();
  if (!group) {
    return (
      <Panel title={tr(messages.title)} testId="leaderboard-panel">
        <EmptyState>{tr(messages.oneDimension)}</EmptyState>
      </Panel>
    );
  }
  return <Leaderboard {...props} group={group} />;
}

function Leaderboard(props: ViewProps & { group: DimensionDef }) {
  const { model, view, options, measure, update, selected, onSelect, colorFor } = props;
  // Ranks within each country, or at region level within each region (a click on one drills down).
  const geo = geoLevelOf(props, props.group);
  const group = geo.dimension;
  const member = model.dimensions[0]!;
  const query = useQuery({ ...leaderboardQuery(view, { group: group.id, member: member.id }), placeholderData: keepPreviousData });
  const format = measureFormatters(measure);
  const tr = useT();
  const sort = options.sorts.leaderboard ?? DEFAULT_LEADERBOARD_SORT;
  const isCountry = group.display === 'country';
  const groupName = (key: string) => (isCountry ? countryName(key) : key);
  const selectedGroups = ownValue(selected, group.id) ?? [];
  const selectedMembers = ownValue(selected, member.id) ?? [];
  // Without a time column there is no year earlier to compare ranks with and no trend to draw.
  const timeless = model.timeless === true;
  const comparison = describeComparison(view);
  const subtitle = tr(messages.subtitle, {
    measure: measure.label,
    member: member.label.toLowerCase(),
    group: group.label.toLowerCase(),
    when: timeless ? tr(messages.timeless) : tr(messages.versus, { range: rangeText(view), compared: rangeText(comparison.range) }),
  });

  const sparkLabel = (row: LeaderboardRow) => {
    const first = row.spark.find((value) => value !== null) ?? null;
    const last = row.spark.findLast((value) => value !== null) ?? null;
    return tr(messages.spark, { measure: measure.label, member: row.member, group: groupName(row.group), first: format.compact(first), last: format.compact(last) });
  };

  const allColumns: SortableColumn<LeaderboardRow>[] = [
    {
      id: 'country',
      header: group.label,
      sortValue: (row) => groupName(row.group),
      cell: (row) => (
        <button
          type="button"
          className="button button-quiet"
          onClick={(event) => {
            if (!geo.drill(row.group)) onSelect(group.id, row.group, isAdditive(event));
          }}
        >
          {isCountry ? countryLabel(row.group) : row.group}
        </button>
      ),
    },
    { id: 'rank', header: tr(messages.rank), numeric: true, sortValue: (row) => row.rank, cell: (row) => `#${row.rank}` },
    {
      id: 'marketplace',
      header: member.label,
      sortValue: (row) => row.member,
      cell: (row) => (
        <button type="button" className="button button-quiet" onClick={(event) => onSelect(member.id, row.member, isAdditive(event))}>
          <span className="swatch" style={{ background: colorFor(row.member) }} aria-hidden="true" />
          {row.member}
        </button>
      ),
    },
    { id: 'value', header: measure.label, numeric: true, sortValue: (row) => row.value, cell: (row) => format.full(row.value) },
    {
      id: 'share',
      header: tr(messages.shareOf, { group: group.label.toLowerCase() }),
      numeric: true,
      sortValue: (row) => row.share,
      cell: (row) => formatShare(row.share),
    },
    {
      id: 'growth',
      header: comparison.short,
      numeric: true,
      sortValue: (row) => row.growth,
      cell: (row) => formatChange(row.growth),
    },
    {
      id: 'change',
      header: tr(messages.rankChange),
      numeric: true,
      // Places climbed; a newcomer has no earlier rank to climb from, so it sorts with the missing values.
      sortValue: (row) => (row.previousRank === null ? null : row.previousRank - row.rank),
      cell: (row) => (
        <span className={`rank-change rank-change-${rankChangeClass(row)}`} title={rankChangeTitle(row)}>
          {rankChangeText(row)}
        </span>
      ),
    },
    {
      id: 'trend',
      header: tr(messages.trend),
      cell: (row) => <Sparkline values={row.spark} color={colorFor(row.member)} ariaLabel={sparkLabel(row)} />,
    },
    {
      id: 'why',
      header: tr(whyMessages.why),
      // The change of this marketplace in this country, explained by… its one segment: so explain the country.
      cell: (row) => <WhyButton subject={groupName(row.group)} onClick={() => update(explainMember(view.filters, group.id, row.group))} />,
    },
  ];
  const columns = timeless ? allColumns.filter((column) => !TIME_COLUMNS.has(column.id)) : allColumns;

  return (
    <ChartPanel
      title={tr(messages.title)}
      subtitle={subtitle}
      model={model}
      className="panel-wide"
      testId="leaderboard-panel"
      exportData={() =>
        query.data
          ? {
              header: [
                group.label,
                member.label,
                measure.label,
                t(messages.csvShare),
                t(messages.csvRank),
                ...(timeless ? [] : [t(messages.csvPrevious), t(messages.csvGrowth)]),
              ],
              rows: query.data.rows.map((row) => [
                row.group,
                row.member,
                row.value,
                row.share,
                row.rank,
                ...(timeless ? [] : [row.previousRank, row.growth]),
              ]),
            }
          : null
      }
    >
      <LevelControls geo={geo} filters={props.filters} update={update} testId="leaderboard-level" />
      <QueryView query={query} height={360} isEmpty={(data) => data.rows.length === 0}>
        {(data) => (
          <SortableTable
            caption={tr(messages.caption, { members: member.pluralLabel, measure: measure.label.toLowerCase(), group: group.label.toLowerCase() })}
            testId="leaderboard-table"
            columns={columns}
            // Rank order first, so that every sort breaks its ties by rank (see DEFAULT_LEADERBOARD_SORT).
            rows={[...data.rows].sort((a, b) => a.rank - b.rank || b.value - a.value)}
            rowKey={(row) => `${row.group}\u0000${row.member}`}
            sort={sort}
            onSortChange={(next) => update({ sorts: { ...options.sorts, leaderboard: next } })}
            rowProps={(row) => ({ 'aria-selected': selectedGroups.includes(row.group) || selectedMembers.includes(row.member) })}
          />
        )}
      </QueryView>
    </ChartPanel>
  );
}

/** The columns that compare with a year earlier or draw over time. */
const TIME_COLUMNS = new Set(['growth', 'change', 'trend', 'why']);

function rankChangeClass(row: LeaderboardRow): 'new' | 'up' | 'down' | 'same' {
  if (row.previousRank === null) return 'new';
  return row.previousRank > row.rank ? 'up' : row.previousRank < row.rank ? 'down' : 'same';
}

function isAdditive(event: React.MouseEvent): boolean {
  return event.shiftKey || event.metaKey || event.ctrlKey;
}
