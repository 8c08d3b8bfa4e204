import { AwsError } from '../../protocol/errors';
import { configComplianceOperations } from './compliance';
import { accountIam } from '../../state/iam';
import type {
  AccountIamRecord,
  ConfigAggregatorRecord,
} from '../../state/iamTypes';
import { epochSeconds, OperationContext, OperationTable } from '../types';
import { parseSelect, project, propertyOf, SelectQuery } from './expression';
import {
  IAM_RESOURCE_TYPES,
  IamResourceType,
  policyItem,
  roleItem,
  userItem,
} from './items';

function noSuchAggregator(name: string) {
  return new AwsError(
    'NoSuchConfigurationAggregatorException',
    `The configuration aggregator '${name}' does not exist.`,
  );
}

/** The caller's aggregator of that name (aggregators belong to their account). */
function aggregatorOf(ctx: OperationContext, name: string) {
  const aggregator = ctx.state.iam?.aggregators.get(name);
  if (!aggregator || aggregator.accountId !== ctx.identity?.accountId) {
    throw noSuchAggregator(name);
  }
  return aggregator;
}

function aggregatorShape(a: ConfigAggregatorRecord) {
  return {
    ConfigurationAggregatorName: a.name,
    ConfigurationAggregatorArn: a.arn,
    ...(a.source === 'organization'
      ? {
          OrganizationAggregationSource: {
            RoleArn: `arn:aws:iam::${a.accountId}:role/AWSConfigRoleForOrganizations`,
            AllAwsRegions: a.allAwsRegions,
          },
        }
      : {
          AccountAggregationSources: [
            { AccountIds: a.source.accountIds, AllAwsRegions: a.allAwsRegions },
          ],
        }),
    CreationTime: epochSeconds(a.createdAt),
    LastUpdatedTime: epochSeconds(a.createdAt),
  };
}

function describeConfigurationAggregators(ctx: OperationContext) {
  const names = ctx.input.array('ConfigurationAggregatorNames') as string[];
  const own = [...(ctx.state.iam?.aggregators.values() ?? [])].filter(
    a => a.accountId === ctx.identity?.accountId,
  );
  for (const name of names) {
    if (!own.some(a => a.name === name)) throw noSuchAggregator(name);
  }
  const selected = names.length ? own.filter(a => names.includes(a.name)) : own;
  return { ConfigurationAggregators: selected.map(aggregatorShape) };
}

/** `Limit` and `MaxResults`: 0-100, 0 or absent means 25 (non-aggregation). */
function readLimit(ctx: OperationContext): number {
  let limit = 25;
  for (const name of ['Limit', 'MaxResults']) {
    const value = ctx.input.body[name];
    if (value === undefined || value === null) continue;
    if (
      typeof value !== 'number' ||
      !Number.isInteger(value) ||
      value < 0 ||
      value > 100
    ) {
      throw new AwsError(
        'InvalidLimitException',
        `1 validation error detected: Value '${String(
          value,
        )}' at '${name.toLowerCase()}' failed to satisfy constraint: Member must have value less than or equal to 100`,
      );
    }
    if (value > 0) limit = value;
  }
  return limit;
}

interface Cursor {
  account: number;
  type: number;
  item: number;
}

function fingerprint(expression: string, aggregator: string): string {
  let hash = 0x811c9dc5;
  const text = `${aggregator}\n${expression}`;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function encodeToken(cursor: Cursor, fp: string): string {
  return Buffer.from(JSON.stringify({ ...cursor, f: fp })).toString(
    'base64url',
  );
}

function decodeToken(token: string | undefined, fp: string): Cursor {
  if (token === undefined) return { account: 0, type: 0, item: 0 };
  try {
    const p = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      p.f === fp &&
      [p.account, p.type, p.item].every(n => Number.isInteger(n) && n >= 0)
    ) {
      return { account: p.account, type: p.type, item: p.item };
    }
  } catch {
    // answered below
  }
  throw new AwsError(
    'InvalidNextTokenException',
    'The specified next token is invalid. Specify the nextToken string that was returned in the previous response to get the next page of results.',
  );
}

function itemsOf(
  accountId: string,
  iam: AccountIamRecord,
  type: IamResourceType,
): (() => Record<string, unknown>)[] {
  if (type === 'AWS::IAM::Role') {
    return iam.roles.map(r => () => roleItem(accountId, r));
  }
  if (type === 'AWS::IAM::User') {
    return iam.users.map(u => () => userItem(accountId, u));
  }
  const counts = new Map<string, number>();
  for (const e of [...iam.roles, ...iam.users]) {
    for (const p of e.attachedPolicies) {
      counts.set(p.arn, (counts.get(p.arn) ?? 0) + 1);
    }
  }
  return iam.policies.map(
    p => () => policyItem(accountId, p, counts.get(p.arn) ?? 0),
  );
}

function matches(item: Record<string, unknown>, query: SelectQuery) {
  return query.conditions.every(c =>
    c.values.includes(String(propertyOf(item, c.property))),
  );
}

/**
 * SelectAggregateResourceConfig over the IAM resources of the accounts the
 * aggregator covers (in the organization's account order), one page of
 * `Limit` results as JSON strings with the selected properties.
 */
function selectAggregateResourceConfig(ctx: OperationContext) {
  const expression = ctx.input.string('Expression');
  const name = ctx.input.string('ConfigurationAggregatorName');
  const aggregator = aggregatorOf(ctx, name);
  const limit = readLimit(ctx);
  const query = parseSelect(expression);
  const typeCondition = query.conditions.find(
    c => c.property === 'resourceType',
  );
  const types = IAM_RESOURCE_TYPES.filter(
    t => !typeCondition || typeCondition.values.includes(t),
  );
  const accountCondition = query.conditions.find(
    c => c.property === 'accountId',
  );
  const accountIds = [...ctx.state.accounts.keys()].filter(
    id =>
      (aggregator.source === 'organization' ||
        aggregator.source.accountIds.includes(id)) &&
      (!accountCondition || accountCondition.values.includes(id)),
  );
  const fp = fingerprint(expression, name);
  const start = decodeToken(ctx.input.optionalString('NextToken'), fp);
  const results: string[] = [];
  let next: Cursor | undefined;
  // Every matching item from the cursor on, in account, type, item order.
  function* scan(): Generator<[Cursor, Record<string, unknown>]> {
    for (let a = start.account; a < accountIds.length; a++) {
      const iam = accountIam(ctx.state, accountIds[a]);
      if (!iam) continue;
      for (
        let t = a === start.account ? start.type : 0;
        t < types.length;
        t++
      ) {
        const items = itemsOf(accountIds[a], iam, types[t]);
        const first = a === start.account && t === start.type ? start.item : 0;
        for (let i = first; i < items.length; i++) {
          const item = items[i]();
          if (matches(item, query))
            yield [{ account: a, type: t, item: i }, item];
        }
      }
    }
  }
  for (const [cursor, item] of scan()) {
    if (results.length === limit) {
      // One more result exists: the page ends before it.
      next = cursor;
      break;
    }
    results.push(JSON.stringify(project(item, query.fields)));
  }
  return {
    Results: results,
    QueryInfo: { SelectFields: query.fields.map(Name => ({ Name })) },
    ...(next ? { NextToken: encodeToken(next, fp) } : {}),
  };
}

/** AWS Config: aggregators and the aggregate advanced query. */
export const configOperations: OperationTable = {
  DescribeConfigurationAggregators: describeConfigurationAggregators,
  SelectAggregateResourceConfig: selectAggregateResourceConfig,
  ...configComplianceOperations,
};
