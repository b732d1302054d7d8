import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, type Completion, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { sql, type SQLNamespace } from '@codemirror/lang-sql';
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { DuckDBDialect } from './duckdbDialect';
import { statementAt, type StatementRange } from './sqlText';
import type { WorkspaceTable } from './workspaceApi';

/** What the view asks of the editor beyond its text. */
export interface SqlEditorHandle {
  /** The selection, or the statement at the cursor. */
  statement(): StatementRange | null;
  /** Replaces the selection (or the whole text when nothing is selected) by `text`, as one undoable change. */
  replace(text: string, whole: boolean): void;
  selectionText(): string;
  focus(): void;
}

export interface SqlEditorProps {
  value: string;
  onChange: (text: string) => void;
  onRun: (statement: StatementRange) => void;
  tables: readonly WorkspaceTable[];
  /** An error to mark: where in the document, and DuckDB's message. */
  mark: { from: number; message: string } | null;
  label: string;
  editorRef: Ref<SqlEditorHandle>;
}

// Colours from the page's light/dark variables (src/app/styles.css, SqlView.css): readable in both themes.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword], color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--sql-type)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sql-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--sql-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.special(tags.name), color: 'var(--sql-type)' },
]);

const theme = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '14px', border: '1px solid var(--border)', borderRadius: '6px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '1px' },
  '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: 'var(--text)', minHeight: '9rem' },
  '.cm-gutters': { backgroundColor: 'var(--surface)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--sql-active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--sql-selection)' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
  '.cm-completionDetail': { color: 'inherit', opacity: '0.85' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--sql-error)', textUnderlineOffset: '3px' },
});

/** A name as lang-sql wants it: unquoted (it quotes what needs quoting itself). */
function bareName(name: string): string {
  return /^".*"$/s.test(name) ? name.slice(1, -1).replaceAll('""', '"') : name;
}

/** The schema completion: each table (with its description) and its columns with their types. */
export function completionSchema(tables: readonly WorkspaceTable[]): SQLNamespace {
  const namespace: Record<string, SQLNamespace> = {};
  for (const table of tables) {
    namespace[bareName(table.name)] = {
      self: { label: bareName(table.name), type: 'type', detail: table.label },
      children: table.columns.map((column) => ({ label: column.name, type: 'property', detail: column.type })),
    };
  }
  return namespace;
}

/**
 * The uploads' tables and the views' cubes under the names people know them by ("View cube: Sales by country"):
 * typing a word of that name offers it, and picking it writes the table's SQL name.
 */
export function readableTableCompletions(tables: readonly WorkspaceTable[]): Completion[] {
  return tables
    .filter((table) => table.source === 'upload' || table.source === 'view')
    .map((table) => ({
      // The description up to its legend of columns: "Upload: sales.csv, one row per line of the file".
      label: table.label.replace(/\s*\(.*$/s, ''),
      apply: table.name,
      detail: table.name,
      type: 'type',
      boost: -1,
    }));
}

function readableNames(tables: readonly WorkspaceTable[]): CompletionSource {
  const options = readableTableCompletions(tables);
  return (context) => {
    const word = context.matchBefore(/[\p{L}\p{N}_]+/u);
    if (options.length === 0 || (!word && !context.explicit)) return null;
    return { from: word?.from ?? context.pos, options, validFor: /^[\p{L}\p{N}_]*$/u };
  };
}

/** The language with completion of `tables`: their SQL names and columns, and the readable names above. */
export function languageFor(tables: readonly WorkspaceTable[]) {
  return [
    sql({ dialect: DuckDBDialect, upperCaseKeywords: true, schema: completionSchema(tables) }),
    DuckDBDialect.language.data.of({ autocomplete: readableNames(tables) }),
  ];
}

/**
 * The SQL editor (CodeMirror 6, DuckDB dialect): completion of the engine's tables and columns, Ctrl/Cmd+Enter runs
 * the statement at the cursor (or the selection). Tab is left to the browser, so the editor never traps the focus;
 * indentation is by spaces typed.
 */
export function SqlEditor({ value, onChange, onRun, tables, mark, label, editorRef }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The latest callbacks, read by the editor's handlers (created once).
  const callbacks = useRef({ onChange, onRun });
  callbacks.current = { onChange, onRun };

  useEffect(() => {
    const run = (editor: EditorView) => {
      const { from, to } = editor.state.selection.main;
      const statement = statementAt(editor.state.doc.toString(), from, to);
      if (statement) callbacks.current.onRun(statement);
      return true;
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ icons: false }),
          lintGutter(),
          syntaxHighlighting(highlight),
          // Long lines wrap: no scrolling region inside the editor, nothing wider than a phone.
          EditorView.lineWrapping,
          theme,
          placeholder('SELECT … (Ctrl+Enter runs the statement at the cursor)'),
          language.current.of(languageFor([])),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run, preventDefault: true }])),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', 'data-testid': 'sql-editor' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is made once; its text follows `value` below, its completion `tables`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Another tab, or a statement from a link: replace the text (not on every keystroke, which already matches).
  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, selection: { anchor: Math.min(editor.state.selection.main.head, value.length) } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: language.current.reconfigure(languageFor(tables)),
    });
  }, [tables]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const length = editor.state.doc.length;
    const diagnostics = mark && mark.from <= length
      ? [{ from: Math.min(mark.from, length), to: Math.min(wordEnd(editor.state.doc.toString(), mark.from), length), severity: 'error' as const, message: mark.message }]
      : [];
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [mark, value]);

  useImperativeHandle(editorRef, () => ({
    statement() {
      const editor = view.current;
      if (!editor) return null;
      const { from, to } = editor.state.selection.main;
      return statementAt(editor.state.doc.toString(), from, to);
    },
    selectionText() {
      const editor = view.current;
      if (!editor) return '';
      const { from, to } = editor.state.selection.main;
      return editor.state.sliceDoc(from, to);
    },
    replace(text, whole) {
      const editor = view.current;
      if (!editor) return;
      const { from, to } = whole ? { from: 0, to: editor.state.doc.length } : editor.state.selection.main;
      editor.dispatch({ changes: { from, to, insert: text } });
    },
    focus() {
      view.current?.focus();
    },
  }));

  return <div ref={host} className="sql-editor" />;
}

/** The end of the word an error points at (at least one character), so the mark is visible. */
function wordEnd(text: string, from: number): number {
  const match = /^[\w$."]+/.exec(text.slice(from, from + 200));
  return from + Math.max(1, match?.[0].length ?? 1);
}
