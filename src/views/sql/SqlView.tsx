import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../../lib/errors';
import { useViewState } from '../useViewState';
import type { ViewProps } from '../shared/viewProps';
import { MAX_SQL_TEXT } from './declaration';
import { sqlPanelTitle } from './panelTitle';
import { SchemaBrowser } from './SchemaBrowser';
import { SqlEditor, type SqlEditorHandle } from './SqlEditor';
import { seconds, SqlResults } from './SqlResults';
import { sqlResultQuery, type SqlResultData } from './sqlResultQuery';
import type { StatementRange } from './sqlText';
import { fetchWorkspaceSchema, WorkspaceQueryError } from './workspaceApi';
import {
  addTab,
  addToHistory,
  closeTab,
  readHistory,
  readTabs,
  setTabText,
  tabsForStatement,
  writeHistory,
  writeTabs,
  type HistoryEntry,
  type TabsState,
} from './workspaceStorage';
import './SqlView.css';
import { useLocale, useT } from '../../i18n';
import { formatWhole } from '../../lib/format';
import { messages } from './messages';

/** Marks, not words: a tab's close button (named by its aria-label) and a statement cut short. */
const CLOSE_MARK = '\u00D7';
const ELLIPSIS = '\u2026';

/** What a first visit's editor holds: a question over the bundled data, ready to run. */
export const EXAMPLE_SQL = `-- Ctrl+Enter (⌘+Enter) runs the statement at the cursor, or the selection.
-- Ctrl+Space completes the names listed under "Tables and columns". Only reading is allowed.
SELECT month, sum(visitors) AS visitors, sum(orders) AS orders
FROM market_monthly
WHERE country = 'RU'
GROUP BY month
ORDER BY month;
`;

/**
 * The SQL workspace: any read-only statement over the engine's tables, written with completion, run with
 * Ctrl/Cmd+Enter, its result as a table or a chart. The statement shown lives in the link (`sql`), so a result can be
 * pinned, presented and shared like any view; the editor's tabs and the history stay in this browser. On a
 * dashboard (read-only), the panel shows the result alone.
 */
export function SqlView(props: ViewProps) {
  const { readOnly } = useViewState();
  const tr = useT();
  const query = useQuery(sqlResultQuery(props.options.sql));
  if (readOnly) {
    return (
      <div className="sql-view sql-view-presented" data-testid="sql-view">
        {props.options.sql ? (
          <details className="sql-statement">
            <summary>{tr(messages.statement)}</summary>
            <pre data-testid="sql-statement">{props.options.sql}</pre>
          </details>
        ) : (
          <p>{tr(messages.noStatement)}</p>
        )}
        <SqlResults query={query} options={props.options} update={props.update} readOnly cancelled={false} />
      </div>
    );
  }
  return <SqlWorkspace {...props} query={query} />;
}

function SqlWorkspace({ options, update, query }: ViewProps & { query: UseQueryResult<SqlResultData> }) {
  const client = useQueryClient();
  const tr = useT();
  const editor = useRef<SqlEditorHandle>(null);
  const [tabs, setTabs] = useState<TabsState>(() => tabsForStatement(readTabs(EXAMPLE_SQL), options.sql));
  const [history, setHistory] = useState<HistoryEntry[]>(() => readHistory());
  const [cancelled, setCancelled] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Where in the editor the last statement run began, to mark its error there (the same text may stand twice).
  const [ranFrom, setRanFrom] = useState<number | null>(null);
  // The tables' labels are text: listed again in a new language.
  const locale = useLocale();
  const schema = useQuery({ queryKey: ['sqlWorkspaceSchema', locale], queryFn: fetchWorkspaceSchema, staleTime: 0, retry: false });
  const active = tabs.tabs.find((tab) => tab.id === tabs.active) ?? tabs.tabs[0]!;

  useEffect(() => setTabs((current) => tabsForStatement(current, options.sql)), [options.sql]);
  useEffect(() => writeTabs(tabs), [tabs]);
  useEffect(() => writeHistory(history), [history]);
  // Every run lands in the history once it has an answer: its rows, or null for a failure.
  useEffect(() => {
    if (query.data) setHistory((past) => addToHistory(past, { sql: query.data.sql, at: Date.now(), rows: query.data.rowCount }));
  }, [query.data]);
  useEffect(() => {
    if (query.isError && options.sql) setHistory((past) => addToHistory(past, { sql: options.sql, at: Date.now(), rows: null }));
  }, [query.isError, query.errorUpdatedAt, options.sql]);

  const elapsed = useElapsed(query.isFetching);
  const run = (statement: StatementRange | null) => {
    setProblem(null);
    if (!statement) return setProblem(tr(messages.nothingAtCursor));
    if (statement.text.length > MAX_SQL_TEXT) return setProblem(tr(messages.tooLong, { length: formatWhole(statement.text.length), max: formatWhole(MAX_SQL_TEXT) }));
    setCancelled(false);
    setRanFrom(statement.from);
    if (statement.text === options.sql) void query.refetch();
    else update({ sql: statement.text });
  };
  const cancel = () => {
    setCancelled(true);
    void client.cancelQueries({ queryKey: sqlResultQuery(options.sql).queryKey });
  };
  const format = async () => {
    const { format: formatSql } = await import('sql-formatter');
    const selected = editor.current?.selectionText() ?? '';
    try {
      editor.current?.replace(formatSql(selected || active.text, { language: 'duckdb', keywordCase: 'upper' }), selected === '');
      setProblem(null);
    } catch (error) {
      setProblem(tr(messages.cannotFormat, { error: errorMessage(error) }));
    }
  };

  // An error's position is within the statement run: find that statement in the editor to mark it.
  const error = query.error;
  const at = !options.sql ? -1 : ranFrom !== null && active.text.startsWith(options.sql, ranFrom) ? ranFrom : active.text.indexOf(options.sql);
  const mark = error instanceof WorkspaceQueryError && error.position !== null && at >= 0 ? { from: at + error.position, message: error.message } : null;

  return (
    // The pin button titles a pinned panel by data-pin-title (src/features/workspace/PinButton.tsx).
    <div className="sql-view" data-testid="sql-view" data-pin-title={options.sql.trim() ? sqlPanelTitle(options.sql) : undefined}>
      <details className="sql-side" open={typeof window !== 'undefined' && window.matchMedia?.('(min-width: 900px)').matches}>
        <summary>{tr(messages.tablesAndColumns)}</summary>
        {schema.isError ? (
          <p className="sql-notes">{tr(messages.cannotList, { error: errorMessage(schema.error) })}</p>
        ) : schema.data ? (
          <SchemaBrowser tables={schema.data} onInsert={(name) => editor.current?.replace(name, false)} />
        ) : (
          <p className="sql-notes">{tr(messages.listing)}</p>
        )}
      </details>
      <div className="sql-main">
        <div className="sql-tabs" role="group" aria-label={tr(messages.queryTabs)}>
          {tabs.tabs.map((tab) => (
            <span key={tab.id} className="sql-tab">
              <button type="button" className="sql-tab-name" aria-pressed={tab.id === tabs.active} onClick={() => setTabs({ ...tabs, active: tab.id })} data-testid="sql-tab">
                {tab.title}
              </button>
              <button type="button" className="sql-tab-close" aria-label={tr(messages.closeTab, { tab: tab.title })} onClick={() => setTabs(closeTab(tabs, tab.id))}>
                {CLOSE_MARK}
              </button>
            </span>
          ))}
          <button type="button" className="button button-quiet" onClick={() => setTabs(addTab(tabs, ''))} data-testid="sql-new-tab">
            {tr(messages.newTab)}
          </button>
        </div>
        <SqlEditor
          value={active.text}
          onChange={(text) => setTabs((current) => setTabText(current, current.active, text))}
          onRun={run}
          tables={schema.data ?? []}
          mark={mark}
          label={tr(messages.editorLabel, { tab: active.title })}
          editorRef={editor}
        />
        <div className="sql-actions">
          {query.isFetching ? (
            <button type="button" className="button" onClick={cancel} data-testid="sql-cancel">
              {tr(messages.cancel)}
            </button>
          ) : (
            <button type="button" className="button sql-run" onClick={() => run(editor.current?.statement() ?? null)} data-testid="sql-run">
              {tr(messages.run)}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => void format()} data-testid="sql-format">
            {tr(messages.format)}
          </button>
          <span className="sql-status" role="status" data-testid="sql-running">
            {query.isFetching ? tr(messages.running, { time: seconds(elapsed) }) : ''}
          </span>
          <HistoryList history={history} onPick={(sql) => setTabs(tabsForStatement(tabs, sql))} onClear={() => setHistory([])} />
        </div>
        {problem ? (
          <p className="sql-notes" role="alert">
            {problem}
          </p>
        ) : null}
        <SqlResults query={query} options={options} update={update} readOnly={false} cancelled={cancelled} />
      </div>
    </div>
  );
}

/** Milliseconds since `running` turned true, ticking while it stays so. */
function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = performance.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(performance.now() - start), 100);
    return () => clearInterval(timer);
  }, [running]);
  return elapsed;
}

function HistoryList({ history, onPick, onClear }: { history: readonly HistoryEntry[]; onPick: (sql: string) => void; onClear: () => void }) {
  const tr = useT();
  return (
    <details className="sql-history" data-testid="sql-history">
      <summary>{tr(messages.history, { count: history.length })}</summary>
      {history.length === 0 ? (
        <p className="sql-notes">{tr(messages.historyEmpty)}</p>
      ) : (
        <>
          <ol>
            {history.map((entry) => (
              <li key={`${entry.at}-${entry.sql}`}>
                <button type="button" className="link-button sql-history-item" onClick={() => onPick(entry.sql)} title={entry.sql}>
                  <code>{entry.sql.length > 120 ? entry.sql.slice(0, 120) + ELLIPSIS : entry.sql}</code>
                </button>
                <span className="sql-history-rows">{entry.rows === null ? tr(messages.historyFailed) : tr(messages.historyRows, { count: entry.rows, rows: formatWhole(entry.rows) })}</span>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-quiet" onClick={onClear}>
            {tr(messages.clearHistory)}
          </button>
        </>
      )}
    </details>
  );
}
