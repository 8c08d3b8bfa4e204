import {
  AccountPolicyTypeView,
  effectiveRcps,
  isUnknown,
  OrganizationPolicy,
  OrganizationSnapshot,
  policyTypeTitle,
  ResourceGuardrails,
  summarizeRcp,
  summarizeRcpLevels,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * The RCPs of an account's resources by level, each summarized, and the
 * combined sentences. The caller has checked the account is in the
 * snapshot.
 */
export function resourceGuardrails(
  snapshot: OrganizationSnapshot,
  accountId: string,
): ResourceGuardrails {
  const rcps = effectiveRcps(snapshot, accountId)!;
  const orgId = snapshot.organization.id;
  let status: ResourceGuardrails['status'] = 'enabled';
  if (!rcps.rcpsEnabled) status = 'not-enabled';
  else if (!rcps.known) status = 'unknown';
  const descriptions = new Map(
    (Array.isArray(snapshot.resourceControlPolicies)
      ? snapshot.resourceControlPolicies
      : []
    ).map(p => [p.id, p.description]),
  );
  return {
    status,
    managementAccountExempt: rcps.managementAccount,
    levels: rcps.levels.map(level => ({
      kind: level.kind,
      targetId: level.targetId,
      name: level.name,
      policies: level.policies.map(p => {
        const summary = summarizeRcp(p.content, orgId);
        return {
          id: p.id,
          name: p.name,
          description: descriptions.get(p.id) ?? '',
          awsManaged: p.awsManaged ?? false,
          content: p.content,
          ...(p.parseError !== undefined ? { parseError: p.parseError } : {}),
          summary: summary.ok
            ? summary.statements.map(x => x.sentence)
            : [summary.sentence],
        };
      }),
    })),
    summary: status === 'enabled' ? summarizeRcpLevels(rcps.levels, orgId) : [],
  };
}

/** The ids from the root to the account, and the level each is. */
function pathOf(snapshot: OrganizationSnapshot, accountId: string) {
  const account = snapshot.accounts.find(a => a.id === accountId)!;
  const names = new Map(snapshot.organizationalUnits.map(u => [u.id, u.name]));
  return [
    ...account.path.map(id =>
      id === snapshot.root.id
        ? { kind: 'root' as const, targetId: id, name: snapshot.root.name }
        : { kind: 'ou' as const, targetId: id, name: names.get(id) ?? id },
    ),
    { kind: 'account' as const, targetId: account.id, name: account.name },
  ];
}

function attached(policy: OrganizationPolicy) {
  return {
    id: policy.id,
    name: policy.name,
    description: policy.description,
    awsManaged: policy.awsManaged,
    content: policy.content,
    ...(policy.parseError !== undefined
      ? { parseError: policy.parseError }
      : {}),
  };
}

/**
 * The other policy types enabled on the root (declarative, backup, tag ...)
 * with the policies attached at each level of the account's path: where
 * each is inherited from. Shown, not evaluated. Empty when the snapshot
 * does not hold them.
 */
export function otherPolicyTypes(
  snapshot: OrganizationSnapshot,
  accountId: string,
): AccountPolicyTypeView[] {
  const path = pathOf(snapshot, accountId);
  const statuses = new Map(
    (snapshot.rootPolicyTypes ?? []).map(t => [t.type, t.status]),
  );
  return (snapshot.otherPolicyTypes ?? []).map(part => {
    const view: AccountPolicyTypeView = {
      type: part.type,
      title: policyTypeTitle(part.type),
      status: statuses.get(part.type) ?? 'ENABLED',
    };
    if (isUnknown(part.policies)) {
      view.unknownReason = part.policies.reason;
      return view;
    }
    const policies = part.policies;
    view.levels = path.map(level => ({
      ...level,
      policies: policies
        .filter(p => p.targets.some(t => t.targetId === level.targetId))
        .map(attached),
    }));
    return view;
  });
}
