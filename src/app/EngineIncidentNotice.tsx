import { useEffect, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { engineIncident, onEngineLost } from '../engine';
import { datasetsChangedElsewhere } from '../data';
import { useT } from '../i18n';
import { messages } from './messages';

/**
 * When the query engine dies (DuckDB can fail fatally on some malformed input, or run out of memory), it is
 * replaced by a fresh one and every dataset is loaded into it again as the views ask for them. This re-runs the
 * views' queries once that happens and tells the user what happened, in words.
 */
export function EngineIncidentNotice() {
  const queryClient = useQueryClient();
  const incident = useSyncExternalStore(engineIncident.subscribe, engineIncident.get);
  const [dismissed, setDismissed] = useState(0);
  const tr = useT();
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
      ? tr(messages.incidentRestarting)
      : incident.state === 'restarted'
        ? tr(messages.incidentRestarted)
        : tr(messages.incidentFailed);
  return (
    <div className="notices" role={incident.state === 'failed' ? 'alert' : 'status'} data-testid="engine-incident" data-state={incident.state}>
      <div>
        <p className="notices-title">{text}</p>
        <p className="notices-detail">{tr(messages.incidentReported, { message: incident.message })}</p>
      </div>
      {incident.state !== 'restarting' ? (
        <button type="button" className="button button-quiet" onClick={() => setDismissed(incident.restarts)}>
          {tr(messages.dismiss)}
        </button>
      ) : null}
    </div>
  );
}
