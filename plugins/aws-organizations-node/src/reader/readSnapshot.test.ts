import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand as ListOrgTagsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand as ListSsoTagsCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-identitystore';
import { mockServices } from '@backstage/backend-test-utils';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import { readOrganizationSnapshot } from './readSnapshot';
import { AwsReadError } from './errors';

const MGMT = '111111111111';
const INSTANCE = 'arn:aws:sso:::instance/ssoins-1';
const STORE = 'd-123';
const ps = (n: number) => `arn:aws:sso:::permissionSet/ssoins-1/ps-${n}`;

function awsError(name: string, status = 400) {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

/** Serves `items` in pages of `size`, with NextToken = next offset. */
function page<T>(items: T[], size: number, token?: string) {
  const start = token ? Number(token) : 0;
  const next = start + size < items.length ? String(start + size) : undefined;
  return { slice: items.slice(start, start + size), NextToken: next };
}

const account = (id: string) => ({
  Id: id,
  Arn: `arn:aws:organizations::${MGMT}:account/o-1/${id}`,
  Name: `acct-${id}`,
  Email: `${id}@example.com`,
  State: 'ACTIVE',
  Status: 'SUSPENDED', // retired field: must be ignored when State is set
  JoinedMethod: 'CREATED',
  JoinedTimestamp: new Date('2024-01-02T03:04:05Z'),
});

interface Fixture {
  permissionSets: number;
  groups: string[];
  users: string[];
  provisioned: Record<string, string[]>;
  assignments: {
    accountId: string;
    permissionSetArn: string;
    principalType: 'USER' | 'GROUP';
    principalId: string;
  }[];
  memberships: Record<string, string[]>;
}

const defaultFixture = (): Fixture => ({
  permissionSets: 2,
  groups: ['g-1', 'g-2'],
  users: ['u-1', 'u-2', 'u-3'],
  provisioned: { [ps(1)]: ['200000000001'], [ps(2)]: [] },
  assignments: [
    {
      accountId: '200000000001',
      permissionSetArn: ps(1),
      principalType: 'GROUP',
      principalId: 'g-1',
    },
    {
      accountId: '200000000001',
      permissionSetArn: ps(1),
      principalType: 'USER',
      principalId: 'u-3',
    },
  ],
  memberships: { 'g-1': ['u-1', 'u-2'], 'g-2': [] },
});

function setup(fixture: Fixture = defaultFixture()) {
  const clients = {
    organizations: new OrganizationsClient({ region: 'us-east-1' }),
    ssoAdmin: new SSOAdminClient({ region: 'us-east-1' }),
    identityStore: new IdentitystoreClient({ region: 'us-east-1' }),
  };
  const org = mockClient(clients.organizations);
  const sso = mockClient(clients.ssoAdmin);
  const ids = mockClient(clients.identityStore);

  // root r-1 -> ou-1 (21 accounts: two pages) and one account at the root
  const ouAccounts = Array.from({ length: 21 }, (_, i) =>
    account(String(200000000001 + i)),
  );
  org.on(DescribeOrganizationCommand).resolves({
    Organization: {
      Id: 'o-1',
      Arn: 'arn:aws:organizations::111111111111:organization/o-1',
      FeatureSet: 'ALL',
      MasterAccountId: MGMT,
      MasterAccountArn:
        'arn:aws:organizations::111111111111:account/o-1/111111111111',
      MasterAccountEmail: 'root@example.com',
    },
  });
  org.on(ListRootsCommand).resolves({
    Roots: [
      {
        Id: 'r-1',
        Arn: 'arn:aws:organizations::111111111111:root/o-1/r-1',
        Name: 'Root',
        PolicyTypes: [
          { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
          { Type: 'TAG_POLICY', Status: 'PENDING_DISABLE' },
        ],
      },
    ],
  });
  org.on(ListOrganizationalUnitsForParentCommand).callsFake(input => ({
    OrganizationalUnits:
      input.ParentId === 'r-1'
        ? [{ Id: 'ou-1', Arn: 'arn:ou-1', Name: 'Workloads' }]
        : [],
  }));
  org.on(ListAccountsForParentCommand).callsFake(input => {
    if (input.ParentId === 'r-1') {
      return { Accounts: [account(MGMT)] };
    }
    const { slice, NextToken } = page(
      ouAccounts,
      input.MaxResults,
      input.NextToken,
    );
    return { Accounts: slice, NextToken };
  });
  org.on(ListOrgTagsCommand).callsFake(input => ({
    Tags: [{ Key: 'owner', Value: `team-${input.ResourceId}` }],
  }));
  org.on(ListPoliciesCommand).resolves({
    Policies: [
      {
        Id: 'p-good',
        Arn: 'arn:p-good',
        Name: 'Good',
        Description: 'd',
        AwsManaged: false,
      },
      { Id: 'p-bad', Arn: 'arn:p-bad', Name: 'Bad', AwsManaged: false },
      {
        Id: 'p-FullAWSAccess',
        Arn: 'arn:p-FullAWSAccess',
        Name: 'FullAWSAccess',
        AwsManaged: true,
      },
    ],
  });
  org.on(DescribePolicyCommand).callsFake(input => ({
    Policy: {
      Content:
        input.PolicyId === 'p-bad'
          ? '{"Version": "2012-10-17", "Statement": ['
          : '{"Version":"2012-10-17","Statement":[]}',
    },
  }));
  org.on(ListTargetsForPolicyCommand).callsFake(input => ({
    Targets:
      input.PolicyId === 'p-good'
        ? [{ TargetId: 'ou-1', Type: 'ORGANIZATIONAL_UNIT', Name: 'Workloads' }]
        : [],
  }));

  const setArns = Array.from({ length: fixture.permissionSets }, (_, i) =>
    ps(i + 1),
  );
  sso.on(ListInstancesCommand).resolves({
    Instances: [
      // an account instance of a member account is not the organization's
      {
        InstanceArn: 'arn:other',
        IdentityStoreId: 'd-other',
        OwnerAccountId: '999999999999',
        Status: 'ACTIVE',
      },
      {
        InstanceArn: INSTANCE,
        IdentityStoreId: STORE,
        OwnerAccountId: MGMT,
        Status: 'ACTIVE',
      },
    ],
  });
  sso.on(ListPermissionSetsCommand).resolves({ PermissionSets: setArns });
  sso.on(DescribePermissionSetCommand).callsFake(input => ({
    PermissionSet: {
      PermissionSetArn: input.PermissionSetArn,
      Name: `Set${input.PermissionSetArn.slice(-1)}`,
      Description: 'desc',
      SessionDuration: 'PT4H',
      RelayState: 'https://console.aws.amazon.com/',
    },
  }));
  sso.on(ListManagedPoliciesInPermissionSetCommand).resolves({
    AttachedManagedPolicies: [
      { Arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', Name: 'ReadOnlyAccess' },
    ],
  });
  sso
    .on(ListCustomerManagedPolicyReferencesInPermissionSetCommand)
    .callsFake(input => {
      if (input.PermissionSetArn === ps(2)) {
        throw awsError('InternalServerException', 500);
      }
      return {
        CustomerManagedPolicyReferences: [{ Name: 'Custom', Path: '/x/' }],
      };
    });
  sso.on(GetInlinePolicyForPermissionSetCommand).callsFake(input => ({
    InlinePolicy: input.PermissionSetArn === ps(1) ? '{"Statement":[]}' : '',
  }));
  sso.on(GetPermissionsBoundaryForPermissionSetCommand).callsFake(input => {
    if (input.PermissionSetArn === ps(1)) {
      return {
        PermissionsBoundary: {
          ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
        },
      };
    }
    throw awsError('ResourceNotFoundException');
  });
  sso.on(ListSsoTagsCommand).resolves({ Tags: [{ Key: 'k', Value: 'v' }] });
  sso.on(ListAccountsForProvisionedPermissionSetCommand).callsFake(input => ({
    AccountIds: fixture.provisioned[input.PermissionSetArn] ?? [],
  }));
  const toSdk = (a: Fixture['assignments'][number]) => ({
    AccountId: a.accountId,
    PermissionSetArn: a.permissionSetArn,
    PrincipalType: a.principalType,
    PrincipalId: a.principalId,
  });
  sso.on(ListAccountAssignmentsCommand).callsFake(input => ({
    AccountAssignments: fixture.assignments
      .filter(
        a =>
          a.accountId === input.AccountId &&
          a.permissionSetArn === input.PermissionSetArn,
      )
      .map(toSdk),
  }));
  sso.on(ListAccountAssignmentsForPrincipalCommand).callsFake(input => {
    // like AWS: a user's listing includes what it holds through its groups,
    // with the group as principal
    const groups = Object.entries(fixture.memberships)
      .filter(([, members]) => members.includes(input.PrincipalId))
      .map(([g]) => g);
    return {
      AccountAssignments: fixture.assignments
        .filter(
          a =>
            a.principalId === input.PrincipalId ||
            (input.PrincipalType === 'USER' && groups.includes(a.principalId)),
        )
        .map(toSdk),
    };
  });

  ids.on(ListGroupsCommand).resolves({
    Groups: fixture.groups.map(id => ({
      GroupId: id,
      IdentityStoreId: STORE,
      DisplayName: `Group ${id}`,
      ExternalIds: [{ Issuer: 'okta', Id: `ext-${id}` }],
    })),
  });
  ids.on(ListUsersCommand).resolves({
    Users: fixture.users.map(id => ({
      UserId: id,
      IdentityStoreId: STORE,
      UserName: `${id}@example.com`,
      DisplayName: `User ${id}`,
      Emails: [{ Value: `${id}@example.com`, Type: 'work', Primary: true }],
    })),
  });
  ids.on(ListGroupMembershipsCommand).callsFake(input => ({
    GroupMemberships: (fixture.memberships[input.GroupId] ?? []).map(u => ({
      IdentityStoreId: STORE,
      GroupId: input.GroupId,
      MemberId: { UserId: u },
    })),
  }));
  return { clients, org, sso, ids };
}

const logger = mockServices.logger.mock();

describe('readOrganizationSnapshot', () => {
  it('reads a complete snapshot with the minimal call plan', async () => {
    const { clients, org, sso } = setup();
    const snapshot = await readOrganizationSnapshot({ clients, logger });

    expect(snapshot.complete).toBe(true);
    expect(snapshot.incompleteReasons).toEqual([]);
    expect(snapshot.organization).toEqual({
      id: 'o-1',
      arn: 'arn:aws:organizations::111111111111:organization/o-1',
      featureSet: 'ALL',
      managementAccountId: MGMT,
      managementAccountArn:
        'arn:aws:organizations::111111111111:account/o-1/111111111111',
      managementAccountEmail: 'root@example.com',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    });
    expect(snapshot.root.tags).toEqual({ owner: 'team-r-1' });
    expect(snapshot.organizationalUnits).toEqual([
      {
        id: 'ou-1',
        arn: 'arn:ou-1',
        name: 'Workloads',
        parentId: 'r-1',
        path: ['r-1'],
        tags: { owner: 'team-ou-1' },
      },
    ]);
    expect(snapshot.accounts).toHaveLength(22);
    expect(snapshot.accounts.find(a => a.id === '200000000021')).toEqual({
      id: '200000000021',
      arn: `arn:aws:organizations::${MGMT}:account/o-1/200000000021`,
      name: 'acct-200000000021',
      email: '200000000021@example.com',
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedTimestamp: '2024-01-02T03:04:05.000Z',
      parentId: 'ou-1',
      path: ['r-1', 'ou-1'],
      tags: { owner: 'team-200000000021' },
    });

    // parents come from the walk, policies from their targets
    expect(org.commandCalls(ListParentsCommand)).toHaveLength(0);
    expect(org.commandCalls(ListPoliciesForTargetCommand)).toHaveLength(0);
    // 21 accounts under ou-1 at 20 per page: two pages
    const ouPages = org.commandCalls(ListAccountsForParentCommand, {
      ParentId: 'ou-1',
    });
    expect(ouPages.map(c => c.args[0].input)).toEqual([
      { ParentId: 'ou-1', MaxResults: 20, NextToken: undefined },
      { ParentId: 'ou-1', MaxResults: 20, NextToken: '20' },
    ]);
    // one tag listing per account, OU, the root and customer managed SCP
    expect(org.commandCalls(ListOrgTagsCommand)).toHaveLength(22 + 1 + 1 + 2);
    expect(
      org.commandCalls(ListOrgTagsCommand, { ResourceId: 'p-FullAWSAccess' }),
    ).toHaveLength(0);
    expect(
      org.commandCalls(ListPoliciesCommand)[0].args[0].input,
    ).toMatchObject({
      Filter: 'SERVICE_CONTROL_POLICY',
      MaxResults: 20,
    });
    expect(
      sso.commandCalls(ListPermissionSetsCommand)[0].args[0].input.MaxResults,
    ).toBe(100);

    const [bad, fullAccess, good] = snapshot.policies;
    expect(good).toMatchObject({
      id: 'p-good',
      content: '{"Version":"2012-10-17","Statement":[]}',
      targets: [
        { targetId: 'ou-1', type: 'ORGANIZATIONAL_UNIT', name: 'Workloads' },
      ],
      tags: { owner: 'team-p-good' },
    });
    // AWS managed: AWS's policy, its tags are not read
    expect(fullAccess).toMatchObject({
      id: 'p-FullAWSAccess',
      awsManaged: true,
    });
    expect(fullAccess).not.toHaveProperty('tags');
    expect(good.parseError).toBeUndefined();
    expect(bad.content).toBe('{"Version": "2012-10-17", "Statement": [');
    expect(bad.parseError).toEqual(expect.any(String));

    const ic = snapshot.identityCenter;
    if (ic.status !== 'available') throw new Error(`unexpected ${ic.status}`);
    expect(ic.instanceArn).toBe(INSTANCE);
    expect(ic.identityStoreId).toBe(STORE);
    expect(ic.permissionSets[0]).toEqual({
      arn: ps(1),
      name: 'Set1',
      description: 'desc',
      sessionDuration: 'PT4H',
      relayState: 'https://console.aws.amazon.com/',
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          name: 'ReadOnlyAccess',
        },
      ],
      customerManagedPolicies: [{ name: 'Custom', path: '/x/' }],
      inlinePolicy: '{"Statement":[]}',
      permissionsBoundary: {
        type: 'managed',
        managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      },
      tags: { k: 'v' },
    });
    // no boundary is ResourceNotFoundException, not a failure
    expect(ic.permissionSets[1].permissionsBoundary).toEqual({ type: 'none' });
    expect(ic.permissionSets[1].inlinePolicy).toBeNull();
    // a failing optional part is unknown, with a warning
    expect(isUnknown(ic.permissionSets[1].customerManagedPolicies)).toBe(true);
    expect(snapshot.warnings).toEqual([
      {
        operation: 'ListCustomerManagedPolicyReferencesInPermissionSet',
        resource: ps(2),
        message: expect.stringContaining('InternalServerException'),
      },
    ]);
    expect(ic.groups[0]).toEqual({
      id: 'g-1',
      displayName: 'Group g-1',
      externalIds: [{ issuer: 'okta', id: 'ext-g-1' }],
    });
    expect(ic.users[0]).toEqual({
      id: 'u-1',
      userName: 'u-1@example.com',
      displayName: 'User u-1',
      emails: [{ value: 'u-1@example.com', type: 'work', primary: true }],
      externalIds: [],
    });
    expect(ic.memberships).toEqual([
      { groupId: 'g-1', userId: 'u-1' },
      { groupId: 'g-1', userId: 'u-2' },
    ]);
    expect(ic.assignments).toEqual(defaultFixture().assignments);

    expect(snapshot.stats.calls.organizations.ListAccountsForParent).toBe(3);
    expect(snapshot.stats.calls.ssoAdmin.ListAccountAssignments).toBe(1);
    expect(snapshot.stats.assignmentStrategy).toBe('per-permission-set');
    expect(snapshot.stats.assignmentEstimate).toEqual({
      perPermissionSet: 3,
      perPrincipal: 5,
    });
  });

  it('lists per principal when that is cheaper, attributing group assignments to the group', async () => {
    const fixture = defaultFixture();
    fixture.permissionSets = 6;
    fixture.groups = ['g-1'];
    fixture.users = ['u-1', 'u-3'];
    fixture.memberships = { 'g-1': ['u-1'] };
    const { clients, sso } = setup(fixture);
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    const ic = snapshot.identityCenter;
    if (ic.status !== 'available') throw new Error(`unexpected ${ic.status}`);

    expect(snapshot.stats.assignmentStrategy).toBe('per-principal');
    // 6 sets >= 3 principals: no probing of provisioned accounts
    expect(
      sso.commandCalls(ListAccountsForProvisionedPermissionSetCommand),
    ).toHaveLength(0);
    expect(sso.commandCalls(ListAccountAssignmentsCommand)).toHaveLength(0);
    expect(
      sso.commandCalls(ListAccountAssignmentsForPrincipalCommand),
    ).toHaveLength(3);
    // u-1 sees g-1's assignment through the group: kept once, as the group's
    expect(ic.assignments).toEqual(fixture.assignments);
  });

  it('switches to per principal when probing shows many provisioned pairs', async () => {
    const fixture = defaultFixture();
    fixture.provisioned = {
      [ps(1)]: Array.from({ length: 10 }, (_, i) => String(200000000001 + i)),
      [ps(2)]: [],
    };
    const { clients, sso } = setup(fixture);
    const snapshot = await readOrganizationSnapshot({ clients, logger });

    expect(snapshot.stats.assignmentStrategy).toBe('per-principal');
    expect(snapshot.stats.assignmentEstimate).toEqual({
      perPermissionSet: 12,
      perPrincipal: 5,
    });
    expect(sso.commandCalls(ListAccountAssignmentsCommand)).toHaveLength(0);
    expect(
      sso.commandCalls(ListAccountAssignmentsForPrincipalCommand),
    ).toHaveLength(5);
    const ic = snapshot.identityCenter;
    expect(ic.status === 'available' && ic.assignments).toEqual(
      fixture.assignments,
    );
  });

  it('fails with a typed error and no snapshot when a required listing fails', async () => {
    const { clients, org } = setup();
    org
      .on(ListAccountsForParentCommand, { ParentId: 'ou-1' })
      .rejects(awsError('AccessDeniedException', 403));
    const error = await readOrganizationSnapshot({ clients, logger }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(AwsReadError);
    expect(error).toMatchObject({
      service: 'organizations',
      operation: 'ListAccountsForParent',
      resource: 'ou-1',
      code: 'AccessDeniedException',
    });
  });

  it('fails when a required Identity Center listing fails for another reason', async () => {
    const { clients, sso } = setup();
    sso
      .on(DescribePermissionSetCommand)
      .rejects(awsError('ThrottlingException'));
    await expect(
      readOrganizationSnapshot({ clients, logger }),
    ).rejects.toMatchObject({
      operation: 'DescribePermissionSet',
      code: 'ThrottlingException',
    });
  });

  it.each([
    ['SSO Admin', 'ssoAdmin', 'ListPermissionSets'],
    ['the Identity Store', 'identityStore', 'ListUsers'],
  ])(
    'marks Identity Center unavailable and the snapshot incomplete on AccessDenied from %s',
    async (_, service, operation) => {
      const mocks = setup();
      const denied = awsError('AccessDeniedException', 400);
      if (service === 'ssoAdmin') {
        mocks.sso.on(ListPermissionSetsCommand).rejects(denied);
      } else {
        mocks.ids.on(ListUsersCommand).rejects(denied);
      }
      const snapshot = await readOrganizationSnapshot({
        clients: mocks.clients,
        logger,
      });
      expect(snapshot.accounts).toHaveLength(22);
      expect(snapshot.policies).toHaveLength(3);
      expect(snapshot.identityCenter).toEqual({
        status: 'unavailable',
        reason: expect.stringContaining(operation),
      });
      expect(snapshot.complete).toBe(false);
      expect(snapshot.incompleteReasons).toEqual([
        expect.stringContaining('AccessDeniedException'),
      ]);
    },
  );

  it('reports Identity Center not enabled when there is no organization instance', async () => {
    const { clients, sso } = setup();
    sso.on(ListInstancesCommand).resolves({
      Instances: [
        {
          InstanceArn: 'arn:other',
          IdentityStoreId: 'd-other',
          OwnerAccountId: '999999999999',
        },
      ],
    });
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.identityCenter).toEqual({ status: 'not-enabled' });
    expect(snapshot.complete).toBe(true);
    expect(sso.commandCalls(ListPermissionSetsCommand)).toHaveLength(0);
  });

  it('degrades unreadable tags to unknown with a warning', async () => {
    const { clients, org } = setup();
    org
      .on(ListOrgTagsCommand, { ResourceId: '200000000005' })
      .rejects(awsError('AccessDeniedException', 403));
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.complete).toBe(true);
    const acct = snapshot.accounts.find(a => a.id === '200000000005')!;
    expect(acct.tags).toEqual({
      unknown: true,
      reason: expect.stringContaining('AccessDenied'),
    });
    expect(snapshot.warnings).toContainEqual({
      operation: 'ListTagsForResource',
      resource: '200000000005',
      message: expect.stringContaining('AccessDeniedException'),
    });
  });

  it('degrades unreadable SCP tags to unknown with a warning', async () => {
    const { clients, org } = setup();
    org
      .on(ListOrgTagsCommand, { ResourceId: 'p-good' })
      .rejects(awsError('AccessDeniedException', 403));
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.complete).toBe(true);
    const policy = snapshot.policies.find(p => p.id === 'p-good')!;
    expect(policy.tags).toEqual({
      unknown: true,
      reason: expect.stringContaining('AccessDenied'),
    });
    expect(snapshot.policies.find(p => p.id === 'p-bad')!.tags).toEqual({
      owner: 'team-p-bad',
    });
    expect(snapshot.warnings).toContainEqual({
      operation: 'ListTagsForResource',
      resource: 'p-good',
      message: expect.stringContaining('AccessDeniedException'),
    });
  });

  it('follows empty pages that carry a NextToken', async () => {
    const { clients, ids } = setup();
    ids
      .on(ListGroupsCommand)
      .resolvesOnce({ Groups: [], NextToken: 'a' })
      .resolvesOnce({ Groups: [], NextToken: 'b' })
      .resolves({
        Groups: [{ GroupId: 'g-1', IdentityStoreId: STORE, DisplayName: 'G' }],
      });
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    const ic = snapshot.identityCenter;
    expect(ic.status === 'available' && ic.groups.map(g => g.id)).toEqual([
      'g-1',
    ]);
    expect(snapshot.stats.calls.identityStore.ListGroups).toBe(3);
  });
});
