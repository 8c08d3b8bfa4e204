import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  awsOrganizationsReviewAdminPermission,
  awsOrganizationsReviewDecidePermission,
  normalizeEntityRef,
} from '@aws-governance/plugin-aws-organizations-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AccountPermissions } from '../routes/accountPermissions';
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
  userInfo: UserInfoService;
  /** The account-scoped permission checks (the findings' too). */
  accounts: AccountPermissions;
}): ReviewAccess {
  const { permissions, accounts } = options;
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
      const admitted = await accounts.admitted(
        credentials,
        awsOrganizationsReviewDecidePermission,
      );
      return admitted.kind === 'some'
        ? { kind: 'some', accountIds: [...admitted.accountIds] }
        : admitted;
    },

    mayDecide(credentials, accountIds) {
      return accounts.allowed(
        credentials,
        awsOrganizationsReviewDecidePermission,
        accountIds,
      );
    },
  };
}
