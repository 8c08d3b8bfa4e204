import { NotFoundError } from '@backstage/errors';
import {
  awsOrganizationsAccessReadPermission,
  awsOrganizationsAccessReportPermission,
  AccountCompliance,
} from '@aws-governance/plugin-aws-organizations-common';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express from 'express';
import Router from 'express-promise-router';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';
import {
  accessReportCsvChunks,
  accountAccess,
  accountAccessCsv,
  accountCompliance,
  accountDetail,
  accountGuardrails,
  complianceSummary,
  listAccounts,
  organizationTree,
  ownersCompliance,
  principalAccess,
  simulate,
} from '../governance';
import { GovernanceState } from '../governance/createGovernanceState';
import { currentView, foundAccount } from './currentView';
import {
  redactAccessEvidence,
  redactChanges,
  teamLevelAccess,
  visibleKinds,
} from './accessPolicy';
import { RouteAuth } from './authorize';
import {
  parseAccountId,
  parseAccountsQuery,
  parseComplianceSummaryQuery,
  parseOwnersQuery,
  parsePage,
  parsePrincipalPath,
  parseSimulationRequest,
  parseTreeQuery,
} from './governanceQueries';

const ACCESS_DENIED =
  'You may not see who has access to AWS accounts (aws-organizations.access.read)';

/**
 * The guardrails, access and compliance routes. Input is validated (400
 * with the reason), unknown accounts answer 404, and before the first
 * complete snapshot everything answers 503.
 *
 * @internal
 */
export function createGovernanceRouter(options: {
  auth: RouteAuth;
  state: GovernanceState;
  store: AwsOrganizationsStore;
}): express.Router {
  const { auth, state, store } = options;
  const router = Router();

  router.get('/accounts', async (req, res) => {
    await auth.credentials(req);
    const query = parseAccountsQuery(req.query);
    const { index, report } = await currentView(state);
    res.json(listAccounts(index, report, query));
  });

  router.get('/accounts/:id', async (req, res) => {
    await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { index, report } = await currentView(state);
    res.json(foundAccount(accountDetail(index, report, id), id));
  });

  router.get('/accounts/:id/guardrails', async (req, res) => {
    await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { index } = await currentView(state);
    res.json(foundAccount(accountGuardrails(index, id), id));
  });

  // Everyone signed in sees which groups reach the account; who holds
  // grants individually (users, group members) needs the permission.
  router.get('/accounts/:id/access', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const { index } = await currentView(state);
    const access = foundAccount(accountAccess(index, id), id);
    res.json(mayReadAccess ? access : teamLevelAccess(access));
  });

  // The same grants as /access, as the caller may see them, in the columns
  // and format of the organization's access report.
  router.get('/accounts/:id/access.csv', async (req, res) => {
    const credentials = await auth.downloadCredentials(req);
    const id = parseAccountId(req.params.id);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const { index, snapshot } = await currentView(state);
    const access = foundAccount(accountAccess(index, id), id);
    const visible = mayReadAccess ? access : teamLevelAccess(access);
    const date = snapshot.readAt.slice(0, 10);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="aws-account-${id}-access-${date}.csv"`,
      )
      .send(accountAccessCsv(index, index.accounts.get(id)!, visible.grants));
  });

  router.get('/accounts/:id/compliance', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const { report } = await currentView(state);
    const result = foundAccount(accountCompliance(report, id), id);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const body: AccountCompliance = mayReadAccess
      ? result
      : { ...result, results: redactAccessEvidence(result.results) };
    res.json(body);
  });

  router.get('/accounts/:id/history', async (req, res) => {
    const credentials = await auth.credentials(req);
    const id = parseAccountId(req.params.id);
    const page = parsePage(req.query);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    const { index } = await currentView(state);
    const history = await store.changes.list({
      accountId: id,
      kinds: visibleKinds(undefined, mayReadAccess),
      ...page,
    });
    // A removed account keeps its history; an id never seen is unknown.
    if (!index.accounts.has(id) && history.totalCount === 0) {
      throw new NotFoundError(
        `No account ${id} in the AWS Organization or its history`,
      );
    }
    res.json(mayReadAccess ? history : redactChanges(history));
  });

  router.get('/organization/tree', async (req, res) => {
    await auth.credentials(req);
    const query = parseTreeQuery(req.query);
    const { index, report } = await currentView(state);
    const tree = organizationTree(index, report, query);
    if (!tree) {
      throw new NotFoundError(
        `No organizational unit ${query.unit} in the AWS Organization`,
      );
    }
    res.json(tree);
  });

  router.get('/compliance/summary', async (req, res) => {
    const credentials = await auth.credentials(req);
    const query = parseComplianceSummaryQuery(req.query);
    const { index, report } = await currentView(state);
    const summary = complianceSummary(index, report, query);
    const mayReadAccess = await auth.isAllowed(
      credentials,
      awsOrganizationsAccessReadPermission,
    );
    res.json(
      mayReadAccess
        ? summary
        : {
            ...summary,
            organizationResults: redactAccessEvidence(
              summary.organizationResults,
            ),
          },
    );
  });

  router.get('/compliance/owners', async (req, res) => {
    await auth.credentials(req);
    const query = parseOwnersQuery(req.query);
    const { index, report } = await currentView(state);
    res.json(ownersCompliance(index, report, query));
  });

  router.post('/simulate', async (req, res) => {
    await auth.credentials(req);
    const request = parseSimulationRequest(req.body);
    const { index } = await currentView(state);
    res.json(foundAccount(simulate(index, request), request.accountId));
  });

  router.get('/principals/:kind/:namespace/:name/access', async (req, res) => {
    const credentials = await auth.credentials(req);
    const ref = parsePrincipalPath(req.params);
    // A group's reach is team level, for everyone; a person's access is
    // theirs to see, anyone else's needs the permission.
    const self =
      credentials.principal &&
      'userEntityRef' in (credentials.principal as object) &&
      String(
        (credentials.principal as { userEntityRef: string }).userEntityRef,
      ).toLocaleLowerCase('en-US') === ref;
    if (!ref.startsWith('group:') && !self) {
      await auth.require(
        credentials,
        awsOrganizationsAccessReadPermission,
        ACCESS_DENIED,
      );
    }
    const { index } = await currentView(state);
    res.json(principalAccess(index, ref));
  });

  router.get('/reports/access.csv', async (req, res) => {
    const credentials = await auth.downloadCredentials(req);
    await auth.require(
      credentials,
      awsOrganizationsAccessReportPermission,
      'You may not export the access report (aws-organizations.access-report.read)',
    );
    const current = await currentView(state);
    const date = current.snapshot.readAt.slice(0, 10);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="aws-access-${date}.csv"`,
      );
    // Streamed: at 5,000 accounts the report is ~1M rows (~240 MB).
    await pipeline(Readable.from(accessReportCsvChunks(current.index)), res);
  });

  return router;
}
