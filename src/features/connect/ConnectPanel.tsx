import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { ClickHouseError, createClickHouseClient, type ClickHouseClient, type ClickHouseConnection, type ClickHouseTable } from '../../data/clickhouse/clickHouseClient';
import { suggestClickHouseDataset, type ClickHouseDatasetDef } from '../../data/clickhouse/clickHouseModel';
import { datasetRegistry } from '../../data/datasets/registry';
import { RoleEditor } from './RoleEditor';
import { KeptClickHouseList } from './KeptClickHouseList';
import './connect.css';

type Failure = { message: string; hint: string | null };

const failureOf = (e: unknown): Failure => ({
  message: e instanceof Error ? e.message : String(e),
  hint: e instanceof ClickHouseError ? e.hint : null,
});

/**
 * "Connect to a table": the server's ClickHouse connections and their tables (with column types), roles suggested
 * from the types and editable, then the cube loaded as a dataset (kept in this browser: its definition, never
 * credentials). Native, labelled form controls: keyboard operable and narrow-screen friendly.
 */
export function ConnectPanel({ onOpen, client: given }: { onOpen: (datasetId: string) => void; client?: ClickHouseClient }) {
  const client = useRef(given ?? createClickHouseClient()).current;
  const ids = useId();
  const [connections, setConnections] = useState<ClickHouseConnection[] | null>(null);
  const [connection, setConnection] = useState('');
  const [tables, setTables] = useState<ClickHouseTable[] | null>(null);
  const [tableName, setTableName] = useState('');
  const [def, setDef] = useState<ClickHouseDatasetDef | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const registry = useSyncExternalStore(datasetRegistry.subscribe, datasetRegistry.get);

  useEffect(() => {
    const controller = new AbortController();
    client.listConnections(controller.signal).then(
      (list) => {
        setConnections(list);
        if (list[0]) setConnection(list[0].name);
      },
      (e: unknown) => controller.signal.aborted || setError(failureOf(e)),
    );
    return () => controller.abort();
  }, [client]);

  useEffect(() => {
    const chosen = connections?.find((c) => c.name === connection);
    if (!chosen) return;
    const controller = new AbortController();
    setTables(null);
    setTableName('');
    setError(null);
    client.listTables(chosen.name, chosen.database, controller.signal).then(setTables, (e: unknown) => controller.signal.aborted || setError(failureOf(e)));
    return () => controller.abort();
  }, [client, connection, connections]);

  useEffect(() => {
    const table = tables?.find((t) => t.name === tableName);
    setDef(table ? suggestClickHouseDataset(connection, table) : null);
  }, [tables, tableName, connection]);

  // Closing the panel while a cube loads cancels it (and ClickHouse's query with it).
  useEffect(() => () => abort.current?.abort(), []);

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
      if (controller.signal.aborted) setError({ message: `Cancelled: ${def.table} was not loaded, and nothing was added.`, hint: null });
      else setError(failureOf(e));
    } finally {
      setLoading(false);
      abort.current = null;
    }
  }

  const table = tables?.find((t) => t.name === tableName);
  const kept = registry.filter((entry) => entry.kind === 'clickhouse');
  return (
    <section className="connect-panel" aria-labelledby={`${ids}-title`} data-testid="connect-panel">
      <h2 className="connect-title" id={`${ids}-title`}>
        Connect to a ClickHouse table
      </h2>
      <p className="connect-lead">
        This server reads the table for you: ClickHouse groups it by month and by the dimensions you choose, and only that
        small result comes to this browser. Credentials stay on the server; this browser keeps the table&rsquo;s name and
        roles.
      </p>
      {kept.length > 0 ? <KeptClickHouseList datasets={kept} onOpen={onOpen} /> : null}
      {connections === null && !error ? (
        <p role="status" className="connect-note">
          Asking this server for its ClickHouse connections…
        </p>
      ) : null}
      {connections?.length === 0 ? (
        <div className="connect-empty" data-testid="connect-none">
          <p>This server offers no ClickHouse connection.</p>
          <p className="connect-note">
            To add one, start Marketscope with <code>npm start</code> and name the connection in the environment variable{' '}
            <code>MARKETSCOPE_CLICKHOUSE</code> (<code>name=http://host:8123;user=…;password=…;database=…</code>) or in{' '}
            <code>marketscope.connections.json</code> beside it, then open this panel again. The README&rsquo;s
            &ldquo;ClickHouse&rdquo; section has the details, and how to do the same behind nginx.
          </p>
        </div>
      ) : null}
      {connections && connections.length > 0 ? (
        <div className="connect-pickers">
          <label className="field" htmlFor={`${ids}-connection`}>
            <span className="field-label">Connection</span>
            <select id={`${ids}-connection`} className="select" value={connection} onChange={(e) => setConnection(e.target.value)} data-testid="connect-connection">
              {connections.map((c) => (
                <option key={c.name} value={c.name}>{`${c.name} (${c.database || 'default'})`}</option>
              ))}
            </select>
          </label>
          {tables ? (
            <label className="field" htmlFor={`${ids}-table`}>
              <span className="field-label">Table</span>
              <select id={`${ids}-table`} className="select" value={tableName} onChange={(e) => setTableName(e.target.value)} data-testid="connect-table">
                <option value="">Choose a table…</option>
                {tables.map((t) => (
                  <option key={t.name} value={t.name}>{`${t.name} (${t.columns.length} columns, ${t.engine})`}</option>
                ))}
              </select>
            </label>
          ) : !error ? (
            <p role="status" className="connect-note">{`Listing the tables of "${connection}"…`}</p>
          ) : null}
        </div>
      ) : null}
      {table && !def ? (
        <p role="alert" className="connect-problem">{`${table.name} needs a Date or DateTime column and a numeric column to be a dataset. Choose another table.`}</p>
      ) : null}
      {table && def ? (
        <div className="connect-form">
          <RoleEditor table={table} def={def} onChange={setDef} disabled={loading} />
          <div className="connect-actions">
            <button type="button" className="button" onClick={() => void load()} disabled={loading} data-testid="connect-load">
              Load {table.name} as a dataset
            </button>
            {loading ? (
              <>
                <span role="status" className="connect-note" data-testid="connect-progress">
                  {`ClickHouse (connection "${def.connection}") is grouping ${table.name} by month…`}
                </span>
                <button type="button" className="button" onClick={() => abort.current?.abort()} data-testid="connect-cancel">
                  Cancel
                </button>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="connect-problem" data-testid="connect-error">
          <p>{error.message}</p>
          {error.hint ? <p>{error.hint}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
