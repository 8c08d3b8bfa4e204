import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  awsAccountPermissionResourceRef,
  AwsAccountPermissionQuery,
  AwsAccountPermissionResource,
  matchesAwsAccountQuery,
} from '@aws-governance/plugin-aws-organizations-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  ConditionTransformer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';

/** Which accounts a permission admits for a caller. */
export type AdmittedAccounts =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'some'; accountIds: ReadonlySet<string> };

/**
 * The account-scoped permissions (findings, finding counts) through the
 * permission framework: per account by its resource ref (the policy's
 * conditional decision applied by the framework to the account's
 * resource), and for lists, the conditional decision's conditions applied
 * here to every account's resource (the rules' `toQuery`).
 */
export interface AccountPermissions {
  /** For each account id, whether `permission` is allowed on it. */
  allowed(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'aws-organizations-account'>,
    accountIds: readonly string[],
  ): Promise<Set<string>>;
  /** The accounts `permission` admits (for lists and roll-ups). */
  admitted(
    credentials: BackstageCredentials,
    permission: ResourcePermission<'aws-organizations-account'>,
  ): Promise<AdmittedAccounts>;
}

/** @internal */
export function createAccountPermissions(options: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  /** The permission resources of every account (the current snapshot's). */
  accountResources: () => Promise<AwsAccountPermissionResource[]>;
}): AccountPermissions {
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
    async allowed(credentials, permission, accountIds) {
      const unique = [...new Set(accountIds)];
      if (unique.length === 0) return new Set();
      const decisions = await permissions.authorize(
        unique.map(resourceRef => ({ permission, resourceRef })),
        { credentials },
      );
      return new Set(
        unique.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW),
      );
    },

    async admitted(credentials, permission) {
      const [decision] = await permissions.authorizeConditional(
        [{ permission }],
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
        accountIds: new Set(
          resources
            .filter(resource => matchesAwsAccountQuery(resource, query))
            .map(resource => resource.accountId),
        ),
      };
    },
  };
}
