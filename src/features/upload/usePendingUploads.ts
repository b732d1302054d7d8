import { useState } from 'react';
import { prepareUpload, type PreparedUpload } from '../../data/uploads';
import { errorMessage } from '../../lib/errors';

/**
 * Files chosen or dropped and read far enough to show their form, and why the others could not be. Each file is
 * read on its own: one refused file does not stop the rest.
 */
export function usePendingUploads() {
  const [pending, setPending] = useState<PreparedUpload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);

  const add = async (files: readonly File[]) => {
    const next: PreparedUpload[] = [];
    const problems: string[] = [];
    for (const file of files) {
      try {
        next.push(await prepareUpload(file, file.name));
      } catch (error) {
        problems.push(errorMessage(error));
      }
    }
    setErrors(problems);
    setPending((previous) => [...previous, ...next]);
  };

  const remove = (prepared: PreparedUpload) => setPending((previous) => previous.filter((item) => item !== prepared));

  return { pending, errors, add, remove };
}
