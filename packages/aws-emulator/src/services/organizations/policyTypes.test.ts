import {
  AttachPolicyCommand,
  ConstraintViolationException,
  CreatePolicyCommand,
  DetachPolicyCommand,
  DisablePolicyTypeCommand,
  EnablePolicyTypeCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  MalformedPolicyDocumentException,
  PolicyTypeAlreadyEnabledException,
  PolicyTypeNotEnabledException,
  RootNotFoundException,
} from '@aws-sdk/client-organizations';
import { ORGANIZATION_POLICY_TYPES } from '@aws-governance/plugin-aws-organizations-common';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';
import {
  addAccount,
  addOrganizationalUnit,
  createEmptyState,
  createOrganization,
} from '../../state/organizations';

const RCP = 'RESOURCE_CONTROL_POLICY';

function rcp(statement: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

const DENY_OUTSIDE = {
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: '*',
  Condition: {
    StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' },
  },
};

describe('Organizations policy types', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.organizations.send(command);

  beforeEach(async () => {
    // The data sets enable RCPs: start from an organization with SCPs only.
    const state = createEmptyState();
    createOrganization(state);
    const ou = addOrganizationalUnit(state, {
      parentId: state.root!.id,
      name: 'Workloads',
    });
    addAccount(state, { parentId: ou.id, name: 'app' });
    emulator = await startEmulator({ state });
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  const rootId = () => emulator.state.root!.id;
  const everyTarget = () => [
    rootId(),
    ...emulator.state.organizationalUnits.keys(),
    ...emulator.state.accounts.keys(),
  ];

  it('attaches RCPFullAWSAccess everywhere on enable, and it cannot be detached', async () => {
    const { Root } = await send(
      new EnablePolicyTypeCommand({ RootId: rootId(), PolicyType: RCP }),
    );
    expect(Root.PolicyTypes).toContainEqual({ Type: RCP, Status: 'ENABLED' });
    await expect(
      send(new EnablePolicyTypeCommand({ RootId: rootId(), PolicyType: RCP })),
    ).rejects.toBeInstanceOf(PolicyTypeAlreadyEnabledException);
    await expect(
      send(new EnablePolicyTypeCommand({ RootId: 'r-zzzz', PolicyType: RCP })),
    ).rejects.toBeInstanceOf(RootNotFoundException);

    const { Policies } = await send(new ListPoliciesCommand({ Filter: RCP }));
    expect(Policies).toEqual([
      {
        Id: 'p-RCPFullAWSAccess',
        Arn: 'arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
        Name: 'RCPFullAWSAccess',
        Description: 'Allows access to every operation',
        Type: RCP,
        AwsManaged: true,
      },
    ]);
    const targets = await send(
      new ListTargetsForPolicyCommand({ PolicyId: 'p-RCPFullAWSAccess' }),
    );
    expect(targets.Targets.map((t: any) => t.TargetId).sort()).toEqual(
      everyTarget().sort(),
    );
    await expect(
      send(
        new DetachPolicyCommand({
          PolicyId: 'p-RCPFullAWSAccess',
          TargetId: rootId(),
        }),
      ),
    ).rejects.toBeInstanceOf(ConstraintViolationException);
    // A new OU gets it too; ListPoliciesForTarget filters by type.
    const added = addOrganizationalUnit(emulator.state, {
      parentId: rootId(),
      name: 'Later',
    });
    expect(emulator.state.targetPolicies.get(added.id)).toEqual(
      new Set(['p-FullAWSAccess', 'p-RCPFullAWSAccess']),
    );
    const forRoot = await send(
      new ListPoliciesForTargetCommand({ TargetId: rootId(), Filter: RCP }),
    );
    expect(forRoot.Policies.map((p: any) => p.Id)).toEqual([
      'p-RCPFullAWSAccess',
    ]);
  });

  it('accepts only Deny RCPs with Principal "*", Action and Resource', async () => {
    const create = (content: string) =>
      send(
        new CreatePolicyCommand({
          Name: `rcp-${Math.random()}`,
          Description: '',
          Type: RCP,
          Content: content,
        }),
      );
    const { Policy } = await create(rcp(DENY_OUTSIDE));
    expect(Policy.PolicySummary).toMatchObject({
      Type: RCP,
      AwsManaged: false,
    });
    expect(Policy.PolicySummary.Arn).toContain('/resource_control_policy/');
    for (const bad of [
      rcp({ ...DENY_OUTSIDE, Effect: 'Allow' }),
      rcp({ ...DENY_OUTSIDE, Principal: { AWS: '111111111111' } }),
      rcp({ ...DENY_OUTSIDE, Principal: undefined }),
      rcp({ ...DENY_OUTSIDE, Principal: undefined, NotPrincipal: '*' }),
      rcp({ ...DENY_OUTSIDE, Action: undefined, NotAction: 's3:*' }),
      rcp({ ...DENY_OUTSIDE, Resource: undefined }),
      JSON.stringify({ Statement: [DENY_OUTSIDE] }),
      'not json',
    ]) {
      await expect(create(bad)).rejects.toBeInstanceOf(
        MalformedPolicyDocumentException,
      );
    }
    const big = rcp({ ...DENY_OUTSIDE, Sid: 'x'.repeat(5200) });
    await expect(create(big)).rejects.toMatchObject({
      name: 'ConstraintViolationException',
      Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED',
    });
    // Created while the type is not enabled; attaching needs it enabled.
    await expect(
      send(
        new AttachPolicyCommand({
          PolicyId: Policy.PolicySummary.Id,
          TargetId: rootId(),
        }),
      ),
    ).rejects.toBeInstanceOf(PolicyTypeNotEnabledException);
    await send(
      new EnablePolicyTypeCommand({ RootId: rootId(), PolicyType: RCP }),
    );
    await send(
      new AttachPolicyCommand({
        PolicyId: Policy.PolicySummary.Id,
        TargetId: rootId(),
      }),
    );
    // A customer RCP can be detached; RCPFullAWSAccess stays.
    await send(
      new DetachPolicyCommand({
        PolicyId: Policy.PolicySummary.Id,
        TargetId: rootId(),
      }),
    );
  });

  it('serves the management policy types and detaches on disable', async () => {
    await send(
      new EnablePolicyTypeCommand({
        RootId: rootId(),
        PolicyType: 'TAG_POLICY',
      }),
    );
    const { Policy } = await send(
      new CreatePolicyCommand({
        Name: 'tags',
        Description: 'cost center',
        Type: 'TAG_POLICY',
        Content: JSON.stringify({
          tags: { cc: { tag_key: { '@@assign': 'CostCenter' } } },
        }),
      }),
    );
    const id = Policy.PolicySummary.Id;
    expect(Policy.PolicySummary.Arn).toContain('/tag_policy/');
    await send(new AttachPolicyCommand({ PolicyId: id, TargetId: rootId() }));
    // The last tag policy of a target can be detached (no minimum).
    await send(new DetachPolicyCommand({ PolicyId: id, TargetId: rootId() }));
    await send(new AttachPolicyCommand({ PolicyId: id, TargetId: rootId() }));
    const { Root } = await send(
      new DisablePolicyTypeCommand({
        RootId: rootId(),
        PolicyType: 'TAG_POLICY',
      }),
    );
    expect(Root.PolicyTypes.map((t: any) => t.Type)).toEqual([
      'SERVICE_CONTROL_POLICY',
    ]);
    const targets = await send(
      new ListTargetsForPolicyCommand({ PolicyId: id }),
    );
    expect(targets.Targets).toEqual([]);
    await expect(
      send(
        new DisablePolicyTypeCommand({
          RootId: rootId(),
          PolicyType: 'TAG_POLICY',
        }),
      ),
    ).rejects.toBeInstanceOf(PolicyTypeNotEnabledException);
    const roots = await send(new ListRootsCommand({}));
    expect(roots.Roots[0].PolicyTypes).toEqual([
      { Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' },
    ]);
  });

  it('lists by every policy type the reader knows, and names the same list when refusing another', async () => {
    // The emulator accepted its own copy of the type list, in another order
    // than the reader's: one list now, -common's.
    for (const type of ORGANIZATION_POLICY_TYPES) {
      await expect(
        send(new ListPoliciesCommand({ Filter: type as any })),
      ).resolves.toMatchObject({ Policies: expect.any(Array) });
    }
    const refused = await send(
      new ListPoliciesCommand({ Filter: 'NOT_A_POLICY' as any }),
    ).catch(e => e);
    expect(refused.name).toBe('InvalidInputException');
    expect(refused.message).toContain(
      `[${ORGANIZATION_POLICY_TYPES.join(', ')}]`,
    );
  });
});
