import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, NONE } from '../__testUtils__/backend';
import {
  findingsSnapshot,
  fixtureSignals,
  severities,
  startFindingsApi,
} from '../__testUtils__/findings';
import { governanceResolution } from '../__testUtils__/governance';
import { asUser, storeSnapshot } from '../__testUtils__/reviews';
import { AwsOrganizationsStore } from '../store/AwsOrganizationsStore';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

jest.setTimeout(120_000);

// payments-dev is owned by payments (priya); guest is in the admin group
// (platform); sam is in security, which owns nothing.
const PAYMENTS_DEV = '222222222222';
const PRIYA = asUser('priya.patel');
const SAM = asUser('sam');
const GUEST = asUser('guest');

const ROUTES = [
  `/accounts/${PAYMENTS_DEV}/findings/counts`,
  `/accounts/${PAYMENTS_DEV}/findings/history`,
  `/accounts/${PAYMENTS_DEV}/findings`,
  '/teams/default/payments/findings',
  '/findings/rollup',
];

/** Two syncs of counts, then one whose Security Hub read failed. */
async function recordHistory(store: AwsOrganizationsStore) {
  const first = fixtureSignals();
  first.findings[PAYMENTS_DEV].byOrigin['security-hub'] = severities({
    CRITICAL: 2,
  });
  const failed = fixtureSignals();
  failed.sources['security-hub'] = {
    status: 'not-connected',
    reason: 'denied',
    message: 'AccessDenied',
  };
  failed.sources['access-analyzer'] = failed.sources['security-hub'];
  const syncs = [
    {
      runId: 'run-1',
      readAt: new Date('2026-11-01T00:00:00Z'),
      signals: first,
    },
    {
      runId: 'run-2',
      readAt: new Date('2026-11-02T00:00:00Z'),
      signals: fixtureSignals(),
    },
    {
      runId: 'run-3',
      readAt: new Date('2026-11-03T00:00:00Z'),
      signals: failed,
    },
  ];
  for (const sync of syncs) {
    await store.db.transaction(trx => store.findingCounts.record(trx, sync));
  }
}

describe.each(databases.eachSupportedId())(
  'findings routes (%s)',
  databaseId => {
    it('require credentials on every route', async () => {
      const { api, stop } = await startFindingsApi(databases, databaseId);
      for (const path of ROUTES) {
        const res = await api.get(`${BASE}${path}`).set('Authorization', NONE);
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
      await stop();
    });

    it('answer 503 before the first snapshot, and 400 on bad input', async () => {
      const { api, stop, store } = await startFindingsApi(
        databases,
        databaseId,
        {
          stored: false,
        },
      );
      const early = await api
        .get(`${BASE}${ROUTES[0]}`)
        .set('Authorization', PRIYA);
      expect(early.status).toBe(503);
      await storeSnapshot(store, findingsSnapshot(), governanceResolution());
      for (const [path, message] of [
        ['/accounts/12345/findings', /account id/],
        ['/accounts/12345/findings/counts', /account id/],
        [
          `/accounts/${PAYMENTS_DEV}/findings?limit=0`,
          /limit: must be at least 1/,
        ],
        [`/accounts/${PAYMENTS_DEV}/findings?limit=501`, /at most 500/],
        [`/accounts/${PAYMENTS_DEV}/findings?limit=ten`, /limit/],
        [`/accounts/${PAYMENTS_DEV}/findings?other=1`, /other/],
        [`/accounts/${PAYMENTS_DEV}/findings/history?limit=366`, /at most 365/],
        ['/teams/default/not a team!/findings', /entity name/],
        ['/teams/default/payments/findings?limit=-1', /limit/],
        ['/findings/rollup?ou=x', /ou/],
        ['/findings/rollup?worst=0', /worst: must be at least 1/],
        ['/findings/rollup?worst=101', /worst: must be at most 100/],
        ['/findings/rollup?worst=all', /worst/],
      ] as const) {
        const res = await api.get(`${BASE}${path}`).set('Authorization', PRIYA);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      const unknown = await api
        .get(`${BASE}/accounts/999999999999/findings`)
        .set('Authorization', GUEST);
      expect(unknown.status).toBe(404);
      await stop();
    });

    it('serve counts to whom the policy allows, findings to the owner team and admins', async () => {
      const { api, stop } = await startFindingsApi(databases, databaseId);
      const own = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings/counts`)
        .set('Authorization', PRIYA);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({
        accountId: PAYMENTS_DEV,
        accountName: 'payments-dev',
        configured: true,
        total: severities({ CRITICAL: 1, HIGH: 3 }),
        byOrigin: {
          'security-hub': severities({ CRITICAL: 1, HIGH: 2 }),
          'access-analyzer-external': severities({ HIGH: 1 }),
        },
        agedCriticalHigh: [{ days: 30, count: 1 }],
        externalAccess: 1,
        config: { rules: { nonCompliant: 1 } },
        mayReadFindings: true,
      });
      // No findings of a connected origin is zero, not unknown.
      const sandbox = await api
        .get(`${BASE}/accounts/333333333333/findings/counts`)
        .set('Authorization', SAM);
      expect(sandbox.body).toMatchObject({
        byOrigin: {
          'security-hub': severities(),
          'access-analyzer-external': severities(),
        },
        externalAccess: 0,
        mayReadFindings: false,
      });
      expect(sandbox.body.byOrigin['access-analyzer-unused']).toBeUndefined();

      const other = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings/counts`)
        .set('Authorization', SAM);
      expect(other.status).toBe(200);
      expect(other.body.mayReadFindings).toBe(false);

      const findings = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings`)
        .set('Authorization', PRIYA);
      expect(findings.status).toBe(200);
      // No source is configured in this backend: said, not "no findings".
      expect(findings.body).toMatchObject({
        accountId: PAYMENTS_DEV,
        findings: [],
        notConnected: [
          {
            source: 'security-hub',
            message: expect.stringMatching(/not configured/),
          },
          {
            source: 'access-analyzer',
            message: expect.stringMatching(/not configured/),
          },
        ],
      });
      const denied = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings`)
        .set('Authorization', SAM);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toMatch(/findings\.read/);
      const admin = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings`)
        .set('Authorization', GUEST);
      expect(admin.status).toBe(200);
      await stop();
    });

    it('refuse counts outside the owner team when the policy says so', async () => {
      const { api, stop } = await startFindingsApi(databases, databaseId, {
        counts: 'owners',
      });
      for (const path of ROUTES.slice(0, 3)) {
        const res = await api.get(`${BASE}${path}`).set('Authorization', SAM);
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
      }
      const team = await api
        .get(`${BASE}/teams/default/payments/findings`)
        .set('Authorization', SAM);
      expect(team.status).toBe(200);
      expect(team.body.accounts).toEqual([
        {
          accountId: PAYMENTS_DEV,
          accountName: 'payments-dev',
          findingsIncluded: false,
        },
      ]);
      const rollup = await api
        .get(`${BASE}/findings/rollup`)
        .set('Authorization', PRIYA);
      const root = rollup.body.units[0];
      expect(root).toMatchObject({
        id: 'r-root',
        accountCount: 5,
        countedAccounts: 1,
        total: severities({ CRITICAL: 1, HIGH: 3 }),
      });
      const samRollup = await api
        .get(`${BASE}/findings/rollup`)
        .set('Authorization', SAM);
      expect(samRollup.body.units[0]).toMatchObject({
        countedAccounts: 0,
        total: severities(),
      });
      await stop();
    });

    it("roll counts up by OU and list a team's accounts", async () => {
      const { api, stop } = await startFindingsApi(databases, databaseId);
      const rollup = await api
        .get(`${BASE}/findings/rollup`)
        .set('Authorization', SAM);
      expect(rollup.status).toBe(200);
      const byId = Object.fromEntries(
        rollup.body.units.map((u: any) => [u.id, u]),
      );
      expect(byId['r-root']).toMatchObject({
        accountCount: 5,
        countedAccounts: 5,
        total: severities({ CRITICAL: 1, HIGH: 3, MEDIUM: 3 }),
      });
      expect(byId['ou-dev']).toMatchObject({
        parentId: 'r-root',
        total: severities({ CRITICAL: 1, HIGH: 3, MEDIUM: 3 }),
      });
      expect(byId['ou-sandbox'].total).toEqual(severities({ MEDIUM: 3 }));
      expect(byId['ou-prod'].total).toEqual(severities());
      expect(rollup.body.unitCount).toBe(rollup.body.units.length);

      // What the explorer's card shows: the root, the worst OUs and their
      // ancestors, not every OU of the organization.
      const worst = await api
        .get(`${BASE}/findings/rollup?worst=1`)
        .set('Authorization', SAM);
      expect(worst.status).toBe(200);
      expect(worst.body.units.map((u: any) => u.id)).toEqual([
        'r-root',
        'ou-dev',
      ]);
      expect(worst.body.unitCount).toBe(rollup.body.units.length);
      expect(worst.body.units[1]).toEqual(byId['ou-dev']);

      const team = await api
        .get(`${BASE}/teams/default/Platform/findings`)
        .set('Authorization', PRIYA);
      expect(team.status).toBe(200);
      expect(team.body).toMatchObject({
        teamRef: 'group:default/platform',
        findings: [],
      });
      expect(team.body.accounts.map((a: any) => a.accountName)).toEqual([
        'sandbox-a',
        'Sandbox-B',
      ]);
      expect(team.body.accounts[1]).toEqual({
        accountId: '555555555555',
        accountName: 'Sandbox-B',
        total: severities({ MEDIUM: 3 }),
        findingsIncluded: false,
      });
      const mine = await api
        .get(`${BASE}/teams/default/payments/findings`)
        .set('Authorization', PRIYA);
      expect(mine.body.accounts[0].findingsIncluded).toBe(true);
      expect(mine.body.notConnected).toEqual([
        expect.objectContaining({
          source: 'security-hub',
          accountId: PAYMENTS_DEV,
        }),
        expect.objectContaining({
          source: 'access-analyzer',
          accountId: PAYMENTS_DEV,
        }),
      ]);
      await stop();
    });

    it('serve the counts across syncs, keeping the last known value of a failed read', async () => {
      const { api, stop, store } = await startFindingsApi(
        databases,
        databaseId,
      );
      await recordHistory(store);
      const res = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings/history`)
        .set('Authorization', PRIYA);
      expect(res.status).toBe(200);
      // The third sync read nothing (Security Hub denied): no point, the
      // second sync's counts stay the last known.
      expect(res.body).toEqual({
        accountId: PAYMENTS_DEV,
        points: [
          {
            readAt: '2026-11-01T00:00:00.000Z',
            byOrigin: {
              'security-hub': severities({ CRITICAL: 2 }),
              'access-analyzer-external': severities({ HIGH: 1 }),
            },
            total: severities({ CRITICAL: 2, HIGH: 1 }),
          },
          {
            readAt: '2026-11-02T00:00:00.000Z',
            byOrigin: {
              'security-hub': severities({ CRITICAL: 1, HIGH: 2 }),
              'access-analyzer-external': severities({ HIGH: 1 }),
            },
            total: severities({ CRITICAL: 1, HIGH: 3 }),
          },
        ],
      });
      const last = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings/history?limit=1`)
        .set('Authorization', PRIYA);
      expect(last.body.points.map((p: any) => p.readAt)).toEqual([
        '2026-11-02T00:00:00.000Z',
      ]);
      // Retention keeps the latest sync whatever its age.
      expect(await store.findingCounts.prune(new Date('2027-01-01'))).toBe(1);
      const kept = await api
        .get(`${BASE}/accounts/${PAYMENTS_DEV}/findings/history`)
        .set('Authorization', PRIYA);
      expect(kept.body.points).toHaveLength(1);
      await stop();
    });
  },
);
