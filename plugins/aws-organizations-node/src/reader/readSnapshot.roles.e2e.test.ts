import {
  CONFIG_AGGREGATOR_NAME,
  countIam,
  IAM_READER_ROLE,
  removeIamRole,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import { mockServices } from '@backstage/backend-test-utils';
import {
  isUnknown,
  type OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { clientsFor } from '../__testUtils__/emulatorClients';
import { readOrganizationSnapshot } from './readSnapshot';
import { createIamRolesReader, IamRolesReader } from './roles/rolesReader';
import type { RolesSourceConfig } from '../config/reader';

const logger = mockServices.logger.mock();
const PROD = '724108355203';
const SECURITY_AUDIT = '502834119477';
const SUSPENDED = '890064911801';

const ACCOUNT_ROLE: RolesSourceConfig = {
  source: 'account-role',
  roleName: IAM_READER_ROLE.name,
  externalId: IAM_READER_ROLE.externalId,
  concurrency: 4,
};
const AGGREGATOR: RolesSourceConfig = {
  source: 'config-aggregator',
  aggregatorName: CONFIG_AGGREGATOR_NAME,
  region: 'us-east-1',
  accountId: SECURITY_AUDIT,
  roleName: IAM_READER_ROLE.name,
  externalId: IAM_READER_ROLE.externalId,
};

function rolesOf(snapshot: OrganizationSnapshot, accountId: string) {
  const account = snapshot.iam!.accounts[accountId];
  if (account?.status !== 'known') {
    throw new Error(`${accountId}: ${JSON.stringify(account)}`);
  }
  return account.roles;
}

function knownRoleCount(snapshot: OrganizationSnapshot) {
  return Object.values(snapshot.iam!.accounts).reduce(
    (n, a) => n + (a.status === 'known' ? a.roles.length : 0),
    0,
  );
}

describe.each([
  ['account-role', ACCOUNT_ROLE],
  ['config-aggregator', AGGREGATOR],
])('roles from %s against the emulator', (name, source) => {
  let emu: RunningEmulator;
  let reader: IamRolesReader;
  const read = (maxAttempts = 3) =>
    readOrganizationSnapshot({
      clients: clientsFor(emu, maxAttempts),
      logger,
      roles: reader,
      maxAttempts,
    });

  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
    reader = createIamRolesReader({
      source,
      endpoints: { iam: emu.url, config: emu.url },
    });
  });
  afterEach(() => emu.close());

  it('reads every role of every active account, decoded, and the managed policy documents', async () => {
    const snapshot = await read();
    expect(snapshot.complete).toBe(true);
    expect(knownRoleCount(snapshot)).toBe(countIam(emu.state).roles);
    const devOps = rolesOf(snapshot, PROD).find(r => r.name === 'DevOps')!;
    expect(JSON.parse(devOps.trustPolicy).Statement[0].Principal.AWS).toBe(
      'arn:aws:iam::613457820020:root',
    );
    expect(devOps.permissionsBoundary).toBe(
      `arn:aws:iam::${PROD}:policy/AcmeDeveloperBoundary`,
    );
    const account = snapshot.iam!.accounts[SUSPENDED];
    expect(account.status).toBe('unknown');
    const user = (snapshot.iam!.accounts['724108355201'] as any).users[0];
    expect(user.name).toBe('ci-legacy-deployer');
    // The per-account source lists access keys; Config does not record them.
    expect(
      isUnknown(user.accessKeys)
        ? 'unknown'
        : user.accessKeys.map((k: any) => k.status),
    ).toEqual(name === 'account-role' ? ['Active', 'Inactive'] : 'unknown');
    const power = snapshot.iam!.managedPolicies.find(
      p => p.arn === 'arn:aws:iam::aws:policy/PowerUserAccess',
    )!;
    expect(power.defaultVersionId).toBe('v2');
    expect(
      JSON.parse(power.document as string).Statement[0].NotAction,
    ).toContain('organizations:*');
    // Permission sets' policies are read too (ViewOnlyAccess is only on a set).
    expect(
      snapshot.iam!.managedPolicies.some(p =>
        p.arn.endsWith('job-function/ViewOnlyAccess'),
      ),
    ).toBe(true);
    expect(
      snapshot.iam!.managedPolicies.find(p =>
        p.arn.endsWith(`${PROD}:policy/AcmeDeveloperBoundary`),
      )?.document,
    ).toEqual(expect.stringContaining('iam:CreateUser'));
  });

  it('caches managed policy documents across reads by default version', async () => {
    await read();
    const first = emu.stats().calls.iam.GetPolicyVersion;
    expect(first).toBeGreaterThan(0);
    emu.resetStats();
    await read();
    expect(emu.stats().calls.iam.GetPolicyVersion).toBeUndefined();
    expect(emu.stats().calls.iam.GetPolicy).toBeGreaterThan(0);
  });

  it('retries throttling and 5xx within the budget and still reads everything', async () => {
    // A fixed number of failures per operation, whichever calls get them
    // (a seeded rate hands its draws out in arrival order, which load
    // changes): no call can get more failures than its 7 retries.
    emu.setFaults({
      errorRate: {
        SelectAggregateResourceConfig: {
          rate: 1,
          limit: 3,
          code: 'ThrottlingException',
        },
        GetAccountAuthorizationDetails: {
          rate: 1,
          limit: 3,
          code: 'Throttling',
        },
        AssumeRole: { rate: 1, limit: 2 },
      },
    });
    const snapshot = await read(8);
    expect(knownRoleCount(snapshot)).toBe(countIam(emu.state).roles);
    // Each source: 3 failures of its listing, 2 of AssumeRole.
    expect(emu.stats().faultsInjected).toBe(3 + 2);
    expect(snapshot.stats.retries).toBeGreaterThan(0);
  });
});

describe('roles: failures make accounts unknown, never "no roles"', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterEach(() => emu.close());
  const read = (source: RolesSourceConfig) =>
    readOrganizationSnapshot({
      clients: clientsFor(emu, 2),
      logger,
      maxAttempts: 2,
      roles: createIamRolesReader({
        source,
        endpoints: { iam: emu.url, config: emu.url },
      }),
    });

  it('an account whose role cannot be assumed is unknown with a warning; the others are known', async () => {
    removeIamRole(emu.state, PROD, IAM_READER_ROLE.name);
    const snapshot = await read(ACCOUNT_ROLE);
    expect(snapshot.complete).toBe(true);
    const prod = snapshot.iam!.accounts[PROD];
    expect(prod).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('AccessDenied'),
    });
    expect(snapshot.warnings).toContainEqual(
      expect.objectContaining({ resource: PROD }),
    );
    expect(rolesOf(snapshot, '724108355201').length).toBeGreaterThan(0);
  });

  it('a listing that keeps failing makes that account unknown', async () => {
    emu.setFaults({
      errorRate: {
        AssumeRole: {
          rate: 1,
          resources: [`arn:aws:iam::${PROD}:role/${IAM_READER_ROLE.name}`],
        },
      },
    });
    const snapshot = await read(ACCOUNT_ROLE);
    expect(snapshot.iam!.accounts[PROD].status).toBe('unknown');
    expect(snapshot.iam!.accounts['724108355201'].status).toBe('known');
  });

  it('an aggregator query that fails makes every account unknown, and the read still completes', async () => {
    emu.setFaults({
      errorRate: { SelectAggregateResourceConfig: { rate: 1 } },
    });
    const snapshot = await read(AGGREGATOR);
    expect(snapshot.complete).toBe(true);
    const accounts = Object.values(snapshot.iam!.accounts);
    expect(accounts).toHaveLength(snapshot.accounts.length);
    expect(accounts.every(a => a.status === 'unknown')).toBe(true);
  });

  it('an account the aggregator holds no role of is unknown', async () => {
    const record = emu.state.iam!.accounts.get(PROD)!;
    record.roles = [];
    const snapshot = await read(AGGREGATOR);
    expect(snapshot.iam!.accounts[PROD]).toEqual({
      status: 'unknown',
      reason: expect.stringContaining('holds no IAM role'),
    });
    expect(rolesOf(snapshot, '724108355201').length).toBeGreaterThan(0);
  });
});

describe.each([
  ['account-role', ACCOUNT_ROLE],
  ['config-aggregator', AGGREGATOR],
])(
  'roles from %s under the emulator’s server-side rate limits (the reader is not told)',
  (_name, source) => {
    let emu: RunningEmulator;
    beforeEach(async () => {
      // Small buckets: the per-account source sends ~2 calls per account
      // at once, the aggregator its three query families together.
      emu = await startEmulator({
        dataset: 'demo',
        rateLimit: {
          iam: { tps: 8, burst: 2 },
          sts: { tps: 8, burst: 2 },
          config: { tps: 4, burst: 1 },
        },
      });
    });
    afterEach(() => emu.close());

    it('is throttled by the server, retries and reads every role, with nothing unknown', async () => {
      const snapshot = await readOrganizationSnapshot({
        clients: clientsFor(emu),
        logger,
        roles: createIamRolesReader({
          source,
          endpoints: { iam: emu.url, config: emu.url },
        }),
      });
      expect(snapshot.complete).toBe(true);
      expect(knownRoleCount(snapshot)).toBe(countIam(emu.state).roles);
      const unknown = snapshot.accounts.filter(
        a =>
          a.state === 'ACTIVE' &&
          snapshot.iam!.accounts[a.id]?.status !== 'known',
      );
      expect(unknown).toEqual([]);
      // No warning but the suspended account's (its roles are unknown in
      // any read): nothing degraded because of the limits.
      const active = new Set(
        snapshot.accounts.filter(a => a.state === 'ACTIVE').map(a => a.id),
      );
      expect(
        snapshot.warnings.filter(
          w =>
            /SelectAggregate|GetAccountAuthorization|AssumeRole|GetPolicy/.test(
              w.operation,
            ) && !(/^\d{12}$/.test(w.resource) && !active.has(w.resource)),
        ),
      ).toEqual([]);
      // The server throttled, the reader saw it, slowed down and retried.
      expect(emu.stats().throttled).toBeGreaterThan(0);
      expect(snapshot.stats.throttles).toBe(emu.stats().throttled);
      expect(snapshot.stats.retries).toBeGreaterThan(0);
      const budgets = Object.keys(snapshot.stats.rates ?? {});
      expect(budgets).toEqual(expect.arrayContaining(['iam', 'sts']));
    }, 120_000);
  },
);
