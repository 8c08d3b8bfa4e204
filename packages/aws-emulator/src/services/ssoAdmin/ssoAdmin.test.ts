import {
  AttachCustomerManagedPolicyReferenceToPermissionSetCommand,
  AttachManagedPolicyToPermissionSetCommand,
  ConflictException,
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  DeleteAccountAssignmentCommand,
  DeleteInlinePolicyFromPermissionSetCommand,
  DeletePermissionSetCommand,
  DeletePermissionsBoundaryFromPermissionSetCommand,
  DescribePermissionSetCommand,
  DetachManagedPolicyFromPermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountAssignmentsForPrincipalCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListPermissionSetsProvisionedToAccountCommand,
  ListTagsForResourceCommand,
  PutInlinePolicyToPermissionSetCommand,
  PutPermissionsBoundaryToPermissionSetCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UpdatePermissionSetCommand,
  ValidationException,
} from '@aws-sdk/client-sso-admin';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-7223a1b2c3d4e5f6';

describe('SSO Admin', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.ssoAdmin.send(command);
  const psArn = (name: string) =>
    [...emulator.state.identityCenter!.permissionSets.values()].find(
      p => p.name === name,
    )!.arn;
  const principal = (kind: 'users' | 'groups', name: string) =>
    [...emulator.state.identityCenter![kind].values()].find(
      (p: any) => (p.userName ?? p.displayName) === name,
    )!.id;

  beforeEach(async () => {
    emulator = await startEmulator();
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('lists the instance, permission sets and their policies', async () => {
    const { Instances } = await send(new ListInstancesCommand({}));
    expect(Instances).toEqual([
      expect.objectContaining({
        InstanceArn: INSTANCE,
        IdentityStoreId: 'd-9067a1b2c3',
        OwnerAccountId: '481516234200',
        Status: 'ACTIVE',
      }),
    ]);
    const { PermissionSets } = await send(
      new ListPermissionSetsCommand({ InstanceArn: INSTANCE }),
    );
    expect(PermissionSets).toHaveLength(7);
    const developer = psArn('Developer');
    expect(developer).toMatch(
      /^arn:aws:sso:::permissionSet\/ssoins-7223a1b2c3d4e5f6\/ps-[0-9a-f]{16}$/,
    );
    const described = await send(
      new DescribePermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: developer,
      }),
    );
    expect(described.PermissionSet).toMatchObject({
      Name: 'Developer',
      SessionDuration: 'PT8H',
      CreatedDate: expect.any(Date),
    });
    const managed = await send(
      new ListManagedPoliciesInPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: developer,
      }),
    );
    expect(managed.AttachedManagedPolicies).toEqual([
      {
        Name: 'PowerUserAccess',
        Arn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      },
    ]);
    const customer = await send(
      new ListCustomerManagedPolicyReferencesInPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: developer,
      }),
    );
    expect(customer.CustomerManagedPolicyReferences).toEqual([
      { Name: 'AcmeDeveloperExtras', Path: '/' },
    ]);
    const boundary = await send(
      new GetPermissionsBoundaryForPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: developer,
      }),
    );
    expect(boundary.PermissionsBoundary).toEqual({
      CustomerManagedPolicyReference: {
        Name: 'AcmeDeveloperBoundary',
        Path: '/',
      },
    });
    await expect(
      send(
        new GetPermissionsBoundaryForPermissionSetCommand({
          InstanceArn: INSTANCE,
          PermissionSetArn: psArn('DataEngineer'),
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const inline = await send(
      new GetInlinePolicyForPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: psArn('SecurityAudit'),
      }),
    );
    expect(JSON.parse(inline.InlinePolicy).Statement).toHaveLength(1);
    const none = await send(
      new GetInlinePolicyForPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: developer,
      }),
    );
    expect(none.InlinePolicy).toBeUndefined();
    const tags = await send(
      new ListTagsForResourceCommand({
        InstanceArn: INSTANCE,
        ResourceArn: developer,
      }),
    );
    expect(tags.Tags).toContainEqual({ Key: 'owner', Value: 'security' });
  });

  it('lists provisioning and assignments; per principal lists direct assignments only', async () => {
    const admin = psArn('AdministratorAccess');
    const accounts = await send(
      new ListAccountsForProvisionedPermissionSetCommand({
        InstanceArn: INSTANCE,
        PermissionSetArn: admin,
      }),
    );
    expect(accounts.AccountIds).toEqual(
      expect.arrayContaining(['613457820019', '724108355203', '481516234200']),
    );
    const sets = await send(
      new ListPermissionSetsProvisionedToAccountCommand({
        InstanceArn: INSTANCE,
        AccountId: '724108355203',
      }),
    );
    expect(sets.PermissionSets).toEqual(
      expect.arrayContaining([
        admin,
        psArn('ReadOnly'),
        psArn('SecurityAudit'),
      ]),
    );
    const assignments = await send(
      new ListAccountAssignmentsCommand({
        InstanceArn: INSTANCE,
        AccountId: '724108355203',
        PermissionSetArn: admin,
      }),
    );
    expect(assignments.AccountAssignments).toEqual([
      {
        AccountId: '724108355203',
        PermissionSetArn: admin,
        PrincipalType: 'USER',
        PrincipalId: principal('users', 'tom.okafor'),
      },
    ]);
    const direct = await send(
      new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn: INSTANCE,
        PrincipalId: principal('users', 'tom.okafor'),
        PrincipalType: 'USER',
      }),
    );
    expect(direct.AccountAssignments).toHaveLength(1);
    const group = await send(
      new ListAccountAssignmentsForPrincipalCommand({
        InstanceArn: INSTANCE,
        PrincipalId: principal('groups', 'payments'),
        PrincipalType: 'GROUP',
        Filter: { AccountId: '724108355201' },
      }),
    );
    expect(group.AccountAssignments).toEqual([
      expect.objectContaining({ PermissionSetArn: psArn('Developer') }),
    ]);
  });

  it('pages with MaxResults 1-100 and rejects bad values and tokens', async () => {
    const first = await send(
      new ListPermissionSetsCommand({ InstanceArn: INSTANCE, MaxResults: 5 }),
    );
    expect(first.PermissionSets).toHaveLength(5);
    const second = await send(
      new ListPermissionSetsCommand({
        InstanceArn: INSTANCE,
        MaxResults: 5,
        NextToken: first.NextToken,
      }),
    );
    expect(second.PermissionSets).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    await expect(
      send(
        new ListPermissionSetsCommand({
          InstanceArn: INSTANCE,
          MaxResults: 101,
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      send(
        new ListPermissionSetsCommand({
          InstanceArn: INSTANCE,
          NextToken: 'bad',
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      send(
        new ListPermissionSetsCommand({
          InstanceArn: 'arn:aws:sso:::instance/ssoins-0000000000000000',
        }),
      ),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('creates, changes and deletes permission sets and assignments', async () => {
    const { PermissionSet } = await send(
      new CreatePermissionSetCommand({
        InstanceArn: INSTANCE,
        Name: 'Ops',
        SessionDuration: 'PT2H',
        Tags: [{ Key: 'owner', Value: 'devops' }],
      }),
    );
    const arn = PermissionSet.PermissionSetArn;
    const ref = { InstanceArn: INSTANCE, PermissionSetArn: arn };
    await expect(
      send(
        new CreatePermissionSetCommand({ InstanceArn: INSTANCE, Name: 'Ops' }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
    await expect(
      send(
        new UpdatePermissionSetCommand({ ...ref, SessionDuration: 'PT13H' }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
    await send(
      new UpdatePermissionSetCommand({
        ...ref,
        SessionDuration: 'PT12H',
        Description: 'ops',
      }),
    );
    await send(
      new AttachManagedPolicyToPermissionSetCommand({
        ...ref,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      }),
    );
    await send(
      new AttachManagedPolicyToPermissionSetCommand({
        ...ref,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit',
      }),
    );
    await send(
      new DetachManagedPolicyFromPermissionSetCommand({
        ...ref,
        ManagedPolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit',
      }),
    );
    await send(
      new AttachCustomerManagedPolicyReferenceToPermissionSetCommand({
        ...ref,
        CustomerManagedPolicyReference: { Name: 'OpsExtras', Path: '/ops/' },
      }),
    );
    await send(
      new PutInlinePolicyToPermissionSetCommand({
        ...ref,
        InlinePolicy: '{"Version":"2012-10-17","Statement":[]}',
      }),
    );
    await send(
      new PutPermissionsBoundaryToPermissionSetCommand({
        ...ref,
        PermissionsBoundary: {
          ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
        },
      }),
    );
    await send(
      new TagResourceCommand({
        InstanceArn: INSTANCE,
        ResourceArn: arn,
        Tags: [{ Key: 'tier', Value: '1' }],
      }),
    );
    const record = emulator.state.identityCenter!.permissionSets.get(arn)!;
    expect(record).toMatchObject({
      sessionDuration: 'PT12H',
      description: 'ops',
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      customerManagedPolicies: [{ name: 'OpsExtras', path: '/ops/' }],
      permissionsBoundary: {
        managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
      },
      tags: { owner: 'devops', tier: '1' },
    });
    await send(new DeleteInlinePolicyFromPermissionSetCommand(ref));
    await send(new DeletePermissionsBoundaryFromPermissionSetCommand(ref));
    expect(record.inlinePolicy).toBeNull();
    expect(record.permissionsBoundary).toBeNull();

    const assignment = {
      ...ref,
      TargetId: '746620577401',
      TargetType: 'AWS_ACCOUNT' as const,
      PrincipalType: 'GROUP' as const,
      PrincipalId: principal('groups', 'devops'),
    };
    const created = await send(new CreateAccountAssignmentCommand(assignment));
    expect(created.AccountAssignmentCreationStatus).toMatchObject({
      Status: 'SUCCEEDED',
      TargetId: '746620577401',
    });
    const provisioned = await send(
      new ListAccountsForProvisionedPermissionSetCommand(ref),
    );
    expect(provisioned.AccountIds).toEqual(['746620577401']);
    await expect(
      send(new DeletePermissionSetCommand(ref)),
    ).rejects.toBeInstanceOf(ConflictException);
    await send(new DeleteAccountAssignmentCommand(assignment));
    await expect(
      send(new DeleteAccountAssignmentCommand(assignment)),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await send(new DeletePermissionSetCommand(ref));
    await expect(
      send(new DescribePermissionSetCommand(ref)),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
