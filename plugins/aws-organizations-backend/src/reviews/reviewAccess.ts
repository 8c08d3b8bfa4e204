import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  awsOrganizationsReviewAdminPermission,
  awsOrganizationsReviewDecidePermission,
  normalizeEntityRef,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  awsAccountPermissionResourceRef,
  AwsAccountPermissionQuery,
  AwsAccountPermissionResource,
  matchesAwsAccountQuery,
} from '@aws-governance/plugin-aws-organizations-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ConditionTransformer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import { ReviewActor } from './types';

/** Which accounts' items a caller may see and decide. */
export type AccountFilter =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'some'; accountIds: string[] };

/** The permission checks of the reviews. */
export interface ReviewAccess {
  /** Who calls: ref, ownership refs, admin or not. */
  actor(credentials: BackstageCredentials): Promise<ReviewActor>;
  /**
   * The accounts `aws-organizations.review.decide` admits for the caller
   * (a conditional decision applied to the accounts' permission resources).
   */
  decidableAccounts(credentials: BackstageCredentials): Promise<AccountFilter>;
  /** `review.decide` for each account, by its resource ref (the account id). */
  mayDecide(
    credentials: BackstageCredentials,
    accountIds: string[],
  ): Promise<Set<string>>;
}

/** @internal */
export function createReviewAccess(options: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  userInfo: UserInfoService;
  /** The permission resources of every account (the current snapshot's). */
  accountResources: () => Promise<AwsAccountPermissionResource[]>;
}): ReviewAccess {
  const { permissions } = options;
  let transform: ConditionTransformer<AwsAccountPermissionQuery> | undefined;
  const transformer = () => {
    transform ??= createConditionTransformer<AwsAccountPermissionQuery>(
      options.permissionsRegistry.getPermissionRuleset(
        awsAccountPermissionResourceRef,
      ),
    );
    return transform;
  };
  return {
    async actor(credentials) {
      const principal = credentials.principal as {
        type?: string;
        userEntityRef?: string;
        subject?: string;
      };
      const [decision] = await permissions.authorize(
        [{ permission: awsOrganizationsReviewAdminPermission }],
        { credentials },
      );
      const admin = decision.result === AuthorizeResult.ALLOW;
      if (principal.type !== 'user' || !principal.userEntityRef) {
        return {
          ref: `service:${principal.subject ?? 'unknown'}`,
          teams: [],
          admin,
        };
      }
      const info = await options.userInfo
        .getUserInfo(credentials)
        .catch(() => ({ ownershipEntityRefs: [principal.userEntityRef!] }));
      const teams = info.ownershipEntityRefs
        .map(ref => normalizeEntityRef(ref))
        .filter((ref): ref is string => ref !== undefined);
      return {
        ref:
          normalizeEntityRef(principal.userEntityRef) ??
          principal.userEntityRef,
        teams,
        admin,
      };
    },

    async decidableAccounts(credentials) {
      const [decision] = await permissions.authorizeConditional(
        [{ permission: awsOrganizationsReviewDecidePermission }],
        { credentials },
      );
      if (decision.result === AuthorizeResult.ALLOW) return { kind: 'all' };
      if (decision.result !== AuthorizeResult.CONDITIONAL) {
        return { kind: 'none' };
      }
      const query = transformer()(decision.conditions);
      const resources = await options.accountResources();
      return {
        kind: 'some',
        accountIds: resources
          .filter(resource => matchesAwsAccountQuery(resource, query))
          .map(resource => resource.accountId),
      };
    },

    async mayDecide(credentials, accountIds) {
      const unique = [...new Set(accountIds)];
      if (unique.length === 0) return new Set();
      const decisions = await permissions.authorize(
        unique.map(resourceRef => ({
          permission: awsOrganizationsReviewDecidePermission,
          resourceRef,
        })),
        { credentials },
      );
      return new Set(
        unique.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
      );
    },
  };
}
