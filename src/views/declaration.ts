import type { z } from 'zod/mini';
import type { Setting, SettingValues } from '../state/viewState';
import type { LocalText } from '../i18n';

/**
 * What a view knows of the dataset when it checks its settings: the range shown (already checked), the dimensions
 * and the members of each. A DatasetModel and a DatasetCatalog give it (src/data/querySlice.ts); this layer sits
 * below src/data, so it names only what it reads.
 */
export interface ResolveContext {
  from: string;
  to: string;
  /** The dataset's dimensions; the first is the one series and marks are drawn per (the marketplace). */
  dimensions: readonly { id: string; label: string; labelText?: LocalText; rollsUpTo?: string; display?: 'text' | 'country' }[];
  /** The members of a dimension, largest first; none for an unknown id. */
  membersOf: (dimensionId: string) => readonly string[];
  /** Where a setting that cannot be used says so: one sentence each, said when shown. */
  notices: LocalText[];
}

/**
 * A view of the workspace, declared in its own folder (src/views/<id>/declaration.ts) and listed once in
 * src/views/registry.ts; everything else is derived from the declarations: the view state and its URL codec, the
 * parameter names a dataset's columns must avoid, the tab bar, and what a snapshot may hold. Its component is
 * `src/views/<id>/View.tsx` (found by src/views/viewComponents.ts). The model is Mosaic's MosaicClient: a small
 * interface every view implements, so the page that hosts the views needs to know none of them.
 */
export interface ViewDeclaration<Id extends string, S extends Record<string, Setting<unknown>>, Resolved> {
  /** The view's id: its tab in the URL (`tab=map`), its key for selections and sorts. */
  id: Id;
  /** The tab's label. */
  label: string;
  /** The view's own settings: state field = URL parameter name → how it is checked and its default. */
  settings: S;
  /** The settings checked against the dataset: whatever cannot be used is replaced, with a notice. */
  resolve: (settings: SettingValues<S>, context: ResolveContext) => Resolved;
  /**
   * The shape of each kind of query result this view alone asks for (the first element of its query key), so that a
   * snapshot of a dashboard showing it can carry the figures (see src/data/snapshot.ts).
   */
  snapshot: Record<string, z.ZodMiniType>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds views of every settings type
export type AnyViewDeclaration = ViewDeclaration<string, Record<string, Setting<any>>, object>;

/** A view's declaration, with its types inferred; settings without a `resolve` are used as the link gives them. */
export function defineView<const Id extends string, S extends Record<string, Setting<unknown>>, Resolved extends object = SettingValues<S>>(
  declaration: Omit<ViewDeclaration<Id, S, Resolved>, 'resolve' | 'snapshot'> &
    Partial<Pick<ViewDeclaration<Id, S, Resolved>, 'resolve' | 'snapshot'>>,
): ViewDeclaration<Id, S, Resolved> {
  return {
    resolve: (settings) => ({ ...settings }) as unknown as Resolved,
    snapshot: {},
    ...declaration,
  };
}
