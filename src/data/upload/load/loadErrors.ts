/** The load's own refusals, in words people can act on. */
import { errorMessage } from '../../../lib/errors';
import { quoteFileName, UploadError } from '../UploadError';

/** Any failure of a read, as an UploadError naming the file (an UploadError or a cancellation passes as it is). */
export function readError(fileName: string, cause: unknown): Error {
  if (cause instanceof UploadError || (cause instanceof DOMException && cause.name === 'AbortError')) return cause;
  return new UploadError(
    fileName,
    'read-failed',
    `${quoteFileName(fileName)} could not be read: ${errorMessage(cause).split('\n')[0]}. Check the delimiter, quote and encoding ` +
      'in the preview. Your other datasets are unchanged.',
    undefined,
    { cause },
  );
}

export function cancelled(fileName: string): DOMException {
  return new DOMException(`Loading ${fileName} was cancelled.`, 'AbortError');
}
