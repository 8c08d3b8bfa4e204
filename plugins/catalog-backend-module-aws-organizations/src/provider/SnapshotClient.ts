import {
  SnapshotEnvelope,
  describeSchemaIssues,
  snapshotEnvelopeSchema,
  validateWithoutCopy,
} from '@aws-governance/plugin-aws-organizations-common';
import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { AWS_ORGANIZATIONS_PLUGIN_ID } from '../constants';

/**
 * What one conditional GET of the snapshot gave.
 *
 * - `ok`: a new envelope and its etag;
 * - `not-modified`: the etag sent is still current (304);
 * - `unavailable`: no snapshot to use; `reason` says why, `notFound` marks a
 *   404 (the backend has not synced yet, or is not installed).
 */
export type SnapshotFetchResult =
  | { status: 'ok'; envelope: SnapshotEnvelope; etag: string }
  | { status: 'not-modified' }
  | { status: 'unavailable'; reason: string; notFound?: boolean };

function messageOf(error: unknown): string | undefined {
  // Duck-typed: errors of the built-in fetch may come from another realm.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** An error's message and its cause's, e.g. "fetch failed (connect ECONNREFUSED …)". */
function describe(error: unknown): string {
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause ? `${message} (${cause})` : message;
}

/**
 * How long to wait before each new attempt after a transient failure (the
 * backend unreachable, the connection reset, a 502/503/504): three more
 * attempts within about 20 s. A refresh that still fails commits nothing and
 * the next scheduled one tries again.
 */
export const SNAPSHOT_RETRY_DELAYS_MS: readonly number[] = [
  1_000, 4_000, 15_000,
];

/** Statuses that say "try again", not "this request is wrong". */
const TRANSIENT_STATUSES = new Set([502, 503, 504]);

/**
 * Reads `GET /api/aws-organizations/snapshot` with the catalog's own service
 * credentials, conditionally on the last etag.
 */
export class SnapshotClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #retryDelaysMs: readonly number[];

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    /** Waits before each retry of a transient failure; default {@link SNAPSHOT_RETRY_DELAYS_MS}. */
    retryDelaysMs?: readonly number[];
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#retryDelaysMs = options.retryDelaysMs ?? SNAPSHOT_RETRY_DELAYS_MS;
  }

  /**
   * One conditional GET, retried after transient failures. The snapshot is
   * announced the moment it is stored, often while the backend that stored
   * it (in the same process as the catalog, in a small deployment) is still
   * busy judging it: a kept-alive connection the server dropped meanwhile
   * answers ECONNRESET, and without a retry the catalog would wait for its
   * next schedule.
   */
  async fetchSnapshot(etag?: string): Promise<SnapshotFetchResult> {
    for (let attempt = 0; ; attempt++) {
      const { transient, ...result } = await this.#fetchOnce(etag);
      const delay = this.#retryDelaysMs[attempt];
      if (!transient || delay === undefined) {
        return result as SnapshotFetchResult;
      }
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }

  async #fetchOnce(
    etag?: string,
  ): Promise<SnapshotFetchResult & { transient?: true }> {
    let response: Response;
    let url: string;
    try {
      url = `${await this.#discovery.getBaseUrl(
        AWS_ORGANIZATIONS_PLUGIN_ID,
      )}/snapshot`;
      const { token } = await this.#auth.getPluginRequestToken({
        onBehalfOf: await this.#auth.getOwnServiceCredentials(),
        targetPluginId: AWS_ORGANIZATIONS_PLUGIN_ID,
      });
      response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(etag ? { 'If-None-Match': etag } : {}),
        },
      });
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `the AWS Organizations backend could not be reached: ${describe(
          error,
        )}`,
        transient: true,
      };
    }
    if (response.status === 304) {
      return { status: 'not-modified' };
    }
    if (response.status === 404) {
      return {
        status: 'unavailable',
        notFound: true,
        reason: `${url} answered 404: no snapshot yet (the first sync has not completed, or the AWS Organizations backend is not installed)`,
      };
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      return {
        status: 'unavailable',
        reason: `${url} answered ${response.status} ${response.statusText}${
          text ? `: ${text.slice(0, 300)}` : ''
        }`,
        ...(TRANSIENT_STATUSES.has(response.status)
          ? { transient: true as const }
          : {}),
      };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `${url} answered with a body that is not JSON: ${describe(
          error,
        )}`,
      };
    }
    // In place: no copy of the parsed envelope beside it (tens of MB).
    const parsed = validateWithoutCopy(snapshotEnvelopeSchema, body);
    if (!parsed.success) {
      return {
        status: 'unavailable',
        reason: `${url} answered with an unusable envelope: ${describeSchemaIssues(
          parsed.error,
        )}`,
      };
    }
    const envelope = parsed.data;
    return {
      status: 'ok',
      envelope,
      etag: response.headers.get('etag') ?? envelope.etag,
    };
  }
}
