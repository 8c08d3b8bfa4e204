import {
  AttachPolicyCommand,
  CloseAccountCommand,
  ConstraintViolationException,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreatePolicyCommand,
  DeleteOrganizationalUnitCommand,
  DeletePolicyCommand,
  DescribeAccountCommand,
  DetachPolicyCommand,
  DuplicateOrganizationalUnitException,
  DuplicatePolicyAttachmentException,
  ListAccountsForParentCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  OrganizationalUnitNotEmptyException,
  PolicyInUseException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
  UpdatePolicyCommand,
  DescribePolicyCommand,
  DescribeOrganizationalUnitCommand,
  OrganizationalUnitNotFoundException,
} from '@aws-sdk/client-organizations';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';

describe('Organizations writes', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.organizations.send(command);

  beforeEach(async () => {
    emulator = await startEmulator({ dataset: 'S', seed: 3 });
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('creates, renames, and deletes OUs', async () => {
    const rootId = emulator.state.root!.id;
    const { OrganizationalUnit: ou } = await send(
      new CreateOrganizationalUnitCommand({
        ParentId: rootId,
        Name: 'New',
        Tags: [{ Key: 'owner', Value: 'platform' }],
      }),
    );
    expect(ou.Id).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8}$`));
    await expect(
      send(
        new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'New' }),
      ),
    ).rejects.toBeInstanceOf(DuplicateOrganizationalUnitException);
    await send(
      new UpdateOrganizationalUnitCommand({
        OrganizationalUnitId: ou.Id,
        Name: 'Renamed',
      }),
    );
    const described = await send(
      new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }),
    );
    expect(described.OrganizationalUnit.Name).toBe('Renamed');
    await send(
      new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }),
    );
    await expect(
      send(
        new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: ou.Id }),
      ),
    ).rejects.toBeInstanceOf(OrganizationalUnitNotFoundException);
    const busy = [...emulator.state.organizationalUnits.keys()].find(
      id => emulator.state.children.get(id)!.accounts.size > 0,
    );
    await expect(
      send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: busy })),
    ).rejects.toBeInstanceOf(OrganizationalUnitNotEmptyException);
  });

  it('creates accounts synchronously and moves and closes them', async () => {
    const rootId = emulator.state.root!.id;
    const { CreateAccountStatus: status } = await send(
      new CreateAccountCommand({
        Email: 'new@example.com',
        AccountName: 'new',
      }),
    );
    expect(status).toMatchObject({
      State: 'SUCCEEDED',
      AccountId: expect.stringMatching(/^\d{12}$/),
      Id: expect.stringMatching(/^car-[a-z0-9]{32}$/),
    });
    const again = await send(
      new CreateAccountCommand({ Email: 'new@example.com', AccountName: 'x' }),
    );
    expect(again.CreateAccountStatus).toMatchObject({
      State: 'FAILED',
      FailureReason: 'EMAIL_ALREADY_EXISTS',
    });
    const target = [...emulator.state.organizationalUnits.keys()][0];
    await send(
      new MoveAccountCommand({
        AccountId: status.AccountId,
        SourceParentId: rootId,
        DestinationParentId: target,
      }),
    );
    const listed = await send(
      new ListAccountsForParentCommand({ ParentId: target, MaxResults: 20 }),
    );
    let ids = listed.Accounts.map((a: any) => a.Id);
    let token = listed.NextToken;
    while (token) {
      const next = await send(
        new ListAccountsForParentCommand({
          ParentId: target,
          NextToken: token,
        }),
      );
      ids = ids.concat(next.Accounts.map((a: any) => a.Id));
      token = next.NextToken;
    }
    expect(ids).toContain(status.AccountId);
    await send(new CloseAccountCommand({ AccountId: status.AccountId }));
    const closed = await send(
      new DescribeAccountCommand({ AccountId: status.AccountId }),
    );
    expect(closed.Account).toMatchObject({
      State: 'SUSPENDED',
      Status: 'SUSPENDED',
    });
  });

  it('creates, updates, attaches, detaches and deletes policies', async () => {
    const rootId = emulator.state.root!.id;
    const content = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }],
    });
    const { Policy } = await send(
      new CreatePolicyCommand({
        Name: 'DenyEc2',
        Description: 'no ec2',
        Content: content,
        Type: 'SERVICE_CONTROL_POLICY',
      }),
    );
    const id = Policy.PolicySummary.Id;
    expect(id).toMatch(/^p-[a-z0-9]{8}$/);
    await send(new UpdatePolicyCommand({ PolicyId: id, Description: 'none' }));
    const described = await send(new DescribePolicyCommand({ PolicyId: id }));
    expect(described.Policy.PolicySummary.Description).toBe('none');
    const ou = [...emulator.state.organizationalUnits.keys()][0];
    await send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou }));
    await expect(
      send(new AttachPolicyCommand({ PolicyId: id, TargetId: ou })),
    ).rejects.toBeInstanceOf(DuplicatePolicyAttachmentException);
    await expect(
      send(new DeletePolicyCommand({ PolicyId: id })),
    ).rejects.toBeInstanceOf(PolicyInUseException);
    await send(new DetachPolicyCommand({ PolicyId: id, TargetId: ou }));
    await send(new DeletePolicyCommand({ PolicyId: id }));
    expect(emulator.state.policies.has(id)).toBe(false);
    // The root keeps at least one SCP.
    const scpsOfRoot = () =>
      [...emulator.state.targetPolicies.get(rootId)!].filter(
        p => emulator.state.policies.get(p)!.type === 'SERVICE_CONTROL_POLICY',
      );
    for (const policyId of scpsOfRoot()) {
      if (scpsOfRoot().length > 1) {
        await send(
          new DetachPolicyCommand({ PolicyId: policyId, TargetId: rootId }),
        );
      }
    }
    const last = scpsOfRoot()[0];
    await expect(
      send(new DetachPolicyCommand({ PolicyId: last, TargetId: rootId })),
    ).rejects.toBeInstanceOf(ConstraintViolationException);
  });

  it('tags and untags resources', async () => {
    const accountId = [...emulator.state.accounts.keys()][3];
    await send(
      new TagResourceCommand({
        ResourceId: accountId,
        Tags: [
          { Key: 'owner', Value: 'payments' },
          { Key: 'x', Value: 'y' },
        ],
      }),
    );
    await send(
      new UntagResourceCommand({ ResourceId: accountId, TagKeys: ['x'] }),
    );
    const { Tags } = await send(
      new ListTagsForResourceCommand({ ResourceId: accountId }),
    );
    expect(Tags).toContainEqual({ Key: 'owner', Value: 'payments' });
    expect(Tags.find((t: any) => t.Key === 'x')).toBeUndefined();
  });
});
