import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { fetchColumnSample, type WorkspaceTable } from './workspaceApi';
import { useT, type Message } from '../../i18n';
import { messages } from './messages';

const SOURCE_LABELS: Record<WorkspaceTable['source'], Message> = {
  bundled: messages.bundled,
  upload: messages.uploads,
  view: messages.views,
  reference: messages.reference,
};

/** A space between inline elements (not text to translate). */
const SPACE = ' ';

/** The tables a statement can read, by where they come from: their columns and types, and a sample of values on demand. */
export function SchemaBrowser({ tables, onInsert }: { tables: readonly WorkspaceTable[]; onInsert: (text: string) => void }) {
  const tr = useT();
  const sources = (Object.keys(SOURCE_LABELS) as WorkspaceTable['source'][]).filter((source) => tables.some((table) => table.source === source));
  return (
    <nav className="sql-schema" aria-label={tr(messages.tables)} data-testid="sql-schema">
      {tables.length === 0 ? <p className="sql-notes">{tr(messages.noTables)}</p> : null}
      {sources.map((source) => (
        <section key={source}>
          <h2 className="sql-schema-source">{tr(SOURCE_LABELS[source])}</h2>
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
                    <button type="button" className="button button-quiet sql-insert" onClick={() => onInsert(table.name)} aria-label={tr(messages.insertLabel, { table: table.name })}>
                      {tr(messages.insert)}
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
  const tr = useT();
  const sample = useQuery({
    queryKey: ['sqlColumnSample', table, column.name],
    queryFn: () => fetchColumnSample(table, column.name, 8),
    enabled: open,
    retry: false,
  });
  return (
    <li>
      <code>{column.name}</code> <span className="sql-column-type">{column.type}</span>{SPACE}
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-label={tr(open ? messages.hideSample : messages.showSample, { column: column.name })}
        onClick={() => setOpen(!open)}
        data-testid="sql-sample-button"
      >
        {open ? tr(messages.hide) : tr(messages.sample)}
      </button>
      {open ? (
        <p className="sql-sample" role="status" data-testid="sql-sample">
          {sample.isPending
            ? tr(messages.reading)
            : sample.isError
              ? tr(messages.sampleFailed, { error: errorMessage(sample.error) })
              : sample.data.length === 0
                ? tr(messages.noValues)
                : sample.data.map((value) => JSON.stringify(value)).join(', ')}
        </p>
      ) : null}
    </li>
  );
}
