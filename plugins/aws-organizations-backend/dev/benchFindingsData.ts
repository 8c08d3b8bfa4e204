import {
  OrganizationSnapshot,
  totalSeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';

/** Accounts by their active findings (all origins), most first. */
export function totalFindings(
  snapshot: OrganizationSnapshot,
): [string, number][] {
  const findings = snapshot.signals?.findings ?? {};
  return snapshot.accounts
    .filter(a => a.state === 'ACTIVE')
    .map(a => {
      const total = totalSeverityCounts(findings[a.id]?.byOrigin ?? {});
      return [a.id, Object.values(total).reduce((x, y) => x + y, 0)] as [
        string,
        number,
      ];
    })
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
