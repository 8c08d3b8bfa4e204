import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  DetachCustomerManagedPolicyReferenceFromPermissionSetCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ProvisionPermissionSetCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-sso-admin';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';
const SANDBOX = '879953800701';

describe('SSO Admin provisioning and customer managed policy detach', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.ssoAdmin.send(command);
  const psArn = (name: string) =>
    [...emulator.state.identityCenter!.permissionSets.values()].find(
      p => p.name === name,
    )!.arn;

  beforeEach(async () => {
    emulator = await startEmulator();
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('provisions a permission set to an account at once', async () => {
    const PermissionSetArn = psArn('Billing');
    const accounts = async () =>
      (
        await send(
          new ListAccountsForProvisionedPermissionSetCommand({
            InstanceArn: INSTANCE,
            PermissionSetArn,
          }),
        )
      ).AccountIds;
    expect(await accounts()).not.toContain(SANDBOX);
    const { PermissionSetProvisioningStatus } = await send(
      new ProvisionPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn,
        TargetType: 'AWS_ACCOUNT',
        TargetId: SANDBOX,
      }),
    );
    expect(PermissionSetProvisioningStatus).toMatchObject({
      Status: 'SUCCEEDED',
      AccountId: SANDBOX,
      PermissionSetArn,
    });
    expect(await accounts()).toContain(SANDBOX);
    await expect(
      send(
        new ProvisionPermissionSetCommand({
          InstanceArn: INSTANCE,
          PermissionSetArn,
          TargetType: 'ALL_PROVISIONED_ACCOUNTS',
        }),
      ),
    ).resolves.toMatchObject({
      PermissionSetProvisioningStatus: { Status: 'SUCCEEDED' },
    });
  });

  it('detaches a customer managed policy reference', async () => {
    const PermissionSetArn = psArn('ReadOnly');
    const ref = { Name: 'AcmeExtra', Path: '/' };
    await send(
      new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn,
        CustomerManagedPolicyReference: ref,
      }),
    );
    await send(
      new DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn,
        CustomerManagedPolicyReference: ref,
      }),
    );
    const { CustomerManagedPolicyReferences } = await send(
      new ListCustomerManagedPolicyReferencesInPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn,
      }),
    );
    expect(CustomerManagedPolicyReferences ?? []).toEqual([]);
    await expect(
      send(
        new DetachCustomerManagedPolicyReferenceFromPermissionSetCommand({
          InstanceArn: INSTANCE,
          PermissionSetArn,
          CustomerManagedPolicyReference: ref,
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
