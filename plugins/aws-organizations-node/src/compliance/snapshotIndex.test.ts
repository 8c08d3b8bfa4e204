import type {
  Account,
  OrganizationSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import { createComplianceSnapshotIndex } from './snapshotIndex';

const account = (id: string, path: string[]): Account => ({
  id,
  arn: `arn:aws:organizations::111111111111:account/o-x/${id}`,
  name: `acct-${id}`,
  email: `${id}@example.com`,
  state: 'ACTIVE',
  joinedMethod: 'CREATED',
  joinedTimestamp: '2024-01-01T00:00:00Z',
  parentId: path[path.length - 1],
  path,
  tags: {},
});
const ou = (id: string, name: string, path: string[]) => ({
  id,
  arn: `arn:${id}`,
  name,
  parentId: path[path.length - 1],
  path,
  tags: {},
});
const ADMIN = 'arn:aws:sso:::permissionSet/ssoins-x/ps-admin';

const snapshot: OrganizationSnapshot = {
  schemaVersion: 1,
  readAt: '2026-01-01T00:00:00Z',
  complete: true,
  incompleteReasons: [],
  organization: {
    id: 'o-x',
    arn: 'arn:o-x',
    featureSet: 'ALL',
    managementAccountId: '111111111111',
    managementAccountArn: 'arn:mgmt',
    enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
  },
  root: { id: 'r-x', arn: 'arn:r-x', name: 'Root', tags: {} },
  organizationalUnits: [
    ou('ou-w', 'Workloads', ['r-x']),
    ou('ou-p', 'Prod', ['r-x', 'ou-w']),
    ou('ou-s', 'Security', ['r-x']),
  ],
  accounts: [
    account('111111111111', ['r-x']),
    account('222222222222', ['r-x', 'ou-w', 'ou-p']),
    account('333333333333', ['r-x', 'ou-s']),
  ],
  policies: [],
  identityCenter: {
    status: 'available',
    instanceArn: 'arn:aws:sso:::instance/ssoins-x',
    identityStoreId: 'd-x',
    permissionSets: [
      {
        arn: ADMIN,
        name: 'Admin',
        sessionDuration: 'PT1H',
        managedPolicies: [
          {
            arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
            name: 'AdministratorAccess',
          },
        ],
        customerManagedPolicies: [],
        inlinePolicy: null,
        permissionsBoundary: { type: 'none' },
        tags: {},
      },
    ],
    assignments: [
      {
        accountId: '222222222222',
        permissionSetArn: ADMIN,
        principalType: 'GROUP',
        principalId: 'g-1',
      },
    ],
    groups: [{ id: 'g-1', displayName: 'platform', externalIds: [] }],
    users: [{ id: 'u-1', userName: 'ana', emails: [], externalIds: [] }],
    memberships: [{ groupId: 'g-1', userId: 'u-1' }],
  },
  warnings: [],
  stats: {
    startedAt: '2026-01-01T00:00:00Z',
    durationMs: 1,
    calls: {},
    retries: 0,
    throttles: 0,
  },
};

describe('createComplianceSnapshotIndex', () => {
  const index = createComplianceSnapshotIndex(snapshot);

  it('matches units by id or name, case-insensitively, with descendants', () => {
    expect([...index.unitsMatching(['workloads'])].sort()).toEqual([
      'ou-p',
      'ou-w',
    ]);
    expect([...index.unitsMatching(['ou-s'])]).toEqual(['ou-s']);
    expect(index.unitsMatching(['Root']).size).toBe(4);
    const prod = index.account('222222222222')!;
    expect(index.isInUnits(prod, index.unitsMatching(['Workloads']))).toBe(
      true,
    );
    expect(index.isInUnits(prod, index.unitsMatching(['Security']))).toBe(
      false,
    );
  });

  it('indexes assignments, permission sets, members and classifications', () => {
    expect(index.assignmentsOf('222222222222')).toHaveLength(1);
    expect(index.assignmentsOf('333333333333')).toEqual([]);
    expect(index.classify(ADMIN)).toMatchObject({
      privileged: true,
      level: 'administrator',
    });
    expect(index.groupMembers('g-1').map(u => u.userName)).toEqual(['ana']);
    expect(index.principalName('GROUP', 'g-1')).toBe('platform');
    expect(index.principalName('USER', 'u-unknown')).toBe('u-unknown');
    expect(index.isManagementAccount('111111111111')).toBe(true);
    expect(index.identityCenter).toEqual({ status: 'available' });
    expect(
      index.effectiveScps('222222222222').levels.map(l => l.targetId),
    ).toEqual(['r-x', 'ou-w', 'ou-p', '222222222222']);
  });
});
