import { useEffect, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { dashboards } from '../../state/dashboards';

type Outcome = { kind: 'pinned' | 'refused'; text: string };

/**
 * Pins the view on screen (its link) to the first dashboard, titled `title` (the SQL view: by how its statement
 * starts), and says where it went — or, when the browser refuses to keep it (its storage for the site is full or
 * blocked), says so until the next try: nothing was changed.
 */
export function PinButton({ title }: { title: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (outcome?.kind !== 'pinned') return;
    const timer = setTimeout(() => setOutcome(null), 4000);
    return () => clearTimeout(timer);
  }, [outcome]);
  const pinAs = (panelTitle: string, view: string) => {
    try {
      const dashboard = dashboards.pin({ title: panelTitle, notes: '', view });
      const panels = `${dashboard.panels.length} ${dashboard.panels.length === 1 ? 'panel' : 'panels'}`;
      setOutcome({ kind: 'pinned', text: `Pinned to “${dashboard.name}” (${panels}).` });
    } catch (error) {
      setOutcome({ kind: 'refused', text: `Not pinned. ${errorMessage(error)}` });
    }
  };
  const pin = () => {
    const view = window.location.search.replace(/^\?/, '');
    const params = new URLSearchParams(view);
    const statement = params.get('tab') === 'sql' ? (params.get('sql') ?? '') : '';
    if (statement.trim() === '') return pinAs(title, view);
    // A SQL panel is titled by its statement; the few lines that read it load with the SQL view, not the page.
    void import('../../views/sql/panelTitle').then(
      ({ sqlPanelTitle }) => pinAs(sqlPanelTitle(statement), view),
      () => pinAs(title, view),
    );
  };
  return (
    <span className="pin">
      <button type="button" className="button button-quiet" onClick={pin} data-testid="pin-view">
        Pin to dashboard
      </button>
      {outcome?.kind === 'refused' ? (
        // Long enough to wrap: the floating confirmation is one line, this is a few.
        <span role="alert" className="floating-status" style={{ whiteSpace: 'normal', width: 'min(80vw, 26rem)' }} data-testid="pin-status">
          {outcome.text}
        </span>
      ) : (
        <span role="status" className="floating-status" data-testid="pin-status">
          {outcome?.text ?? ''}
        </span>
      )}
    </span>
  );
}
