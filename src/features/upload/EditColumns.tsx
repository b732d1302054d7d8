import { useEffect, useState } from 'react';
import { readKeptUpload, type DatasetEntry } from '../../data';
import { prepareUpload, type PlannedColumn, type PreparedUpload, type UnpivotPlan } from '../../data/uploads';
import { useT } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { messages } from './messages';
import { prepareArguments, readOptionsOfPlan } from './readOptions';
import { UploadForm } from './UploadForm';

type KeptUpload = { prepared: PreparedUpload; columns: PlannedColumn[]; unpivot?: UnpivotPlan } | { error: string };

/**
 * Changes the roles and formats of a loaded dataset: its kept file is read again with the dialect (or the sheet) it
 * was loaded with, the form starts from the columns as they were, and loading replaces the dataset (only if it
 * succeeds).
 */
export function EditColumns({ entry, onDone, onOpen }: { entry: DatasetEntry; onDone: () => void; onOpen: (id: string) => void }) {
  const kept = useKeptUpload(entry.id);
  const tr = useT();
  if (!kept) {
    const fileName = entry.manifest?.fileName;
    return <p className="upload-note">{fileName ? tr(messages.readingAgain, { fileName }) : tr(messages.readingTheFileAgain)}</p>;
  }
  if ('error' in kept) {
    return (
      <p role="alert" className="upload-error">
        {kept.error}
      </p>
    );
  }
  return (
    <UploadForm
      prepared={kept.prepared}
      replace={{ id: entry.id, columns: kept.columns, label: entry.model.label, unpivot: kept.unpivot }}
      onDone={onDone}
      onOpen={onOpen}
    />
  );
}

/** The dataset's kept file, read again as it was loaded, with the mapping it was loaded with; null while reading. */
function useKeptUpload(datasetId: string): KeptUpload | null {
  const [kept, setKept] = useState<KeptUpload | null>(null);
  useEffect(() => {
    let live = true;
    readKeptMapping(datasetId).then(
      (ready) => live && setKept(ready),
      (error: unknown) => live && setKept({ error: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [datasetId]);
  return kept;
}

async function readKeptMapping(datasetId: string): Promise<KeptUpload> {
  const { file, manifest } = await readKeptUpload(datasetId);
  // Read again as it was loaded: with its dialect, and a workbook from the sheet it was loaded from.
  const prepared = await prepareUpload(file, manifest.fileName, ...prepareArguments(readOptionsOfPlan(manifest.plan)));
  return { prepared, columns: manifest.plan.columns, unpivot: manifest.plan.unpivot };
}
