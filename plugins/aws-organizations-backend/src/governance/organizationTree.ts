import {
  emptyComplianceCounts,
  OrgTreeNode,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountStatus, addCounts } from './complianceCounts';
import { GovernanceIndex } from './types';

/**
 * `GET /organization/tree`: the root with its OUs, recursively; each node
 * lists its own accounts with their compliance status and counts the
 * accounts and their statuses in it and below. OUs are ordered by name,
 * accounts by name then id.
 */
export function organizationTree(
  index: GovernanceIndex,
  report: ComplianceReport,
): OrgTreeNode {
  const build = (id: string, kind: OrgTreeNode['kind']): OrgTreeNode => {
    const entry = index.children.get(id) ?? { units: [], accounts: [] };
    const compliance = emptyComplianceCounts();
    const accounts = entry.accounts.map(account => {
      const status = accountStatus(report, account.id).status;
      compliance[status]++;
      return {
        id: account.id,
        name: account.name,
        state: account.state,
        status,
      };
    });
    let accountCount = accounts.length;
    const children = entry.units.map(unit => {
      const child = build(unit.id, 'ou');
      accountCount += child.accountCount;
      addCounts(compliance, child.compliance);
      return child;
    });
    const node: OrgTreeNode = {
      id,
      name: index.unitName(id) ?? id,
      kind,
      accountCount,
      compliance,
      accounts,
      children,
    };
    const owner = index.resolution.unitOwners[id];
    if (owner) node.owner = owner;
    return node;
  };
  return build(index.snapshot.root.id, 'root');
}
