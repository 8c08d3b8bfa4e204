import {
  AccountNotFoundException,
  AWSOrganizationsNotInUseException,
  ChildNotFoundException,
  DescribeAccountCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  InvalidInputException,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  OrganizationalUnitNotFoundException,
  ParentNotFoundException,
  PolicyNotFoundException,
  TargetNotFoundException,
} from '@aws-sdk/client-organizations';
import { sdkClients } from '../../__testUtils__/clients';
import { DEMO_IDS } from '../../datasets';
import { RunningEmulator, startEmulator } from '../../emulator';
import {
  addAccount,
  createEmptyState,
  createOrganization,
  addOrganizationalUnit,
} from '../../state';

describe('Organizations reads', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const ous = DEMO_IDS.ous;

  beforeAll(async () => {
    emulator = await startEmulator({ dataset: 'demo' });
    aws = sdkClients(emulator.url);
  });
  afterAll(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('describes the organization and its root', async () => {
    const org = await aws.organizations.send(new DescribeOrganizationCommand());
    expect(org.Organization).toMatchObject({
      Id: 'o-a1b2c3d4e5',
      Arn: 'arn:aws:organizations::481516234200:organization/o-a1b2c3d4e5',
      FeatureSet: 'ALL',
      MasterAccountId: '481516234200',
      MasterAccountArn:
        'arn:aws:organizations::481516234200:account/o-a1b2c3d4e5/481516234200',
    });
    const roots = await aws.organizations.send(new ListRootsCommand({}));
    expect(roots.Roots).toEqual([
      {
        Id: 'r-a1b2',
        Arn: 'arn:aws:organizations::481516234200:root/o-a1b2c3d4e5/r-a1b2',
        Name: 'Root',
        PolicyTypes: [
          'SERVICE_CONTROL_POLICY',
          'RESOURCE_CONTROL_POLICY',
          'TAG_POLICY',
          'BACKUP_POLICY',
          'AISERVICES_OPT_OUT_POLICY',
          'DECLARATIVE_POLICY_EC2',
        ].map(Type => ({ Type, Status: 'ENABLED' })),
      },
    ]);
  });

  it('lists OUs and accounts under parents, with State and Status', async () => {
    const top = await aws.organizations.send(
      new ListOrganizationalUnitsForParentCommand({ ParentId: 'r-a1b2' }),
    );
    expect(top.OrganizationalUnits?.map(o => o.Name)).toEqual([
      'Security',
      'Infrastructure',
      'Workloads',
      'Sandbox',
      'Transitional',
      'Suspended',
    ]);
    expect(top.OrganizationalUnits?.[0].Arn).toBe(
      `arn:aws:organizations::481516234200:ou/o-a1b2c3d4e5/${ous.Security}`,
    );
    const suspended = await aws.organizations.send(
      new ListAccountsForParentCommand({ ParentId: ous.Suspended }),
    );
    expect(suspended.Accounts).toEqual([
      expect.objectContaining({
        Id: '890064911801',
        Name: 'legacy-marketing',
        State: 'SUSPENDED',
        Status: 'SUSPENDED',
        JoinedMethod: 'INVITED',
        JoinedTimestamp: expect.any(Date),
        Arn: 'arn:aws:organizations::481516234200:account/o-a1b2c3d4e5/890064911801',
      }),
    ]);
  });

  it('pages ListAccounts by 20 and describes accounts and OUs', async () => {
    const first = await aws.organizations.send(new ListAccountsCommand({}));
    expect(first.Accounts).toHaveLength(18);
    expect(first.NextToken).toBeUndefined();
    const account = await aws.organizations.send(
      new DescribeAccountCommand({ AccountId: '613457820019' }),
    );
    expect(account.Account).toMatchObject({
      Name: 'network-hub',
      Email: 'aws+network-hub@acme.example',
      State: 'ACTIVE',
      Status: 'ACTIVE',
    });
    const ou = await aws.organizations.send(
      new DescribeOrganizationalUnitCommand({
        OrganizationalUnitId: ous['Prod-EU'],
      }),
    );
    expect(ou.OrganizationalUnit?.Name).toBe('Prod-EU');
  });

  it('lists parents and tags', async () => {
    const parents = await aws.organizations.send(
      new ListParentsCommand({ ChildId: ous['Prod-US'] }),
    );
    expect(parents.Parents).toEqual([
      { Id: ous.Prod, Type: 'ORGANIZATIONAL_UNIT' },
    ]);
    const rootParent = await aws.organizations.send(
      new ListParentsCommand({ ChildId: '481516234200' }),
    );
    expect(rootParent.Parents).toEqual([{ Id: 'r-a1b2', Type: 'ROOT' }]);
    const tags = await aws.organizations.send(
      new ListTagsForResourceCommand({ ResourceId: ous.Security }),
    );
    expect(tags.Tags).toEqual([{ Key: 'owner', Value: 'security' }]);
    const accountTags = await aws.organizations.send(
      new ListTagsForResourceCommand({ ResourceId: '879953800701' }),
    );
    expect(accountTags.Tags).toEqual([
      { Key: 'environment', Value: 'sandbox' },
    ]);
  });

  it('lists and describes SCPs with their targets', async () => {
    const policies = await aws.organizations.send(
      new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }),
    );
    expect(policies.Policies?.map(p => p.Name)).toEqual([
      'FullAWSAccess',
      'DenyIamUserCreation',
      'ProtectCloudTrail',
      'RegionRestriction',
      'SandboxAllowList',
      'DenyLeaveOrganization',
    ]);
    expect(policies.Policies?.[0]).toMatchObject({
      Id: 'p-FullAWSAccess',
      AwsManaged: true,
      Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
    });
    const tagPolicies = await aws.organizations.send(
      new ListPoliciesCommand({ Filter: 'TAG_POLICY' }),
    );
    expect(tagPolicies.Policies?.map(p => [p.Id, p.Type])).toEqual([
      [DEMO_IDS.otherPolicies.CostCenterTags, 'TAG_POLICY'],
    ]);
    const chatbot = await aws.organizations.send(
      new ListPoliciesCommand({ Filter: 'CHATBOT_POLICY' }),
    );
    expect(chatbot.Policies).toEqual([]);
    const region = await aws.organizations.send(
      new DescribePolicyCommand({
        PolicyId: DEMO_IDS.policies.RegionRestriction,
      }),
    );
    const doc = JSON.parse(region.Policy!.Content!);
    expect(doc.Statement[0].Condition.StringNotLike).toEqual({
      'aws:RequestedRegion': ['us-*', 'ca-*', 'eu-*'],
    });
    const targets = await aws.organizations.send(
      new ListTargetsForPolicyCommand({
        PolicyId: DEMO_IDS.policies.DenyIamUserCreation,
      }),
    );
    expect(targets.Targets).toEqual([
      expect.objectContaining({
        TargetId: ous.Workloads,
        Type: 'ORGANIZATIONAL_UNIT',
        Name: 'Workloads',
      }),
    ]);
    const sandbox = await aws.organizations.send(
      new ListPoliciesForTargetCommand({
        TargetId: ous.Sandbox,
        Filter: 'SERVICE_CONTROL_POLICY',
      }),
    );
    expect(sandbox.Policies?.map(p => p.Name)).toEqual(['SandboxAllowList']);
  });

  it('answers Organizations’ specific not-found and validation errors', async () => {
    const send = (command: any) => aws.organizations.send(command);
    await expect(
      send(new DescribeAccountCommand({ AccountId: '111111111111' })),
    ).rejects.toBeInstanceOf(AccountNotFoundException);
    await expect(
      send(new ListAccountsForParentCommand({ ParentId: 'ou-a1b2-zzzzzzzz' })),
    ).rejects.toBeInstanceOf(ParentNotFoundException);
    await expect(
      send(new DescribePolicyCommand({ PolicyId: 'p-zzzzzzzz' })),
    ).rejects.toBeInstanceOf(PolicyNotFoundException);
    await expect(
      send(
        new ListPoliciesForTargetCommand({
          TargetId: '111111111111',
          Filter: 'SERVICE_CONTROL_POLICY',
        }),
      ),
    ).rejects.toBeInstanceOf(TargetNotFoundException);
    await expect(
      send(
        new DescribeOrganizationalUnitCommand({
          OrganizationalUnitId: 'ou-a1b2-zzzzzzzz',
        }),
      ),
    ).rejects.toBeInstanceOf(OrganizationalUnitNotFoundException);
    await expect(
      send(new ListParentsCommand({ ChildId: '111111111111' })),
    ).rejects.toBeInstanceOf(ChildNotFoundException);
    await expect(
      send(new DescribeAccountCommand({ AccountId: 'not-an-id' })),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_PATTERN',
    });
    await expect(
      send(new ListAccountsForParentCommand({} as any)),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INPUT_REQUIRED',
    });
    await expect(
      send(new ListPoliciesCommand({ Filter: 'NOPE' as any })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });
});

describe('Organizations pagination', () => {
  const state = createEmptyState(7);
  createOrganization(state);
  const twenty = addOrganizationalUnit(state, {
    parentId: state.root!.id,
    name: 'Twenty',
  });
  const twentyOne = addOrganizationalUnit(state, {
    parentId: state.root!.id,
    name: 'TwentyOne',
  });
  for (let i = 0; i < 20; i++) {
    addAccount(state, { parentId: twenty.id, name: `a${i}` });
  }
  for (let i = 0; i < 21; i++) {
    addAccount(state, { parentId: twentyOne.id, name: `b${i}` });
  }
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;

  beforeAll(async () => {
    emulator = await startEmulator({ state });
    aws = sdkClients(emulator.url);
  });
  afterAll(async () => {
    aws.destroy();
    await emulator.close();
  });

  const list = (ParentId: string, NextToken?: string, MaxResults?: number) =>
    aws.organizations.send(
      new ListAccountsForParentCommand({ ParentId, NextToken, MaxResults }),
    );

  it('answers exactly 20 accounts in one page without a NextToken', async () => {
    const page = await list(twenty.id);
    expect(page.Accounts).toHaveLength(20);
    expect(page.NextToken).toBeUndefined();
  });

  it('answers 21 accounts in two pages', async () => {
    const first = await list(twentyOne.id);
    expect(first.Accounts).toHaveLength(20);
    expect(first.NextToken).toEqual(expect.any(String));
    const second = await list(twentyOne.id, first.NextToken);
    expect(second.Accounts?.map(a => a.Name)).toEqual(['b20']);
    expect(second.NextToken).toBeUndefined();
  });

  it('honours MaxResults and rejects values outside 1-20', async () => {
    const page = await list(twentyOne.id, undefined, 7);
    expect(page.Accounts).toHaveLength(7);
    for (const bad of [0, 21]) {
      await expect(list(twentyOne.id, undefined, bad)).rejects.toMatchObject({
        name: 'InvalidInputException',
        Reason: bad ? 'MAX_VALUE_EXCEEDED' : 'MIN_VALUE_EXCEEDED',
      });
    }
  });

  it('rejects invalid tokens and tokens of another request', async () => {
    await expect(list(twentyOne.id, 'garbage')).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_PAGINATION_TOKEN',
    });
    const first = await list(twentyOne.id);
    await expect(list(twenty.id, first.NextToken)).rejects.toMatchObject({
      Reason: 'INVALID_PAGINATION_TOKEN',
    });
  });

  it('answers AWSOrganizationsNotInUseException without an organization', async () => {
    const empty = await startEmulator({ state: createEmptyState() });
    const client = sdkClients(empty.url);
    try {
      await expect(
        client.organizations.send(new ListRootsCommand({})),
      ).rejects.toBeInstanceOf(AWSOrganizationsNotInUseException);
    } finally {
      client.destroy();
      await empty.close();
    }
  });
});
