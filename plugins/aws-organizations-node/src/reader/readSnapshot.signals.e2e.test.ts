import {
  CONFIG_AGGREGATOR_NAME,
  DEMO_SIGNAL_ACCOUNTS,
  IAM_READER_ROLE,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import {
  isUnknown,
  organizationSnapshotSchema,
} from '@aws-governance/plugin-aws-organizations-common';
import { clientsFor } from '../__testUtils__/emulatorClients';
import type { SignalsConfig } from '../config/signals';
import { readOrganizationSnapshot } from './readSnapshot';
import { createSignalsReader, SignalsReader } from './signals/signalsReader';

const logger = mockServices.logger.mock();
const ADMIN = DEMO_SIGNAL_ACCOUNTS.securityAdministrator;
const MANAGEMENT = '481516234200';
const role = {
  accountId: ADMIN,
  roleName: IAM_READER_ROLE.name,
  externalId: IAM_READER_ROLE.externalId,
  region: 'us-east-1',
};
const ALL: SignalsConfig = {
  securityHub: role,
  accessAnalyzer: role,
  config: { ...role, aggregatorName: CONFIG_AGGREGATOR_NAME },
  cloudTrail: { region: 'us-east-1' },
  agedFindingDays: [30],
};

function readerFor(
  emu: RunningEmulator,
  signals: SignalsConfig = ALL,
): SignalsReader {
  const url = emu.url;
  return createSignalsReader({
    signals,
    region: 'us-east-1',
    endpoints: {
      sts: url,
      securityHub: url,
      accessAnalyzer: url,
      config: url,
      cloudTrail: url,
    },
    credentials: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
    logger,
    maxAttempts: 3,
  });
}

async function read(emu: RunningEmulator, signals: SignalsReader) {
  return readOrganizationSnapshot({
    clients: clientsFor(emu, 3),
    logger,
    signals,
  });
}

describe('signals against the emulator (the real SDK over HTTP)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterEach(() => emu.close());

  it('reads the demo story: counts per account and origin, Config, the trail, who administers what', async () => {
    const snapshot = await read(emu, readerFor(emu));
    expect(organizationSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const signals = snapshot.signals!;
    for (const source of [
      'security-hub',
      'access-analyzer',
      'config',
      'cloudtrail',
    ] as const) {
      expect(signals.sources[source]).toMatchObject({ status: 'connected' });
    }
    const payments = signals.findings[DEMO_SIGNAL_ACCOUNTS.payments];
    expect(payments.byOrigin['security-hub']).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 0,
      LOW: 0, // the resolved finding does not count
      INFORMATIONAL: 0,
    });
    expect(payments.agedCriticalHigh).toEqual([{ days: 30, count: 1 }]);
    const sandbox = signals.findings[DEMO_SIGNAL_ACCOUNTS.sandbox];
    expect(sandbox.byOrigin['access-analyzer-external']!.CRITICAL).toBe(2); // public
    expect(sandbox.externalAccess).toBe(2);
    expect(signals.findings[DEMO_SIGNAL_ACCOUNTS.checkout].externalAccess).toBe(
      1,
    );
    expect(
      signals.findings[DEMO_SIGNAL_ACCOUNTS.dataPlatform].byOrigin[
        'access-analyzer-unused'
      ]!.LOW,
    ).toBe(1);
    expect(signals.config[DEMO_SIGNAL_ACCOUNTS.logArchive]).toEqual({
      rules: { compliant: 3, nonCompliant: 2, insufficientData: 0 },
      conformancePacks: [
        {
          name: 'Operational-Best-Practices-for-CIS',
          compliance: 'NON_COMPLIANT',
        },
      ],
      nonCompliantRules: [
        's3-bucket-logging-enabled',
        's3-bucket-versioning-enabled',
      ],
    });
    expect(isUnknown(signals.organizationTrail)).toBe(false);
    expect(signals.organizationTrail).toMatchObject({
      trails: [
        {
          name: 'acme-org-trail',
          isMultiRegion: true,
          isLogging: true,
          s3BucketName: 'acme-org-cloudtrail-logs',
        },
      ],
    });
    expect(signals.serviceAccess).toContainEqual({
      servicePrincipal: 'securityhub.amazonaws.com',
      enabledOrganizationWide: true,
      delegatedAdministrators: [ADMIN],
    });
    expect(signals.analyzers!.map(a => [a.type, a.activeFindings])).toEqual([
      ['ORGANIZATION', 3],
      ['ORGANIZATION_UNUSED_ACCESS', 1],
    ]);
  });

  it('says "not connected" with the reason, never "no findings", and still reads the organization', async () => {
    // Security Hub read by the management account: enabled there, but not
    // its delegated administrator (AWS denies Scopes to others).
    const notAdmin = readerFor(emu, {
      ...ALL,
      securityHub: { region: 'us-east-1' },
    });
    const snapshot = await read(emu, notAdmin);
    expect(snapshot.complete).toBe(true);
    expect(snapshot.signals!.sources['security-hub']).toMatchObject({
      status: 'not-connected',
      reason: 'denied',
      message: expect.stringContaining('GetFindingStatisticsV2'),
    });
    expect(snapshot.signals!.sources['access-analyzer']).toMatchObject({
      status: 'not-connected',
      reason: 'denied',
      message: expect.stringContaining('through Security Hub'),
    });
    expect(snapshot.signals!.findings).toEqual({});
    expect(snapshot.signals!.sources.config).toMatchObject({
      status: 'connected',
    });

    emu.state.signals!.securityHub.enabledAccounts.delete(MANAGEMENT);
    const notEnabled = await read(emu, notAdmin);
    expect(notEnabled.signals!.sources['security-hub']).toMatchObject({
      status: 'not-connected',
      reason: 'not-enabled',
      message: expect.stringContaining('DescribeSecurityHubV2'),
    });

    emu.setFaults({ accessDenied: ['cloudTrail', 'config'] });
    const off = await read(
      emu,
      readerFor(emu, {
        agedFindingDays: [30],
        cloudTrail: { region: 'us-east-1' },
      }),
    );
    expect(off.complete).toBe(true);
    expect(off.accounts.length).toBe(emu.expected.accounts);
    expect(off.signals!.sources).toMatchObject({
      'security-hub': { status: 'not-connected', reason: 'off' },
      cloudtrail: { status: 'not-connected', reason: 'denied' },
    });
    expect(isUnknown(off.signals!.organizationTrail)).toBe(true);
  });

  it('retries throttling and 5xx within the budget, and a source that keeps failing is an error', async () => {
    emu.setFaults({
      serverErrorBurst: { service: 'securityHub', count: 2 },
      errorRate: { DescribeTrails: { rate: 1, code: 'ThrottlingException' } },
    });
    const snapshot = await read(emu, readerFor(emu));
    expect(snapshot.signals!.sources['security-hub']).toMatchObject({
      status: 'connected',
    });
    expect(
      snapshot.signals!.findings[DEMO_SIGNAL_ACCOUNTS.payments],
    ).toBeDefined();
    expect(snapshot.signals!.sources.cloudtrail).toMatchObject({
      status: 'not-connected',
      reason: 'error',
      message: expect.stringContaining('ThrottlingException'),
    });
    expect(snapshot.complete).toBe(true);
  });

  it('pages through empty pages of a listing', async () => {
    emu.setFaults({
      emptyPagesWithToken: { operation: 'ListAnalyzers', count: 2 },
    });
    const snapshot = await read(emu, readerFor(emu));
    expect(snapshot.signals!.analyzers).toHaveLength(2);
  });

  it('reads one account findings on demand, newest first, paged and cached', async () => {
    const reader = readerFor(emu);
    const page = await reader.readAccountFindings(
      DEMO_SIGNAL_ACCOUNTS.payments,
      { limit: 1 },
    );
    expect(page.findings).toHaveLength(1);
    expect(page.truncated).toBe(true);
    expect(page.notConnected).toEqual([]);
    const all = await reader.readAccountFindings(DEMO_SIGNAL_ACCOUNTS.payments);
    expect(all.truncated).toBe(false);
    expect(all.findings.map(f => [f.productName, f.severity])).toEqual([
      ['Inspector', 'CRITICAL'],
      ['GuardDuty', 'HIGH'],
    ]);
    expect(all.findings[0]).toMatchObject({
      resourceTags: { service: 'payments-api', owner: 'payments' },
      consoleUrl: expect.stringContaining('securityhub'),
    });
    emu.resetStats();
    await reader.readAccountFindings(DEMO_SIGNAL_ACCOUNTS.payments);
    expect(emu.stats().calls.securityHub).toEqual({});

    // Security Hub denied: Access Analyzer's own findings, and why.
    emu.setFaults({ accessDenied: ['securityHub'] });
    const fallback = await readerFor(emu).readAccountFindings(
      DEMO_SIGNAL_ACCOUNTS.checkout,
    );
    expect(fallback.notConnected).toEqual([
      { source: 'security-hub', message: expect.stringContaining('denied') },
    ]);
    expect(fallback.findings.map(f => f.resourceId)).toEqual([
      `arn:aws:iam::${DEMO_SIGNAL_ACCOUNTS.checkout}:role/VendorSupportAccess`,
    ]);
  });
});
