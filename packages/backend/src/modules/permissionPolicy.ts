import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  AWS_ACCOUNT_RESOURCE_TYPE,
  awsOrganizationsFindingCountsReadPermission,
  awsOrganizationsFindingsReadPermission,
  awsOrganizationsPermissions,
  awsOrganizationsReviewDecidePermission,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  awsAccountConditions,
  createAwsAccountConditionalDecision,
} from '@aws-governance/plugin-aws-organizations-node';

/**
 * Permissions only admins hold: changing what the catalog reads, and the
 * sensitive parts of the AWS Organizations plugins (who has access to which
 * account, the access report, triggering a sync).
 */
export const ADMIN_ONLY_PERMISSIONS: ReadonlySet<string> = new Set([
  'catalog.entity.delete',
  'catalog.location.create',
  'catalog.location.delete',
  ...awsOrganizationsPermissions.map(p => p.name),
]);

/**
 * The demo portal's policy: members of the admin groups may do everything;
 * everyone else may do everything but what {@link ADMIN_ONLY_PERMISSIONS}
 * lists, except that they may decide the access review items of the
 * accounts their team owns or was handed (`aws-organizations.review.decide`,
 * a conditional decision), read the findings of the accounts their team
 * owns (`aws-organizations.findings.read`, a conditional decision), and
 * read every account's finding counts (`aws-organizations.finding-counts.read`).
 */
export class AdminsAndEveryoneElsePolicy implements PermissionPolicy {
  readonly #admins: ReadonlySet<string>;
  readonly #userInfo: UserInfoService;

  constructor(options: {
    admins: Iterable<string>;
    userInfo: UserInfoService;
  }) {
    this.#admins = new Set(options.admins);
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    if (
      !ADMIN_ONLY_PERMISSIONS.has(request.permission.name) ||
      request.permission.name ===
        awsOrganizationsFindingCountsReadPermission.name
    ) {
      return { result: AuthorizeResult.ALLOW };
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const isAdmin = ownershipEntityRefs.some(ref => this.#admins.has(ref));
    if (isAdmin) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (
      request.permission.name === awsOrganizationsReviewDecidePermission.name &&
      isResourcePermission(request.permission, AWS_ACCOUNT_RESOURCE_TYPE)
    ) {
      return createAwsAccountConditionalDecision(request.permission, {
        anyOf: [
          awsAccountConditions.isAccountOwner({ claims: ownershipEntityRefs }),
          awsAccountConditions.isAccountReviewer({
            claims: ownershipEntityRefs,
          }),
        ],
      });
    }
    if (
      request.permission.name === awsOrganizationsFindingsReadPermission.name &&
      isResourcePermission(request.permission, AWS_ACCOUNT_RESOURCE_TYPE)
    ) {
      return createAwsAccountConditionalDecision(
        request.permission,
        awsAccountConditions.isAccountOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Reads `permission.admins`: entity refs of the admin groups or users. */
export function readAdmins(config: Config): string[] {
  const refs = config.getOptionalStringArray('permission.admins') ?? [];
  return refs.map((ref, index) => {
    try {
      return stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' }));
    } catch (error) {
      throw new Error(
        `Invalid config at permission.admins[${index}]: "${ref}" is not an entity ref (${
          (error as Error).message
        })`,
      );
    }
  });
}

/** Installs {@link AdminsAndEveryoneElsePolicy} in the permission backend. */
export const permissionModuleAdminsPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'admins-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new AdminsAndEveryoneElsePolicy({
            admins: readAdmins(config),
            userInfo,
          }),
        );
      },
    });
  },
});
