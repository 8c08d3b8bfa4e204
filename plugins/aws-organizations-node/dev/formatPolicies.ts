import {
  isUnknown,
  knownResourceControlPolicies,
  type OrganizationSnapshot,
  policyTypeTitle,
} from '@aws-governance/plugin-aws-organizations-common';

/**
 * One line per policy type read: how many policies and attachments, or
 * why it is unknown; then the types on the root that were not read.
 */
export function formatPolicies(snapshot: OrganizationSnapshot): string {
  const attachments = (policies: { targets: unknown[] }[]) =>
    policies.reduce((n, p) => n + p.targets.length, 0);
  const line = (
    type: string,
    policies: { targets: unknown[] }[] | { reason: string },
  ) =>
    Array.isArray(policies)
      ? `  ${type.padEnd(34)} ${String(policies.length).padStart(
          5,
        )} policies, ${attachments(policies)} attachments`
      : `  ${type.padEnd(34)} unknown: ${policies.reason}`;
  const lines = ['policy types:'];
  lines.push(line('SERVICE_CONTROL_POLICY', snapshot.policies));
  const rcps = snapshot.resourceControlPolicies;
  if (rcps === undefined) {
    lines.push(`  ${'RESOURCE_CONTROL_POLICY'.padEnd(34)} not read`);
  } else if (isUnknown(rcps)) {
    lines.push(line('RESOURCE_CONTROL_POLICY', rcps));
  } else if (
    snapshot.organization.enabledPolicyTypes.includes('RESOURCE_CONTROL_POLICY')
  ) {
    lines.push(
      line('RESOURCE_CONTROL_POLICY', knownResourceControlPolicies(snapshot)!),
    );
  }
  for (const { type, policies } of snapshot.otherPolicyTypes ?? []) {
    lines.push(line(type, policies));
  }
  const pending = (snapshot.rootPolicyTypes ?? []).filter(
    t => t.status !== 'ENABLED',
  );
  for (const t of pending) {
    lines.push(`  ${t.type.padEnd(34)} ${t.status} (not read)`);
  }
  const titles = [
    ...snapshot.organization.enabledPolicyTypes.map(policyTypeTitle),
  ];
  lines.push(`enabled on the root: ${titles.join(', ') || 'none'}`);
  return lines.join('\n');
}
