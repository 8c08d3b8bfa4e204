import { RunningEmulator, startEmulator } from '@aws-governance/aws-emulator';
import {
  DeleteAccountAssignmentCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { TestDatabases } from '@backstage/backend-test-utils';
import { BASE, pluginConfig, syncNow } from '../__testUtils__/backend';
import { asUser, startReviewsApi } from '../__testUtils__/reviews';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

jest.setTimeout(180_000);

// payments-prod-us is owned by the payments team in the demo (owner tag).
const PAYMENTS_PROD_US = '724108355203';
const GUEST = asUser('guest');
const PRIYA = asUser('priya.patel');

/**
 * End to end against the emulator through the real SDK: a campaign on the
 * synced demo organization, a revocation by the owner team, the
 * assignment removed in "AWS", the next sync closing the remediation entry.
 */
describe('access reviews on the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ dataset: 'demo' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('closes the remediation entry once the revoked assignment is gone', async () => {
    const { api, server, stop } = await startReviewsApi(databases, 'SQLITE_3', {
      config: pluginConfig(emu),
      stored: false,
    });
    await syncNow(server);
    const started = await api
      .post(`${BASE}/reviews/campaigns`)
      .set('Authorization', GUEST)
      .send({
        name: 'payments-prod-us review',
        dueAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        scope: { accountIds: [PAYMENTS_PROD_US] },
      });
    expect(started.status).toBe(201);
    expect(started.body.progress.total).toBeGreaterThan(0);

    // The payments team's queue holds the account's grants.
    const mine = await api
      .get(`${BASE}/reviews/items?mine=true&limit=500`)
      .set('Authorization', PRIYA);
    expect(mine.status).toBe(200);
    expect(mine.body.totalCount).toBe(started.body.progress.total);
    const [item] = mine.body.items;
    expect(item).toMatchObject({
      accountId: PAYMENTS_PROD_US,
      assigneeRef: 'group:default/payments',
      canDecide: true,
    });
    const revoked = await api
      .post(`${BASE}/reviews/decisions`)
      .set('Authorization', PRIYA)
      .send({ itemIds: [item.id], decision: 'revoke', reason: 'not needed' });
    expect(revoked.status).toBe(200);
    const [entry] = revoked.body.remediations;
    expect(entry.command).toContain(`--target-id ${PAYMENTS_PROD_US}`);

    // A sync while the grant is still there changes nothing.
    await syncNow(server);
    const open = await api
      .get(`${BASE}/reviews/remediations`)
      .set('Authorization', PRIYA);
    expect(open.body.items).toEqual([
      expect.objectContaining({ id: entry.id, status: 'open' }),
    ]);

    // Someone runs the command (here: the SDK against the emulator).
    const sso = new SSOAdminClient({
      region: 'us-east-1',
      endpoint: emu.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await sso.send(
      new DeleteAccountAssignmentCommand({
        InstanceArn: entry.instanceArn,
        TargetId: entry.accountId,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: entry.permissionSetArn,
        PrincipalType: entry.principalType,
        PrincipalId: entry.principalId,
      }),
    );
    const status = await syncNow(server);
    expect(status.lastAttempt.status).toBe('succeeded');
    const closed = await api
      .get(`${BASE}/reviews/remediations`)
      .set('Authorization', PRIYA);
    expect(closed.body.items).toEqual([
      expect.objectContaining({
        id: entry.id,
        status: 'closed',
        closedBySnapshotEtag: status.snapshotEtag,
      }),
    ]);
    // The evidence says the revocation happened.
    const evidence = await api
      .get(`${BASE}/reviews/campaigns/${started.body.id}/evidence.json`)
      .set('Authorization', GUEST);
    const row = evidence.body.content.items.find(
      (i: any) => i.itemId === item.id,
    );
    expect(row).toMatchObject({
      decision: 'revoke',
      decidedBy: 'user:default/priya.patel',
      reason: 'not needed',
      revocation: { status: 'closed' },
    });
    await stop();
  });
});
