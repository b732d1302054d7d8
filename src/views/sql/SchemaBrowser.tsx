import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { fetchColumnSample, type WorkspaceTable } from './workspaceApi';

const SOURCE_LABELS: Record<WorkspaceTable['source'], string> = {
  bundled: 'Bundled data',
  upload: 'Your uploads',
  view: 'The views’ tables',
  reference: 'Reference tables',
};

/** The tables a statement can read, by where they come from: their columns and types, and a sample of values on demand. */
export function SchemaBrowser({ tables, onInsert }: { tables: readonly WorkspaceTable[]; onInsert: (text: string) => void }) {
  const sources = (Object.keys(SOURCE_LABELS) as WorkspaceTable['source'][]).filter((source) => tables.some((table) => table.source === source));
  return (
    <nav className="sql-schema" aria-label="Tables" data-testid="sql-schema">
      {tables.length === 0 ? <p className="sql-notes">No tables yet.</p> : null}
      {sources.map((source) => (
        <section key={source}>
          <h3 className="sql-schema-source">{SOURCE_LABELS[source]}</h3>
          <ul>
            {tables
              .filter((table) => table.source === source)
              .map((table) => (
                <li key={table.name}>
                  <details>
                    <summary data-testid="sql-schema-table">
                      <code>{table.name}</code>
                      <span className="sql-schema-label">{table.label}</span>
                    </summary>
                    <button type="button" className="button button-quiet sql-insert" onClick={() => onInsert(table.name)} aria-label={`Insert ${table.name} into the editor`}>
                      Insert name
                    </button>
                    <ul className="sql-schema-columns">
                      {table.columns.map((column) => (
                        <ColumnItem key={column.name} table={table.name} column={column} />
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

function ColumnItem({ table, column }: { table: string; column: { name: string; type: string } }) {
  const [open, setOpen] = useState(false);
  const sample = useQuery({
    queryKey: ['sqlColumnSample', table, column.name],
    queryFn: () => fetchColumnSample(table, column.name, 8),
    enabled: open,
    retry: false,
  });
  return (
    <li>
      <code>{column.name}</code> <span className="sql-column-type">{column.type}</span>{' '}
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-label={`${open ? 'Hide' : 'Show'} sample values of ${column.name}`}
        onClick={() => setOpen(!open)}
        data-testid="sql-sample-button"
      >
        {open ? 'hide' : 'sample'}
      </button>
      {open ? (
        <p className="sql-sample" role="status" data-testid="sql-sample">
          {sample.isPending
            ? 'Reading…'
            : sample.isError
              ? `Could not read a sample: ${errorMessage(sample.error)}`
              : sample.data.length === 0
                ? 'No values.'
                : sample.data.map((value) => JSON.stringify(value)).join(', ')}
        </p>
      ) : null}
    </li>
  );
}
