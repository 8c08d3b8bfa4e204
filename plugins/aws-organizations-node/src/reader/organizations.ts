import {
  Account as SdkAccount,
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
} from '@aws-sdk/client-organizations';
import type {
  Account,
  AccountState,
  OrganizationInfo,
  OrganizationRoot,
  OrganizationalUnit,
  OrganizationPoliciesPart,
  PolicyTypeStatus,
  RootPolicyType,
  ServiceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { PAGE_SIZE, ReadContext } from './context';
import { readOrganizationPolicies, readPolicies, required } from './policies';
import { readOrganizationsTags } from './tags';

/** The Organizations part of a snapshot. */
export interface OrganizationStructure extends OrganizationPoliciesPart {
  organization: OrganizationInfo;
  root: OrganizationRoot;
  organizationalUnits: OrganizationalUnit[];
  accounts: Account[];
  policies: ServiceControlPolicy[];
}

const SCP = 'SERVICE_CONTROL_POLICY';
const service = 'organizations' as const;
const pageSize = PAGE_SIZE.organizations;

const LEGACY_STATUS: Record<string, AccountState> = {
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  PENDING_CLOSURE: 'PENDING_CLOSURE',
};

export function accountState(account: SdkAccount): AccountState {
  // `State` replaces the retired `Status`; map `Status` only when an endpoint
  // does not send `State` yet.
  return (account.State ??
    LEGACY_STATUS[account.Status ?? ''] ??
    required(
      undefined,
      'ListAccountsForParent',
      account.Id ?? '?',
      'State',
    )) as AccountState;
}

/** An account as ListAccountsForParent or DescribeAccount answers it. */
export function toAccount(
  a: SdkAccount,
  id: string,
  parentId: string,
  path: string[],
): Omit<Account, 'tags'> {
  return {
    id,
    arn: a.Arn ?? '',
    name: a.Name ?? '',
    email: a.Email ?? '',
    state: accountState(a),
    joinedMethod: (a.JoinedMethod ?? 'CREATED') as Account['joinedMethod'],
    joinedTimestamp: a.JoinedTimestamp
      ? new Date(a.JoinedTimestamp).toISOString()
      : '',
    parentId,
    path,
  };
}

/** The organization as DescribeOrganization returns it (policy types aside). */
export type OrganizationDescription = Omit<
  OrganizationInfo,
  'enabledPolicyTypes'
>;

/** Describes the organization: id, feature set and management account. */
export async function describeOrganization(
  ctx: ReadContext,
): Promise<OrganizationDescription> {
  const operation = 'DescribeOrganization';
  const { Organization: org } = await ctx.send(
    { service, operation, resource: 'organization' },
    new DescribeOrganizationCommand({}),
  );
  const o = required(org, operation, 'organization', 'Organization');
  return {
    id: required(o.Id, operation, 'organization', 'Id'),
    arn: o.Arn ?? '',
    featureSet: (o.FeatureSet ?? 'ALL') as OrganizationInfo['featureSet'],
    managementAccountId: required(
      o.MasterAccountId,
      operation,
      'organization',
      'MasterAccountId',
    ),
    managementAccountArn: o.MasterAccountArn ?? '',
    ...(o.MasterAccountEmail
      ? { managementAccountEmail: o.MasterAccountEmail }
      : {}),
  };
}

async function readRoot(ctx: ReadContext) {
  const target = { service, operation: 'ListRoots', resource: 'organization' };
  const roots = await ctx.paginate(
    target,
    NextToken => new ListRootsCommand({ NextToken, MaxResults: pageSize }),
    out => out.Roots,
  );
  const root = required(roots[0], target.operation, target.resource, 'Roots');
  const rootPolicyTypes: RootPolicyType[] = (root.PolicyTypes ?? [])
    .filter(p => p.Type && p.Status)
    .map(p => ({
      type: p.Type as string,
      status: p.Status as PolicyTypeStatus,
    }));
  const enabledPolicyTypes = rootPolicyTypes
    .filter(p => p.status === 'ENABLED')
    .map(p => p.type);
  return { root, enabledPolicyTypes, rootPolicyTypes };
}

/**
 * Walks the OU tree from the root: per parent one listing of child OUs and
 * one of accounts (so every account's parent and path come for free), and
 * the tags of every OU and account.
 */
async function walkTree(ctx: ReadContext, rootId: string) {
  const organizationalUnits: OrganizationalUnit[] = [];
  const accounts: Account[] = [];
  const pending: Promise<unknown>[] = [];
  // Tags are awaited once the whole tree is walked. When the walk fails
  // first, they reject with the read's failure and nobody awaits them: mark
  // them handled now so that such a rejection is not reported as unhandled.
  const readTagsLater = (read: Promise<unknown>) => {
    read.catch(() => undefined);
    pending.push(read);
  };

  const visit = async (parentId: string, path: string[]): Promise<void> => {
    const childPath = [...path, parentId];
    const [ous, accs] = await Promise.all([
      ctx.paginate(
        {
          service,
          operation: 'ListOrganizationalUnitsForParent',
          resource: parentId,
        },
        NextToken =>
          new ListOrganizationalUnitsForParentCommand({
            ParentId: parentId,
            NextToken,
            MaxResults: pageSize,
          }),
        out => out.OrganizationalUnits,
      ),
      ctx.paginate(
        { service, operation: 'ListAccountsForParent', resource: parentId },
        NextToken =>
          new ListAccountsForParentCommand({
            ParentId: parentId,
            NextToken,
            MaxResults: pageSize,
          }),
        out => out.Accounts,
      ),
    ]);
    for (const a of accs) {
      const id = required(a.Id, 'ListAccountsForParent', parentId, 'Id');
      const account = toAccount(a, id, parentId, childPath);
      readTagsLater(
        readOrganizationsTags(ctx, id).then(tags =>
          accounts.push({ ...account, tags }),
        ),
      );
    }
    const children: Promise<void>[] = [];
    for (const ou of ous) {
      const id = required(
        ou.Id,
        'ListOrganizationalUnitsForParent',
        parentId,
        'Id',
      );
      const unit: Omit<OrganizationalUnit, 'tags'> = {
        id,
        arn: ou.Arn ?? '',
        name: ou.Name ?? '',
        parentId,
        path: childPath,
      };
      readTagsLater(
        readOrganizationsTags(ctx, id).then(tags =>
          organizationalUnits.push({ ...unit, tags }),
        ),
      );
      children.push(visit(id, childPath));
    }
    await Promise.all(children);
  };

  await visit(rootId, []);
  await Promise.all(pending);
  organizationalUnits.sort(
    (a, b) => a.path.length - b.path.length || a.id.localeCompare(b.id),
  );
  accounts.sort((a, b) => a.id.localeCompare(b.id));
  return { organizationalUnits, accounts };
}

/**
 * Reads the organization, its root, the OU tree, the accounts and the
 * service control policies with their targets and tags. Every listing here
 * is required; tags are optional, and so are the RCPs and the policies of
 * the other types (unknown with a warning when their listing fails).
 */
export async function readOrganizationStructure(
  ctx: ReadContext,
  description: Promise<OrganizationDescription>,
): Promise<OrganizationStructure> {
  const [organization, { root, enabledPolicyTypes, rootPolicyTypes }] =
    await Promise.all([description, readRoot(ctx)]);
  const rootId = required(root.Id, 'ListRoots', 'organization', 'Id');
  const scpAvailable = organization.featureSet === 'ALL';
  const [rootTags, tree, policies, otherPolicies] = await Promise.all([
    readOrganizationsTags(ctx, rootId),
    walkTree(ctx, rootId),
    scpAvailable ? readPolicies(ctx, SCP) : Promise.resolve([]),
    readOrganizationPolicies(ctx, scpAvailable ? enabledPolicyTypes : []),
  ]);
  return {
    organization: { ...organization, enabledPolicyTypes },
    root: {
      id: rootId,
      arn: root.Arn ?? '',
      name: root.Name ?? 'Root',
      tags: rootTags,
    },
    ...tree,
    policies,
    rootPolicyTypes,
    ...otherPolicies,
  };
}
