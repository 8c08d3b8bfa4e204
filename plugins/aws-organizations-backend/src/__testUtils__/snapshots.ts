import {
  Account,
  OrganizationSnapshot,
  OrganizationalUnit,
  PermissionSet,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';

export const ROOT_ID = 'r-root';

export function ou(
  id: string,
  name: string,
  path: string[] = [ROOT_ID],
  tags: Record<string, string> = {},
): OrganizationalUnit {
  return {
    id,
    arn: `arn:aws:organizations::111111111111:ou/o-test/${id}`,
    name,
    parentId: path[path.length - 1],
    path,
    tags,
  };
}

export function account(
  id: string,
  name: string,
  path: string[] = [ROOT_ID],
  tags: Record<string, string> = {},
): Account {
  return {
    id,
    arn: `arn:aws:organizations::111111111111:account/o-test/${id}`,
    name,
    email: `${name}@example.com`,
    state: 'ACTIVE',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2024-01-01T00:00:00.000Z',
    parentId: path[path.length - 1],
    path,
    tags,
  };
}

export function policy(
  id: string,
  name: string,
  content: object,
  targets: ServiceControlPolicy['targets'] = [],
): ServiceControlPolicy {
  return {
    id,
    arn: `arn:aws:organizations::111111111111:policy/o-test/service_control_policy/${id}`,
    name,
    description: `${name} policy`,
    awsManaged: false,
    content: JSON.stringify(content),
    targets,
  };
}

export function permissionSet(
  name: string,
  extra: Partial<PermissionSet> = {},
): PermissionSet {
  return {
    arn: `arn:aws:sso:::permissionSet/ssoins-test/ps-${name.toLowerCase()}`,
    name,
    sessionDuration: 'PT1H',
    managedPolicies: [],
    customerManagedPolicies: [],
    inlinePolicy: null,
    permissionsBoundary: { type: 'none' },
    tags: {},
    ...extra,
  };
}

/**
 * What every test snapshot shares: the organization o-test with management
 * account 111111111111, its root, no warnings, trivial read statistics.
 */
export function snapshotShell(): Pick<
  OrganizationSnapshot,
  | 'schemaVersion'
  | 'readAt'
  | 'complete'
  | 'incompleteReasons'
  | 'organization'
  | 'root'
  | 'warnings'
  | 'stats'
> {
  return {
    schemaVersion: 1,
    readAt: '2026-01-01T00:00:00.000Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-test',
      arn: 'arn:aws:organizations::111111111111:organization/o-test',
      featureSet: 'ALL',
      managementAccountId: '111111111111',
      managementAccountArn:
        'arn:aws:organizations::111111111111:account/o-test/111111111111',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: {
      id: ROOT_ID,
      arn: 'arn:aws:organizations::111111111111:root/o-test/r-root',
      name: 'Root',
      tags: {},
    },
    warnings: [],
    stats: {
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 10,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}

/** A small complete snapshot: root > Dev, Prod; accounts in both. */
export function baseSnapshot(): OrganizationSnapshot {
  return {
    ...snapshotShell(),
    organizationalUnits: [
      ou('ou-dev', 'Dev', [ROOT_ID], { owner: 'platform' }),
      ou('ou-prod', 'Prod'),
      ou('ou-payments', 'Payments', [ROOT_ID, 'ou-prod']),
    ],
    accounts: [
      account('111111111111', 'management'),
      account('222222222222', 'payments-dev', [ROOT_ID, 'ou-dev'], {
        owner: 'payments',
      }),
      account('333333333333', 'payments-prod', [
        ROOT_ID,
        'ou-prod',
        'ou-payments',
      ]),
    ],
    policies: [
      policy(
        'p-deny-leave',
        'DenyLeave',
        {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: 'organizations:LeaveOrganization',
              Resource: '*',
            },
          ],
        },
        [{ targetId: ROOT_ID, type: 'ROOT', name: 'Root' }],
      ),
    ],
    identityCenter: {
      status: 'available',
      instanceArn: 'arn:aws:sso:::instance/ssoins-test',
      identityStoreId: 'd-test',
      permissionSets: [permissionSet('Admin'), permissionSet('ReadOnly')],
      assignments: [
        {
          accountId: '222222222222',
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin',
          principalType: 'GROUP',
          principalId: 'g-platform',
        },
        {
          accountId: '333333333333',
          permissionSetArn:
            'arn:aws:sso:::permissionSet/ssoins-test/ps-readonly',
          principalType: 'USER',
          principalId: 'u-alice',
        },
      ],
      groups: [
        {
          id: 'g-platform',
          displayName: 'Platform Team',
          externalIds: [{ issuer: 'idp', id: 'ext-platform' }],
        },
        { id: 'g-unused', displayName: 'Unused', externalIds: [] },
      ],
      users: [
        {
          id: 'u-alice',
          userName: 'Alice.Smith@example.com',
          emails: [{ value: 'alice@corp.example', primary: true }],
          externalIds: [],
        },
        { id: 'u-bob', userName: 'bob', emails: [], externalIds: [] },
      ],
      memberships: [{ groupId: 'g-platform', userId: 'u-alice' }],
    },
  };
}
