import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { catalogQuery, MARKET_MODEL, resolveView, type ResolvedOptions, type ResolvedView } from '../../data';
import { useViewState } from '../../state/useViewState';
import { writeViewState } from '../../state/useViewState';
import type { ViewState } from '../../state/viewState';

/**
 * The dashboard's view: the URL state checked against the dataset. Notices about parts of the link that could not be
 * used stay on screen until dismissed, even after the URL has been rewritten without those parts.
 */
export function useDashboardView() {
  const { state, notices: syntaxNotices, update } = useViewState();
  const catalog = useQuery(catalogQuery());
  const [stickyNotices, setStickyNotices] = useState<string[]>([]);

  const resolved = useMemo(
    () => (catalog.data ? resolveView(state, MARKET_MODEL, catalog.data) : null),
    [state, catalog.data],
  );

  const allNotices = useMemo(
    () => [...syntaxNotices, ...(resolved?.notices ?? [])],
    [syntaxNotices, resolved],
  );

  useEffect(() => {
    if (allNotices.length === 0) return;
    setStickyNotices((previous) => [...new Set([...previous, ...allNotices])]);
    // Rewrite the link so that what it says is what is shown.
    if (resolved) writeViewState(canonicalState(state, resolved.view, resolved.options));
    else if (syntaxNotices.length > 0) writeViewState(state);
  }, [allNotices, resolved, state, syntaxNotices]);

  return {
    state,
    update,
    catalog,
    view: resolved?.view ?? null,
    options: resolved?.options ?? null,
    notices: stickyNotices,
    dismissNotices: () => setStickyNotices([]),
  };
}

function canonicalState(state: ViewState, view: ResolvedView, options: ResolvedOptions): ViewState {
  return {
    ...state,
    grain: options.grain,
    base: state.base === null ? null : options.base,
    by: state.by === null ? null : options.by,
    mapMember: options.mapMember,
    selections: options.selections,
    measure: state.measure === null ? null : view.measureId,
    // Once either end of the range was given, write both: the other end was derived from it.
    from: state.from === null && state.to === null ? null : view.from,
    to: state.from === null && state.to === null ? null : view.to,
    filters: view.filters,
  };
}
