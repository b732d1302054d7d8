import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { prepareUpload } from '../../src/data/upload/prepare';
import { blobChunks, scanFile } from '../../src/data/upload/scanFile';
import { transcodeChunks } from '../../src/data/upload/transcode';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : /\.csv(\.gz)?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}
async function* rechunk(src: AsyncIterable<Uint8Array>, size: number) {
  for await (const c of src) for (let i = 0; i < c.length; i += size) yield c.subarray(i, i + size);
}
it('probe3', async () => {
  const out: string[] = [];
  for (const p of walk(CORPUS).sort()) {
    const name = path.basename(p);
    const file = new File([fs.readFileSync(p)], name);
    let prep;
    try { prep = await prepareUpload(file, name); } catch { continue; }
    const d = prep.sniff.dialect;
    const source = async (size: number) => {
      let chunks = rechunk(blobChunks(file, d.compression), size);
      if (d.encoding !== 'utf-8' || prep.sniff.lineEnding === 'cr' || prep.sniff.lineEnding === 'mixed') {
        const parts: Uint8Array[] = [];
        for await (const c of transcodeChunks(chunks, d.encoding, { normaliseLineEndings: true, stripBom: true })) parts.push(c);
        const all = Buffer.concat(parts);
        return { dialect: { ...d, encoding: 'utf-8' as const, compression: 'none' as const }, chunks: rechunk((async function* () { yield new Uint8Array(all); })(), size), all };
      }
      return { dialect: d, chunks, all: null };
    };
    const results: string[] = [];
    let ref: string | null = null;
    for (const size of p.endsWith('.gz') || fs.statSync(p).size > 300000 ? [1 << 20, 4093] : [1 << 20, 1, 2, 3, 5, 1021]) {
      const s = await source(size);
      const scan = await scanFile(s.chunks, s.dialect, { expectedFields: prep.plan.columns.length });
      const key = JSON.stringify({ r: scan.records, l: scan.lines, le: scan.lineEndings, nul: scan.nulByte, inv: scan.invalidUtf8, rc: scan.raggedCount, uq: scan.unterminatedQuote, bytes: scan.bytes, md5: s.all ? require('node:crypto').createHash('md5').update(s.all).digest('hex') : '' });
      if (ref === null) ref = key; else if (key !== ref) results.push(`size ${size}: ${key}`);
    }
    out.push(`${path.relative(CORPUS, p)} ${ref} ${results.length ? 'MISMATCH ' + results.join(' | ') : ''}`);
  }
  fs.writeFileSync('/tmp/probe/out3.txt', out.join('\n'));
});
