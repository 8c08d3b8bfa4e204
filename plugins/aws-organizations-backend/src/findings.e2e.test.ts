import {
  DEMO_SIGNAL_ACCOUNTS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  BASE,
  catalogEntities,
  SERVICE,
  syncNow,
} from './__testUtils__/backend';
import {
  emulatorSignalsConfig,
  severities,
  startFindingsApi,
} from './__testUtils__/findings';
import { asUser } from './__testUtils__/reviews';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

jest.setTimeout(180_000);

// payments-prod-us is owned by the payments team (priya); sam is in the
// security team, which owns other accounts.
const PAYMENTS = DEMO_SIGNAL_ACCOUNTS.payments;
const PRIYA = asUser('priya.patel');
const SAM = asUser('sam');
const CVE = 'CVE-2024-3094 - xz-utils';

/**
 * End to end against the emulator through the real SDK and the real
 * permission framework: the sync reads the demo's detectors, the owner
 * team reads its account's findings from Security Hub on demand, another
 * team gets the counts (the policy allows them) and never the findings,
 * on no surface.
 */
describe('findings for those who own them (emulator, permission framework)', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('gives the owner team its findings and another team the counts only', async () => {
    const { api, server, stop } = await startFindingsApi(
      databases,
      'SQLITE_3',
      {
        stored: false,
        config: emulatorSignalsConfig(emu),
        entities: catalogEntities([
          'group:default/payments',
          'group:default/security',
          'group:default/platform',
        ]),
      },
    );
    const status = await syncNow(server);
    expect(status.lastAttempt.status).toBe('succeeded');

    // The owner team: the findings, read from Security Hub on demand.
    const own = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings`)
      .set('Authorization', PRIYA);
    expect(own.status).toBe(200);
    expect(own.body.notConnected).toEqual([]);
    expect(own.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'CRITICAL',
          title: CVE,
          productName: 'Inspector',
          accountId: PAYMENTS,
          consoleUrl: expect.stringContaining(
            'console.aws.amazon.com/securityhub/v2/home',
          ),
        }),
      ]),
    );
    const counts = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings/counts`)
      .set('Authorization', PRIYA);
    expect(counts.body).toMatchObject({
      mayReadFindings: true,
      byOrigin: { 'security-hub': { CRITICAL: 1, HIGH: 1 } },
      agedCriticalHigh: [{ days: 30, count: 1 }],
    });
    const team = await api
      .get(`${BASE}/teams/default/payments/findings`)
      .set('Authorization', PRIYA);
    expect(team.status).toBe(200);
    expect(team.body.findings.map((f: any) => f.title)).toContain(CVE);

    // Another team: counts, never the findings.
    const other = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings/counts`)
      .set('Authorization', SAM);
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({
      mayReadFindings: false,
      total: expect.objectContaining({ CRITICAL: 1 }),
    });
    const refused = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings`)
      .set('Authorization', SAM);
    expect(refused.status).toBe(403);
    const notMine = await api
      .get(`${BASE}/teams/default/payments/findings`)
      .set('Authorization', SAM);
    expect(notMine.body.findings).toEqual([]);
    expect(notMine.body.accounts).toContainEqual(
      expect.objectContaining({
        accountId: PAYMENTS,
        findingsIncluded: false,
        total: expect.objectContaining({ CRITICAL: 1 }),
      }),
    );

    // The compliance verdict is for everyone, without the findings.
    const compliance = await api
      .get(`${BASE}/accounts/${PAYMENTS}/compliance`)
      .set('Authorization', SAM);
    expect(compliance.status).toBe(200);
    expect(
      compliance.body.results.find(
        (r: any) => r.rule.id === 'findings-critical-high-aged',
      ),
    ).toMatchObject({ status: 'fail' });
    // No other surface carries a finding: the compliance results, the
    // account, the snapshot the catalog reads, the roll-up.
    for (const [path, auth] of [
      [`/accounts/${PAYMENTS}/compliance`, SAM],
      [`/accounts/${PAYMENTS}`, SAM],
      ['/findings/rollup', SAM],
      ['/snapshot', SERVICE],
    ] as const) {
      const res = await api.get(`${BASE}${path}`).set('Authorization', auth);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect({ path, leaks: res.text.includes('xz-utils') }).toEqual({
        path,
        leaks: false,
      });
    }

    // The trend has the sync's point.
    const history = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings/history`)
      .set('Authorization', SAM);
    expect(history.body.points).toHaveLength(1);
    expect(history.body.points[0].byOrigin['security-hub']).toEqual(
      severities({ CRITICAL: 1, HIGH: 1 }),
    );

    // Security Hub denied at the next sync: the counts say not connected,
    // the trend keeps the last known point, the owner's page says why.
    emu.setFaults({ accessDenied: ['securityHub'] });
    await syncNow(server);
    const after = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings/counts`)
      .set('Authorization', PRIYA);
    expect(after.body.sources['security-hub']).toMatchObject({
      status: 'not-connected',
      reason: 'denied',
    });
    expect(after.body.byOrigin['security-hub']).toBeUndefined();
    const kept = await api
      .get(`${BASE}/accounts/${PAYMENTS}/findings/history`)
      .set('Authorization', PRIYA);
    expect(kept.body.points).toHaveLength(1);
    const rule = (
      await api
        .get(`${BASE}/accounts/${PAYMENTS}/compliance`)
        .set('Authorization', PRIYA)
    ).body.results.find(
      (r: any) => r.rule.id === 'findings-critical-high-aged',
    );
    expect(rule).toMatchObject({
      status: 'unknown',
      message: expect.stringContaining(
        'Security Hub is not connected (denied)',
      ),
    });
    await stop();
  });
});
