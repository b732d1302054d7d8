import { VIEW_STATE_VERSION } from './viewState';
import { t } from '../i18n';
import { messages } from './messages';

/**
 * Share links. A view's query string is readable and usually short; past {@link COMPRESS_ABOVE} characters (many
 * filter values, long member names) the shared link carries it deflated and base64url-encoded in one `z`
 * parameter: `?v=1&z=…`. Opening such a link expands it back into the plain query string before anything reads it,
 * so everything downstream (validation included) sees one format.
 */

/** Query strings longer than this are compressed in shared links (browsers and chat apps cope with ~2,000). */
export const COMPRESS_ABOVE = 1_000;
/** A compressed parameter longer than this is not expanded: no link needs it, and it bounds the work. */
const MAX_COMPRESSED_LENGTH = 32_000;
/** Nor is anything that expands beyond this. */
const MAX_EXPANDED_LENGTH = 200_000;

/** The link to share for a query string: the page's address with the query, compressed when long. */
export async function shareUrl(location: { origin: string; pathname: string }, search: string): Promise<string> {
  const plain = search.replace(/^\?/, '');
  const query = plain.length > COMPRESS_ABOVE ? `v=${VIEW_STATE_VERSION}&z=${await deflate(plain)}` : plain;
  return `${location.origin}${location.pathname}?${query}`;
}

/**
 * The plain query string of a compressed link, or null when `search` is not one. A `z` that does not expand (a
 * truncated or tampered link) gives `{ error }`: the caller shows the default view with a notice.
 */
export async function expandSearch(search: string): Promise<{ search: string } | { error: string } | null> {
  const params = new URLSearchParams(search);
  const packed = params.get('z');
  if (packed === null) return null;
  if (packed.length > MAX_COMPRESSED_LENGTH || !/^[A-Za-z0-9_-]*$/.test(packed)) {
    return { error: t(messages.compressedInvalid) };
  }
  try {
    return { search: await inflate(packed) };
  } catch {
    return { error: t(messages.compressedDamaged) };
  }
}

/** Text deflated and base64url-encoded, for links. */
export async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The reverse of {@link deflate}; throws on damaged input or past 200 kB of output. */
export async function inflate(packed: string): Promise<string> {
  const binary = atob(packed.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    // A small link that inflates to megabytes is an attack, not a view.
    if (size > MAX_EXPANDED_LENGTH) {
      await reader.cancel();
      throw new Error('too large');
    }
    parts.push(chunk.value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(parts as BlobPart[]).arrayBuffer());
}
