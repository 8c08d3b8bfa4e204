/**
 * The roles of an account seen from the outside and from the inside: the
 * roles principals of other accounts (or anyone, or an identity provider)
 * may assume, from their trust policies, and the roles here that may
 * assume roles in other accounts, from the reach index's role hops.
 */
import {
  AccountRoles,
  AssumableRoleView,
  indexSnapshotIam,
  isIdentityCenterProvider,
  OutboundRoleView,
  TrustEdge,
  TrustPrincipal,
  TrustedPrincipalView,
} from '@aws-governance/plugin-aws-organizations-common';
import { compareNames } from './order';
import { reachOf } from './roleReach';
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

/**
 * `GET /accounts/:id/roles`: the account's roles that others may assume
 * (with the principals their trust admits and how many ways of the reach
 * index end there) and its roles that reach roles in other accounts (with
 * each hop's decision and steps). Undefined for an unknown account.
 */
export function accountRoles(
  index: GovernanceIndex,
  accountId: string,
  maxDepth: number,
): AccountRoles | undefined {
  if (!index.accounts.has(accountId)) return undefined;
  const iam = indexSnapshotIam(index.snapshot);
  const part = iam.account(accountId);
  const base = {
    accountId,
    roleCount: 0,
    assumable: [],
    reachingElsewhere: [],
  };
  if (!part) {
    return { ...base, status: 'not-configured', accountNames: {} };
  }
  if (part.status === 'unknown') {
    return {
      ...base,
      status: 'unknown',
      reason: part.reason,
      accountNames: {},
    };
  }
  const reach = reachOf(index, maxDepth)!;
  const endings = new Map<string, number>();
  for (const entry of reach.whoCanReach(accountId).entries) {
    const end = entry.path.hops[entry.path.hops.length - 1].toRoleArn;
    endings.set(end, (endings.get(end) ?? 0) + 1);
  }
  const names = new Set<string>([accountId]);
  const assumable: AssumableRoleView[] = [];
  const reachingElsewhere: OutboundRoleView[] = [];
  for (const role of part.roles) {
    const trust = iam.trust(role);
    if (!trust.ok) {
      assumable.push({
        roleArn: role.arn,
        roleName: role.name,
        trusted: [],
        unreadable: trust.error,
        reachPaths: endings.get(role.arn) ?? 0,
      });
    } else {
      const trusted = trust.edges
        .filter(e => fromElsewhere(e, accountId))
        .map(e => trustedView(e, index));
      if (trusted.length > 0 || endings.has(role.arn)) {
        assumable.push({
          roleArn: role.arn,
          roleName: role.name,
          trusted,
          reachPaths: endings.get(role.arn) ?? 0,
        });
      }
    }
    const hops = reach
      .hopsFromRole(role.arn)
      .filter(h => h.toAccountId !== accountId);
    if (hops.length > 0) {
      hops.forEach(h => names.add(h.toAccountId));
      reachingElsewhere.push({ roleArn: role.arn, roleName: role.name, hops });
    }
  }
  const byName = (a: { roleName: string }, b: { roleName: string }) =>
    compareNames(a.roleName, b.roleName);
  const accountNames: Record<string, string> = {};
  for (const id of names) {
    const name = index.accounts.get(id)?.name;
    if (name !== undefined) accountNames[id] = name;
  }
  return {
    ...base,
    status: 'known',
    source: part.source,
    roleCount: part.roles.length,
    assumable: assumable.sort(byName),
    reachingElsewhere: reachingElsewhere.sort(byName),
    accountNames,
  };
}
