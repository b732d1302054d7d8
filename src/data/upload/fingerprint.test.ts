import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintFile } from './fingerprint';

const MIB = 1 << 20;
const bytesOf = (length: number, seed = 7) => Uint8Array.from({ length }, (_, index) => (index * 31 + seed) % 251);

describe('fingerprintFile', () => {
  it('is SHA-256 over the size (8 bytes, big-endian) and the whole of a small file', async () => {
    const content = new TextEncoder().encode('month,shop,orders\n2024-01,Alpha,3\n');
    const size = Buffer.alloc(8);
    size.writeBigUInt64BE(BigInt(content.length));
    const expected = createHash('sha256').update(size).update(content).digest('hex');
    expect(await fingerprintFile(new Blob([content]))).toEqual({ bytes: content.length, hash: expected });
  });

  it('tells files apart by their first and last MiB and their size, not by their middle', async () => {
    const content = bytesOf(3 * MIB);
    const print = await fingerprintFile(new Blob([content]));
    const changedAt = async (index: number) => {
      const copy = content.slice();
      copy[index] = (copy[index]! + 1) % 256;
      return (await fingerprintFile(new Blob([copy]))).hash;
    };
    expect((await fingerprintFile(new Blob([content.slice()]))).hash).toBe(print.hash);
    expect(await changedAt(10)).not.toBe(print.hash);
    expect(await changedAt(content.length - 10)).not.toBe(print.hash);
    expect(await changedAt(Math.floor(1.5 * MIB))).toBe(print.hash);
    expect((await fingerprintFile(new Blob([content, new Uint8Array(1)]))).bytes).toBe(content.length + 1);
  });
});
