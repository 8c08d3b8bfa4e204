import {
  ADMIN_ARN,
  governanceResolution,
  governanceSnapshot,
  READONLY_ARN,
} from '../__testUtils__/governance';
import { accountAccess, principalAccess } from './access';
import { buildGovernanceIndex } from './buildGovernanceIndex';

const index = buildGovernanceIndex(
  governanceSnapshot(),
  governanceResolution(),
);

describe('accountAccess', () => {
  it('lists each assignment as a direct grant, groups with their members', () => {
    const access = accountAccess(index, '444444444444')!;
    expect(access.accountId).toBe('444444444444');
    expect(access.identityCenter).toBe('available');
    expect(access.grants).toHaveLength(2);
    const [admin, readOnly] = access.grants;
    expect(admin).toEqual({
      principal: {
        type: 'GROUP',
        id: 'g-platform',
        name: 'Platform Team',
        ref: 'group:default/platform-team',
        resolvable: true,
      },
      permissionSet: {
        arn: ADMIN_ARN,
        name: 'Admin',
        entityRef: 'resource:default/aws-permission-set-admin',
        sessionDuration: 'PT1H',
        privileged: true,
        privilegeReasons: [expect.stringMatching(/AdministratorAccess/)],
        managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
        customerManagedPolicies: ['/team/Extra'],
        hasInlinePolicy: false,
        permissionsBoundary: { type: 'none' },
      },
      via: 'direct',
      members: [
        {
          userId: 'u-alice',
          userName: 'Alice.Smith@example.com',
          ref: 'user:default/alice.smith',
        },
        {
          userId: 'u-carol',
          userName: 'carol',
          displayName: 'Carol, "the" Admin',
          ref: 'user:default/carol',
        },
      ],
    });
    // bob: the catalog lacks his entity; the grant still shows him.
    expect(readOnly.principal).toEqual({
      type: 'USER',
      id: 'u-bob',
      name: 'bob',
      ref: 'user:default/bob',
      resolvable: false,
    });
    expect(readOnly).not.toHaveProperty('members');
    expect(readOnly.permissionSet).toMatchObject({
      arn: READONLY_ARN,
      privileged: false,
      privilegeReasons: [],
      sessionDuration: 'PT8H',
      customerManagedPolicies: null,
      permissionsBoundary: null,
    });
  });

  it('shows a principal the resolution lacks by its Identity Store name', () => {
    const resolution = governanceResolution();
    delete resolution.principals['g-platform'];
    const access = accountAccess(
      buildGovernanceIndex(governanceSnapshot(), resolution),
      '222222222222',
    )!;
    expect(access.grants[0].principal).toEqual({
      type: 'GROUP',
      id: 'g-platform',
      name: 'Platform Team',
      resolvable: false,
    });
  });

  it('says when Identity Center is not there, with no grants', () => {
    const snapshot = governanceSnapshot();
    snapshot.identityCenter = { status: 'not-enabled' };
    expect(
      accountAccess(
        buildGovernanceIndex(snapshot, governanceResolution()),
        '222222222222',
      ),
    ).toEqual({
      accountId: '222222222222',
      identityCenter: 'not-enabled',
      grants: [],
    });
  });

  it('is empty for an account without assignments, undefined for an unknown one', () => {
    expect(accountAccess(index, '111111111111')!.grants).toEqual([]);
    expect(accountAccess(index, '999999999999')).toBeUndefined();
  });
});

describe('principalAccess', () => {
  it('gives a user direct grants and grants through each of its groups', () => {
    const access = principalAccess(index, 'user:default/alice.smith');
    expect(access.entityRef).toBe('user:default/alice.smith');
    expect(access.principals.map(p => p.id)).toEqual(['u-alice']);
    expect(
      access.grants.map(g => [
        g.account.name,
        g.permissionSet.name,
        g.via,
        g.group?.id,
      ]),
    ).toEqual([
      ['payments-dev', 'Admin', 'group', 'g-platform'],
      ['payments-prod', 'ReadOnly', 'direct', undefined],
      ['sandbox-a', 'Admin', 'group', 'g-platform'],
    ]);
    expect(access.grants[0].account).toEqual({
      id: '222222222222',
      name: 'payments-dev',
      entityRef: 'resource:default/aws-account-222222222222',
      state: 'ACTIVE',
    });
    expect(access.grants[0].group!.ref).toBe('group:default/platform-team');
    expect(access.grants[1]).not.toHaveProperty('group');
  });

  it('reaches a user only through a group', () => {
    const access = principalAccess(index, 'user:default/carol');
    expect(
      access.grants.map(g => [g.account.id, g.via, g.group?.name]),
    ).toEqual([
      ['222222222222', 'group', 'Platform Team'],
      ['444444444444', 'group', 'Platform Team'],
    ]);
  });

  it('gives a group its own grants, matching the ref case-insensitively', () => {
    const access = principalAccess(index, 'Group:Default/Platform-Team');
    expect(access.entityRef).toBe('group:default/platform-team');
    expect(access.principals.map(p => p.id)).toEqual(['g-platform']);
    expect(access.grants.map(g => [g.account.id, g.via])).toEqual([
      ['222222222222', 'direct'],
      ['444444444444', 'direct'],
    ]);
  });

  it('finds a principal the catalog lacks by its ref or by the entity emitted for it', () => {
    const byRef = principalAccess(index, 'user:default/bob');
    expect(byRef.grants.map(g => [g.account.id, g.via, g.group?.id])).toEqual([
      ['333333333333', 'group', 'g-formula'],
      ['444444444444', 'direct', undefined],
    ]);
    const emitted = principalAccess(index, 'group:default/aws-group-g-formula');
    expect(emitted.principals.map(p => p.id)).toEqual(['g-formula']);
    expect(emitted.grants.map(g => g.account.id)).toEqual(['333333333333']);
  });

  it('gives nothing for an entity that maps to no principal', () => {
    expect(principalAccess(index, 'user:default/nobody')).toEqual({
      entityRef: 'user:default/nobody',
      principals: [],
      grants: [],
    });
    // A user ref never matches a group with the same name.
    expect(principalAccess(index, 'user:default/platform-team').grants).toEqual(
      [],
    );
  });

  it('merges every principal that maps to the same entity', () => {
    const resolution = governanceResolution();
    resolution.principals['u-carol'].ref = 'user:default/alice.smith';
    const access = principalAccess(
      buildGovernanceIndex(governanceSnapshot(), resolution),
      'user:default/alice.smith',
    );
    expect(access.principals.map(p => p.id)).toEqual(['u-alice', 'u-carol']);
    expect(access.grants).toHaveLength(5);
  });
});
