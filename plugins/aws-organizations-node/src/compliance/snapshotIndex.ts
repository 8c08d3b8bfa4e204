import {
  Account,
  AccountAssignment,
  classifyPermissionSet,
  effectivePolicies,
  EffectiveScps,
  IamLookups,
  indexSnapshot,
  indexSnapshotIam,
  IdentityStoreGroup,
  IdentityStoreUser,
  OrganizationalUnit,
  OrganizationSnapshot,
  PermissionSet,
  PermissionSetClassification,
  PrincipalType,
} from '@aws-governance/plugin-aws-organizations-common';

/** Identity Center as the rules see it. @public */
export type ComplianceIdentityCenterState =
  | {
      status: 'available';
      /** From a delegated administrator the management account's assignments are not visible. */
      readFrom?: 'management-account' | 'delegated-administrator';
    }
  | { status: 'not-enabled' }
  | { status: 'unavailable'; reason: string };

function identityCenterState(
  ic: OrganizationSnapshot['identityCenter'],
): ComplianceIdentityCenterState {
  if (ic.status === 'unavailable') {
    return { status: 'unavailable', reason: ic.reason };
  }
  if (ic.status === 'available' && ic.readFrom) {
    return { status: ic.status, readFrom: ic.readFrom };
  }
  return { status: ic.status };
}

/**
 * Lookups of one snapshot that rules share. Built once per evaluation;
 * every method is cheap.
 *
 * @public
 */
export interface ComplianceSnapshotIndex {
  account(id: string): Account | undefined;
  unit(id: string): OrganizationalUnit | undefined;
  isManagementAccount(accountId: string): boolean;
  /** The SCPs that apply to the account, level by level (cached). */
  effectiveScps(accountId: string): EffectiveScps;
  identityCenter: ComplianceIdentityCenterState;
  /** The account's assignments (empty unless Identity Center is available). */
  assignmentsOf(accountId: string): AccountAssignment[];
  permissionSet(arn: string): PermissionSet | undefined;
  /** Whether the set is privileged and why (cached). */
  classify(arn: string): PermissionSetClassification | undefined;
  group(id: string): IdentityStoreGroup | undefined;
  user(id: string): IdentityStoreUser | undefined;
  groupMembers(groupId: string): IdentityStoreUser[];
  /** Group display name or user name; the id when unknown. */
  principalName(type: PrincipalType, id: string): string;
  /**
   * Ids of the root and OUs named by `refs` (ids, or names compared
   * case-insensitively; `Root` or the root id names the root), with all
   * their descendant OUs.
   */
  unitsMatching(refs: readonly string[]): Set<string>;
  /** True when the account sits in (or below) one of the units. */
  isInUnits(account: Account, unitIds: ReadonlySet<string>): boolean;
  /**
   * The roles part: an account's roles and users (unknown when not read,
   * undefined without a roles source), trust edges and the reach index,
   * from the snapshot's one index.
   */
  iam: IamLookups;
}

function lower(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

/**
 * Builds the lookups of a snapshot for the compliance rules.
 *
 * @public
 */
export function createComplianceSnapshotIndex(
  snapshot: OrganizationSnapshot,
): ComplianceSnapshotIndex {
  const index = indexSnapshot(snapshot);
  const ic = snapshot.identityCenter;
  // Members as users, skipping memberships of users the snapshot lacks.
  const members = new Map<string, IdentityStoreUser[]>();
  for (const [groupId, userIds] of index.groupMembers) {
    const list: IdentityStoreUser[] = [];
    for (const userId of userIds) {
      const user = index.users.get(userId);
      if (user) list.push(user);
    }
    if (list.length > 0) members.set(groupId, list);
  }
  const classifications = new Map<string, PermissionSetClassification>();
  const matching = new Map<string, Set<string>>();

  const unitsMatching = (refs: readonly string[]): Set<string> => {
    const key = refs.join('\u0000');
    const cached = matching.get(key);
    if (cached) return cached;
    const wanted = new Set(refs.map(lower));
    const ids = new Set<string>();
    if (wanted.has(lower(snapshot.root.id)) || wanted.has('root')) {
      ids.add(snapshot.root.id);
    }
    for (const u of snapshot.organizationalUnits) {
      if (wanted.has(lower(u.id)) || wanted.has(lower(u.name))) ids.add(u.id);
    }
    // Descendants: a unit whose path crosses a matched unit.
    for (const u of snapshot.organizationalUnits) {
      if (u.path.some(id => ids.has(id))) ids.add(u.id);
    }
    matching.set(key, ids);
    return ids;
  };

  return {
    account: id => index.accounts.get(id),
    unit: id => index.units.get(id),
    isManagementAccount: id => id === snapshot.organization.managementAccountId,
    effectiveScps: id => effectivePolicies(snapshot, id),
    identityCenter: identityCenterState(ic),
    assignmentsOf: id => index.assignmentsByAccount.get(id) ?? [],
    permissionSet: arn => index.permissionSets.get(arn),
    classify: arn => {
      const cached = classifications.get(arn);
      if (cached) return cached;
      const ps = index.permissionSets.get(arn);
      if (!ps) return undefined;
      const classification = classifyPermissionSet(ps);
      classifications.set(arn, classification);
      return classification;
    },
    group: id => index.groups.get(id),
    user: id => index.users.get(id),
    groupMembers: id => members.get(id) ?? [],
    principalName: index.principalName,
    unitsMatching,
    isInUnits: (account, unitIds) =>
      account.path.some(id => unitIds.has(id)) || unitIds.has(account.parentId),
    iam: indexSnapshotIam(snapshot),
  };
}
