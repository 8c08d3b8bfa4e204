import { LoggerService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';

/** @internal */
export interface RouterOptions {
  logger: LoggerService;
  db: Knex;
}

/** @internal */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, db } = options;
  const router = Router();
  router.use(express.json());

  // Unauthenticated liveness and readiness: the process answers and its
  // database does. Says nothing about the organization.
  router.get('/health', async (_req, res) => {
    try {
      await db.raw('select 1');
      res.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      logger.error('Health check: database unreachable', error as Error);
      res.status(503).json({ status: 'error', database: 'unreachable' });
    }
  });

  return router;
}
