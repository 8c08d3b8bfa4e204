import { NotAllowedError } from '@backstage/errors';
import {
  AccountFindingHistoryResponse,
  AccountFindingsPage,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsFindingsReadPermission,
  findingHistoryQuerySchema,
  findingsQuerySchema,
  findingsRollupQuerySchema,
  SignalSource,
} from '@aws-governance/plugin-aws-organizations-common';
import type { SignalsReader } from '@aws-governance/plugin-aws-organizations-node';
import express from 'express';
import Router from 'express-promise-router';
import { accountFindingCounts, findingsRollup } from '../governance/findings';
import { GovernanceState } from '../governance/createGovernanceState';
import { FindingCountsStore } from '../store/FindingCountsStore';
import { AccountPermissions } from './accountPermissions';
import { RouteAuth } from './authorize';
import { currentView, foundAccount } from './currentView';
import { parseAccountId, parseOrThrow } from './governanceQueries';
import { teamFindings } from './teamFindings';

/** Findings an account page asks for when it gives no `limit`. */
const DEFAULT_FINDINGS_LIMIT = 50;
/** Syncs of the trend when the page gives no `limit`. */
const DEFAULT_HISTORY_LIMIT = 90;

/** The sources that serve findings (Config and CloudTrail only counts and status). */
const FINDING_SOURCES: SignalSource[] = ['security-hub', 'access-analyzer'];

/** Options of {@link createFindingsRouter}. */
export interface FindingsRouterOptions {
  auth: RouteAuth;
  permissions: AccountPermissions;
  state: GovernanceState;
  store: FindingCountsStore;
  /** The on-demand reader of findings; absent when no signal source is configured. */
  signals?: Pick<SignalsReader, 'readAccountFindings'>;
}

/** The page of an account when no source serves findings. */
export function notConfiguredPage(accountId: string): AccountFindingsPage {
  return {
    accountId,
    findings: [],
    truncated: false,
    readAt: new Date().toISOString(),
    notConnected: FINDING_SOURCES.map(source => ({
      source,
      message: 'not configured (awsOrganizations.signals)',
    })),
  };
}

/**
 * The findings routes: counts from the current snapshot
 * (`aws-organizations.finding-counts.read`), findings read on demand
 * (`aws-organizations.findings.read`), both resource permissions on the
 * account decided by the permission framework (a policy's conditional
 * decision, e.g. "member of the owner team", applied to the account).
 * Unknown accounts answer 404, invalid input 400.
 *
 * @internal
 */
export function createFindingsRouter(
  options: FindingsRouterOptions,
): express.Router {
  const { auth, permissions, state, store, signals } = options;
  const router = Router();

  const readFindings = (accountId: string, limit: number) =>
    signals
      ? signals.readAccountFindings(accountId, { limit })
      : Promise.resolve(notConfiguredPage(accountId));

  router.get('/accounts/:id/findings/counts', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { index } = await currentView(state);
    foundAccount(index.accounts.get(id), id);
    const [counts, findings] = await Promise.all([
      permissions.allowed(
        credentials,
        awsOrganizationsFindingCountsReadPermission,
        [id],
      ),
      permissions.allowed(credentials, awsOrganizationsFindingsReadPermission, [
        id,
      ]),
    ]);
    if (!counts.has(id)) {
      throw new NotAllowedError(
        `You may not read the finding counts of account ${id} (aws-organizations.finding-counts.read)`,
      );
    }
    res.json(accountFindingCounts(index, id, findings.has(id)));
  });

  router.get('/accounts/:id/findings/history', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { limit } = parseOrThrow(
      findingHistoryQuerySchema,
      req.query,
      'query',
    );
    const { index } = await currentView(state);
    foundAccount(index.accounts.get(id), id);
    const allowed = await permissions.allowed(
      credentials,
      awsOrganizationsFindingCountsReadPermission,
      [id],
    );
    if (!allowed.has(id)) {
      throw new NotAllowedError(
        `You may not read the finding counts of account ${id} (aws-organizations.finding-counts.read)`,
      );
    }
    const body: AccountFindingHistoryResponse = {
      accountId: id,
      points: await store.history(id, limit ?? DEFAULT_HISTORY_LIMIT),
    };
    res.json(body);
  });

  router.get('/accounts/:id/findings', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { limit } = parseOrThrow(findingsQuerySchema, req.query, 'query');
    const { index } = await currentView(state);
    foundAccount(index.accounts.get(id), id);
    const allowed = await permissions.allowed(
      credentials,
      awsOrganizationsFindingsReadPermission,
      [id],
    );
    if (!allowed.has(id)) {
      throw new NotAllowedError(
        `You may not read the findings of account ${id}: only its owner team or an admin (aws-organizations.findings.read)`,
      );
    }
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(await readFindings(id, limit ?? DEFAULT_FINDINGS_LIMIT));
  });

  router.get('/teams/:namespace/:name/findings', async (req, res) => {
    const credentials = await auth.credentials(req);
    const { limit } = parseOrThrow(findingsQuerySchema, req.query, 'query');
    const view = await currentView(state);
    res.setHeader('Cache-Control', 'private, no-store');
    res.json(
      await teamFindings({
        params: req.params,
        limit: limit ?? 100,
        index: view.index,
        credentials,
        permissions,
        readFindings,
      }),
    );
  });

  router.get('/findings/rollup', async (req, res) => {
    const credentials = await auth.credentials(req);
    const { worst } = parseOrThrow(
      findingsRollupQuerySchema,
      req.query,
      'query',
    );
    const { index } = await currentView(state);
    const admitted = await permissions.admitted(
      credentials,
      awsOrganizationsFindingCountsReadPermission,
    );
    res.json(
      findingsRollup(
        index,
        accountId =>
          admitted.kind === 'all'
            ? true
            : admitted.kind === 'some' && admitted.accountIds.has(accountId),
        worst,
      ),
    );
  });

  return router;
}
