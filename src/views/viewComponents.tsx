import { lazy, Suspense, type ComponentType } from 'react';
import { Skeleton } from '../ui/Panel';
import { OverviewView } from './overview/OverviewView';
import type { ViewProps } from './shared/viewProps';
import { tabLabel, TABS, type Tab } from './viewState';
import { useT } from '../i18n';
import { messages } from './messages';

type ViewModule = Record<string, ComponentType<ViewProps>>;

/**
 * Each view's component, found by where it lives: `src/views/<id>/<Name>View.tsx`, exporting `<Name>View` (so a new
 * view needs no line here). Every view but the first screen's loads when it is first opened: the overview is drawn
 * before the engine has started, and needs none of the others' code.
 */
const LOADERS = import.meta.glob<ViewModule>(['./*/*View.tsx', '!./overview/**']);

const LAZY_VIEWS = new Map<string, ComponentType<ViewProps>>(
  Object.entries(LOADERS).map(([path, load]) => {
    const [, folder = '', file = ''] = /^\.\/([^/]+)\/([^/]+)\.tsx$/.exec(path) ?? [];
    const component = lazy(() => load().then((module) => ({ default: module[file]! })));
    return [folder, component];
  }),
);

/**
 * A view's component once its code is loaded (for a render that must not suspend: finding the queries a view would
 * run, see src/features/workspace/prefetchIntent.tsx).
 */
export async function loadViewComponent(tab: Tab): Promise<ComponentType<ViewProps> | null> {
  if (tab === TABS[0]) return OverviewView;
  const entry = Object.entries(LOADERS).find(([path]) => path.startsWith(`./${tab}/`));
  if (!entry) return null;
  const [path, load] = entry;
  const file = /\/([^/]+)\.tsx$/.exec(path)?.[1] ?? '';
  return (await load())[file] ?? null;
}

/** The views that have a component, by id (the overview included): every registered one, as a test checks. */
export const VIEW_COMPONENT_IDS: readonly string[] = ['overview', ...LAZY_VIEWS.keys()];

/** The open view, with a placeholder while its code loads. */
export function ActiveView({ tab, ...props }: ViewProps & { tab: Tab }) {
  const tr = useT();
  if (tab === TABS[0]) return <OverviewView {...props} />;
  const View = LAZY_VIEWS.get(tab);
  if (!View) throw new Error(`the view "${tab}" has no component (src/views/${tab}/<Name>View.tsx)`);
  return (
    <Suspense fallback={<Skeleton height={420} label={tr(messages.loadingView, { view: tabLabel(tab) })} />}>
      <View {...props} />
    </Suspense>
  );
}
