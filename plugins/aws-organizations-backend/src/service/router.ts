import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  awsOrganizationsSyncTriggerPermission,
  SyncStatus,
} from '@aws-governance/plugin-aws-organizations-common';
import express from 'express';
import Router from 'express-promise-router';
import { AwsOrganizationsStore } from '../database/AwsOrganizationsStore';
import { SyncTrigger } from '../services/SyncTrigger/types';
import { parseChangesQuery } from './changesQuery';
import { envelopeJson, matchesEtag, quoteEtag } from './snapshotResponse';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  store: AwsOrganizationsStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  syncTrigger: SyncTrigger;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, store, httpAuth, permissions, syncTrigger } = options;
  const router = Router();
  router.use(express.json());

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
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [lastAttempt, current] = await Promise.all([
      store.runs.latest(),
      store.snapshots.currentMeta(),
    ]);
    const lastSuccess = current?.runId
      ? await store.runs.get(current.runId)
      : undefined;
    const status: SyncStatus = {
      ...(lastAttempt ? { lastAttempt } : {}),
      ...(lastSuccess ? { lastSuccess } : {}),
      ...(current ? { snapshotReadAt: current.readAt } : {}),
      unmappedPrincipals: current?.unmappedPrincipals ?? [],
    };
    res.json(status);
  });

  router.post('/sync', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: awsOrganizationsSyncTriggerPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        'You may not trigger a sync of the AWS Organization',
      );
    }
    const principal = credentials.principal as {
      userEntityRef?: string;
      subject?: string;
    };
    const response = await syncTrigger.trigger(
      principal.userEntityRef ?? principal.subject,
    );
    res.status(202).json(response);
  });

  let cached: { etag: string; body: string } | undefined;
  router.get('/snapshot', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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
    if (cached?.etag !== meta.etag) {
      const current = await store.snapshots.current();
      if (!current) {
        throw new NotFoundError('The snapshot was replaced; retry');
      }
      cached = {
        etag: current.meta.etag,
        body: envelopeJson(current.meta, current.json),
      };
      res.setHeader('ETag', quoteEtag(current.meta.etag));
    }
    res.type('application/json').send(cached.body);
  });

  router.get('/changes', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const query = parseChangesQuery(req.query);
    res.json(await store.changes.list(query));
  });

  return router;
}
