/**
 * One Excel cell as the canonical text of its value (see ../decoded/canonicalText.ts): numbers as plain decimals,
 * cells formatted as dates as `YYYY-MM-DD` (or `YYYY-MM-DD HH:MM:SS` when they carry a time), booleans `true` /
 * `false`, empty cells and empty strings null. Error cells (#DIV/0!, #N/A, …) and formulas saved without their value
 * cannot stand for a value: they are reported, never loaded as text.
 */
import { t } from '../../../../i18n';
import { messages } from '../../messages';
import { SSF, type CellObject } from '@e965/xlsx';
import { dateOrDateTimeFromMilliseconds, plainNumberText } from '../decoded/canonicalText';

/** A cell that holds no usable value, and why (for the message). */
export interface CellProblem {
  problem: string;
  /** What the cell shows in Excel. */
  shown: string;
}

/** Excel's error values by their code in the file (the BIFF codes SheetJS keeps in `v`). */
const ERROR_TEXTS: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

const MS_PER_DAY = 86_400_000;
/** Days from Excel's day 0 (1899-12-30, counting its phantom 1900-02-29) to 1970-01-01. */
const DAYS_1900_TO_UNIX = 25_569;
/** The 1904 date system (old Mac workbooks) counts from 1904-01-01. */
const DAYS_1904_TO_UNIX = 24_107;

/**
 * Milliseconds since 1970 of an Excel date serial, rounded to the second (a time stored as a fraction of a day
 * rarely lands on a whole millisecond). In the 1900 system Excel counts a 29 February 1900 that never was: serials
 * before it (1 January to 28 February 1900) are one day later than the calendar says.
 */
function serialToMilliseconds(serial: number, date1904: boolean): number {
  const offset = date1904 ? DAYS_1904_TO_UNIX : serial < 60 ? DAYS_1900_TO_UNIX - 1 : DAYS_1900_TO_UNIX;
  return Math.round(((serial - offset) * MS_PER_DAY) / 1000) * 1000;
}

export function cellText(cell: CellObject | null | undefined, date1904: boolean): string | null | CellProblem {
  if (!cell) return null;
  if (cell.t === 'e') {
    if (cell.v === undefined) return { problem: t(messages.excelFormulaNoValue), shown: cell.f ? `=${cell.f}` : t(messages.emptyFormula) };
    const shown = ERROR_TEXTS.get(cell.v as number) ?? `error ${String(cell.v)}`;
    return { problem: t(messages.excelErrorValue, { error: shown }), shown };
  }
  if (cell.v === undefined || cell.v === null) {
    return cell.f ? { problem: t(messages.excelFormulaNoValue), shown: `=${cell.f}` } : null;
  }
  switch (cell.t) {
    case 's':
      return cell.v === '' ? null : String(cell.v);
    case 'b':
      return cell.v ? 'true' : 'false';
    case 'n':
      return numberText(cell.v as number, cell.z, date1904);
    case 'd':
      return dateOrDateTimeFromMilliseconds((cell.v as Date).getTime()) ?? { problem: t(messages.excelDateOutside), shown: String(cell.v) };
    default:
      return null;
  }
}

function numberText(value: number, format: string | number | undefined, date1904: boolean): string | CellProblem {
  if (format === undefined || !SSF.is_date(format)) return plainNumberText(value);
  return (
    dateOrDateTimeFromMilliseconds(serialToMilliseconds(value, date1904)) ?? {
      problem: t(messages.excelNumberAsDate),
      shown: plainNumberText(value),
    }
  );
}
