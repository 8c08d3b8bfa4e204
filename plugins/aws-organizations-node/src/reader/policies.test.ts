import { mockClient } from 'aws-sdk-client-mock';
import {
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  ListInstancesCommand,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { mockServices } from '@backstage/backend-test-utils';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import { readOrganizationSnapshot } from './readSnapshot';

const MGMT = '111111111111';
const RCP = 'RESOURCE_CONTROL_POLICY';

function awsError(name: string, status = 400) {
  return Object.assign(new Error(name), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

/** Policies per type: id, AWS managed, targets. */
const POLICIES: Record<string, [string, boolean, string[]][]> = {
  SERVICE_CONTROL_POLICY: [['p-FullAWSAccess', true, ['r-1', 'ou-1']]],
  [RCP]: [
    ['p-RCPFullAWSAccess', true, ['r-1', 'ou-1', '200000000001']],
    ['p-perimeter', false, ['ou-1']],
  ],
  TAG_POLICY: [['p-tags', false, ['r-1']]],
  BACKUP_POLICY: [['p-backup', false, ['ou-1']]],
  FUTURE_POLICY: [['p-future', false, []]],
};

function setup(
  policyTypes: [string, string][],
  failListing: Record<string, string> = {},
) {
  const clients = {
    organizations: new OrganizationsClient({ region: 'us-east-1' }),
    ssoAdmin: new SSOAdminClient({ region: 'us-east-1' }),
    identityStore: new IdentitystoreClient({ region: 'us-east-1' }),
  };
  const org = mockClient(clients.organizations);
  const sso = mockClient(clients.ssoAdmin);
  mockClient(clients.identityStore);
  org.on(DescribeOrganizationCommand).resolves({
    Organization: { Id: 'o-1', FeatureSet: 'ALL', MasterAccountId: MGMT },
  });
  org.on(ListRootsCommand).resolves({
    Roots: [
      {
        Id: 'r-1',
        Name: 'Root',
        PolicyTypes: policyTypes.map(([Type, Status]) => ({
          Type: Type as never,
          Status: Status as never,
        })),
      },
    ],
  });
  org.on(ListOrganizationalUnitsForParentCommand).callsFake(input => ({
    OrganizationalUnits:
      input.ParentId === 'r-1' ? [{ Id: 'ou-1', Name: 'Workloads' }] : [],
  }));
  org.on(ListAccountsForParentCommand).callsFake(input => ({
    Accounts:
      input.ParentId === 'ou-1'
        ? [
            {
              Id: '200000000001',
              Name: 'app',
              State: 'ACTIVE',
              JoinedMethod: 'CREATED',
            },
          ]
        : [],
  }));
  org.on(ListTagsForResourceCommand).callsFake(input => ({
    Tags: [{ Key: 'owner', Value: `team-${input.ResourceId}` }],
  }));
  org.on(ListPoliciesCommand).callsFake(input => {
    const failure = failListing[input.Filter];
    if (failure)
      throw awsError(failure, failure.startsWith('Service') ? 500 : 400);
    return {
      Policies: (POLICIES[input.Filter] ?? []).map(([Id, AwsManaged]) => ({
        Id,
        Arn: `arn:${Id}`,
        Name: Id.slice(2),
        Description: `about ${Id}`,
        Type: input.Filter,
        AwsManaged,
      })),
    };
  });
  const all = Object.values(POLICIES).flat();
  org.on(DescribePolicyCommand).callsFake(input => ({
    Policy: { Content: `{"id":"${input.PolicyId}"}` },
  }));
  org.on(ListTargetsForPolicyCommand).callsFake(input => ({
    Targets: all
      .find(([id]) => id === input.PolicyId)![2]
      .map(TargetId => ({
        TargetId,
        Name: TargetId,
        Type: TargetId.startsWith('r-')
          ? 'ROOT'
          : TargetId.startsWith('ou-')
          ? 'ORGANIZATIONAL_UNIT'
          : 'ACCOUNT',
      })),
  }));
  sso.on(ListInstancesCommand).resolves({ Instances: [] });
  return { clients, org };
}

const logger = mockServices.logger.mock();

describe('reading RCPs and the other policy types', () => {
  const enabled: [string, string][] = [
    ['SERVICE_CONTROL_POLICY', 'ENABLED'],
    ['BACKUP_POLICY', 'ENABLED'],
    [RCP, 'ENABLED'],
    ['FUTURE_POLICY', 'ENABLED'],
    ['TAG_POLICY', 'ENABLED'],
    ['CHATBOT_POLICY', 'PENDING_ENABLE'],
  ];

  it('reads RCPs with documents, targets and tags, and each enabled type, one listing per type', async () => {
    const { clients, org } = setup(enabled);
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.complete).toBe(true);
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.rootPolicyTypes).toEqual(
      enabled.map(([type, status]) => ({ type, status })),
    );
    expect(snapshot.organization.enabledPolicyTypes).not.toContain(
      'CHATBOT_POLICY',
    );
    expect(snapshot.resourceControlPolicies).toEqual([
      // Sorted by id.
      {
        id: 'p-perimeter',
        arn: 'arn:p-perimeter',
        name: 'perimeter',
        description: 'about p-perimeter',
        awsManaged: false,
        content: '{"id":"p-perimeter"}',
        targets: [
          { targetId: 'ou-1', type: 'ORGANIZATIONAL_UNIT', name: 'ou-1' },
        ],
        tags: { owner: 'team-p-perimeter' },
      },
      {
        id: 'p-RCPFullAWSAccess',
        arn: 'arn:p-RCPFullAWSAccess',
        name: 'RCPFullAWSAccess',
        description: 'about p-RCPFullAWSAccess',
        awsManaged: true,
        content: '{"id":"p-RCPFullAWSAccess"}',
        targets: [
          { targetId: 'r-1', type: 'ROOT', name: 'r-1' },
          { targetId: 'ou-1', type: 'ORGANIZATIONAL_UNIT', name: 'ou-1' },
          { targetId: '200000000001', type: 'ACCOUNT', name: '200000000001' },
        ],
      },
    ]);
    // Known types in the API's order, then a type the list lacks.
    expect(
      snapshot.otherPolicyTypes!.map(t => [
        t.type,
        isUnknown(t.policies) ? 'unknown' : t.policies.map(p => p.id),
      ]),
    ).toEqual([
      ['BACKUP_POLICY', ['p-backup']],
      ['TAG_POLICY', ['p-tags']],
      ['FUTURE_POLICY', ['p-future']],
    ]);
    const tags = snapshot.otherPolicyTypes![1].policies;
    expect(tags).toEqual([
      expect.objectContaining({
        type: 'TAG_POLICY',
        content: '{"id":"p-tags"}',
        targets: [{ targetId: 'r-1', type: 'ROOT', name: 'r-1' }],
        tags: { owner: 'team-p-tags' },
      }),
    ]);
    // The call plan: one ListPolicies per enabled type (none for a pending
    // one), per policy one DescribePolicy and one ListTargetsForPolicy,
    // never a policy listing per target.
    const filters = org
      .commandCalls(ListPoliciesCommand)
      .map(c => c.args[0].input.Filter)
      .sort();
    expect(filters).toEqual(
      [
        'SERVICE_CONTROL_POLICY',
        RCP,
        'TAG_POLICY',
        'BACKUP_POLICY',
        'FUTURE_POLICY',
      ].sort(),
    );
    expect(org.commandCalls(ListPoliciesForTargetCommand)).toHaveLength(0);
    expect(org.commandCalls(DescribePolicyCommand)).toHaveLength(6);
    expect(org.commandCalls(ListTargetsForPolicyCommand)).toHaveLength(6);
    // Tags of customer managed policies only.
    const tagged = org
      .commandCalls(ListTagsForResourceCommand)
      .map(c => c.args[0].input.ResourceId)
      .filter(id => id!.startsWith('p-'))
      .sort();
    expect(tagged).toEqual(['p-backup', 'p-future', 'p-perimeter', 'p-tags']);
    expect(snapshot.stats.calls.organizations.ListPolicies).toBe(5);
  });

  it('makes a part whose listing fails unknown with a warning, never empty', async () => {
    const { clients } = setup(enabled, {
      [RCP]: 'AccessDeniedException',
      BACKUP_POLICY: 'AccessDeniedException',
    });
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.complete).toBe(true);
    expect(snapshot.resourceControlPolicies).toEqual({
      unknown: true,
      reason: 'ListPolicies failed: AccessDeniedException',
    });
    const backup = snapshot.otherPolicyTypes!.find(
      t => t.type === 'BACKUP_POLICY',
    )!;
    expect(isUnknown(backup.policies)).toBe(true);
    const tags = snapshot.otherPolicyTypes!.find(t => t.type === 'TAG_POLICY')!;
    expect(isUnknown(tags.policies)).toBe(false);
    expect(snapshot.warnings).toEqual(
      expect.arrayContaining([
        {
          operation: 'ListPolicies',
          resource: RCP,
          message: 'ListPolicies failed: AccessDeniedException',
        },
        {
          operation: 'ListPolicies',
          resource: 'BACKUP_POLICY',
          message: 'ListPolicies failed: AccessDeniedException',
        },
      ]),
    );
    // SCPs stay required: their listing failing fails the read.
    const failing = setup(enabled, {
      SERVICE_CONTROL_POLICY: 'AccessDeniedException',
    });
    await expect(
      readOrganizationSnapshot({ clients: failing.clients, logger }),
    ).rejects.toMatchObject({
      name: 'AwsReadError',
      operation: 'ListPolicies',
    });
  });

  it('holds no RCPs and no other types when the root enables none', async () => {
    const { clients, org } = setup([['SERVICE_CONTROL_POLICY', 'ENABLED']]);
    const snapshot = await readOrganizationSnapshot({ clients, logger });
    expect(snapshot.resourceControlPolicies).toEqual([]);
    expect(snapshot.otherPolicyTypes).toEqual([]);
    expect(
      org.commandCalls(ListPoliciesCommand).map(c => c.args[0].input.Filter),
    ).toEqual(['SERVICE_CONTROL_POLICY']);
  });
});
