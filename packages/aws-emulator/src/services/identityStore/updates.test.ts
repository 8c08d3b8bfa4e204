import {
  ConflictException,
  DeleteGroupCommand,
  DeleteUserCommand,
  DescribeGroupCommand,
  DescribeUserCommand,
  ListGroupMembershipsCommand,
  ListUsersCommand,
  ResourceNotFoundException,
  UpdateGroupCommand,
  UpdateUserCommand,
  ValidationException,
} from '@aws-sdk/client-identitystore';
import { sdkClients } from '../../__testUtils__/clients';
import { RunningEmulator, startEmulator } from '../../emulator';

const STORE = 'd-9067a1b2c3';

describe('Identity Store updates and deletes', () => {
  let emulator: RunningEmulator;
  let aws: ReturnType<typeof sdkClients>;
  const send = (command: any): Promise<any> => aws.identityStore.send(command);
  const groupId = (name: string) =>
    [...emulator.state.identityCenter!.groups.values()].find(
      g => g.displayName === name,
    )!.id;
  const userId = (name: string) =>
    [...emulator.state.identityCenter!.users.values()].find(
      u => u.userName === name,
    )!.id;

  beforeEach(async () => {
    emulator = await startEmulator();
    aws = sdkClients(emulator.url);
  });
  afterEach(async () => {
    aws.destroy();
    await emulator.close();
  });

  it('updates the attributes of a group and of a user', async () => {
    const GroupId = groupId('mobile');
    await send(
      new UpdateGroupCommand({
        IdentityStoreId: STORE,
        GroupId,
        Operations: [
          { AttributePath: 'displayName', AttributeValue: 'mobile-apps' },
          { AttributePath: 'description', AttributeValue: 'Mobile apps' },
        ],
      }),
    );
    await expect(
      send(new DescribeGroupCommand({ IdentityStoreId: STORE, GroupId })),
    ).resolves.toMatchObject({
      DisplayName: 'mobile-apps',
      Description: 'Mobile apps',
    });
    const UserId = userId('alice.nguyen');
    await send(
      new UpdateUserCommand({
        IdentityStoreId: STORE,
        UserId,
        Operations: [
          { AttributePath: 'displayName', AttributeValue: 'Alice N.' },
        ],
      }),
    );
    await expect(
      send(new DescribeUserCommand({ IdentityStoreId: STORE, UserId })),
    ).resolves.toMatchObject({ DisplayName: 'Alice N.' });
    await expect(
      send(
        new UpdateUserCommand({
          IdentityStoreId: STORE,
          UserId,
          Operations: [
            { AttributePath: 'userName', AttributeValue: 'tom.okafor' },
          ],
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
    await expect(
      send(
        new UpdateUserCommand({
          IdentityStoreId: STORE,
          UserId,
          Operations: [{ AttributePath: 'nope', AttributeValue: 'x' }],
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  it('deletes a group with its memberships and a user', async () => {
    const GroupId = groupId('mobile');
    const before = await send(
      new ListGroupMembershipsCommand({ IdentityStoreId: STORE, GroupId }),
    );
    expect(before.GroupMemberships.length).toBeGreaterThan(0);
    await send(new DeleteGroupCommand({ IdentityStoreId: STORE, GroupId }));
    await expect(
      send(new DescribeGroupCommand({ IdentityStoreId: STORE, GroupId })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const memberships = [
      ...emulator.state.identityCenter!.memberships.values(),
    ].filter(m => m.groupId === GroupId);
    expect(memberships).toEqual([]);

    const UserId = userId('tom.okafor');
    await send(new DeleteUserCommand({ IdentityStoreId: STORE, UserId }));
    const { Users } = await send(
      new ListUsersCommand({ IdentityStoreId: STORE }),
    );
    expect(Users.map((u: any) => u.UserId)).not.toContain(UserId);
    await expect(
      send(new DeleteUserCommand({ IdentityStoreId: STORE, UserId })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
