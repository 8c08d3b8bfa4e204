import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  awsOrganizationsAccessReadPermission,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsFindingsReadPermission,
  awsOrganizationsReviewAdminPermission,
  awsOrganizationsReviewDecidePermission,
} from '@aws-governance/plugin-aws-organizations-common';
import { AdminsAndEveryoneElsePolicy, readAdmins } from './permissionPolicy';

const userInfo = mockServices.userInfo.mock({
  getUserInfo: async credentials => {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return {
      userEntityRef: ref,
      ownershipEntityRefs:
        ref === 'user:default/alice.nguyen'
          ? [ref, 'group:default/security']
          : [ref, 'group:default/payments'],
    };
  },
});

const policy = new AdminsAndEveryoneElsePolicy({
  admins: ['group:default/security'],
  userInfo,
});

const asUser = (ref: string) => ({
  credentials: mockCredentials.user(ref),
  info: { userEntityRef: ref, ownershipEntityRefs: [] },
});

const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
});
const locationCreate = createPermission({
  name: 'catalog.location.create',
  attributes: { action: 'create' },
});

describe('AdminsAndEveryoneElsePolicy', () => {
  it('lets everyone read the catalog', async () => {
    await expect(
      policy.handle(
        { permission: catalogRead },
        asUser('user:default/priya.patel'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it.each([locationCreate, awsOrganizationsAccessReadPermission])(
    'keeps $name for admins',
    async permission => {
      await expect(
        policy.handle({ permission }, asUser('user:default/priya.patel')),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
      await expect(
        policy.handle({ permission }, asUser('user:default/alice.nguyen')),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it('keeps review administration for admins', async () => {
    await expect(
      policy.handle(
        { permission: awsOrganizationsReviewAdminPermission },
        asUser('user:default/priya.patel'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it("lets others decide reviews of their team's accounts only", async () => {
    const decision = await policy.handle(
      { permission: awsOrganizationsReviewDecidePermission },
      asUser('user:default/priya.patel'),
    );
    const claims = ['user:default/priya.patel', 'group:default/payments'];
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aws-organizations',
      resourceType: 'aws-organizations-account',
      conditions: {
        anyOf: [
          {
            rule: 'IS_ACCOUNT_OWNER',
            resourceType: 'aws-organizations-account',
            params: { claims },
          },
          {
            rule: 'IS_ACCOUNT_REVIEWER',
            resourceType: 'aws-organizations-account',
            params: { claims },
          },
        ],
      },
    });
    await expect(
      policy.handle(
        { permission: awsOrganizationsReviewDecidePermission },
        asUser('user:default/alice.nguyen'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("gives the findings of their team's accounts to owners, the counts to everyone", async () => {
    const claims = ['user:default/priya.patel', 'group:default/payments'];
    await expect(
      policy.handle(
        { permission: awsOrganizationsFindingsReadPermission },
        asUser('user:default/priya.patel'),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'aws-organizations',
      resourceType: 'aws-organizations-account',
      conditions: {
        rule: 'IS_ACCOUNT_OWNER',
        resourceType: 'aws-organizations-account',
        params: { claims },
      },
    });
    await expect(
      policy.handle(
        { permission: awsOrganizationsFindingsReadPermission },
        asUser('user:default/alice.nguyen'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle(
        { permission: awsOrganizationsFindingCountsReadPermission },
        asUser('user:default/priya.patel'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies requests without a user', async () => {
    await expect(policy.handle({ permission: catalogRead })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });
});

describe('readAdmins', () => {
  it('normalises refs, defaulting to groups', () => {
    expect(
      readAdmins(
        new ConfigReader({
          permission: { admins: ['security', 'user:default/Bob'] },
        }),
      ),
    ).toEqual(['group:default/security', 'user:default/bob']);
  });

  it('names the key of a malformed ref', () => {
    expect(() =>
      readAdmins(
        new ConfigReader({ permission: { admins: ['group:default/'] } }),
      ),
    ).toThrow(/permission\.admins\[0\]/);
  });
});
