import { AwsError } from '../../protocol/errors';
import { paginate } from '../../protocol/pagination';
import { SIGNAL_SERVICE_PRINCIPALS, signalsOf } from '../../state/signals';
import type { OcsfFinding } from '../../state/signalsTypes';
import type { EmulatorState } from '../../state/types';
import { callerAccountOf, OperationContext, OperationTable } from '../types';
import { findingFilter, valuesAt } from './filters';

/** GroupByField values of GetFindingStatisticsV2 (its API model's enum). */
export const GROUP_BY_FIELDS = [
  'activity_name',
  'class_name',
  'cloud.account.name',
  'cloud.account.uid',
  'cloud.provider',
  'cloud.region',
  'compliance.assessments.name',
  'compliance.control',
  'compliance.standards',
  'compliance.status',
  'finding_info.analytic.name',
  'finding_info.related_events.traits.category',
  'finding_info.title',
  'finding_info.types',
  'metadata.product.name',
  'metadata.product.uid',
  'metadata.product.vendor_name',
  'resources.cloud_partition',
  'resources.name',
  'resources.owner.account.name',
  'resources.owner.account.uid',
  'resources.owner.org.uid',
  'resources.provider',
  'resources.region',
  'resources.type',
  'resources.uid',
  'severity',
  'status',
  'vendor_attributes.severity',
  'vulnerabilities.affected_packages.name',
  'vulnerabilities.fix_coverage',
];

/** GetFindingStatisticsV2: at most 5 GroupByRules; MaxStatisticResults 1-400. */
export const MAX_GROUP_BY_RULES = 5;
export const MAX_STATISTIC_RESULTS = 400;

function validation(message: string) {
  return new AwsError('ValidationException', message);
}

function isDelegatedAdministrator(state: EmulatorState, accountId: string) {
  return (
    signalsOf(state)
      .delegatedAdministrators.get(SIGNAL_SERVICE_PRINCIPALS.securityHub)
      ?.some(a => a.accountId === accountId) ?? false
  );
}

function requireEnabled(ctx: OperationContext, operation: string): string {
  const account = callerAccountOf(ctx);
  if (!signalsOf(ctx.state).securityHub.enabledAccounts.has(account)) {
    throw new AwsError(
      'AccessDeniedException',
      `User: arn:aws:sts::${account}:assumed-role/reader/emulator is not authorized to perform: securityhub:${operation} because Security Hub is not enabled in account ${account}`,
    );
  }
  return account;
}

/** The accounts under an OU (or the root), through the OU tree. */
function accountsUnder(state: EmulatorState, parentId: string): Set<string> {
  const result = new Set<string>();
  const walk = (id: string) => {
    const children = state.children.get(id);
    if (!children) return;
    for (const a of children.accounts) result.add(a);
    for (const ou of children.organizationalUnits) walk(ou);
  };
  walk(parentId);
  return result;
}

/**
 * The findings the caller may see: the delegated administrator sees every
 * account's (optionally limited by `Scopes`); any other account its own,
 * and `Scopes` answers AccessDeniedException ("Only the delegated
 * administrator account can use Scopes").
 */
function visibleFindings(
  ctx: OperationContext,
  operation: string,
): OcsfFinding[] {
  const account = requireEnabled(ctx, operation);
  const hub = signalsOf(ctx.state).securityHub;
  const admin = isDelegatedAdministrator(ctx.state, account);
  const scopes = ctx.input.optionalObject('Scopes');
  if (scopes && !admin) {
    throw new AwsError(
      'AccessDeniedException',
      'Only the delegated administrator account can use Scopes.',
    );
  }
  let allowed: Set<string> | undefined;
  if (!admin) {
    allowed = new Set([account]);
  } else if (scopes) {
    const entries = (scopes.AwsOrganizations ?? []) as {
      OrganizationId?: string;
      OrganizationalUnitId?: string;
    }[];
    if (!Array.isArray(entries) || entries.length > 10) {
      throw validation('Scopes.AwsOrganizations accepts up to 10 entries');
    }
    allowed = new Set();
    for (const entry of entries) {
      if (entry.OrganizationId !== ctx.state.organization?.id) {
        throw new AwsError(
          'OrganizationNotFoundException',
          `Organization ${String(entry.OrganizationId)} was not found`,
        );
      }
      const ou = entry.OrganizationalUnitId;
      if (ou && !ctx.state.organizationalUnits.has(ou)) {
        throw new AwsError(
          'OrganizationalUnitNotFoundException',
          `Organizational unit ${ou} was not found`,
        );
      }
      for (const a of accountsUnder(ctx.state, ou ?? ctx.state.root!.id)) {
        allowed.add(a);
      }
    }
  }
  const members = hub.enabledAccounts;
  return hub.findings.filter(f => {
    const owner = f.cloud.account.uid;
    return members.has(owner) && (!allowed || allowed.has(owner));
  });
}

function sortOrderOf(value: unknown): 'asc' | 'desc' {
  if (value === undefined || value === null) return 'desc';
  if (value !== 'asc' && value !== 'desc') {
    throw validation(`Invalid SortOrder ${String(value)}: use asc or desc`);
  }
  return value;
}

function getFindingStatisticsV2(ctx: OperationContext) {
  const rules = ctx.input.array('GroupByRules') as Record<string, unknown>[];
  if (rules.length < 1 || rules.length > MAX_GROUP_BY_RULES) {
    throw validation(
      `GroupByRules must hold 1 to ${MAX_GROUP_BY_RULES} rules; it holds ${rules.length}`,
    );
  }
  const max = ctx.input.body.MaxStatisticResults ?? MAX_STATISTIC_RESULTS;
  if (
    typeof max !== 'number' ||
    !Number.isInteger(max) ||
    max < 1 ||
    max > MAX_STATISTIC_RESULTS
  ) {
    throw validation(
      `1 validation error detected: Value '${String(
        max,
      )}' at 'maxStatisticResults' failed to satisfy constraint: Member must have value between 1 and ${MAX_STATISTIC_RESULTS}`,
    );
  }
  const order = sortOrderOf(ctx.input.body.SortOrder);
  const findings = visibleFindings(ctx, 'GetFindingStatisticsV2');
  const now = new Date();
  const GroupByResults = rules.map(rule => {
    const field = rule?.GroupByField;
    if (typeof field !== 'string' || !GROUP_BY_FIELDS.includes(field)) {
      throw validation(`Invalid GroupByField ${String(field)}`);
    }
    const match = findingFilter(rule.Filters);
    const counts = new Map<string, number>();
    for (const finding of findings) {
      if (!match(finding, now)) continue;
      for (const value of new Set(valuesAt(finding, field).map(String))) {
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    }
    const values = [...counts]
      .sort(
        (a, b) =>
          (order === 'desc' ? b[1] - a[1] : a[1] - b[1]) ||
          a[0].localeCompare(b[0]),
      )
      .slice(0, max)
      .map(([FieldValue, Count]) => ({ FieldValue, Count }));
    return { GroupByField: field, GroupByValues: values };
  });
  return { GroupByResults };
}

function compareAt(a: OcsfFinding, b: OcsfFinding, field: string) {
  const x = String(valuesAt(a, field)[0] ?? '');
  const y = String(valuesAt(b, field)[0] ?? '');
  return x.localeCompare(y);
}

function getFindingsV2(ctx: OperationContext) {
  const criteria = ctx.input.array('SortCriteria') as {
    Field?: string;
    SortOrder?: string;
  }[];
  const match = findingFilter(ctx.input.body.Filters);
  const now = new Date();
  const findings = visibleFindings(ctx, 'GetFindingsV2').filter(f =>
    match(f, now),
  );
  const sorted = [...findings].sort((a, b) => {
    for (const c of criteria) {
      const field = String(c.Field);
      const order = sortOrderOf(c.SortOrder);
      const diff = compareAt(a, b, field);
      if (diff !== 0) return order === 'asc' ? diff : -diff;
    }
    return a.metadata.uid.localeCompare(b.metadata.uid);
  });
  const page = paginate(ctx, ctx.input, sorted);
  return { Findings: page.items, NextToken: page.nextToken };
}

/** Security Hub's V2 (OCSF) reads. */
export const securityHubOperations: OperationTable = {
  DescribeSecurityHubV2: ctx => {
    const account = callerAccountOf(ctx);
    const hub = signalsOf(ctx.state).securityHub;
    if (!hub.enabledAccounts.has(account)) {
      throw new AwsError(
        'ResourceNotFoundException',
        `Security Hub is not enabled in account ${account}.`,
      );
    }
    const region = ctx.origin?.region ?? 'us-east-1';
    return {
      HubV2Arn: `arn:aws:securityhub:${region}:${account}:hubv2/${account}`,
      SubscribedAt: hub.subscribedAt.toISOString(),
    };
  },
  GetFindingStatisticsV2: getFindingStatisticsV2,
  GetFindingsV2: getFindingsV2,
};
