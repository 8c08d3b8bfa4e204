import {
  ConflictException,
  CreateGroupCommand,
  CreateGroupMembershipCommand,
  CreateUserCommand,
  DeleteGroupMembershipCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  ListGroupMembershipsCommand,
  ListGroupMembershipsForMemberCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-identitystore';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';

const STORE = 'd-9067a1b2c3';

describe('Identity Store', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.identityStore.send(command);

  beforeEach(async () => {
    emulator = await startEmulator();
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('lists and describes users and groups', async () => {
    const { Users } = await send(
      new ListUsersCommand({ IdentityStoreId: STORE }),
    );
    expect(Users).toHaveLength(14);
    const alice = Users.find((u: any) => u.UserName === 'alice.nguyen');
    expect(alice).toMatchObject({
      UserId: expect.stringMatching(
        /^[0-9a-f]{10}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
      DisplayName: 'Alice Nguyen',
      Emails: [
        { Value: 'alice.nguyen@acme.example', Type: 'work', Primary: true },
      ],
      ExternalIds: [
        { Issuer: 'https://acme.okta.com', Id: expect.any(String) },
      ],
      IdentityStoreId: STORE,
    });
    const described = await send(
      new DescribeUserCommand({ IdentityStoreId: STORE, UserId: alice.UserId }),
    );
    expect(described.UserName).toBe('alice.nguyen');
    const { Groups } = await send(
      new ListGroupsCommand({ IdentityStoreId: STORE, MaxResults: 100 }),
    );
    expect(Groups.map((g: any) => g.DisplayName)).toEqual([
      'security',
      'finance',
      'platform',
      'devops',
      'payments',
      'checkout',
      'discovery',
      'mobile',
      'data',
    ]);
    const group = await send(
      new DescribeGroupCommand({
        IdentityStoreId: STORE,
        GroupId: Groups[0].GroupId,
      }),
    );
    expect(group).toMatchObject({
      DisplayName: 'security',
      Description: 'Security',
    });
    const filtered = await send(
      new ListUsersCommand({
        IdentityStoreId: STORE,
        Filters: [{ AttributePath: 'UserName', AttributeValue: 'guest' }],
      }),
    );
    expect(filtered.Users.map((u: any) => u.UserName)).toEqual(['guest']);
    await expect(
      send(
        new DescribeUserCommand({
          IdentityStoreId: STORE,
          UserId: '9067a1b2c3-00000000-0000-0000-0000-000000000000',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      ResourceType: 'USER',
    });
  });

  it('lists memberships both ways', async () => {
    const { Users } = await send(
      new ListUsersCommand({ IdentityStoreId: STORE }),
    );
    const maria = Users.find((u: any) => u.UserName === 'maria.garcia');
    const forMember = await send(
      new ListGroupMembershipsForMemberCommand({
        IdentityStoreId: STORE,
        MemberId: { UserId: maria.UserId },
      }),
    );
    expect(forMember.GroupMemberships).toHaveLength(2);
    const platform = forMember.GroupMemberships[0].GroupId;
    const members = await send(
      new ListGroupMembershipsCommand({
        IdentityStoreId: STORE,
        GroupId: platform,
      }),
    );
    expect(
      members.GroupMemberships.map((m: any) => m.MemberId.UserId),
    ).toContain(maria.UserId);
    expect(members.GroupMemberships).toHaveLength(3);
  });

  it('validates page sizes, tokens and the store id', async () => {
    const page = await send(
      new ListUsersCommand({ IdentityStoreId: STORE, MaxResults: 10 }),
    );
    expect(page.Users).toHaveLength(10);
    const rest = await send(
      new ListUsersCommand({
        IdentityStoreId: STORE,
        MaxResults: 10,
        NextToken: page.NextToken,
      }),
    );
    expect(rest.Users).toHaveLength(4);
    await expect(
      send(new ListUsersCommand({ IdentityStoreId: STORE, MaxResults: 0 })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      send(new ListUsersCommand({ IdentityStoreId: STORE, NextToken: 'x' })),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(
      send(new ListUsersCommand({ IdentityStoreId: 'd-0000000000' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('creates users, groups and memberships', async () => {
    const { UserId } = await send(
      new CreateUserCommand({
        IdentityStoreId: STORE,
        UserName: 'new.person',
        DisplayName: 'New Person',
        Name: { GivenName: 'New', FamilyName: 'Person' },
        Emails: [{ Value: 'new.person@acme.example', Primary: true }],
      }),
    );
    await expect(
      send(
        new CreateUserCommand({
          IdentityStoreId: STORE,
          UserName: 'new.person',
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
    const { GroupId } = await send(
      new CreateGroupCommand({
        IdentityStoreId: STORE,
        DisplayName: 'newteam',
      }),
    );
    const { MembershipId } = await send(
      new CreateGroupMembershipCommand({
        IdentityStoreId: STORE,
        GroupId,
        MemberId: { UserId },
      }),
    );
    expect(emulator.expected).toMatchObject({
      users: 15,
      groups: 10,
      memberships: 16,
    });
    await send(
      new DeleteGroupMembershipCommand({
        IdentityStoreId: STORE,
        MembershipId,
      }),
    );
    expect(emulator.expected.memberships).toBe(15);
  });
});
