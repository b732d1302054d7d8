import { useEffect, useId, useRef, useState } from 'react';
import { ClickHouseError, createClickHouseClient, type ClickHouseClient, type ClickHouseConnection, type ClickHouseTable } from '../../data/clickhouse/clickHouseClient';
import { suggestClickHouseDataset, type ClickHouseDatasetDef } from '../../data/clickhouse/clickHouseModel';

/**
 * "Connect to a table": the server's ClickHouse connections and their tables (with column types), roles suggested
 * from the types and editable, then the cube loaded as a dataset. Native, labelled form controls: keyboard
 * operable and narrow-screen friendly.
 */
export function ConnectPanel({ onOpen, client: given }: { onOpen: (datasetId: string) => void; client?: ClickHouseClient }) {
  const client = useRef(given ?? createClickHouseClient()).current;
  const ids = useId();
  const [connections, setConnections] = useState<ClickHouseConnection[] | null>(null);
  const [connection, setConnection] = useState('');
  const [tables, setTables] = useState<ClickHouseTable[] | null>(null);
  const [tableName, setTableName] = useState('');
  const [def, setDef] = useState<ClickHouseDatasetDef | null>(null);
  const [error, setError] = useState<{ message: string; hint: string | null } | null>(null);
  const [loading, setLoading] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const fail = (e: unknown) => setError({ message: e instanceof Error ? e.message : String(e), hint: e instanceof ClickHouseError ? e.hint : null });

  useEffect(() => {
    const controller = new AbortController();
    client.listConnections(controller.signal).then((list) => {
      setConnections(list);
      if (list[0]) setConnection(list[0].name);
    }, (e: unknown) => controller.signal.aborted || fail(e));
    return () => controller.abort();
  }, [client]);

  useEffect(() => {
    const chosen = connections?.find((c) => c.name === connection);
    if (!chosen) return;
    const controller = new AbortController();
    setTables(null);
    setError(null);
    client.listTables(chosen.name, chosen.database, controller.signal).then(setTables, (e: unknown) => controller.signal.aborted || fail(e));
    return () => controller.abort();
  }, [client, connection, connections]);

  useEffect(() => {
    const table = tables?.find((t) => t.name === tableName);
    setDef(table ? suggestClickHouseDataset(connection, table) : null);
  }, [tables, tableName, connection]);

  async function load() {
    if (!def) return;
    const controller = new AbortController();
    abort.current = controller;
    setLoading(true);
    setError(null);
    try {
      const { addClickHouseDataset } = await import('../../data/datasets/addClickHouseDataset');
      const entry = await addClickHouseDataset(def, { signal: controller.signal, client });
      onOpen(entry.id);
    } catch (e) {
      if (!controller.signal.aborted) fail(e);
    } finally {
      setLoading(false);
      abort.current = null;
    }
  }

  const table = tables?.find((t) => t.name === tableName);
  return (
    <section className="connect-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Connect to a ClickHouse table</h2>
      {connections === null && !error ? <p role="status">Asking this server for its ClickHouse connections…</p> : null}
      {connections?.length === 0 ? <p>This server offers no ClickHouse connection. Configure one where Marketscope is served (see the README).</p> : null}
      {connections && connections.length > 0 ? (
        <p>
          <label htmlFor={`${ids}-connection`}>Connection</label>{' '}
          <select id={`${ids}-connection`} value={connection} onChange={(e) => setConnection(e.target.value)}>
            {connections.map((c) => (
              <option key={c.name} value={c.name}>{`${c.name} (${c.database || 'default'})`}</option>
            ))}
          </select>
        </p>
      ) : null}
      {tables ? (
        <p>
          <label htmlFor={`${ids}-table`}>Table</label>{' '}
          <select id={`${ids}-table`} value={tableName} onChange={(e) => setTableName(e.target.value)}>
            <option value="">Choose a table…</option>
            {tables.map((t) => (
              <option key={t.name} value={t.name}>{`${t.name} (${t.columns.length} columns, ${t.engine})`}</option>
            ))}
          </select>
        </p>
      ) : null}
      {table && !def ? <p role="alert">{`${table.name} needs a Date or DateTime column and a numeric column to be a dataset.`}</p> : null}
      {table && def ? (
        <fieldset>
          <legend>Roles of the columns of {table.name}</legend>
          <ul className="connect-columns">
            {table.columns.map((column) => {
              const role = column.name === def.time ? 'time' : def.dimensions.some((d) => d.column === column.name) ? 'dimension' : def.measures.some((m) => m.column === column.name) ? 'measure' : 'ignored';
              return (
                <li key={column.name}>
                  <code>{column.name}</code> <span>{column.type}</span> <span>{role}</span>
                  {role === 'dimension' || role === 'measure' ? (
                    <button
                      type="button"
                      aria-label={`Ignore ${column.name}`}
                      onClick={() =>
                        setDef({
                          ...def,
                          dimensions: def.dimensions.filter((d) => d.column !== column.name),
                          measures: def.measures.length > 1 ? def.measures.filter((m) => m.column !== column.name) : def.measures,
                        })
                      }
                    >
                      Ignore
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <button type="button" onClick={() => void load()} disabled={loading}>
            Load {table.name} as a dataset
          </button>{' '}
          {loading ? (
            <>
              <span role="status">Loading the monthly cube from ClickHouse…</span>{' '}
              <button type="button" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            </>
          ) : null}
        </fieldset>
      ) : null}
      {error ? (
        <div role="alert">
          <p>{error.message}</p>
          {error.hint ? <p>{error.hint}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
