import {
  DEMO_IDS,
  RunningEmulator,
  startEmulator,
} from '@aws-governance/aws-emulator';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { mockServices } from '@backstage/backend-test-utils';
import type { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import { createAwsOrganizationsClientsFromSettings } from '../clients';
import { AwsReadError } from '../errors';
import { readOrganizationSnapshot } from '../readSnapshot';
import { planForCloudTrailEvent } from './cloudTrailEvents';
import { readTargetedUpdate } from './readTargetedUpdate';
import { sameSnapshotContent, snapshotContent } from './snapshotContent';
import { RefreshTarget } from './targets';

/*
 * Each write goes to the emulator's admin endpoint, which records it as
 * AWS would (a CloudTrail event on the SQS queue). The test receives the
 * events through the real SQS client, maps them, re-reads the targets
 * through the real SDK, and compares the result with a full read made
 * right after: the targeted update must hold exactly what the full read
 * holds, for a handful of calls.
 */

jest.setTimeout(120_000);

const logger = mockServices.logger.mock();
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const PAYMENTS_DEV = '724108355201';
const FAST = {
  organizations: { tps: 1000, burst: 1000 },
  ssoAdmin: { tps: 1000, burst: 1000 },
  identityStore: { tps: 1000, burst: 1000 },
};

let emu: RunningEmulator;
let sqs: SQSClient;

function clients(maxAttempts = 3) {
  return createAwsOrganizationsClientsFromSettings({
    region: 'us-east-1',
    endpoints: {
      organizations: emu.url,
      ssoAdmin: emu.url,
      identityStore: emu.url,
    },
    credentials: async () => credentials,
    maxAttempts,
  });
}

const fullRead = async () =>
  readOrganizationSnapshot({
    clients: await clients(),
    logger,
    rateLimits: FAST,
  });

/** Runs an AWS operation through the admin endpoint; its answer. */
async function call(service: string, operation: string, body: object) {
  const res = await fetch(
    `${emu.url}/_emulator/calls/${service}/${operation}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
  );
  const answer = await res.json();
  if (!res.ok) throw new Error(`${operation}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Every event on the queue now, received and deleted as the SQS module does. */
async function drainEvents(): Promise<unknown[]> {
  const events: unknown[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: emu.eventsQueueUrl!,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return events;
    events.push(...Messages.map(m => JSON.parse(m.Body!)));
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: emu.eventsQueueUrl!,
        Entries: Messages.map(m => ({
          Id: m.MessageId!,
          ReceiptHandle: m.ReceiptHandle!,
        })),
      }),
    );
  }
}

async function targetsOfQueuedEvents(): Promise<RefreshTarget[]> {
  const plans = (await drainEvents()).map(planForCloudTrailEvent);
  for (const plan of plans) {
    if (plan.action === 'full') throw new Error(plan.reason);
  }
  return plans.flatMap(p => (p.action === 'refresh' ? p.targets : []));
}

async function expectTargetedEqualsFull(
  base: OrganizationSnapshot,
  maxCallsPerTarget = 10,
) {
  const targets = await targetsOfQueuedEvents();
  expect(targets.length).toBeGreaterThan(0);
  const update = await readTargetedUpdate({
    clients: await clients(),
    logger,
    rateLimits: FAST,
    base,
    targets,
  });
  if (update.outcome !== 'updated') throw new Error(update.reason);
  const full = await fullRead();
  expect(snapshotContent(update.snapshot)).toEqual(snapshotContent(full));
  expect(sameSnapshotContent(update.snapshot, full)).toBe(true);
  expect(update.calls).toBeLessThanOrEqual(targets.length * maxCallsPerTarget);
  return update;
}

beforeEach(async () => {
  emu = await startEmulator({
    dataset: 'demo',
    events: { queueName: 'org-events', identityCenterRegion: 'eu-west-1' },
  });
  sqs = new SQSClient({ region: 'us-east-1', credentials, maxAttempts: 1 });
});
afterEach(async () => {
  sqs.destroy();
  await emu.close();
});

describe('readTargetedUpdate against the emulator', () => {
  it('follows account changes: a tag, a move, a new OU with an account moved into it', async () => {
    const base = await fullRead();
    await drainEvents();
    await call('organizations', 'TagResource', {
      ResourceId: PAYMENTS_DEV,
      Tags: [{ Key: 'owner', Value: 'checkout' }],
    });
    const tagged = await expectTargetedEqualsFull(base);
    // A tag: one ListTagsForResource.
    expect(tagged.calls).toBe(1);

    const { OrganizationalUnit } = await call(
      'organizations',
      'CreateOrganizationalUnit',
      { ParentId: DEMO_IDS.ous.Workloads, Name: 'Payments' },
    );
    await call('organizations', 'MoveAccount', {
      AccountId: PAYMENTS_DEV,
      SourceParentId: DEMO_IDS.ous.Dev,
      DestinationParentId: OrganizationalUnit.Id,
    });
    const moved = await expectTargetedEqualsFull(tagged.snapshot);
    expect(
      moved.snapshot.accounts.find(a => a.id === PAYMENTS_DEV)?.path,
    ).toEqual([DEMO_IDS.rootId, DEMO_IDS.ous.Workloads, OrganizationalUnit.Id]);
    // The OU (3), its policies per type (AWS attached FullAWSAccess), the
    // account (3).
    expect(moved.calls).toBeLessThan(20);
  });

  it('follows policy changes: an SCP edit, attach and detach, a new policy, a deleted one', async () => {
    const base = await fullRead();
    await drainEvents();
    await call('organizations', 'UpdatePolicy', {
      PolicyId: DEMO_IDS.policies.RegionRestriction,
      Description: 'Regions limited to us-* and eu-*',
    });
    await call('organizations', 'AttachPolicy', {
      PolicyId: DEMO_IDS.policies.DenyLeaveOrganization,
      TargetId: PAYMENTS_DEV,
    });
    await call('organizations', 'DetachPolicy', {
      PolicyId: DEMO_IDS.policies.DenyIamUserCreation,
      TargetId: DEMO_IDS.ous.Workloads,
    });
    const edited = await expectTargetedEqualsFull(base);
    expect(edited.calls).toBeLessThan(20);

    const { Policy } = await call('organizations', 'CreatePolicy', {
      Name: 'DenyS3Public',
      Description: 'No public buckets',
      Type: 'SERVICE_CONTROL_POLICY',
      Content: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Deny',
            Action: 's3:PutBucketPublicAccessBlock',
            Resource: '*',
          },
        ],
      }),
    });
    const created = await expectTargetedEqualsFull(edited.snapshot);
    expect(created.snapshot.policies.map(p => p.id)).toContain(
      Policy.PolicySummary.Id,
    );
    await call('organizations', 'DeletePolicy', {
      PolicyId: Policy.PolicySummary.Id,
    });
    const deleted = await expectTargetedEqualsFull(created.snapshot);
    expect(deleted.snapshot.policies.map(p => p.id)).not.toContain(
      Policy.PolicySummary.Id,
    );
  });

  it('follows Identity Center: assignments, a permission set, users, groups and memberships', async () => {
    const base = await fullRead();
    await drainEvents();
    const ic = base.identityCenter;
    if (ic.status !== 'available') throw new Error(ic.status);
    const readOnly = ic.permissionSets.find(p => p.name === 'ReadOnly')!;
    const group = ic.groups[0];
    await call('ssoAdmin', 'CreateAccountAssignment', {
      InstanceArn: ic.instanceArn,
      TargetId: PAYMENTS_DEV,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: readOnly.arn,
      PrincipalType: 'GROUP',
      PrincipalId: group.id,
    });
    const assigned = await expectTargetedEqualsFull(base);
    expect(assigned.calls).toBe(1);

    await call('ssoAdmin', 'AttachManagedPolicyToPermissionSet', {
      InstanceArn: ic.instanceArn,
      PermissionSetArn: readOnly.arn,
      ManagedPolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess',
    });
    await call('ssoAdmin', 'PutInlinePolicyToPermissionSet', {
      InstanceArn: ic.instanceArn,
      PermissionSetArn: readOnly.arn,
      InlinePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }],
      }),
    });
    await call('ssoAdmin', 'ProvisionPermissionSet', {
      InstanceArn: ic.instanceArn,
      PermissionSetArn: readOnly.arn,
      TargetType: 'ALL_PROVISIONED_ACCOUNTS',
    });
    const edited = await expectTargetedEqualsFull(assigned.snapshot);

    const { UserId } = await call('identityStore', 'CreateUser', {
      IdentityStoreId: ic.identityStoreId,
      UserName: 'new.person',
      DisplayName: 'New Person',
      Name: { GivenName: 'New', FamilyName: 'Person' },
      Emails: [{ Value: 'new.person@example.com', Primary: true }],
    });
    const { MembershipId } = await call(
      'identityStore',
      'CreateGroupMembership',
      {
        IdentityStoreId: ic.identityStoreId,
        GroupId: group.id,
        MemberId: { UserId },
      },
    );
    const joined = await expectTargetedEqualsFull(edited.snapshot);

    // DeleteGroupMembership names only the membership: its group is found
    // in the snapshot by the membership id the reader keeps.
    await call('identityStore', 'DeleteGroupMembership', {
      IdentityStoreId: ic.identityStoreId,
      MembershipId,
    });
    await call('identityStore', 'DeleteUser', {
      IdentityStoreId: ic.identityStoreId,
      UserId,
    });
    await call('ssoAdmin', 'DeleteAccountAssignment', {
      InstanceArn: ic.instanceArn,
      TargetId: PAYMENTS_DEV,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: readOnly.arn,
      PrincipalType: 'GROUP',
      PrincipalId: group.id,
    });
    await expectTargetedEqualsFull(joined.snapshot);
  });

  it('asks for a full read for what no targeted re-read can place', async () => {
    const base = await fullRead();
    await drainEvents();
    // A membership the snapshot does not know by id (an older reader's).
    const ic = base.identityCenter;
    if (ic.status !== 'available') throw new Error(ic.status);
    const withoutIds = structuredClone(base);
    const stripped = withoutIds.identityCenter as typeof ic;
    stripped.memberships = stripped.memberships.map(
      ({ membershipId: _, ...m }) => m,
    );
    const membershipId = ic.memberships[0].membershipId!;
    expect(membershipId).toBeDefined();
    const update = await readTargetedUpdate({
      clients: await clients(),
      logger,
      rateLimits: FAST,
      base: withoutIds,
      targets: [{ kind: 'membership', membershipId }],
    });
    expect(update).toMatchObject({
      outcome: 'full-read-needed',
      reason: expect.stringContaining(membershipId),
      calls: 0,
    });

    // An account that left the organization.
    const gone = await readTargetedUpdate({
      clients: await clients(),
      logger,
      rateLimits: FAST,
      base,
      targets: [{ kind: 'account', accountId: '999999999999' }],
    });
    expect(gone).toMatchObject({
      outcome: 'full-read-needed',
      reason: expect.stringContaining('no longer in the organization'),
    });
    // Policy types the root enables are a full read's business.
    await call('organizations', 'DisablePolicyType', {
      RootId: DEMO_IDS.rootId,
      PolicyType: 'TAG_POLICY',
    });
    const plans = (await drainEvents()).map(planForCloudTrailEvent);
    expect(plans).toEqual([
      {
        action: 'full',
        reason: 'aws.organizations DisablePolicyType has no targeted re-read',
      },
    ]);
  });

  it('retries throttling and 5xx, and rejects on access denied without a snapshot', async () => {
    const base = await fullRead();
    const targets: RefreshTarget[] = [
      { kind: 'account', accountId: PAYMENTS_DEV },
      { kind: 'policy', policyId: DEMO_IDS.policies.RegionRestriction },
    ];
    // The same organization behind a throttling endpoint, a 500 first.
    const throttled = await startEmulator({
      state: emu.state,
      rateLimit: { organizations: { tps: 4, burst: 1 } },
    });
    try {
      throttled.setFaults({
        serverErrorBurst: { count: 1, service: 'organizations' },
      });
      const update = await readTargetedUpdate({
        clients: await createAwsOrganizationsClientsFromSettings({
          region: 'us-east-1',
          endpoints: {
            organizations: throttled.url,
            ssoAdmin: throttled.url,
            identityStore: throttled.url,
          },
          credentials: async () => credentials,
          maxAttempts: 5,
        }),
        logger,
        base,
        targets,
      });
      if (update.outcome !== 'updated') throw new Error(update.reason);
      expect(update.stats.retries).toBeGreaterThan(0);
      expect(snapshotContent(update.snapshot)).toEqual(snapshotContent(base));
    } finally {
      await throttled.close();
    }

    emu.setFaults({ accessDenied: ['organizations'] });
    await expect(
      readTargetedUpdate({ clients: await clients(), logger, base, targets }),
    ).rejects.toBeInstanceOf(AwsReadError);
  });
});
