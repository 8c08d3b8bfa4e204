import {
  Account,
  AccountAssignment,
  classifyPermissionSet,
  indexSnapshot,
  OrganizationSnapshot,
  PermissionSetClassification,
  ReviewScope,
  SnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-common';

/** The accounts of a scope: every account when it names none. */
export function accountsInScope(
  snapshot: OrganizationSnapshot,
  scope: Pick<ReviewScope, 'organizationalUnitIds' | 'accountIds'>,
): Account[] {
  if (
    scope.organizationalUnitIds.length === 0 &&
    scope.accountIds.length === 0
  ) {
    return snapshot.accounts;
  }
  const units = new Set(scope.organizationalUnitIds);
  const ids = new Set(scope.accountIds);
  return snapshot.accounts.filter(
    account => ids.has(account.id) || account.path.some(id => units.has(id)),
  );
}

/** Scope ids the snapshot does not have: a campaign over them is a mistake. */
export function unknownScopeIds(
  snapshot: OrganizationSnapshot,
  scope: Pick<ReviewScope, 'organizationalUnitIds' | 'accountIds'>,
): string[] {
  const index = indexSnapshot(snapshot);
  return [
    ...scope.organizationalUnitIds.filter(
      id => id !== snapshot.root.id && !index.units.has(id),
    ),
    ...scope.accountIds.filter(id => !index.accounts.has(id)),
  ];
}

/** Classifies each permission set once. */
export function privilegeOf(
  index: SnapshotIndex,
): (arn: string) => PermissionSetClassification | undefined {
  const cache = new Map<string, PermissionSetClassification>();
  return arn => {
    let classification = cache.get(arn);
    if (!classification) {
      const set = index.permissionSets.get(arn);
      if (!set) return undefined;
      classification = classifyPermissionSet(set);
      cache.set(arn, classification);
    }
    return classification;
  };
}

/** The key of a grant: principal x permission set x account. */
export function grantKey(grant: {
  accountId: string;
  permissionSetArn: string;
  principalType: string;
  principalId: string;
}): string {
  return `${grant.accountId}|${grant.permissionSetArn}|${grant.principalType}|${grant.principalId}`;
}

/** The assignments of a scope, in snapshot order. */
export function grantsInScope(
  snapshot: OrganizationSnapshot,
  scope: ReviewScope,
): AccountAssignment[] {
  const index = indexSnapshot(snapshot);
  const privilege = privilegeOf(index);
  const grants: AccountAssignment[] = [];
  for (const account of accountsInScope(snapshot, scope)) {
    for (const assignment of index.assignmentsByAccount.get(account.id) ?? []) {
      if (
        scope.permissionSets === 'privileged' &&
        !privilege(assignment.permissionSetArn)?.privileged
      ) {
        continue;
      }
      grants.push(assignment);
    }
  }
  return grants;
}
