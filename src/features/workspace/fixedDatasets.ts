import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { DatasetEntry } from '../../data';

/**
 * Datasets given to a part of the page rather than looked up in this browser's list: a snapshot's, whose panels
 * must be drawn from its own descriptions even where the browser has no such dataset (or has another version).
 */
const FixedDatasets = createContext<readonly DatasetEntry[] | null>(null);

/** Shows its children these datasets, and only these. */
export function FixedDatasetsProvider({ datasets, children }: { datasets: readonly DatasetEntry[]; children: ReactNode }) {
  return createElement(FixedDatasets.Provider, { value: datasets }, children);
}

/** The datasets given by a {@link FixedDatasetsProvider} above, or null where the browser's own list applies. */
export function useFixedDatasets(): readonly DatasetEntry[] | null {
  return useContext(FixedDatasets);
}
