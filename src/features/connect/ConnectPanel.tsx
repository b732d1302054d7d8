import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ClickHouseError, createClickHouseClient, type ClickHouseClient, type ClickHouseConnection, type ClickHouseTable } from '../../data/clickhouse/clickHouseClient';
import { suggestClickHouseDataset, type ClickHouseDatasetDef } from '../../data/clickhouse/clickHouseModel';
import { datasetRegistry } from '../../data/datasets/registry';
import { RoleEditor } from './RoleEditor';
import { KeptClickHouseList } from './KeptClickHouseList';
import { errorText, localText, useIntlShape, useT, type Message, type ShownText } from '../../i18n';
import { messages } from './messages';
import './connect.css';

/** What went wrong and what to do, said when shown: they follow a language switch. */
type Failure = { message: ShownText; hint: ShownText | null };

/** ClickHouse's own name for the database a connection reads when it names none: a name, not a word to translate. */
const DEFAULT_DATABASE = 'default';

const failureOf = (e: unknown): Failure => ({
  message: errorText(e),
  hint: e instanceof ClickHouseError ? e.localHint : null,
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
  const tr = useT();
  const intl = useIntlShape();

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
      if (controller.signal.aborted) setError({ message: localText(messages.cancelled, { table: def.table }), hint: null });
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
        {tr(messages.title)}
      </h2>
      <p className="connect-lead">{tr(messages.lead)}</p>
      {kept.length > 0 ? <KeptClickHouseList datasets={kept} onOpen={onOpen} /> : null}
      {connections === null && !error ? (
        <p role="status" className="connect-note">
          {tr(messages.asking)}
        </p>
      ) : null}
      {connections?.length === 0 ? (
        <div className="connect-empty" data-testid="connect-none">
          <p>{tr(messages.none)}</p>
          <p className="connect-note">
            {intl.formatMessage(messages.howToAdd as Message, { code: (parts: ReactNode[]) => <code key={String(parts[0])}>{parts}</code> })}
          </p>
        </div>
      ) : null}
      {connections && connections.length > 0 ? (
        <div className="connect-pickers">
          <label className="field" htmlFor={`${ids}-connection`}>
            <span className="field-label">{tr(messages.connection)}</span>
            <select id={`${ids}-connection`} className="select" value={connection} onChange={(e) => setConnection(e.target.value)} data-testid="connect-connection">
              {connections.map((c) => (
                <option key={c.name} value={c.name}>
                  {tr(messages.connectionOption, { name: c.name, database: c.database || DEFAULT_DATABASE })}
                </option>
              ))}
            </select>
          </label>
          {tables ? (
            <label className="field" htmlFor={`${ids}-table`}>
              <span className="field-label">{tr(messages.table)}</span>
              <select id={`${ids}-table`} className="select" value={tableName} onChange={(e) => setTableName(e.target.value)} data-testid="connect-table">
                <option value="">{tr(messages.chooseTable)}</option>
                {tables.map((t) => (
                  <option key={t.name} value={t.name}>
                    {tr(messages.tableOption, { name: t.name, count: t.columns.length, engine: t.engine })}
                  </option>
                ))}
              </select>
            </label>
          ) : !error ? (
            <p role="status" className="connect-note">
              {tr(messages.listingTables, { connection })}
            </p>
          ) : null}
        </div>
      ) : null}
      {table && !def ? (
        <p role="alert" className="connect-problem">
          {tr(messages.notADataset, { table: table.name })}
        </p>
      ) : null}
      {table && def ? (
        <div className="connect-form">
          <RoleEditor key={`${def.connection}/${table.database}.${table.name}`} table={table} def={def} onChange={setDef} disabled={loading} />
          <div className="connect-actions">
            <button type="button" className="button" onClick={() => void load()} disabled={loading} data-testid="connect-load">
              {tr(messages.load, { table: table.name })}
            </button>
            {loading ? (
              <>
                <span role="status" className="connect-note" data-testid="connect-progress">
                  {tr(messages.grouping, { connection: def.connection, table: table.name })}
                </span>
                <button type="button" className="button" onClick={() => abort.current?.abort()} data-testid="connect-cancel">
                  {tr(messages.cancel)}
                </button>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {error ? (
        <div role="alert" className="connect-problem" data-testid="connect-error">
          <p>{tr(error.message)}</p>
          {error.hint ? <p>{tr(error.hint)}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
