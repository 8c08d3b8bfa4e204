/**
 * The roles of an account seen from the outside and from the inside: the
 * roles principals of other accounts (or anyone, or an identity provider)
 * may assume, from their trust policies, and the roles here that may
 * assume roles in other accounts, from the reach index's role hops.
 */
import {
  AccountRoles,
  AccountRolesList,
  AssumableRoleView,
  indexSnapshotIam,
  MAX_OUTBOUND_HOPS,
  RoleHop,
  isIdentityCenterProvider,
  OutboundRoleView,
  TrustEdge,
  TrustPrincipal,
  TrustedPrincipalView,
} from '@aws-governance/plugin-aws-organizations-common';
import { compareNames, compareText } from './order';
import { accountRanks, reachOf } from './roleReach';
import { GovernanceIndex } from './types';

/** How a trust principal is named in answers. */
export function trustPrincipalLabel(
  principal: TrustPrincipal,
  accountName: (id: string) => string | undefined,
): string {
  const where = (id: string, inOrg: boolean) => {
    const name = accountName(id);
    if (!inOrg) return `${id} (outside the organization)`;
    return name ? `${name} (${id})` : id;
  };
  switch (principal.kind) {
    case 'anyone':
      return 'anyone ("*")';
    case 'account':
      return `account ${where(principal.accountId, principal.inOrganization)}`;
    case 'role':
    case 'assumed-role':
    case 'user':
      return `${principal.kind} ${principal.name} in ${where(
        principal.accountId,
        principal.inOrganization,
      )}`;
    case 'service':
      return `service ${principal.service}`;
    case 'federated':
      return `identity provider ${principal.provider}`;
    default:
      return `unresolved ${principal.value}`;
  }
}

/** Whether a trust principal is outside the organization. */
export function isExternalPrincipal(principal: TrustPrincipal): boolean {
  switch (principal.kind) {
    case 'account':
    case 'role':
    case 'assumed-role':
    case 'user':
      return !principal.inOrganization;
    case 'federated':
      return principal.inOrganization === false;
    default:
      return false;
  }
}

/** Whether an edge admits someone other than the account's own principals and services. */
function fromElsewhere(edge: TrustEdge, accountId: string): boolean {
  if (edge.effect !== 'Allow' || edge.actions.length === 0) return false;
  const p = edge.principal;
  switch (p.kind) {
    case 'anyone':
      return true;
    case 'federated':
      return !isIdentityCenterProvider(p.provider);
    case 'account':
    case 'role':
    case 'assumed-role':
    case 'user':
      return p.accountId !== accountId;
    default:
      return false;
  }
}

/** One trust edge as the API shows it. */
export function trustedView(
  edge: TrustEdge,
  index: GovernanceIndex,
): TrustedPrincipalView {
  const view: TrustedPrincipalView = {
    principal: edge.principal,
    label: trustPrincipalLabel(
      edge.principal,
      id => index.accounts.get(id)?.name,
    ),
    external:
      isExternalPrincipal(edge.principal) || edge.principal.kind === 'anyone',
    statementIndex: edge.statementIndex,
    actions: edge.actions,
    conditions: edge.conditions,
    externalIdRequired: edge.externalIdRequired,
    mfaRequired: edge.mfaRequired,
    organizationRestricted: edge.organizationRestricted,
  };
  if (edge.sid !== undefined) view.sid = edge.sid;
  return view;
}

/** Thrown for a `role` that is not one of the account's roles. */
export class UnknownAccountRole extends Error {}

/** What {@link accountRoles} answers: a page and, optionally, one list or one role's hops. */
export interface AccountRolesOptions {
  offset: number;
  limit: number;
  list?: AccountRolesList;
  /** A role of the account whose hops are paged by `offset` and `limit`. */
  role?: string;
}

const HOP_RANK = { allowed: 0, indeterminate: 1, denied: 2 } as const;

/** A role's hops elsewhere, allowed first, then by account name and role ARN. */
function sortedHops(index: GovernanceIndex, hops: RoleHop[]): RoleHop[] {
  const ranks = accountRanks(index);
  return hops
    .map(hop => ({ hop, account: ranks.get(hop.toAccountId) ?? -1 }))
    .sort(
      (a, b) =>
        HOP_RANK[a.hop.decision] - HOP_RANK[b.hop.decision] ||
        a.account - b.account ||
        compareText(a.hop.toRoleArn, b.hop.toRoleArn),
    )
    .map(k => k.hop);
}

function outboundView(
  index: GovernanceIndex,
  role: { arn: string; name: string },
  hops: RoleHop[],
  page: { offset: number; limit: number },
): OutboundRoleView {
  const sorted = sortedHops(index, hops);
  const allowed = sorted.filter(h => h.decision === 'allowed').length;
  return {
    roleArn: role.arn,
    roleName: role.name,
    hops: sorted.slice(page.offset, page.offset + page.limit),
    hopCount: sorted.length,
    hopDecisions: { allowed, indeterminate: sorted.length - allowed },
  };
}

/**
 * `GET /accounts/:id/roles`: the account's roles that others may assume
 * (with the principals their trust admits and how many ways of the reach
 * index end there) and its roles that reach roles in other accounts (with
 * each hop's decision and steps), one page of each list (or of the one
 * asked); each outbound role lists its first {@link MAX_OUTBOUND_HOPS}
 * hops, and `role` pages through one role's hops. At L a shared-services
 * account's roles hop into hundreds of accounts each: the whole answer
 * was 10 MiB. Undefined for an unknown account; {@link UnknownAccountRole}
 * for a `role` the account does not hold (or that reaches nowhere else).
 */
export function accountRoles(
  index: GovernanceIndex,
  accountId: string,
  maxDepth: number,
  options: AccountRolesOptions,
): AccountRoles | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const { offset, limit, list, role: roleAsked } = options;
  const iam = indexSnapshotIam(index.snapshot);
  const part = iam.account(accountId);
  const base: AccountRoles = {
    accountId,
    status: 'known',
    roleCount: 0,
    assumable: [],
    assumableCount: 0,
    reachingElsewhere: [],
    reachingElsewhereCount: 0,
    offset,
    limit,
    accountNames: {},
  };
  if (list !== undefined) base.list = list;
  if (roleAsked !== undefined) base.role = roleAsked;
  if (!part) return { ...base, status: 'not-configured' };
  if (part.status === 'unknown') {
    return { ...base, status: 'unknown', reason: part.reason };
  }
  const reach = reachOf(index, maxDepth)!;
  const names = new Set<string>([accountId]);
  const hopsElsewhere = (arn: string) =>
    reach.hopsFromRole(arn).filter(h => h.toAccountId !== accountId);
  const roles = [...part.roles].sort((a, b) => compareNames(a.name, b.name));
  const answer: AccountRoles = {
    ...base,
    source: part.source,
    roleCount: part.roles.length,
  };

  if (roleAsked !== undefined) {
    const role = roles.find(r => r.arn === roleAsked);
    const hops = role ? hopsElsewhere(role.arn) : [];
    if (!role || hops.length === 0) {
      throw new UnknownAccountRole(
        `${roleAsked} is not a role of account ${accountId} that reaches other accounts`,
      );
    }
    const view = outboundView(index, role, hops, { offset, limit });
    view.hops.forEach(h => names.add(h.toAccountId));
    answer.reachingElsewhere = [view];
    answer.reachingElsewhereCount = 1;
    answer.accountNames = namesOf(index, names);
    return answer;
  }

  if (list !== 'reaching-elsewhere') {
    const endings = new Map<string, number>();
    for (const entry of reach.whoCanReach(accountId).entries) {
      const end = entry.path.hops[entry.path.hops.length - 1].toRoleArn;
      endings.set(end, (endings.get(end) ?? 0) + 1);
    }
    // Trusted principals are labelled for the page only.
    const assumable: {
      role: (typeof roles)[number];
      edges: TrustEdge[];
      unreadable?: string;
    }[] = [];
    for (const role of roles) {
      const trust = iam.trust(role);
      if (!trust.ok) {
        assumable.push({ role, edges: [], unreadable: trust.error });
        continue;
      }
      const edges = trust.edges.filter(e => fromElsewhere(e, accountId));
      if (edges.length > 0 || endings.has(role.arn)) {
        assumable.push({ role, edges });
      }
    }
    answer.assumableCount = assumable.length;
    answer.assumable = assumable.slice(offset, offset + limit).map(r => {
      const view: AssumableRoleView = {
        roleArn: r.role.arn,
        roleName: r.role.name,
        trusted: r.edges.map(e => trustedView(e, index)),
        reachPaths: endings.get(r.role.arn) ?? 0,
      };
      if (r.unreadable !== undefined) view.unreadable = r.unreadable;
      return view;
    });
  }

  if (list !== 'assumable') {
    const outbound: { role: (typeof roles)[number]; hops: RoleHop[] }[] = [];
    for (const role of roles) {
      const hops = hopsElsewhere(role.arn);
      if (hops.length > 0) outbound.push({ role, hops });
    }
    answer.reachingElsewhereCount = outbound.length;
    answer.reachingElsewhere = outbound.slice(offset, offset + limit).map(o =>
      outboundView(index, o.role, o.hops, {
        offset: 0,
        limit: MAX_OUTBOUND_HOPS,
      }),
    );
    answer.reachingElsewhere.forEach(r =>
      r.hops.forEach(h => names.add(h.toAccountId)),
    );
  }
  answer.accountNames = namesOf(index, names);
  return answer;
}

function namesOf(
  index: GovernanceIndex,
  ids: Iterable<string>,
): Record<string, string> {
  const accountNames: Record<string, string> = {};
  for (const id of ids) {
    const name = index.accounts.get(id)?.name;
    if (name !== undefined) accountNames[id] = name;
  }
  return accountNames;
}
