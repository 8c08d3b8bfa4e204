import {
  AwsAccessGrantSpec,
  AwsOrganizationsTransformerContext,
} from '@aws-governance/plugin-aws-organizations-node';

/**
 * Options of {@link accountAccessGrants}.
 *
 * @public
 */
export interface AccountAccessGrantsOptions {
  /**
   * Also list the assignments held by users directly. Off by default: the
   * catalog is readable by everyone with `catalog.entity.read`, and which
   * people hold grants is what `aws-organizations.access.read` gates. On,
   * each such user gets `hasAccessTo` the account in the catalog, its graph
   * and the entity inspector, whatever the access permission says.
   */
  includeUsers?: boolean;
}

/**
 * An account's assignments as granted, for `spec.accessGrants`: the Group
 * (or, with `includeUsers`, the User) assigned and the permission set, never
 * the members a group expands to. Ordered by kind, principal and permission
 * set.
 *
 * Group members are not expanded: at L size that was ~360 grants per
 * account, which the catalog indexes one by one; and who reaches an account
 * through a group is person-level detail, the backend's access API answers
 * it behind its permission.
 *
 * @public
 */
export function accountAccessGrants(
  accountId: string,
  context: AwsOrganizationsTransformerContext,
  options: AccountAccessGrantsOptions = {},
): AwsAccessGrantSpec[] {
  const { refs, index, envelope } = context;
  const principalName = (type: 'GROUP' | 'USER', id: string) =>
    envelope.resolution.principals[id]?.name ?? index.principalName(type, id);
  const grants: AwsAccessGrantSpec[] = [];
  for (const assignment of index.assignmentsByAccount.get(accountId) ?? []) {
    if (assignment.principalType === 'USER' && !options.includeUsers) {
      continue;
    }
    const principal = refs.principal(assignment.principalId);
    grants.push({
      ...(principal ? { principal } : {}),
      principalType: assignment.principalType,
      principalId: assignment.principalId,
      principalName: principalName(
        assignment.principalType,
        assignment.principalId,
      ),
      permissionSet: refs.permissionSet(assignment.permissionSetArn),
      permissionSetName:
        index.permissionSets.get(assignment.permissionSetArn)?.name ??
        assignment.permissionSetArn,
      via: 'direct',
    });
  }
  const order = (g: AwsAccessGrantSpec) =>
    `${g.via}\u0000${g.principalType}\u0000${g.principalName}\u0000${
      g.principalId
    }\u0000${g.permissionSetName}\u0000${g.groupId ?? ''}`;
  return grants.sort((a, b) => order(a).localeCompare(order(b)));
}

/**
 * Refs of every permission set assigned in an account, whoever holds it,
 * for `spec.permissionSets`: that a set is provisioned in an account says
 * nothing about who holds it.
 *
 * @public
 */
export function accountPermissionSets(
  accountId: string,
  context: AwsOrganizationsTransformerContext,
): string[] {
  const refs = new Set(
    (context.index.assignmentsByAccount.get(accountId) ?? []).map(assignment =>
      context.refs.permissionSet(assignment.permissionSetArn),
    ),
  );
  return [...refs].sort();
}
