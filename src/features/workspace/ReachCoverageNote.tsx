import { useQuery } from '@tanstack/react-query';
import { formatYearRanges, reachCoverageQuery, type QuerySlice } from '../../data';
import { countryName } from '../../lib/countries';
import { formatShare, formatWhole } from '../../lib/format';
import { useT } from '../../i18n';
import { messages } from './messages';

/** How many left-out countries are named; the rest are counted. */
const NAMED = 3;

/**
 * Whose figures a measure per internet user leaves out: the World Bank has no internet users for some countries and
 * years (most have none after 2022), and the measure divides only over those it has. `amountLabel` names what the
 * share is of ("visitors"). Says nothing while it loads, when nothing is left out, or when the query cannot run (a
 * snapshot); the element stays, empty, for the measure picker's aria-describedby.
 */
export function ReachCoverageNote({ view, id, amountLabel }: { view: QuerySlice; id: string; amountLabel: string }) {
  const coverage = useQuery(reachCoverageQuery(view));
  const tr = useT();
  const data = coverage.data;
  if (!data || data.leftOutCountryMonths === 0) return <span id={id} hidden />;
  if (data.leftOutCountryMonths === data.countryMonths) {
    return (
      <span id={id} className="reach-coverage" data-testid="reach-coverage">
        {tr(messages.reachNone)}
      </span>
    );
  }
  const named = data.leftOut.slice(0, NAMED).map((entry) => `${countryName(entry.country)} ${formatYearRanges(entry.years)}`);
  const more = data.leftOut.length - named.length;
  return (
    <span id={id} className="reach-coverage" data-testid="reach-coverage">
      {tr(messages.reachLeavesOut, {
        withShare: data.leftOutShare === null ? 'no' : 'yes',
        share: data.leftOutShare === null ? '' : formatShare(data.leftOutShare),
        amount: amountLabel,
        left: formatWhole(data.leftOutCountryMonths),
        total: formatWhole(data.countryMonths),
        named: named.join('; '),
        more,
      })}
    </span>
  );
}
