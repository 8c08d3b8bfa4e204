import { createGunzip } from 'node:zlib';
import { StoredSnapshotBody } from '../store/SnapshotStore';

/** The quoted strong ETag of a snapshot. */
export const quoteEtag = (etag: string) => `"${etag}"`;

/** Whether an If-None-Match header matches the current etag. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === '*' || tag === quoteEtag(etag) || tag === etag);
}

/**
 * The SnapshotEnvelope JSON made from the stored `{snapshot, resolution}`
 * body without parsing it, nor holding it uncompressed (tens of MB on large
 * organizations): the envelope's `etag` and `storedAt`, then the stored
 * JSON after its opening brace, decompressed chunk by chunk as it is sent.
 */
export async function* envelopeChunks(
  stored: StoredSnapshotBody,
): AsyncGenerator<Buffer> {
  const { meta } = stored;
  const head = JSON.stringify({ etag: meta.etag, storedAt: meta.storedAt });
  yield Buffer.from(`${head.slice(0, -1)},`, 'utf8');
  let chunks: AsyncIterable<Buffer> | Buffer[] = [stored.body];
  if (stored.gzip) {
    const gunzip = createGunzip();
    gunzip.end(stored.body);
    chunks = gunzip;
  }
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk[0] !== 0x7b) {
        throw new Error('The stored snapshot is not a JSON object');
      }
      yield chunk.subarray(1);
    } else if (chunk.length > 0) {
      yield chunk;
    }
  }
}
