import {
  OrganizationSnapshot,
  SnapshotEnvelope,
} from '@aws-governance/plugin-aws-organizations-common';

export const ORG_ID = 'o-abc123def4';
export const ROOT_ID = 'r-ab12';
export const OU_WORKLOADS = 'ou-ab12-11111111';
export const OU_PROD = 'ou-ab12-22222222';
export const MANAGEMENT = '111111111111';
export const PAYMENTS = '222222222222';
export const SANDBOX = '333333333333';
export const INSTANCE = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';
export const PS_ADMIN =
  'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-aaaaaaaaaaaaaaaa';
export const PS_READ =
  'arn:aws:sso:::permissionSet/ssoins-7223a1b2c3d4e5f6/ps-bbbbbbbbbbbbbbbb';
export const G_PLATFORM = '9067aaaa-0000-0000-0000-000000000001';
export const G_CONTRACTORS = '9067aaaa-0000-0000-0000-000000000002';
export const U_ALICE = '9067bbbb-0000-0000-0000-000000000001';
export const U_BOB = '9067bbbb-0000-0000-0000-000000000002';
export const U_CAROL = '9067bbbb-0000-0000-0000-000000000003';

const arn = (kind: string, id: string) =>
  `arn:aws:organizations::${MANAGEMENT}:${kind}/${ORG_ID}/${id}`;

const account = (
  id: string,
  name: string,
  parentId: string,
  path: string[],
  extra: Partial<OrganizationSnapshot['accounts'][number]> = {},
): OrganizationSnapshot['accounts'][number] => ({
  id,
  arn: arn('account', id),
  name,
  email: `${name}@example.com`,
  state: 'ACTIVE',
  joinedMethod: 'CREATED',
  joinedTimestamp: '2024-01-02T03:04:05.000Z',
  parentId,
  path,
  tags: {},
  ...extra,
});

/**
 * A small organization: root › Workloads › Prod, three accounts, three SCPs
 * (one AWS-managed, one unparseable), two permission sets, two groups and
 * three users, some of which map to catalog entities.
 */
export function createSnapshot(): OrganizationSnapshot {
  return {
    schemaVersion: 1,
    readAt: '2026-11-27T12:00:00.000Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: ORG_ID,
      arn: `arn:aws:organizations::${MANAGEMENT}:organization/${ORG_ID}`,
      featureSet: 'ALL',
      managementAccountId: MANAGEMENT,
      managementAccountArn: arn('account', MANAGEMENT),
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: {
      id: ROOT_ID,
      arn: arn('root', ROOT_ID),
      name: 'Root',
      tags: { owner: 'platform' },
    },
    organizationalUnits: [
      {
        id: OU_WORKLOADS,
        arn: arn('ou', OU_WORKLOADS),
        name: 'Workloads',
        parentId: ROOT_ID,
        path: [ROOT_ID],
        tags: { unknown: true, reason: 'AccessDenied on ListTagsForResource' },
      },
      {
        id: OU_PROD,
        arn: arn('ou', OU_PROD),
        name: 'Prod',
        parentId: OU_WORKLOADS,
        path: [ROOT_ID, OU_WORKLOADS],
        tags: { owner: 'payments' },
      },
    ],
    accounts: [
      account(MANAGEMENT, 'management', ROOT_ID, [ROOT_ID]),
      account(
        PAYMENTS,
        'payments-prod',
        OU_PROD,
        [ROOT_ID, OU_WORKLOADS, OU_PROD],
        {
          tags: { owner: 'payments', env: 'prod' },
        },
      ),
      account(SANDBOX, 'sandbox', OU_WORKLOADS, [ROOT_ID, OU_WORKLOADS], {
        state: 'PENDING_CLOSURE',
        joinedMethod: 'INVITED',
      }),
    ],
    policies: [
      {
        id: 'p-FullAWSAccess',
        arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
        name: 'FullAWSAccess',
        description: 'Allows access to every operation',
        awsManaged: true,
        content:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}',
        targets: [{ targetId: ROOT_ID, type: 'ROOT', name: 'Root' }],
      },
      {
        id: 'p-abcd1234',
        arn: arn('policy/service_control_policy', 'p-abcd1234'),
        name: 'DenyLeaveOrganization',
        description: '',
        awsManaged: false,
        content:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}',
        targets: [
          {
            targetId: OU_WORKLOADS,
            type: 'ORGANIZATIONAL_UNIT',
            name: 'Workloads',
          },
          { targetId: PAYMENTS, type: 'ACCOUNT', name: 'payments-prod' },
        ],
      },
      {
        id: 'p-broken00',
        arn: arn('policy/service_control_policy', 'p-broken00'),
        name: 'Broken',
        description: 'Not JSON',
        awsManaged: false,
        content: '{"Version": ',
        parseError: 'Unexpected end of JSON input',
        targets: [],
      },
    ],
    identityCenter: {
      status: 'available',
      instanceArn: INSTANCE,
      identityStoreId: 'd-9067abcdef',
      permissionSets: [
        {
          arn: PS_ADMIN,
          name: 'AdministratorAccess',
          description: 'Full administrator access',
          sessionDuration: 'PT1H',
          managedPolicies: [
            {
              arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
              name: 'AdministratorAccess',
            },
          ],
          customerManagedPolicies: [{ name: 'audit-tags', path: '/' }],
          inlinePolicy:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}',
          permissionsBoundary: {
            type: 'managed',
            managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
          },
          tags: {},
        },
        {
          arn: PS_READ,
          name: 'ReadOnlyAccess',
          sessionDuration: 'PT8H',
          relayState: 'https://console.aws.amazon.com/cloudwatch',
          managedPolicies: [
            {
              arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
              name: 'ReadOnlyAccess',
            },
          ],
          customerManagedPolicies: { unknown: true, reason: 'AccessDenied' },
          inlinePolicy: null,
          permissionsBoundary: { type: 'none' },
          tags: { unknown: true, reason: 'AccessDenied' },
        },
      ],
      assignments: [
        {
          accountId: MANAGEMENT,
          permissionSetArn: PS_ADMIN,
          principalType: 'GROUP',
          principalId: G_PLATFORM,
        },
        {
          accountId: PAYMENTS,
          permissionSetArn: PS_ADMIN,
          principalType: 'GROUP',
          principalId: G_PLATFORM,
        },
        {
          accountId: PAYMENTS,
          permissionSetArn: PS_READ,
          principalType: 'USER',
          principalId: U_ALICE,
        },
        {
          accountId: SANDBOX,
          permissionSetArn: PS_READ,
          principalType: 'GROUP',
          principalId: G_CONTRACTORS,
        },
      ],
      groups: [
        { id: G_PLATFORM, displayName: 'Platform', externalIds: [] },
        {
          id: G_CONTRACTORS,
          displayName: 'Contractors',
          description: 'External contractors',
          externalIds: [],
        },
      ],
      users: [
        {
          id: U_ALICE,
          userName: 'alice',
          displayName: 'Alice Liddell',
          emails: [{ value: 'alice@example.com', primary: true }],
          externalIds: [],
        },
        {
          id: U_BOB,
          userName: 'bob',
          emails: [{ value: 'bob@example.com' }],
          externalIds: [],
        },
        {
          id: U_CAROL,
          userName: 'carol',
          displayName: 'Carol',
          emails: [
            { value: 'carol@home.example', primary: false },
            { value: 'carol@example.com', primary: true },
          ],
          externalIds: [],
        },
      ],
      memberships: [
        { groupId: G_PLATFORM, userId: U_ALICE },
        { groupId: G_PLATFORM, userId: U_BOB },
        { groupId: G_CONTRACTORS, userId: U_CAROL },
      ],
    },
    warnings: [],
    stats: {
      startedAt: '2026-11-27T11:59:00.000Z',
      durationMs: 1234,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}

/** The envelope the backend serves for {@link createSnapshot}. */
export function createEnvelope(
  snapshot: OrganizationSnapshot = createSnapshot(),
): SnapshotEnvelope {
  return {
    etag: '"etag-1"',
    storedAt: '2026-11-27T12:00:01.000Z',
    snapshot,
    resolution: {
      accountOwners: {
        [MANAGEMENT]: { source: 'none', resolvable: false },
        [PAYMENTS]: {
          ref: 'group:default/payments',
          source: 'account-tag',
          tagValue: 'payments',
          resolvable: true,
        },
        [SANDBOX]: {
          ref: 'sandbox-team',
          source: 'ou-tag',
          tagValue: 'sandbox-team',
          ouId: OU_WORKLOADS,
          resolvable: false,
        },
      },
      unitOwners: {
        [ROOT_ID]: {
          ref: 'group:default/platform',
          source: 'default',
          resolvable: true,
        },
        [OU_WORKLOADS]: { source: 'none', resolvable: false },
        [OU_PROD]: {
          ref: 'group:default/payments',
          source: 'ou-tag',
          tagValue: 'payments',
          ouId: OU_PROD,
          resolvable: true,
        },
      },
      principals: {
        [G_PLATFORM]: {
          type: 'GROUP',
          id: G_PLATFORM,
          name: 'Platform',
          ref: 'group:default/platform',
        },
        [U_ALICE]: {
          type: 'USER',
          id: U_ALICE,
          name: 'alice',
          ref: 'user:default/alice',
        },
        [U_BOB]: {
          type: 'USER',
          id: U_BOB,
          name: 'bob',
          ref: 'user:default/bob',
          resolvable: true,
        },
        [G_CONTRACTORS]: {
          type: 'GROUP',
          id: G_CONTRACTORS,
          name: 'Contractors',
        },
        [U_CAROL]: { type: 'USER', id: U_CAROL, name: 'carol' },
      },
      unmappedPrincipals: [
        { type: 'GROUP', id: G_CONTRACTORS, name: 'Contractors' },
      ],
    },
  };
}
