import {
  GetAccountAuthorizationDetailsCommand,
  IAMClient,
  ListAccessKeysCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type {
  Account,
  AccountIam,
  IamAccessKey,
  IamManagedPolicy,
  IamRole,
  IamUser,
  Knowable,
} from '@aws-governance/plugin-aws-organizations-common';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import pLimit from 'p-limit';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { AwsReadError } from '../errors';
import type { ReadContext } from '../context';
import { assumeRole, roleArnIn } from './assume';
import {
  localPolicyFromDetail,
  roleFromDetail,
  userFromDetail,
} from './shapes';

/** GetAccountAuthorizationDetails at its largest page. */
const MAX_ITEMS = 1000;
/** Pages in a row without items after which a listing is considered endless. */
const MAX_EMPTY_PAGES = 50;

/** What the per-account source needs. */
export interface AccountRoleSettings {
  roleName: string;
  externalId?: string;
  concurrency: number;
  /** Makes an IAM client with an account's session credentials. */
  iamClient(credentials: AwsCredentialIdentity): IAMClient;
}

/** What the per-account source read. */
export interface AccountRoleResult {
  accounts: Record<string, AccountIam>;
  /** The customer managed policies of the accounts read. */
  localPolicies: IamManagedPolicy[];
}

async function accessKeysOf(
  ctx: ReadContext,
  iam: IAMClient,
  user: UserDetail,
): Promise<Knowable<IamAccessKey[]>> {
  const resource = user.Arn ?? user.UserName ?? '?';
  const target = {
    service: 'iam' as const,
    operation: 'ListAccessKeys',
    resource,
  };
  return ctx.optional(target, async optional => {
    const keys: IamAccessKey[] = [];
    let marker: string | undefined;
    do {
      const page = await optional.send(
        target,
        new ListAccessKeysCommand({ UserName: user.UserName, Marker: marker }),
        iam,
      );
      for (const k of page.AccessKeyMetadata ?? []) {
        keys.push({
          accessKeyId: k.AccessKeyId ?? '',
          status: k.Status === 'Inactive' ? 'Inactive' : 'Active',
          ...(k.CreateDate
            ? { createDate: new Date(k.CreateDate).toISOString() }
            : {}),
        });
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return keys;
  });
}

async function readAccount(
  ctx: ReadContext,
  account: Account,
  settings: AccountRoleSettings,
  localPolicies: IamManagedPolicy[],
): Promise<{ roles: IamRole[]; users: IamUser[] }> {
  const roleArn = roleArnIn(account.id, settings.roleName, account.arn);
  const credentials = await assumeRole(ctx, roleArn, settings.externalId);
  const iam = settings.iamClient(credentials);
  const target = {
    service: 'iam' as const,
    operation: 'GetAccountAuthorizationDetails',
    resource: account.id,
  };
  const roles: IamRole[] = [];
  const userDetails: UserDetail[] = [];
  let marker: string | undefined;
  let emptyInARow = 0;
  do {
    const page: GetAccountAuthorizationDetailsCommandOutput = await ctx.send(
      target,
      new GetAccountAuthorizationDetailsCommand({
        Filter: ['User', 'Role', 'LocalManagedPolicy'],
        MaxItems: MAX_ITEMS,
        Marker: marker,
      }),
      iam,
    );
    const items =
      (page.RoleDetailList?.length ?? 0) +
      (page.UserDetailList?.length ?? 0) +
      (page.Policies?.length ?? 0);
    roles.push(...(page.RoleDetailList ?? []).map(roleFromDetail));
    userDetails.push(...(page.UserDetailList ?? []));
    localPolicies.push(...(page.Policies ?? []).map(localPolicyFromDetail));
    marker = page.IsTruncated ? page.Marker : undefined;
    emptyInARow = items === 0 ? emptyInARow + 1 : 0;
    if (page.IsTruncated && !page.Marker) {
      throw new AwsReadError({
        ...target,
        cause: Object.assign(new Error('IsTruncated without a Marker'), {
          name: 'InvalidPagination',
        }),
      });
    }
    if (marker && emptyInARow >= MAX_EMPTY_PAGES) {
      throw new AwsReadError({
        ...target,
        cause: Object.assign(
          new Error(`${MAX_EMPTY_PAGES} empty pages in a row, each truncated`),
          { name: 'EndlessPagination' },
        ),
      });
    }
  } while (marker);
  const users = await Promise.all(
    userDetails.map(async u =>
      userFromDetail(u, await accessKeysOf(ctx, iam, u)),
    ),
  );
  return { roles, users };
}

/**
 * Reads the roles of every active account through a read-only role
 * assumed there: AssumeRole, then GetAccountAuthorizationDetails (users,
 * roles, customer managed policies; 1,000 items a page) and the users'
 * access keys. An account whose role cannot be assumed or whose listing
 * fails is unknown, with a warning, never "no roles"; so is an account
 * that is not active (its roles cannot be assumed).
 */
export async function readRolesPerAccount(
  ctx: ReadContext,
  accounts: Account[],
  settings: AccountRoleSettings,
): Promise<AccountRoleResult> {
  const result: AccountRoleResult = { accounts: {}, localPolicies: [] };
  const limit = pLimit(settings.concurrency);
  await Promise.all(
    accounts.map(account =>
      limit(async () => {
        if (account.state !== 'ACTIVE') {
          result.accounts[account.id] = {
            status: 'unknown',
            reason: `The account is ${account.state}: its roles cannot be assumed`,
          };
          return;
        }
        const policies: IamManagedPolicy[] = [];
        const read = await ctx.optional(
          {
            service: 'iam',
            operation: 'GetAccountAuthorizationDetails',
            resource: account.id,
          },
          optional => readAccount(optional, account, settings, policies),
        );
        if (isUnknown(read)) {
          result.accounts[account.id] = {
            status: 'unknown',
            reason: read.reason,
          };
          return;
        }
        result.localPolicies.push(...policies);
        result.accounts[account.id] = {
          status: 'known',
          source: 'account-role',
          ...read,
        };
      }),
    ),
  );
  return result;
}
