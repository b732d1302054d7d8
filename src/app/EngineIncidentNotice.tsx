import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { engineIncident, onEngineLost } from '../engine';
import { datasetsChangedElsewhere } from '../data';

/**
 * When the query engine dies (DuckDB can fail fatally on some malformed input, or run out of memory), it is
 * replaced by a fresh one and every dataset is loaded into it again as the views ask for them. This re-runs the
 * views' queries once that happens and tells the user what happened, in words.
 */
export function EngineIncidentNotice() {
  const queryClient = useQueryClient();
  const incident = useSyncExternalStore(engineIncident.subscribe, engineIncident.get);
  const [dismissed, setDismissed] = useState(0);
  useEffect(
    () =>
      onEngineLost(() => {
        // Results already shown stay valid (the data did not change); they are fetched again from the new engine,
        // and queries that were running when it died are re-run rather than left failed.
        void queryClient.invalidateQueries();
      }),
    [queryClient],
  );
  // A dataset changed in another tab: results computed from its old version must not be shown.
  const changedElsewhere = useSyncExternalStore(datasetsChangedElsewhere.subscribe, datasetsChangedElsewhere.get);
  useEffect(() => {
    if (changedElsewhere > 0) void queryClient.invalidateQueries();
  }, [changedElsewhere, queryClient]);
  if (!incident || dismissed === incident.restarts) return null;
  const text =
    incident.state === 'restarting'
      ? 'The query engine stopped unexpectedly and is being restarted; your datasets will be loaded into it again.'
      : incident.state === 'restarted'
        ? 'The query engine stopped unexpectedly and was restarted. Your datasets are loaded again as you use them; nothing was lost.'
        : 'The query engine stopped unexpectedly and could not be restarted. Your uploaded files are still kept in this browser: reload the page to continue.';
  return (
    <div className="notices" role={incident.state === 'failed' ? 'alert' : 'status'} data-testid="engine-incident" data-state={incident.state}>
      <div>
        <p className="notices-title">{text}</p>
        <p className="notices-detail">What it reported: {incident.message}</p>
      </div>
      {incident.state !== 'restarting' ? (
        <button type="button" className="button button-quiet" onClick={() => setDismissed(incident.restarts)}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
