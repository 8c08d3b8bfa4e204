import {
  AttachPolicyCommand,
  CloseAccountCommand,
  CreateAccountCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import {
  CreateAccountAssignmentCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import type { SnapshotEnvelope } from '@aws-governance/plugin-aws-organizations-common';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  BASE,
  catalogEntities,
  pluginConfig,
  startPlugin,
  syncNow,
  USER,
  waitForIdle,
  waitForNewRun,
} from '../__testUtils__/backend';
import { SNAPSHOT_EVENT_TOPIC } from './types';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

// Generous for a busy machine: the waits below wait on state, not clocks.
jest.setTimeout(180_000);

const PAYMENTS_DEV = '724108355201';
const sdk = (emu: RunningEmulator) => {
  const config = {
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  return {
    organizations: new OrganizationsClient(config),
    ssoAdmin: new SSOAdminClient(config),
  };
};

async function getSnapshot(server: any): Promise<SnapshotEnvelope> {
  const res = await request(server)
    .get(`${BASE}/snapshot`)
    .set('Authorization', USER);
  expect(res.status).toBe(200);
  return res.body;
}

async function getChanges(server: any) {
  const res = await request(server)
    .get(`${BASE}/changes?limit=500`)
    .set('Authorization', USER);
  expect(res.status).toBe(200);
  return res.body;
}

describe('sync against the emulator', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterEach(async () => {
    await emu.close().catch(() => {});
  });

  it('runs on PostgreSQL in CI', () => {
    const required = Boolean(process.env.AWS_ORGS_REQUIRE_POSTGRES);
    expect(databases.supports('POSTGRES_15') || !required).toBe(true);
  });

  it.each(databases.eachSupportedId())(
    'stores the demo snapshot, then records the changes made through the SDK on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const events = mockServices.events.mock();
      const { server } = await startPlugin({
        knex,
        config: pluginConfig(emu),
        entities: catalogEntities([
          'group:default/payments',
          'group:default/platform',
        ]),
        features: [events.factory],
      });

      const first = await syncNow(server);
      const { memberships: _, ...expected } = emu.expected;
      expect(first.lastAttempt).toMatchObject({
        status: 'succeeded',
        trigger: 'manual',
        errors: [],
        counts: expected,
        changes: 0,
      });
      expect(first.lastAttempt.durationMs).toBeGreaterThanOrEqual(0);
      expect(
        first.lastAttempt.stats.calls.organizations.DescribeOrganization,
      ).toBe(1);
      expect(first.lastSuccess.id).toBe(first.lastAttempt.id);
      expect(first.unmappedPrincipals.length).toBeGreaterThan(0);

      const envelope = await getSnapshot(server);
      expect(envelope.snapshot.accounts).toHaveLength(expected.accounts);
      expect(envelope.resolution.accountOwners[PAYMENTS_DEV]).toEqual({
        ref: 'group:default/payments',
        source: 'account-tag',
        tagValue: 'payments',
        resolvable: true,
      });
      expect(events.publish).toHaveBeenCalledWith({
        topic: SNAPSHOT_EVENT_TOPIC,
        eventPayload: { etag: envelope.etag },
      });
      expect((await getChanges(server)).totalCount).toBe(0);

      // Change the organization through the SDK.
      const ic = envelope.snapshot.identityCenter;
      if (ic.status !== 'available') throw new Error(ic.status);
      const readOnly = ic.permissionSets.find(p => p.name === 'ReadOnly')!;
      const group = ic.groups[0];
      const { organizations, ssoAdmin } = sdk(emu);
      await organizations.send(
        new MoveAccountCommand({
          AccountId: PAYMENTS_DEV,
          SourceParentId: DEMO_IDS.ous.Dev,
          DestinationParentId: DEMO_IDS.ous.Staging,
        }),
      );
      await organizations.send(
        new AttachPolicyCommand({
          PolicyId: DEMO_IDS.policies.DenyLeaveOrganization,
          TargetId: PAYMENTS_DEV,
        }),
      );
      await organizations.send(
        new TagResourceCommand({
          ResourceId: PAYMENTS_DEV,
          Tags: [{ Key: 'cost-center', Value: 'CC-4242' }],
        }),
      );
      await ssoAdmin.send(
        new CreateAccountAssignmentCommand({
          InstanceArn: ic.instanceArn,
          PermissionSetArn: readOnly.arn,
          PrincipalType: 'GROUP',
          PrincipalId: group.id,
          TargetType: 'AWS_ACCOUNT',
          TargetId: '879953800701',
        }),
      );

      const second = await syncNow(server);
      expect(second.lastAttempt).toMatchObject({
        status: 'succeeded',
        changes: 4,
      });
      const changes = await getChanges(server);
      expect(changes.totalCount).toBe(4);
      expect(
        changes.items.map((c: any) => [c.kind, c.accountId, c.summary]).sort(),
      ).toEqual(
        [
          [
            'account.moved',
            PAYMENTS_DEV,
            'payments-dev moved from Dev to Staging',
          ],
          [
            'account.tags-changed',
            PAYMENTS_DEV,
            'payments-dev tags changed: cost-center=CC-4242 added',
          ],
          [
            'assignment.granted',
            '879953800701',
            `Group ${group.displayName} granted ReadOnly on sandbox-platform`,
          ],
          [
            'scp.attached',
            PAYMENTS_DEV,
            'SCP DenyLeaveOrganization attached to payments-dev',
          ],
        ].sort(),
      );
      const next = await getSnapshot(server);
      expect(next.etag).not.toBe(envelope.etag);
      expect(events.publish).toHaveBeenLastCalledWith({
        topic: SNAPSHOT_EVENT_TOPIC,
        eventPayload: { etag: next.etag },
      });
      organizations.destroy();
      ssoAdmin.destroy();
    },
  );

  it('records rules that start failing without a prior result: a closed account with assignments and a new account, in their history', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({
      knex,
      config: pluginConfig(emu),
      entities: catalogEntities(['group:default/payments']),
    });
    await syncNow(server);
    const { organizations } = sdk(emu);
    // CloseAccount suspends payments-dev, which keeps its assignments.
    await organizations.send(
      new CloseAccountCommand({ AccountId: PAYMENTS_DEV }),
    );
    const created = await organizations.send(
      new CreateAccountCommand({
        AccountName: 'payments-experiments',
        Email: 'payments-experiments@acme.example',
      }),
    );
    const newAccountId = created.CreateAccountStatus!.AccountId!;
    organizations.destroy();
    expect((await syncNow(server)).lastAttempt.status).toBe('succeeded');

    const history = async (accountId: string) => {
      const res = await request(server)
        .get(`${BASE}/accounts/${accountId}/history?limit=500`)
        .set('Authorization', USER);
      expect(res.status).toBe(200);
      return res.body.items.map((e: any) => [e.kind, e.summary]);
    };
    expect(await history(PAYMENTS_DEV)).toEqual(
      expect.arrayContaining([
        [
          'account.state-changed',
          'payments-dev changed state from ACTIVE to SUSPENDED',
        ],
        [
          'compliance.changed',
          'payments-dev: suspended-account-no-assignments (no result) → fail',
        ],
      ]),
    );
    // A new account's results are all new: the failing owner rule too.
    expect(await history(newAccountId)).toEqual(
      expect.arrayContaining([
        ['account.created', expect.stringMatching(/payments-experiments/)],
        [
          'compliance.changed',
          'payments-experiments: owner-resolvable (no result) → fail',
        ],
      ]),
    );
  });

  it('keeps the snapshot and the change log on AccessDenied from SSO Admin', async () => {
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({ knex, config: pluginConfig(emu) });
    await syncNow(server);
    const before = await getSnapshot(server);

    await new SSOAdminClient({
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    }).send(
      new CreateAccountAssignmentCommand({
        InstanceArn: (before.snapshot.identityCenter as any).instanceArn,
        PermissionSetArn: (before.snapshot.identityCenter as any)
          .permissionSets[0].arn,
        PrincipalType: 'GROUP',
        PrincipalId: (before.snapshot.identityCenter as any).groups[0].id,
        TargetType: 'AWS_ACCOUNT',
        TargetId: '879953800701',
      }),
    );
    emu.setFaults({ accessDenied: ['ssoAdmin'] });
    const status = await syncNow(server);
    expect(status.lastAttempt.status).toBe('incomplete');
    expect(status.lastAttempt.errors.join()).toMatch(
      /IAM Identity Center unavailable.*AccessDenied/,
    );
    expect(status.lastSuccess.id).not.toBe(status.lastAttempt.id);
    expect((await getSnapshot(server)).etag).toBe(before.etag);
    expect((await getChanges(server)).totalCount).toBe(0);
  });

  it('keeps the snapshot and the change log when the emulator is gone', async () => {
    // The endpoint goes away between two syncs here; the next test stops it
    // in the middle of a read.
    const knex = await databases.init('SQLITE_3');
    const { server } = await startPlugin({ knex, config: pluginConfig(emu) });
    await syncNow(server);
    const before = await getSnapshot(server);
    await emu.close();

    const status = await syncNow(server);
    expect(status.lastAttempt.status).toBe('failed');
    expect(status.lastAttempt.errors[0]).toMatch(
      /^\w+ on organization failed: .*ECONNREFUSED/,
    );
    expect(status.lastSuccess.id).not.toBe(status.lastAttempt.id);
    expect((await getSnapshot(server)).etag).toBe(before.etag);
    expect((await getChanges(server)).totalCount).toBe(0);
  });

  it('fails the run, says why and keeps the snapshot and the change log when the emulator stops mid-sync', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    // Latency keeps many reader calls in flight when the endpoint goes away.
    const slow = await startEmulator({ dataset: 'demo', latencyMs: 10 });
    try {
      const knex = await databases.init('SQLITE_3');
      const { server } = await startPlugin({
        knex,
        config: pluginConfig(slow),
      });
      const first = await syncNow(server);
      expect(first.lastAttempt.status).toBe('succeeded');
      const before = await getSnapshot(server);

      slow.resetStats();
      const accepted = await request(server)
        .post(`${BASE}/sync`)
        .set('Authorization', USER);
      expect(accepted.status).toBe(202);
      const callsSeen = () =>
        Object.values(slow.stats().calls)
          .flatMap(ops => Object.values(ops))
          .reduce((a, b) => a + b, 0);
      while (callsSeen() < 20) {
        await new Promise(r => setTimeout(r, 2));
      }
      await slow.close();

      const status = await waitForNewRun(server, first.lastAttempt.id);
      expect(status.lastAttempt.status).toBe('failed');
      // Says which call failed on what, and the network error behind it.
      expect(status.lastAttempt.errors).toHaveLength(1);
      expect(status.lastAttempt.errors[0]).toMatch(
        /^\w+ on \S+ failed: .*(ECONNREFUSED|ECONNRESET|socket hang up)/,
      );
      expect(status.lastSuccess.id).toBe(first.lastAttempt.id);
      expect((await getSnapshot(server)).etag).toBe(before.etag);
      expect((await getChanges(server)).totalCount).toBe(0);
      // No reader call rejects after the run has failed: the reader settles
      // every call in flight before it fails (its own tests count them), so
      // one turn of the event loop delivers any unhandled rejection.
      await new Promise(setImmediate);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await slow.close().catch(() => {});
    }
  });

  it('answers 409 while a sync is running', async () => {
    // Organizations answers nothing for ten minutes: the run is held in its
    // reading phase for as long as the test needs, whatever the machine's
    // speed, and ends when the endpoint goes away.
    const stuck = await startEmulator({
      dataset: 'demo',
      latencyMs: { organizations: 600_000 },
    });
    try {
      const knex = await databases.init('SQLITE_3');
      const { server } = await startPlugin({
        knex,
        config: pluginConfig(stuck),
      });
      const accepted = await request(server)
        .post(`${BASE}/sync`)
        .set('Authorization', USER);
      expect(accepted.status).toBe(202);
      const status = await request(server)
        .get(`${BASE}/sync/status`)
        .set('Authorization', USER);
      expect(status.body.lastAttempt).toMatchObject({
        status: 'running',
        progress: { phase: 'reading' },
      });
      const running = await request(server)
        .post(`${BASE}/sync`)
        .set('Authorization', USER);
      expect(running.status).toBe(409);
      await stuck.close();
      expect((await waitForIdle(server)).lastAttempt.status).toBe('failed');
    } finally {
      await stuck.close().catch(() => {});
    }
  });
});
