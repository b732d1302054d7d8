import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { withClickHouseNeed } from '../../data/clickhouse/clickHouseNeed';
import { dashboards } from '../../state/dashboards';
import { useT } from '../../i18n';
import { messages } from './messages';

type Outcome = { kind: 'pinned' | 'refused'; text: string };

/**
 * Pins the view on screen (its link) to the first dashboard, titled `title` or as the view names itself
 * (`data-pin-title` on its root: the SQL workspace, by how its statement starts), and says where it went — or, when
 * the browser refuses to keep it (its storage for the site is full or blocked), says so until the next try: nothing
 * was changed.
 */
export function PinButton({ title }: { title: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const tr = useT();
  useEffect(() => {
    if (outcome?.kind !== 'pinned') return;
    const timer = setTimeout(() => setOutcome(null), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);
  const pin = () => {
    try {
      // A view may name its panel itself (the SQL view: by its statement) on its root element: read there, so the
      // naming code stays with the view's, loaded on demand.
      const named = document.querySelector<HTMLElement>('[data-pin-title]')?.dataset.pinTitle;
      // A view over a ClickHouse table carries its definition (never credentials), for wherever the dashboard goes.
      const dashboard = dashboards.pin({ title: named || title, notes: '', view: withClickHouseNeed(location.search.slice(1)) });
      setOutcome({ kind: 'pinned', text: tr(messages.pinned, { dashboard: dashboard.name, count: dashboard.panels.length }) });
    } catch (error) {
      setOutcome({ kind: 'refused', text: tr(messages.notPinned, { reason: errorMessage(error) }) });
    }
  };
  const refused = outcome?.kind === 'refused';
  return (
    <span className="pin">
      <button type="button" className="button button-quiet" onClick={pin} data-testid="pin-view">
        {tr(messages.pin)}
      </button>
      {/* A refusal is an alert (a new element, announced as it appears), long enough to wrap: the floating
          confirmation is one line, this is a few. */}
      <span
        key={refused ? 'alert' : 'status'}
        role={refused ? 'alert' : 'status'}
        className="floating-status"
        style={refused ? { whiteSpace: 'normal', width: 'min(80vw, 26rem)' } : undefined}
        data-testid="pin-status"
      >
        {outcome?.text}
      </span>
    </span>
  );
}
