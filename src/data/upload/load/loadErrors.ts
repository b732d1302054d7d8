/** The load's own refusals, in words people can act on. */
import { t } from '../../../i18n';
import { messages } from '../messages';
import { errorMessage } from '../../../lib/errors';
import { quoteFileName, UploadError } from '../UploadError';

/** Any failure of a read, as an UploadError naming the file (an UploadError or a cancellation passes as it is). */
export function readError(fileName: string, cause: unknown): Error {
  if (cause instanceof UploadError || (cause instanceof DOMException && cause.name === 'AbortError')) return cause;
  return new UploadError(
    fileName,
    'read-failed',
    t(messages.readFailed, { file: quoteFileName(fileName), reason: errorMessage(cause).split('\n')[0] }),
    undefined,
    { cause },
  );
}

export function cancelled(fileName: string): DOMException {
  return new DOMException(t(messages.cancelled, { fileName }), 'AbortError');
}
