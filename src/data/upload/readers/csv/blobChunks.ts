/** A Blob or File read as a stream of byte chunks, gunzipped on the way when it is gzip. */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
import { UploadError, quoteFileName } from '../../UploadError';

/**
 * Chunks of a Blob/File, optionally gunzipped. `chunkSize` (default 1 MiB) caps the size of each chunk, by views
 * without copying: Node hands out a small Blob as one huge chunk, and the scanner's loop runs faster (and reports
 * progress) on many medium ones.
 */
export async function* blobChunks(
  blob: Blob,
  compression: 'none' | 'gzip',
  chunkSize = 1 << 20,
): AsyncIterable<Uint8Array> {
  if (!(chunkSize >= 1)) throw new RangeError(`chunkSize must be at least 1, got ${chunkSize}`);
  const source =
    compression === 'gzip'
      ? blob.stream().pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
      : blob.stream();
  // A reader rather than `for await` over the stream: Safari's ReadableStream is not async-iterable.
  const reader = source.getReader();
  let done = false;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (compression !== 'gzip') throw cause;
        const name = 'name' in blob && typeof blob.name === 'string' ? blob.name : '';
        throw new UploadError(
          name,
          'decompression-failed',
          name ? t(messages.gzipDamaged, { file: quoteFileName(name) }) : t(messages.gzipDamagedUnnamed),
        );
      }
      if (result.done) {
        done = true;
        return;
      }
      const bytes = result.value;
      if (bytes.length <= chunkSize) {
        if (bytes.length > 0) yield bytes;
        continue;
      }
      for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.subarray(offset, offset + chunkSize);
    }
  } finally {
    // The consumer stopped early (or failed): stop reading and decompressing the rest.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
