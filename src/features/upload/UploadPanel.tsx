import { useId } from 'react';
import { useT } from '../../i18n';
import { messages } from './messages';
import { acceptedFilesInWords } from './acceptedFiles';
import { DatasetList } from './DatasetList';
import { DropZone } from './DropZone';
import { UploadForm } from './UploadForm';
import { usePendingUploads } from './usePendingUploads';
import './upload.css';

/**
 * Upload: pick or drop files, check the preview and the column roles, load. Each file goes through the same
 * steps; a failure shows what went wrong, where, and what to do, and leaves every other dataset as it was.
 */
export function UploadPanel({ onOpen }: { onOpen: (datasetId: string) => void }) {
  const { pending, errors, add, remove } = usePendingUploads();
  const inputId = useId();
  const tr = useT();
  return (
    <section className="upload" aria-labelledby={`${inputId}-title`} data-testid="upload-panel">
      <h2 id={`${inputId}-title`} className="upload-title">
        {tr(messages.title)}
      </h2>
      <p className="upload-lead">
        {tr(messages.lead, { files: acceptedFilesInWords() })}
      </p>
      <DropZone onFiles={(files) => void add(files)} />
      {errors.map((error) => (
        <p key={error} role="alert" className="upload-error" data-testid="upload-error">
          {error}
        </p>
      ))}
      {pending.map((prepared, index) => (
        <UploadForm key={`${prepared.fileName}-${index}`} prepared={prepared} onDone={() => remove(prepared)} onOpen={onOpen} />
      ))}
      <DatasetList onOpen={onOpen} />
    </section>
  );
}
