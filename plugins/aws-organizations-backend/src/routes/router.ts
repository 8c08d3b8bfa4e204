import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  awsOrganizationsAccessReadPermission,
  awsOrganizationsSyncTriggerPermission,
  DEFAULT_SYNC_MESSAGE_LIMIT,
  SyncRun,
  SyncStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import Router from 'express-promise-router';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import { GovernanceState } from '../governance/createGovernanceState';
import { SyncTrigger } from '../sync/triggerTypes';
import {
  redactChanges,
  teamLevelSyncStatus,
  visibleKinds,
} from './accessPolicy';
import { createRouteAuth, RouteAuth } from './authorize';
import { eventsStatus, EventsStatusSource } from './eventsStatus';
import { parseChangesQuery } from './changesQuery';
import { currentView } from './currentView';
import { ownedAccountIds } from '../governance/listAccounts';
import { createErrorFilter } from './errorFilter';
import { createGovernanceRouter } from './governanceRouter';
import { createRoleReachRouter } from './roleReachRouter';
import { parseSyncStatusQuery } from './governanceQueries';
import { envelopeChunks, matchesEtag, quoteEtag } from './snapshotResponse';

/** A run with its first `limit` errors and warnings, and their counts. */
function boundedRun(run: SyncRun, limit: number): SyncRun {
  return {
    ...run,
    errors: run.errors.slice(0, limit),
    warnings: run.warnings.slice(0, limit),
    errorCount: run.errors.length,
    warningCount: run.warnings.length,
  };
}

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  store: AwsOrganizationsStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  syncTrigger: SyncTrigger;
  governance: GovernanceState;
  /** Role hops the reach routes follow (`awsOrganizations.reach.maxDepth`); default 3. */
  reachDepth?: number;
  /** The events part of the sync status, when events are on. */
  events?: EventsStatusSource;
  /** The access review routes (`/reviews/...`), when the plugin serves them. */
  reviews?: (auth: RouteAuth) => express.Router;
  /** The findings routes (`/accounts/:id/findings...`, `/teams/...`, `/findings/rollup`). */
  findings?: (auth: RouteAuth) => express.Router;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, store, syncTrigger } = options;
  const auth = createRouteAuth(options);
  const router = Router();
  // Room for a 100 KB field, so that an oversized value is answered by the
  // validation naming it (400), not by the body parser (413).
  router.use(express.json({ limit: '256kb' }));

  // Unauthenticated liveness and readiness: the process answers and its
  // database does. Says nothing about the organization.
  router.get('/health', async (_req, res) => {
    try {
      await store.db.raw('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.error('Health check: database unreachable', error as Error);
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  router.get('/sync/status', async (req, res) => {
    const credentials = await auth.credentials(req);
    const { unmappedLimit, messageLimit = DEFAULT_SYNC_MESSAGE_LIMIT } =
      parseSyncStatusQuery(req.query);
    const [lastAttempt, current] = await Promise.all([
      store.runs.latest(),
      store.snapshots.currentMeta(),
    ]);
    const lastSuccess = current?.runId
      ? await store.runs.get(current.runId)
      : undefined;
    // A run's messages grow with the organization (a warning per account
    // whose roles could not be read): the first few and their counts.
    const status: SyncStatus = {
      ...(lastAttempt
        ? { lastAttempt: boundedRun(lastAttempt, messageLimit) }
        : {}),
      ...(lastSuccess
        ? { lastSuccess: boundedRun(lastSuccess, messageLimit) }
        : {}),
      ...(current
        ? { snapshotReadAt: current.readAt, snapshotEtag: current.etag }
        : {}),
      unmappedPrincipals: current?.unmappedPrincipals ?? [],
      unmappedPrincipalCount: current?.unmappedPrincipals?.length ?? 0,
      ...(options.events
        ? {
            events: await eventsStatus(
              options.events,
              store,
              lastSuccess,
              new Date(),
            ),
          }
        : {}),
    };
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const visible = mayReadAccess ? status : teamLevelSyncStatus(status);
    // The list grows with the Identity Store (33,000 users and groups at
    // data set L): a page such as the explorer asks for the count alone.
    res.json(
      unmappedLimit === undefined
        ? visible
        : {
            ...visible,
            unmappedPrincipals: visible.unmappedPrincipals.slice(
              0,
              unmappedLimit,
            ),
          },
    );
  });

  router.post('/sync', async (req, res) => {
    const credentials = await auth.credentials(req);
    await auth.require(
      credentials,
      awsOrganizationsSyncTriggerPermission,
      'You may not trigger a sync of the AWS Organization',
    );
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const response = await syncTrigger.trigger(
      principal.userEntityRef ?? principal.subject,
    );
    res.status(202).json(response);
  });

  // The whole snapshot holds every assignment: the catalog module reads it
  // with service credentials; people need the access permission.
  router.get('/snapshot', async (req, res) => {
    const credentials = await auth.credentials(req);
    await auth.require(
      credentials,
      awsOrganizationsAccessReadPermission,
      'You may not read the whole AWS organization snapshot (aws-organizations.access.read)',
    );
    const meta = await store.snapshots.currentMeta();
    if (!meta) {
      throw new NotFoundError(
        'No complete snapshot of the AWS Organization yet: the first sync has not finished (see GET /sync/status)',
      );
    }
    res.setHeader('ETag', quoteEtag(meta.etag));
    res.setHeader('Cache-Control', 'private, no-cache');
    if (matchesEtag(req.header('if-none-match'), meta.etag)) {
      res.status(304).end();
      return;
    }
    // Streamed from the stored gzip: the backend never holds the JSON of
    // the whole snapshot for this (the catalog reads it once per snapshot;
    // its refreshes in between get a 304).
    const stored = await store.snapshots.currentStored();
    if (!stored) {
      throw new NotFoundError('The snapshot was replaced; retry');
    }
    res.setHeader('ETag', quoteEtag(stored.meta.etag));
    res.type('application/json');
    try {
      await pipeline(envelopeChunks(stored), res);
    } catch (error) {
      // Headers are sent: the client sees a cut body, never a partial JSON
      // it could take for a snapshot.
      logger.error('Could not send the AWS organization snapshot', {
        error: (error as Error).message,
      });
    }
  });

  // Who-has-access entries (assignments, memberships) only with the access
  // permission; the rest of the history is for everyone signed in.
  // `owner`: the changes of the accounts the owner owns in the current
  // snapshot (a team page's recent changes), so 503 before the first one.
  router.get('/changes', async (req, res) => {
    const credentials = await auth.credentials(req);
    const { owner, ...query } = parseChangesQuery(req.query);
    const accountIds =
      owner === undefined
        ? undefined
        : ownedAccountIds((await currentView(options.governance)).index, owner);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const page = await store.changes.list({
      ...query,
      ...(accountIds ? { accountIds } : {}),
      kinds: visibleKinds(query.kinds, mayReadAccess),
    });
    res.json(mayReadAccess ? page : redactChanges(page));
  });

  router.use(
    createGovernanceRouter({ auth, state: options.governance, store }),
  );
  router.use(
    createRoleReachRouter({
      auth,
      state: options.governance,
      maxDepth: options.reachDepth ?? 3,
    }),
  );
  if (options.reviews) {
    router.use(options.reviews(auth));
  }
  if (options.findings) {
    router.use(options.findings(auth));
  }
  router.use(createErrorFilter(logger));

  return router;
}
