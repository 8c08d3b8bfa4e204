import {
  ConfigServiceClient,
  DescribeConfigurationAggregatorsCommand,
  SelectAggregateResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type {
  Account,
  AccountIam,
  IamManagedPolicy,
  IamRole,
  IamUser,
} from '@aws-governance/plugin-aws-organizations-common';
import { isUnknown } from '@aws-governance/plugin-aws-organizations-common';
import type { ReadContext } from '../context';
import { assumeRole, roleArnIn } from './assume';
import {
  ConfigIamItem,
  policyFromConfig,
  roleFromConfig,
  userFromConfig,
} from './shapes';

/** SelectAggregateResourceConfig's largest page. */
const LIMIT = 100;

/** What the aggregator source needs. */
export interface ConfigAggregatorSettings {
  aggregatorName: string;
  /** The aggregator account and the role to assume there, if any. */
  accountId?: string;
  roleName?: string;
  externalId?: string;
  /** The reader's own Config client (its credentials, the aggregator's region). */
  client?: ConfigServiceClient;
  /** A Config client with the aggregator account's session credentials. */
  configClient(credentials: AwsCredentialIdentity): ConfigServiceClient;
}

/** What the aggregator source read. */
export interface ConfigAggregatorResult {
  accounts: Record<string, AccountIam>;
  localPolicies: IamManagedPolicy[];
}

/** The query of one IAM resource type: the account and the configuration. */
export function iamQuery(resourceType: string): string {
  return `SELECT accountId, resourceType, configuration WHERE resourceType = '${resourceType}'`;
}

async function select(
  ctx: ReadContext,
  client: ConfigServiceClient,
  aggregatorName: string,
  resourceType: string,
): Promise<ConfigIamItem[]> {
  const expression = iamQuery(resourceType);
  const target = {
    service: 'config' as const,
    operation: 'SelectAggregateResourceConfig',
    resource: `${aggregatorName} ${resourceType}`,
  };
  const results = await ctx.paginate(
    target,
    NextToken =>
      new SelectAggregateResourceConfigCommand({
        ConfigurationAggregatorName: aggregatorName,
        Expression: expression,
        Limit: LIMIT,
        NextToken,
      }),
    output => output.Results,
    client,
  );
  return results.map(text => JSON.parse(text) as ConfigIamItem);
}

/** A warning about one account's roles. */
function note(ctx: ReadContext, accountId: string, message: string) {
  ctx.warnings.push({
    operation: 'SelectAggregateResourceConfig',
    resource: accountId,
    message,
  });
  ctx.logger.warn(`Roles of ${accountId} unknown: ${message}`);
}

function unknownAll(accounts: Account[], reason: string) {
  return Object.fromEntries(
    accounts.map(a => [a.id, { status: 'unknown' as const, reason }]),
  );
}

/**
 * Reads the roles and users of every account from an AWS Config
 * aggregator: DescribeConfigurationAggregators (which accounts it covers),
 * then one SelectAggregateResourceConfig query family per IAM resource
 * type (roles, users, customer managed policies), 100 results a page.
 * A failed roles or users query makes every account unknown; an account
 * the aggregator does not cover, or for which it holds no role (Config
 * not recording IAM there), is unknown, with a warning.
 */
export async function readRolesFromAggregator(
  ctx: ReadContext,
  accounts: Account[],
  settings: ConfigAggregatorSettings,
): Promise<ConfigAggregatorResult> {
  const { aggregatorName } = settings;
  const target = {
    service: 'config' as const,
    operation: 'SelectAggregateResourceConfig',
    resource: aggregatorName,
  };
  const read = await ctx.optional(target, async optional => {
    let client = settings.client;
    if (settings.accountId && settings.roleName) {
      const roleArn = roleArnIn(
        settings.accountId,
        settings.roleName,
        accounts[0]?.arn,
      );
      client = settings.configClient(
        await assumeRole(optional, roleArn, settings.externalId),
      );
    }
    if (!client) throw new Error('No AWS Config client was configured');
    const { ConfigurationAggregators } = await optional.send(
      {
        service: 'config',
        operation: 'DescribeConfigurationAggregators',
        resource: aggregatorName,
      },
      new DescribeConfigurationAggregatorsCommand({
        ConfigurationAggregatorNames: [aggregatorName],
      }),
      client,
    );
    const aggregator = ConfigurationAggregators?.find(
      a => a.ConfigurationAggregatorName === aggregatorName,
    );
    const covered = aggregator?.OrganizationAggregationSource
      ? undefined
      : new Set(
          (aggregator?.AccountAggregationSources ?? []).flatMap(
            s => s.AccountIds ?? [],
          ),
        );
    const [roleItems, userItems] = await Promise.all([
      select(optional, client, aggregatorName, 'AWS::IAM::Role'),
      select(optional, client, aggregatorName, 'AWS::IAM::User'),
    ]);
    const policyItems = await optional.optional(
      {
        service: 'config',
        operation: 'SelectAggregateResourceConfig',
        resource: `${aggregatorName} AWS::IAM::Policy`,
      },
      o => select(o, client!, aggregatorName, 'AWS::IAM::Policy'),
    );
    return { covered, roleItems, userItems, policyItems };
  });
  if (isUnknown(read)) {
    return { accounts: unknownAll(accounts, read.reason), localPolicies: [] };
  }
  const roles = new Map<string, Map<string, IamRole>>();
  const users = new Map<string, Map<string, IamUser>>();
  // An IAM item recorded in several regions comes once per region: keep one per ARN.
  for (const item of read.roleItems) {
    if (!item.accountId || !item.configuration) continue;
    const role = roleFromConfig(item.configuration);
    const perAccount = roles.get(item.accountId) ?? new Map();
    perAccount.set(role.arn, role);
    roles.set(item.accountId, perAccount);
  }
  for (const item of read.userItems) {
    if (!item.accountId || !item.configuration) continue;
    const user = userFromConfig(item.configuration);
    const perAccount = users.get(item.accountId) ?? new Map();
    perAccount.set(user.arn, user);
    users.set(item.accountId, perAccount);
  }
  const result: ConfigAggregatorResult = { accounts: {}, localPolicies: [] };
  for (const account of accounts) {
    if (read.covered && !read.covered.has(account.id)) {
      const reason = `The account is not a source of the Config aggregator ${aggregatorName}`;
      note(ctx, account.id, reason);
      result.accounts[account.id] = { status: 'unknown', reason };
      continue;
    }
    const accountRoles = roles.get(account.id);
    if (!accountRoles) {
      const reason = `The Config aggregator ${aggregatorName} holds no IAM role of the account (is Config recording IAM resources there?)`;
      note(ctx, account.id, reason);
      result.accounts[account.id] = { status: 'unknown', reason };
      continue;
    }
    result.accounts[account.id] = {
      status: 'known',
      source: 'config-aggregator',
      roles: [...accountRoles.values()],
      users: [...(users.get(account.id)?.values() ?? [])],
    };
  }
  if (!isUnknown(read.policyItems)) {
    const seen = new Set<string>();
    for (const item of read.policyItems) {
      if (!item.configuration) continue;
      const policy = policyFromConfig(item.configuration);
      if (!seen.has(policy.arn)) {
        seen.add(policy.arn);
        result.localPolicies.push(policy);
      }
    }
  }
  return result;
}
