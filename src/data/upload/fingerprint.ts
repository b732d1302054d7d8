/**
 * A file's fingerprint: enough to tell, when a recipient drops a file for a shared view, whether it is the file the
 * view was made from — without reading all of a 1 GB file. SHA-256 over the size and the first and last MiB.
 */
export interface FileFingerprint {
  bytes: number;
  /** Hex SHA-256 of the size (8 bytes), the first MiB and the last MiB. */
  hash: string;
}

const EDGE = 1 << 20;

export async function fingerprintFile(file: Blob): Promise<FileFingerprint> {
  const size = new Uint8Array(8);
  new DataView(size.buffer).setBigUint64(0, BigInt(file.size));
  const head = new Uint8Array(await file.slice(0, EDGE).arrayBuffer());
  const tail = new Uint8Array(await file.slice(Math.max(EDGE, file.size - EDGE)).arrayBuffer());
  const data = new Uint8Array(size.length + head.length + tail.length);
  data.set(size, 0);
  data.set(head, size.length);
  data.set(tail, size.length + head.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return { bytes: file.size, hash: [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
}
