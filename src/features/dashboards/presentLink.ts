import { deflate } from '../../state/shareLink';
import { serializeDashboard, unpackDashboard, type Dashboard } from '../../state/dashboards';
import { withLanguage } from '../../i18n';

/** The parameter of a presentation link: the whole dashboard, deflated (`?present=…`). */
export const PRESENT_PARAM = 'present';

export async function presentationUrl(location: { origin: string; pathname: string }, dashboard: Dashboard): Promise<string> {
  // In the analyst's language, for an executive who has not chosen one.
  return `${location.origin}${location.pathname}?${withLanguage(`${PRESENT_PARAM}=${await deflate(JSON.stringify(dashboard))}`)}`;
}

/** The dashboard of a presentation link, validated; or why it cannot be shown. */
export function readPresentation(search: string): Promise<{ dashboard: Dashboard } | { error: string }> {
  return unpackDashboard(new URLSearchParams(search).get(PRESENT_PARAM) ?? '', 60_000, 'This dashboard link');
}

export { serializeDashboard };
