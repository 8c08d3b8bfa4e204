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
 * Reads `GET /api/aws-organizations/snapshot` with the catalog's own service
 * credentials, conditionally on the last etag.
 */
export class SnapshotClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  async fetchSnapshot(etag?: string): Promise<SnapshotFetchResult> {
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
