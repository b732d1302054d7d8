import { useId, type ReactNode } from 'react';

/**
 * A button-styled label over a hidden file input: keyboard reachable, labelled by its text. Hands the chosen files
 * over and clears the input, so that choosing the same file again fires again.
 */
export function FilePicker(props: {
  children: ReactNode;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <>
      <label className="button" htmlFor={id}>
        {props.children}
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        data-testid={props.testId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </>
  );
}
