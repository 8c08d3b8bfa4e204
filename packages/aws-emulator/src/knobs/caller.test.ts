import {
  CreateAccountCommand,
  ListAccountsForParentCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
} from '@aws-sdk/client-organizations';
import {
  AccessDeniedException,
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListPermissionSetsCommand,
} from '@aws-sdk/client-sso-admin';
import { ListGroupsCommand } from '@aws-sdk/client-identitystore';
import { sdkClients } from '../__testUtils__/clients';
import { DEMO_IDS } from '../datasets';
import { RunningEmulator, startEmulator } from '../emulator';

const MANAGEMENT = DEMO_IDS.managementAccountId;
const STORE = DEMO_IDS.identityStoreId;

describe('caller: delegated administrator of IAM Identity Center', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  let instanceArn: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      dataset: 'demo',
      caller: 'delegated-administrator',
    });
    aws = sdkClients(emulator.url);
    instanceArn = emulator.state.identityCenter!.instanceArn;
  });
  afterAll(async () => {
    aws.destroy();
    await emulator.close();
  });

  const sets = () => [
    ...emulator.state.identityCenter!.permissionSets.values(),
  ];

  it('denies ListAccountAssignmentsForPrincipal, which AWS keeps to the management account', async () => {
    const groupId = [...emulator.state.identityCenter!.groups.keys()][0];
    await expect(
      aws.ssoAdmin.send(
        new ListAccountAssignmentsForPrincipalCommand({
          InstanceArn: instanceArn,
          PrincipalId: groupId,
          PrincipalType: 'GROUP',
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('hides the permission sets provisioned to the management account and denies calls naming them', async () => {
    const { PermissionSets } = await aws.ssoAdmin.send(
      new ListPermissionSetsCommand({ InstanceArn: instanceArn }),
    );
    const hidden = sets().filter(s => s.provisionedTo.has(MANAGEMENT));
    const visible = sets().filter(s => !s.provisionedTo.has(MANAGEMENT));
    expect(hidden.length).toBeGreaterThan(0);
    expect([...PermissionSets!].sort()).toEqual(visible.map(s => s.arn).sort());
    await expect(
      aws.ssoAdmin.send(
        new DescribePermissionSetCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: hidden[0].arn,
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    const provisioned = await aws.ssoAdmin.send(
      new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn: instanceArn,
        PermissionSetArn: visible[0].arn,
      }),
    );
    expect(provisioned.AccountIds!.length).toBeGreaterThan(0);
    await expect(
      aws.ssoAdmin.send(
        new ListAccountAssignmentsCommand({
          InstanceArn: instanceArn,
          PermissionSetArn: visible[0].arn,
          AccountId: MANAGEMENT,
        }),
      ),
    ).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('lets the Organizations and Identity Store reads through, not the management-only writes', async () => {
    await expect(
      aws.organizations.send(
        new ListAccountsForParentCommand({ ParentId: DEMO_IDS.rootId }),
      ),
    ).resolves.toBeDefined();
    await expect(
      aws.organizations.send(
        new ListTagsForResourceCommand({ ResourceId: MANAGEMENT }),
      ),
    ).resolves.toBeDefined();
    await expect(
      aws.identityStore.send(new ListGroupsCommand({ IdentityStoreId: STORE })),
    ).resolves.toBeDefined();
    await expect(
      aws.organizations.send(
        new CreateAccountCommand({ AccountName: 'x', Email: 'x@example.com' }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(
      aws.organizations.send(
        new MoveAccountCommand({
          AccountId: MANAGEMENT,
          SourceParentId: DEMO_IDS.rootId,
          DestinationParentId: DEMO_IDS.ous.Sandbox,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
