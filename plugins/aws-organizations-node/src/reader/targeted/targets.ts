/**
 * The smallest parts of a snapshot that a re-read can bring up to date.
 * Each names what AWS is asked again, never how the change was made: a
 * re-read reads the current state, so the order in which events arrive
 * does not matter and applying one twice changes nothing.
 *
 * @public
 */
export type RefreshTarget =
  /** An account: DescribeAccount, ListParents, its tags (3 calls). */
  | { kind: 'account'; accountId: string }
  /** An OU: DescribeOrganizationalUnit, ListParents, its tags (3 calls). */
  | { kind: 'organizationalUnit'; organizationalUnitId: string }
  /** The tags of a root, OU, account or policy (1 call). */
  | { kind: 'tags'; resourceId: string }
  /** A policy of any type: its document, targets and tags (3 calls). */
  | { kind: 'policy'; policyId: string }
  /**
   * Which policies of a policy's type one target (root, OU, account) has
   * attached: ListPoliciesForTarget (1 call per 20 policies).
   */
  | { kind: 'policyAttachment'; policyId: string; targetId: string }
  /**
   * Every policy type's attachments of one new root child (an OU or an
   * account, to which AWS attaches the FullAWSAccess policies): one
   * ListPoliciesForTarget per policy type.
   */
  | { kind: 'targetPolicies'; targetId: string }
  /** A permission set: its description, policies, boundary, tags (6 calls). */
  | { kind: 'permissionSet'; permissionSetArn: string }
  /** The assignments of one permission set in one account (1 call). */
  | { kind: 'assignments'; permissionSetArn: string; accountId: string }
  /** One group's memberships (1 call per 100 members). */
  | { kind: 'memberships'; groupId: string }
  /** The group of a membership known by its id only (DeleteGroupMembership). */
  | { kind: 'membership'; membershipId: string }
  /** One Identity Store user (1 call). */
  | { kind: 'user'; userId: string }
  /** One Identity Store group (1 call). */
  | { kind: 'group'; groupId: string };

/** What an event asks of the snapshot. @public */
export type EventPlan =
  | { action: 'refresh'; targets: RefreshTarget[] }
  /** Changes nothing the snapshot holds (a read, a failed call). */
  | { action: 'ignore'; reason: string }
  /** Understood by no targeted re-read: read everything. */
  | { action: 'full'; reason: string };

/** A stable key per target, to merge the targets of many events. @public */
export function refreshTargetKey(target: RefreshTarget): string {
  switch (target.kind) {
    case 'account':
      return `account:${target.accountId}`;
    case 'organizationalUnit':
      return `ou:${target.organizationalUnitId}`;
    case 'tags':
      return `tags:${target.resourceId}`;
    case 'policy':
      return `policy:${target.policyId}`;
    case 'policyAttachment':
      return `attachment:${target.policyId}@${target.targetId}`;
    case 'targetPolicies':
      return `target-policies:${target.targetId}`;
    case 'permissionSet':
      return `permission-set:${target.permissionSetArn}`;
    case 'assignments':
      return `assignments:${target.permissionSetArn}@${target.accountId}`;
    case 'memberships':
      return `memberships:${target.groupId}`;
    case 'membership':
      return `membership:${target.membershipId}`;
    case 'user':
      return `user:${target.userId}`;
    case 'group':
      return `group:${target.groupId}`;
    default:
      return `unknown:${JSON.stringify(target)}`;
  }
}

/**
 * The targets once each, in a stable order; a resource's tags are dropped
 * when the resource itself is re-read (its re-read reads the tags too).
 *
 * @public
 */
export function mergeRefreshTargets(
  targets: Iterable<RefreshTarget>,
): RefreshTarget[] {
  const byKey = new Map<string, RefreshTarget>();
  for (const target of targets) byKey.set(refreshTargetKey(target), target);
  for (const [key, target] of byKey) {
    if (target.kind !== 'tags') continue;
    const id = target.resourceId;
    if (
      byKey.has(`account:${id}`) ||
      byKey.has(`ou:${id}`) ||
      byKey.has(`policy:${id}`)
    ) {
      byKey.delete(key);
    }
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, target]) => target);
}
