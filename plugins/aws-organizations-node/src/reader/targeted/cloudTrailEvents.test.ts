import { planForCloudTrailEvent } from './cloudTrailEvents';
import { mergeRefreshTargets } from './targets';

const SOURCES: Record<string, string> = {
  'aws.organizations': 'organizations.amazonaws.com',
  'aws.sso': 'sso.amazonaws.com',
  'aws.identitystore': 'identitystore.amazonaws.com',
};

/** An EventBridge event of a CloudTrail record, as EventBridge delivers it. */
function event(
  source: string,
  eventName: string,
  requestParameters: object | null,
  responseElements: object | null = null,
  extra: object = {},
) {
  return {
    version: '0',
    id: 'e-1',
    'detail-type': 'AWS API Call via CloudTrail',
    source,
    account: '481516234200',
    time: '2026-12-02T08:40:00Z',
    region: 'us-east-1',
    resources: [],
    detail: {
      eventVersion: '1.08',
      eventSource: SOURCES[source],
      eventName,
      readOnly: false,
      eventType: 'AwsApiCall',
      requestParameters,
      responseElements,
      ...extra,
    },
  };
}

const PS =
  'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-0123456789abcdef';
const refresh = (...targets: object[]) => ({ action: 'refresh', targets });

describe('planForCloudTrailEvent', () => {
  it.each([
    [
      event('aws.organizations', 'TagResource', {
        resourceId: '724108355201',
        tags: [{ key: 'owner', value: 'checkout' }],
      }),
      refresh({ kind: 'tags', resourceId: '724108355201' }),
    ],
    [
      event('aws.organizations', 'UntagResource', {
        resourceId: 'ou-a1b2-d4j6h8ye',
        tagKeys: ['owner'],
      }),
      refresh({ kind: 'tags', resourceId: 'ou-a1b2-d4j6h8ye' }),
    ],
    [
      event('aws.organizations', 'MoveAccount', {
        accountId: '724108355201',
        sourceParentId: 'ou-a1b2-d4j6h8ye',
        destinationParentId: 'ou-a1b2-s2q7c9vb',
      }),
      refresh({ kind: 'account', accountId: '724108355201' }),
    ],
    [
      event('aws.organizations', 'CreateAccountResult', null, null, {
        eventType: 'AwsServiceEvent',
        serviceEventDetails: {
          createAccountStatus: {
            accountId: '111122223333',
            state: 'SUCCEEDED',
          },
        },
      }),
      refresh(
        { kind: 'account', accountId: '111122223333' },
        { kind: 'targetPolicies', targetId: '111122223333' },
      ),
    ],
    [
      event('aws.organizations', 'UpdatePolicy', {
        policyId: 'p-2r5g8w1m',
        content: '{}',
      }),
      refresh({ kind: 'policy', policyId: 'p-2r5g8w1m' }),
    ],
    [
      event(
        'aws.organizations',
        'CreatePolicy',
        { name: 'X' },
        {
          policy: { policySummary: { id: 'p-new12345' }, content: '{}' },
        },
      ),
      refresh({ kind: 'policy', policyId: 'p-new12345' }),
    ],
    [
      event('aws.organizations', 'DeletePolicy', { policyId: 'p-2r5g8w1m' }),
      refresh({ kind: 'policy', policyId: 'p-2r5g8w1m' }),
    ],
    [
      event('aws.organizations', 'AttachPolicy', {
        policyId: 'p-2r5g8w1m',
        targetId: 'ou-a1b2-d4j6h8ye',
      }),
      refresh({
        kind: 'policyAttachment',
        policyId: 'p-2r5g8w1m',
        targetId: 'ou-a1b2-d4j6h8ye',
      }),
    ],
    [
      event('aws.organizations', 'DetachPolicy', {
        policyId: 'p-2r5g8w1m',
        targetId: '724108355201',
      }),
      refresh({
        kind: 'policyAttachment',
        policyId: 'p-2r5g8w1m',
        targetId: '724108355201',
      }),
    ],
    [
      event(
        'aws.organizations',
        'CreateOrganizationalUnit',
        { parentId: 'r-a1b2', name: 'New' },
        {
          organizationalUnit: { id: 'ou-a1b2-newnewne', name: 'New' },
        },
      ),
      refresh(
        {
          kind: 'organizationalUnit',
          organizationalUnitId: 'ou-a1b2-newnewne',
        },
        { kind: 'targetPolicies', targetId: 'ou-a1b2-newnewne' },
      ),
    ],
    [
      event('aws.sso', 'CreateAccountAssignment', {
        instanceArn: 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6',
        targetId: '724108355201',
        targetType: 'AWS_ACCOUNT',
        permissionSetArn: PS,
        principalType: 'GROUP',
        principalId: 'g-1',
      }),
      refresh({
        kind: 'assignments',
        permissionSetArn: PS,
        accountId: '724108355201',
      }),
    ],
    [
      event('aws.sso', 'DeleteAccountAssignment', {
        targetId: '724108355201',
        targetType: 'AWS_ACCOUNT',
        permissionSetArn: PS,
      }),
      refresh({
        kind: 'assignments',
        permissionSetArn: PS,
        accountId: '724108355201',
      }),
    ],
    ...[
      'ProvisionPermissionSet',
      'UpdatePermissionSet',
      'PutInlinePolicyToPermissionSet',
      'AttachManagedPolicyToPermissionSet',
      'DetachManagedPolicyFromPermissionSet',
      'AttachCustomerManagedPolicyReferenceToPermissionSet',
      'PutPermissionsBoundaryToPermissionSet',
      'DeletePermissionSet',
    ].map(name => [
      event('aws.sso', name, { permissionSetArn: PS }),
      refresh({ kind: 'permissionSet', permissionSetArn: PS }),
    ]),
    [
      event(
        'aws.sso',
        'CreatePermissionSet',
        { name: 'X' },
        {
          permissionSet: { permissionSetArn: PS },
        },
      ),
      refresh({ kind: 'permissionSet', permissionSetArn: PS }),
    ],
    [
      event('aws.sso', 'TagResource', { resourceArn: PS, tags: [] }),
      refresh({ kind: 'permissionSet', permissionSetArn: PS }),
    ],
    [
      event('aws.identitystore', 'CreateGroupMembership', {
        identityStoreId: 'd-9067a1b2c3',
        groupId: 'g-1',
        memberId: { userId: 'u-1' },
      }),
      refresh({ kind: 'memberships', groupId: 'g-1' }),
    ],
    [
      event('aws.identitystore', 'DeleteGroupMembership', {
        identityStoreId: 'd-9067a1b2c3',
        membershipId: 'm-1',
      }),
      refresh({ kind: 'membership', membershipId: 'm-1' }),
    ],
    [
      event(
        'aws.identitystore',
        'CreateUser',
        { userName: 'x' },
        { userId: 'u-2' },
      ),
      refresh({ kind: 'user', userId: 'u-2' }),
    ],
    [
      event('aws.identitystore', 'DeleteUser', { userId: 'u-2' }),
      refresh({ kind: 'user', userId: 'u-2' }),
    ],
    [
      event('aws.identitystore', 'UpdateGroup', { groupId: 'g-2' }),
      refresh({ kind: 'group', groupId: 'g-2' }),
    ],
  ])('maps %#', (input, plan) => {
    expect(planForCloudTrailEvent(input)).toEqual(plan);
  });

  it('asks for a full read for writes no re-read covers and for events that do not say what changed', () => {
    for (const name of [
      'EnablePolicyType',
      'RemoveAccountFromOrganization',
      'InviteAccountToOrganization',
    ]) {
      expect(
        planForCloudTrailEvent(event('aws.organizations', name, {})),
      ).toEqual({
        action: 'full',
        reason: `aws.organizations ${name} has no targeted re-read`,
      });
    }
    expect(
      planForCloudTrailEvent(event('aws.organizations', 'MoveAccount', {})),
    ).toEqual({
      action: 'full',
      reason: 'the event does not name what it changed',
    });
  });

  it('ignores reads, failed calls, CreateAccount before its result and foreign events', () => {
    expect(
      planForCloudTrailEvent(
        event('aws.organizations', 'ListAccounts', null, null, {
          readOnly: true,
        }),
      ).action,
    ).toBe('ignore');
    expect(
      planForCloudTrailEvent(
        event('aws.organizations', 'MoveAccount', { accountId: '1' }, null, {
          errorCode: 'AccessDenied',
        }),
      ),
    ).toEqual({ action: 'ignore', reason: 'a failed call (AccessDenied)' });
    expect(
      planForCloudTrailEvent(event('aws.organizations', 'CreateAccount', {}))
        .action,
    ).toBe('ignore');
    expect(
      planForCloudTrailEvent(
        event('aws.organizations', 'CreateAccountResult', null, null, {
          serviceEventDetails: { createAccountStatus: { state: 'FAILED' } },
        }),
      ).action,
    ).toBe('ignore');
    for (const other of [
      { ...event('aws.ec2', 'RunInstances', {}) },
      'not an event',
      null,
      { detail: {} },
    ]) {
      expect(planForCloudTrailEvent(other).action).toBe('ignore');
    }
    // A source that lies about its CloudTrail event source.
    const forged = event('aws.organizations', 'MoveAccount', {
      accountId: '1',
    });
    forged.detail.eventSource = 'ec2.amazonaws.com';
    expect(planForCloudTrailEvent(forged).action).toBe('ignore');
  });
});

describe('mergeRefreshTargets', () => {
  it('keeps each target once and drops tags that a re-read of the resource covers', () => {
    expect(
      mergeRefreshTargets([
        { kind: 'tags', resourceId: '724108355201' },
        { kind: 'account', accountId: '724108355201' },
        { kind: 'account', accountId: '724108355201' },
        { kind: 'tags', resourceId: 'r-a1b2' },
      ]),
    ).toEqual([
      { kind: 'account', accountId: '724108355201' },
      { kind: 'tags', resourceId: 'r-a1b2' },
    ]);
  });
});
