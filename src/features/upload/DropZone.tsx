import { useState } from 'react';
import { useT } from '../../i18n';
import { messages } from './messages';
import { FilePicker } from '../../ui/FilePicker';
import { acceptAttribute, chooseFilesLabel } from './acceptedFiles';

/** A file picker (keyboard reachable) inside an area that also takes files dropped on it. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [dragging, setDragging] = useState(false);
  const tr = useT();
  return (
    <div
      className={`drop-zone${dragging ? ' is-dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onFiles([...event.dataTransfer.files]);
      }}
    >
      <FilePicker multiple accept={acceptAttribute()} testId="upload-input" onFiles={onFiles}>
        {chooseFilesLabel()}
      </FilePicker>
      <span className="drop-hint">{tr(messages.dropHint)}</span>
    </div>
  );
}
