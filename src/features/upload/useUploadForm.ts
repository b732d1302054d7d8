import { useReducer } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { addUpload } from '../../data';
import { prepareUpload, type PreparedUpload } from '../../data/uploads';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { checkUploadForm } from './checkUploadForm';
import { messages } from './messages';
import { prepareArguments, type ReadOptions } from './readOptions';
import { initialUploadFormState, uploadFormReducer, type LoadedMapping } from './uploadFormReducer';

/** Editing a loaded dataset: its id (the load replaces it) and the mapping it was loaded with. */
export interface ReplacedDataset extends LoadedMapping {
  id: string;
}

/**
 * One file's upload form: its state (one reducer), what that state means for loading, and the two things that
 * leave the page: reading the file again with other choices, and loading it.
 */
export function useUploadForm(initial: PreparedUpload, replace?: ReplacedDataset) {
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(uploadFormReducer, undefined, () => initialUploadFormState(initial, replace));
  const checked = checkUploadForm(state);
  const { prepared } = state;

  const reread = async (options: ReadOptions) => {
    try {
      dispatch({ type: 'fileReread', prepared: await prepareUpload(prepared.file, prepared.fileName, ...prepareArguments(options)) });
    } catch (error) {
      dispatch({ type: 'rereadFailed', message: errorMessage(error) });
    }
  };

  const startLoad = async () => {
    const controller = new AbortController();
    dispatch({ type: 'loadStarted', controller });
    try {
      if (!checked.checkedPlan) throw new Error(checked.problems.join(' '));
      const { entry, report } = await addUpload(prepared.file, prepared.fileName, checked.checkedPlan, {
        replaceId: replace?.id,
        signal: controller.signal,
        onProgress: (progress) => dispatch({ type: 'loadProgressed', progress }),
      });
      // Results cached for the old columns must not be shown for the new ones.
      if (replace) await queryClient.invalidateQueries();
      dispatch({ type: 'loadSucceeded', report, datasetId: entry.id, notKept: entry.notKept });
    } catch (error) {
      dispatch({ type: 'loadFailed', message: loadFailureMessage(error, prepared.fileName) });
    }
  };

  return { state, dispatch, checked, reread, startLoad };
}

function loadFailureMessage(error: unknown, fileName: string): string {
  return error instanceof DOMException && error.name === 'AbortError'
    ? t(messages.loadCancelled, { fileName })
    : errorMessage(error);
}
