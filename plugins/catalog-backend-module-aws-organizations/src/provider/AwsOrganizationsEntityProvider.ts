import {
  AWS_ORGANIZATIONS_SNAPSHOT_TOPIC,
  isUnknown,
  SnapshotEnvelope,
} from '@aws-governance/plugin-aws-organizations-common';
import type { AwsOrganizationsCatalogConfig } from '@aws-governance/plugin-aws-organizations-node';
import {
  AuthService,
  DiscoveryService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { EVENTS_SUBSCRIBER_ID } from '../constants';
import {
  AwsOrganizationsTransformers,
  defaultTransformers,
} from './defaultTransformers';
import { readEntities } from './read';
import { SnapshotClient } from './SnapshotClient';

/**
 * What one refresh did.
 *
 * - `applied`: a full mutation with `entities` entities was committed; with
 *   `kept`, a delta mutation (adds and updates, removes nothing) because
 *   part of the snapshot is unknown (the RCPs): the catalog keeps what it
 *   has of that part, and entities gone from AWS go at the next full one;
 * - `unchanged`: the backend answered 304 for the last etag;
 * - `unavailable`: no snapshot could be had, nothing committed;
 * - `incomplete`: the snapshot was incomplete, nothing committed;
 * - `failed`: reading or committing threw, nothing committed (or the catalog
 *   rejected the mutation).
 *
 * @public
 */
export type AwsOrganizationsRefreshResult =
  | { status: 'applied'; entities: number; etag: string; kept?: string }
  | { status: 'unchanged' }
  | { status: 'unavailable'; reason: string }
  | { status: 'incomplete'; reasons: string[] }
  | { status: 'failed'; error: Error };

/**
 * Options of {@link AwsOrganizationsEntityProvider}.
 *
 * @public
 */
export interface AwsOrganizationsEntityProviderOptions {
  config: AwsOrganizationsCatalogConfig;
  logger: LoggerService;
  discovery: DiscoveryService;
  auth: AuthService;
  /** Runs the periodic refresh, e.g. `scheduler.createScheduledTaskRunner(config.schedule)`. */
  taskRunner: SchedulerServiceTaskRunner;
  /** When given, the provider also refreshes on `aws-organizations.snapshot` events. */
  events?: EventsService;
  /** Replacements of the default transformers. */
  transformers?: Partial<AwsOrganizationsTransformers>;
  /**
   * Waits, in milliseconds, before each new attempt of a snapshot fetch that
   * failed transiently (unreachable, connection reset, 502/503/504); default
   * 1 s, 4 s, 15 s. `[]` turns retries off.
   */
  retryDelaysMs?: readonly number[];
}

function count(entities: DeferredEntity[]): string {
  const counts = new Map<string, number>();
  for (const { entity } of entities) {
    const type =
      (entity.spec as { type?: unknown } | undefined)?.type ?? entity.kind;
    const key =
      entity.kind === 'Resource' ? String(type) : entity.kind.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${n} ${k}`).join(', ');
}

/**
 * Writes the AWS organization to the catalog: pulls the latest snapshot from
 * the AWS Organizations backend on a schedule and on each new sync, and
 * commits a full mutation of root, OU, account, SCP and permission set
 * entities. When no usable snapshot can be had it commits nothing, so the
 * catalog keeps what it has.
 *
 * @public
 */
export class AwsOrganizationsEntityProvider implements EntityProvider {
  readonly #config: AwsOrganizationsCatalogConfig;
  readonly #logger: LoggerService;
  readonly #client: SnapshotClient;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #events?: EventsService;
  readonly #transformers: AwsOrganizationsTransformers;
  #connection?: EntityProviderConnection;
  #etag?: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: AwsOrganizationsEntityProviderOptions) {
    this.#config = options.config;
    this.#logger = options.logger.child({
      target: this.getProviderName(),
    });
    this.#client = new SnapshotClient(options);
    this.#taskRunner = options.taskRunner;
    this.#events = options.events;
    this.#transformers = { ...defaultTransformers, ...options.transformers };
  }

  getProviderName(): string {
    return 'AwsOrganizationsEntityProvider';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        await this.refresh('schedule');
      },
    });
    await this.#events?.subscribe({
      id: EVENTS_SUBSCRIBER_ID,
      topics: [AWS_ORGANIZATIONS_SNAPSHOT_TOPIC],
      onEvent: async () => {
        await this.refresh('event');
      },
    });
  }

  /**
   * The entities of a snapshot envelope, as a full mutation would commit
   * them. Does no I/O.
   */
  async read(envelope: SnapshotEnvelope): Promise<DeferredEntity[]> {
    return readEntities(envelope, {
      namespace: this.#config.namespace,
      fallbackOwner: this.#config.fallbackOwner,
      emitMissingPrincipals: this.#config.emitMissingPrincipals,
      transformers: this.#transformers,
    });
  }

  /**
   * Asks the backend for a newer snapshot and commits it. Refreshes run one
   * at a time, in the order asked.
   */
  refresh(
    trigger: 'schedule' | 'event' | 'manual' = 'manual',
  ): Promise<AwsOrganizationsRefreshResult> {
    const run = this.#queue.then(() => this.#refreshOnce(trigger));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #refreshOnce(trigger: string): Promise<AwsOrganizationsRefreshResult> {
    const connection = this.#connection;
    if (!connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const startedAt = Date.now();
    const fetched = await this.#client.fetchSnapshot(this.#etag);
    if (fetched.status === 'not-modified') {
      this.#logger.debug(
        `Snapshot unchanged (etag ${
          this.#etag
        }), nothing to commit [${trigger}]`,
      );
      return { status: 'unchanged' };
    }
    if (fetched.status === 'unavailable') {
      const message = `No AWS organization snapshot to commit, the catalog keeps the entities it has: ${fetched.reason} [${trigger}]`;
      if (fetched.notFound) {
        this.#logger.info(message);
      } else {
        this.#logger.warn(message);
      }
      return { status: 'unavailable', reason: fetched.reason };
    }
    const { envelope, etag } = fetched;
    if (envelope.snapshot.complete === false) {
      const reasons = envelope.snapshot.incompleteReasons ?? [];
      this.#logger.warn(
        `The snapshot read at ${
          envelope.snapshot.readAt
        } is incomplete, not committing it; the catalog keeps the entities it has: ${
          reasons.join('; ') || 'no reason given'
        } [${trigger}]`,
      );
      return { status: 'incomplete', reasons };
    }
    try {
      const entities = await this.read(envelope);
      const rcps = envelope.snapshot.resourceControlPolicies;
      const kept = isUnknown(rcps)
        ? `the resource control policies are unknown (${rcps.reason}), the catalog keeps their entities`
        : undefined;
      if (kept) {
        // A full mutation would delete the RCP entities: never delete on a
        // partial read.
        this.#logger.warn(
          `Committing as a delta, nothing removed: ${kept} [${trigger}]`,
        );
        await connection.applyMutation({
          type: 'delta',
          added: entities,
          removed: [],
        });
      } else {
        await connection.applyMutation({ type: 'full', entities });
      }
      this.#etag = etag;
      this.#logger.info(
        `Committed ${entities.length} entities (${count(
          entities,
        )}) of organization ${
          envelope.snapshot.organization.id
        } from the snapshot read at ${
          envelope.snapshot.readAt
        } (etag ${etag}) in ${Date.now() - startedAt} ms [${trigger}]`,
      );
      return {
        status: 'applied',
        entities: entities.length,
        etag,
        ...(kept ? { kept } : {}),
      };
    } catch (error) {
      this.#logger.error(
        `Could not commit the snapshot read at ${envelope.snapshot.readAt}; the catalog keeps the entities it has [${trigger}]`,
        error as Error,
      );
      return { status: 'failed', error: error as Error };
    }
  }
}
