import type { Dialect, PreparedUpload } from '../../data/uploads';
import { useT, type Message } from '../../i18n';
import { ChoiceField } from './ChoiceField';
import { messages } from './messages';
import { readOptionsOf, type ReadOptions } from './readOptions';

const ENCODINGS: [Dialect['encoding'], string][] = [
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 / Latin-1'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
];
const DELIMITERS: [string, Message][] = [
  [',', messages.delimiterComma],
  [';', messages.delimiterSemicolon],
  ['\t', messages.delimiterTab],
  ['|', messages.delimiterPipe],
];
const QUOTES: [string, Message][] = [
  ['"', messages.quoteDouble],
  ["'", messages.quoteSingle],
];

/**
 * How a CSV file is read: encoding, delimiter, quote and header row, as detected and as the person corrects them.
 * Each change asks for the file to be read again with every current choice plus the changed one.
 */
export function CsvDialectChoices({ prepared, onReread }: { prepared: PreparedUpload; onReread: (options: ReadOptions) => void }) {
  const dialect = prepared.sniff.dialect;
  const tr = useT();
  const change = (changed: ReadOptions) => onReread({ ...readOptionsOf(dialect), ...changed });
  return (
    <>
      <ChoiceField
        label={tr(messages.encoding)}
        value={dialect.encoding}
        options={ENCODINGS}
        onChange={(encoding) => change({ encoding: encoding as Dialect['encoding'] })}
      />
      <ChoiceField
        label={tr(messages.delimiter)}
        value={dialect.delimiter}
        options={DELIMITERS.map(([value, text]) => [value, tr(text)])} onChange={(delimiter) => change({ delimiter })} />
      {/* The escape follows the quote: sniffing accepts only the quote itself or a backslash. */}
      <ChoiceField
        label={tr(messages.quote)}
        value={dialect.quote}
        options={QUOTES.map(([value, text]) => [value, tr(text)])} onChange={(quote) => change({ quote, escape: quote })} />
      <label className="check">
        <input type="checkbox" checked={dialect.header} onChange={(event) => change({ header: event.target.checked })} />
        {tr(messages.headerRow)}
      </label>
      <p className="dialect-facts">
        {[
          tr(messages.lineEndings, { ending: prepared.sniff.lineEnding.toUpperCase() }),
          ...(prepared.sniff.bom ? [tr(messages.byteOrderMark)] : []),
          ...(dialect.compression === 'gzip' ? ['gzip'] : []),
        ].join(' · ')}
      </p>
    </>
  );
}
