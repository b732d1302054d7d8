import type { Dialect, PreparedUpload } from '../../data/uploads';
import { ChoiceField } from './ChoiceField';
import { readOptionsOf, type ReadOptions } from './readOptions';

const ENCODINGS: [Dialect['encoding'], string][] = [
  ['utf-8', 'UTF-8'],
  ['windows-1252', 'Windows-1252 / Latin-1'],
  ['utf-16le', 'UTF-16 LE'],
  ['utf-16be', 'UTF-16 BE'],
];
const DELIMITERS: [string, string][] = [
  [',', 'Comma ,'],
  [';', 'Semicolon ;'],
  ['\t', 'Tab'],
  ['|', 'Pipe |'],
];
const QUOTES: [string, string][] = [
  ['"', 'Double quote "'],
  ["'", "Single quote '"],
];

/**
 * How a CSV file is read: encoding, delimiter, quote and header row, as detected and as the person corrects them.
 * Each change asks for the file to be read again with every current choice plus the changed one.
 */
export function CsvDialectChoices({ prepared, onReread }: { prepared: PreparedUpload; onReread: (options: ReadOptions) => void }) {
  const dialect = prepared.sniff.dialect;
  const change = (changed: ReadOptions) => onReread({ ...readOptionsOf(dialect), ...changed });
  return (
    <>
      <ChoiceField
        label="Encoding"
        value={dialect.encoding}
        options={ENCODINGS}
        onChange={(encoding) => change({ encoding: encoding as Dialect['encoding'] })}
      />
      <ChoiceField label="Delimiter" value={dialect.delimiter} options={DELIMITERS} onChange={(delimiter) => change({ delimiter })} />
      {/* The escape follows the quote: sniffing accepts only the quote itself or a backslash. */}
      <ChoiceField label="Quote" value={dialect.quote} options={QUOTES} onChange={(quote) => change({ quote, escape: quote })} />
      <label className="check">
        <input type="checkbox" checked={dialect.header} onChange={(event) => change({ header: event.target.checked })} />
        First row is the header
      </label>
      <p className="dialect-facts">
        Line endings: {prepared.sniff.lineEnding.toUpperCase()}
        {prepared.sniff.bom ? ' · byte-order mark' : ''}
        {dialect.compression === 'gzip' ? ' · gzip' : ''}
      </p>
    </>
  );
}
