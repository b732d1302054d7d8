/**
 * The read step: DuckDB reads the file straight into the staging cube while the reader counts the file's records
 * itself; on two cores the two overlap. When the reader typed some fields and that went wrong, the file is read
 * again with every field as text.
 */
import type { Engine } from '../../../engine';
import type { OpenedSource, ReadPass, RecordCount } from '../readers/sourceReader';
import { readError } from './loadErrors';
import { cubeStatement, type LoadPlan } from './loadPlan';

export interface CubeRead {
  count: RecordCount;
  /** The pass whose cube stands, and the records the reader refused in it. */
  pass: ReadPass;
  readerRejected: number[];
  /** Fields the reader typed in that pass. */
  typed: number;
  /** Reads of the whole file so far. */
  reads: number;
  scanMs: number;
  loadMs: number;
}

export interface ReadContext {
  engine: Engine;
  fileName: string;
  onBytesRead: (bytesRead: number) => void;
  checkAborted: () => void;
}

export async function readIntoCube(load: LoadPlan, source: OpenedSource, context: ReadContext): Promise<CubeRead> {
  const { engine, fileName } = context;
  const started = performance.now();
  const first = await firstRead(load, source, context);
  context.checkAborted();
  let pass: ReadPass = 'load';
  let typed = first.typed;
  let reads = 1;
  let readerRejected = await source.readerRejectedRecords(pass);
  // The reader typed some fields on the word of the count's first chunk. If a later value was not plain, or the
  // reader refused a record (a typed value that does not cast, such as 2023-02-30, is one), read the file again
  // with every field as text: then the report is exactly that of the row-by-row conversion.
  if (typed.size > 0 && ([...typed].some((index) => first.count.unshaped.includes(index)) || readerRejected.length > 0)) {
    typed = new Set();
    pass = 'text';
    reads += 1;
    try {
      await engine.query(cubeStatement(load, source, pass, typed));
    } catch (cause) {
      throw readError(fileName, cause);
    }
    readerRejected = await source.readerRejectedRecords(pass);
  }
  return { count: first.count, pass, readerRejected, typed: typed.size, reads, scanMs: first.scanMs, loadMs: performance.now() - started };
}

/** The count and the 'load' read, together: the read starts once the count has seen the file's start. */
async function firstRead(
  load: LoadPlan,
  source: OpenedSource,
  { engine, fileName, onBytesRead }: ReadContext,
): Promise<{ count: RecordCount; typed: Set<number>; scanMs: number }> {
  const started = performance.now();
  const typable = source.typesFields ? load.typable : new Map();
  let firstChunk!: (unshaped: ReadonlySet<number>) => void;
  let countFailed!: (cause: unknown) => void;
  const firstChunkSeen = new Promise<ReadonlySet<number>>((resolve, reject) => {
    firstChunk = resolve;
    countFailed = reject;
  });
  let scanMs = 0;
  const counting = source
    .countRecords({
      onProgress: onBytesRead,
      shapes: new Map([...typable].map(([index, typing]) => [index, typing.shape])),
      onFirstChunk: firstChunk,
    })
    .then((count) => {
      scanMs = performance.now() - started;
      return count;
    });
  counting.catch(countFailed);
  let typed = new Set<number>();
  const loading = firstChunkSeen.then((unshaped) => {
    typed = new Set([...typable.keys()].filter((index) => !unshaped.has(index)));
    return engine.query(cubeStatement(load, source, 'load', typed));
  });
  loading.catch(() => {});
  try {
    const count = await counting;
    await loading;
    return { count, typed, scanMs };
  } catch (cause) {
    await loading.catch(() => {});
    throw readError(fileName, cause);
  }
}
