import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip, constants as zlib } from 'node:zlib';
import {
  OrganizationSnapshot,
  ResolvedPrincipal,
  SnapshotResolution,
  describeSchemaIssues,
  storedSnapshotSchema,
  validateWithoutCopy,
} from '@aws-governance/plugin-aws-organizations-common';
import { Knex } from 'knex';
import { fromJson, toIso } from './timestamps';

const TABLE = 'aws_org_snapshots';
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * The stored `{snapshot, resolution}` JSON, parsed and validated against
 * the snapshot schema: a body this version cannot read is an error naming
 * what is wrong, not a cast that fails later. Validated in place: no copy
 * of the parsed snapshot beside it.
 */
export function parseStoredSnapshot(json: string): {
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
} {
  const parsed = validateWithoutCopy(storedSnapshotSchema, JSON.parse(json));
  if (!parsed.success) {
    throw new Error(
      `The stored snapshot is not valid: ${describeSchemaIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** The current snapshot's metadata: cheap to read, enough for an ETag check. */
export interface StoredSnapshotMeta {
  etag: string;
  runId?: string;
  readAt: string;
  storedAt: string;
  sizeBytes: number;
  storedBytes: number;
  /** Principals with assignments that map to no catalog entity. */
  unmappedPrincipals: ResolvedPrincipal[];
}

/** The stored body of a snapshot: the `{snapshot, resolution}` JSON. */
export interface StoredSnapshotBody {
  meta: StoredSnapshotMeta;
  /** Whether `body` is gzip (else the JSON's UTF-8 bytes). */
  gzip: boolean;
  body: Buffer;
}

/** A snapshot body ready to store: its JSON, compressed, and its etag. */
export interface EncodedSnapshot {
  etag: string;
  body: Buffer;
  sizeBytes: number;
}

/**
 * Encodes a `{snapshot, resolution}` JSON body: the etag is the sha256 of
 * the JSON, the stored body its gzip (level 6: ~10x smaller on snapshots).
 */
export async function encodeSnapshotBody(
  json: string,
): Promise<EncodedSnapshot> {
  const raw = Buffer.from(json, 'utf8');
  return {
    etag: createHash('sha256').update(raw).digest('hex'),
    body: await gzipAsync(raw, { level: zlib.Z_DEFAULT_COMPRESSION }),
    sizeBytes: raw.length,
  };
}

function toMeta(
  row: any,
  unmappedPrincipals: ResolvedPrincipal[] = fromJson<ResolvedPrincipal[]>(
    row.unmapped_principals_json,
  ) ?? [],
): StoredSnapshotMeta {
  return {
    etag: row.etag,
    ...(row.run_id !== null ? { runId: String(row.run_id) } : {}),
    readAt: toIso(row.read_at)!,
    storedAt: toIso(row.stored_at)!,
    sizeBytes: Number(row.size_bytes),
    storedBytes: Number(row.stored_bytes),
    unmappedPrincipals,
  };
}

/** The metadata without the unmapped principals (cheap, every request). */
const LIGHT_META_COLUMNS = [
  'id',
  'etag',
  'run_id',
  'read_at',
  'stored_at',
  'size_bytes',
  'stored_bytes',
];

const META_COLUMNS = [...LIGHT_META_COLUMNS, 'unmapped_principals_json'];

/** The current complete snapshot, one row, replaced atomically. */
export class SnapshotStore {
  readonly #db: Knex;
  /**
   * The unmapped principals of the row last read: a stored row never
   * changes (a new snapshot or resolution is a new row), and the list grows
   * with the Identity Store (megabytes of JSON at 100,000 principals), so it
   * is read and parsed once per row, not on every request's metadata read.
   */
  #unmapped?: { id: unknown; etag: string; list: ResolvedPrincipal[] };

  constructor(db: Knex) {
    this.#db = db;
  }

  async currentMeta(): Promise<StoredSnapshotMeta | undefined> {
    const row = await this.#db(TABLE)
      .select(LIGHT_META_COLUMNS)
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    const cached = this.#unmapped;
    if (cached && cached.id === row.id && cached.etag === row.etag) {
      return toMeta(row, cached.list);
    }
    const full = await this.#db(TABLE)
      .select(META_COLUMNS)
      .where('id', row.id)
      .first();
    // Replaced in between: the new current row.
    return full ? this.#remember(full) : this.currentMeta();
  }

  #remember(row: any): StoredSnapshotMeta {
    const meta = toMeta(row);
    this.#unmapped = {
      id: row.id,
      etag: row.etag,
      list: meta.unmappedPrincipals,
    };
    return meta;
  }

  /** The current snapshot's metadata and uncompressed JSON body. */
  async current(): Promise<
    { meta: StoredSnapshotMeta; json: string } | undefined
  > {
    const stored = await this.currentStored();
    if (!stored) {
      return undefined;
    }
    const json = stored.gzip
      ? (await gunzipAsync(stored.body)).toString('utf8')
      : stored.body.toString('utf8');
    return { meta: stored.meta, json };
  }

  /**
   * The current snapshot's metadata and body as stored (gzip, a tenth of
   * the JSON's size), for whoever streams it out without holding the JSON.
   */
  async currentStored(): Promise<StoredSnapshotBody | undefined> {
    const row = await this.#db(TABLE)
      .select([...META_COLUMNS, 'encoding', 'body'])
      .orderBy('id', 'desc')
      .first();
    if (!row) {
      return undefined;
    }
    return {
      meta: this.#remember(row),
      gzip: row.encoding === 'gzip',
      body: Buffer.from(row.body),
    };
  }

  /**
   * Replaces the current snapshot only if it is still the one with
   * `expectedEtag` (compare and swap, for updates computed from it). Returns
   * false, changing nothing, when another writer got there first.
   */
  async replaceIf(
    trx: Knex.Transaction,
    expectedEtag: string,
    options: Parameters<SnapshotStore['replace']>[1],
  ): Promise<boolean> {
    const deleted = await trx(TABLE).where('etag', expectedEtag).delete();
    if (deleted === 0) {
      return false;
    }
    await this.#insert(trx, options);
    return true;
  }

  /** Makes `encoded` the current snapshot, in the caller's transaction. */
  async replace(
    trx: Knex.Transaction,
    options: {
      /** The run that read the snapshot (kept by re-resolutions). */
      runId?: string;
      encoded: EncodedSnapshot;
      readAt: Date;
      storedAt: Date;
      unmappedPrincipals: ResolvedPrincipal[];
    },
  ): Promise<void> {
    await trx(TABLE).delete();
    await this.#insert(trx, options);
  }

  async #insert(
    trx: Knex.Transaction,
    options: Parameters<SnapshotStore['replace']>[1],
  ): Promise<void> {
    const { encoded } = options;
    await trx(TABLE).insert({
      run_id: options.runId ?? null,
      etag: encoded.etag,
      read_at: options.readAt,
      stored_at: options.storedAt,
      encoding: 'gzip',
      body: encoded.body,
      size_bytes: encoded.sizeBytes,
      stored_bytes: encoded.body.length,
      unmapped_principals_json: JSON.stringify(options.unmappedPrincipals),
    });
  }
}
