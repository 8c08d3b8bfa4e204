import { StoredSnapshotMeta } from '../store/SnapshotStore';

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
 * JSON without parsing it again (tens of MB on large organizations).
 */
export function envelopeJson(
  meta: StoredSnapshotMeta,
  storedJson: string,
): string {
  const head = JSON.stringify({ etag: meta.etag, storedAt: meta.storedAt });
  return `${head.slice(0, -1)},${storedJson.slice(1)}`;
}
