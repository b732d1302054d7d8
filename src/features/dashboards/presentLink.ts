import { deflate, inflate } from '../../state/shareLink';
import { parseDashboard, serializeDashboard, type Dashboard } from '../../state/dashboards';

/** The parameter of a presentation link: the whole dashboard, deflated (`?present=…`). */
export const PRESENT_PARAM = 'present';

export async function presentationUrl(location: { origin: string; pathname: string }, dashboard: Dashboard): Promise<string> {
  return `${location.origin}${location.pathname}?${PRESENT_PARAM}=${await deflate(JSON.stringify(dashboard))}`;
}

/** The dashboard of a presentation link, validated; or why it cannot be shown. */
export async function readPresentation(search: string): Promise<{ dashboard: Dashboard } | { error: string }> {
  const packed = new URLSearchParams(search).get(PRESENT_PARAM) ?? '';
  if (!/^[A-Za-z0-9_-]{1,60000}$/.test(packed)) return { error: 'This dashboard link is not valid.' };
  let text: string;
  try {
    text = await inflate(packed);
  } catch {
    return { error: 'This dashboard link is damaged (was it cut short?).' };
  }
  return parseDashboard(text);
}

export { serializeDashboard };
