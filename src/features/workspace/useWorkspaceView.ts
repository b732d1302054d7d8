import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  catalogQuery,
  datasetRegistry,
  MARKET_MODEL,
  missingDatasetNotice,
  noticesStillTrue,
  resolveQuerySlice,
  uploadsListed,
  type ResolvedOptions,
  type QuerySlice,
} from '../../data';
import { canonicalViewSettings, useViewState, writeViewState, type ViewState } from '../../views';
import { localText, localTextKey, type LocalText } from '../../i18n';
import { messages } from './messages';
import { useFixedDatasets } from './fixedDatasets';

/**
 * The workspace's view: the URL state checked against the dataset. Notices about parts of the link that could not be
 * used stay on screen until dismissed, even after the URL has been rewritten without those parts.
 */
export function useWorkspaceView() {
  const { state: linkState, notices: syntaxNotices, update, readOnly } = useViewState();
  const registry = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);
  const listed = useSyncExternalStore(uploadsListed.subscribe, uploadsListed.get);
  // A snapshot's panels are drawn from the datasets it describes, whatever this browser holds.
  const fixed = useFixedDatasets();
  const datasets = fixed ?? registry;
  const entry = datasets.find((dataset) => dataset.id === linkState.dataset);
  // A link to a dataset this browser does not have falls back to the bundled one, once the kept uploads are listed.
  const missing = !entry && (listed || fixed !== null);
  const state = useMemo(
    () => (missing ? { ...linkState, dataset: MARKET_MODEL.id, filters: {}, selections: {}, measure: null } : linkState),
    [missing, linkState],
  );
  // Without its dataset, a view falls back to the bundled one (always first in the browser's list).
  const model = (entry ?? registry[0]!).model;
  const catalog = useQuery({ ...catalogQuery(state.dataset), enabled: Boolean(entry) || missing });
  const [stickyNotices, setStickyNotices] = useState<LocalText[]>([]);

  const resolved = useMemo(
    () => (catalog.data ? resolveQuerySlice(state, model, catalog.data) : null),
    [state, model, catalog.data],
  );

  const allNotices = useMemo(
    () => [
      ...syntaxNotices,
      ...(missing && fixed
        ? [localText(messages.notInSnapshot, { dataset: linkState.dataset })]
        : missing
        ? [missingDatasetNotice(linkState.dataset)]
        : []),
      ...(resolved?.notices ?? []),
    ],
    [syntaxNotices, resolved, missing, fixed, linkState.dataset],
  );

  useEffect(() => {
    if (allNotices.length === 0) return;
    // Each notice once, however often it was made: texts are equal when their keys are (the same in every language).
    setStickyNotices((previous) => [...new Map([...previous, ...allNotices].map((notice) => [localTextKey(notice), notice])).values()]);
    // Rewrite the link so that what it says is what is shown (not for a dashboard's fixed panels).
    if (readOnly) return;
    if (resolved) writeViewState(canonicalState(state, resolved.view, resolved.options));
    else if (syntaxNotices.length > 0) writeViewState(state);
  }, [allNotices, resolved, state, syntaxNotices, readOnly]);

  return {
    state,
    update,
    readOnly,
    model,
    datasets,
    catalog,
    view: resolved?.view ?? null,
    options: resolved?.options ?? null,
    // A dataset's "not in this browser" notice goes once the dataset is here (its file was just supplied).
    notices: noticesStillTrue(stickyNotices, datasets.map((dataset) => dataset.id)),
    dismissNotices: () => setStickyNotices([]),
  };
}

function canonicalState(state: ViewState, view: QuerySlice, options: ResolvedOptions): ViewState {
  return {
    ...state,
    // Each view's settings as its declaration resolved them (src/views/<id>/declaration.ts).
    ...canonicalViewSettings(state, options),
    selections: options.selections,
    measure: state.measure === null ? null : view.measureId,
    // Once either end of the range was given, write both: the other end was derived from it.
    from: state.from === null && state.to === null ? null : view.from,
    to: state.from === null && state.to === null ? null : view.to,
    // A custom comparison is written with both ends (one may have been derived); any other has none.
    compare: state.compare === 'custom' && !view.compareTo ? 'year' : state.compare,
    cfrom: state.compare === 'custom' && view.compareTo ? view.compareTo.from : null,
    cto: state.compare === 'custom' && view.compareTo ? view.compareTo.to : null,
    filters: view.filters,
  };
}
