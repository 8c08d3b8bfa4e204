import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountStatus, addCounts, emptyCounts } from './complianceCounts';
import { GovernanceIndex } from './types';

/** What `GET /organization/tree` includes. */
export interface OrganizationTreeOptions {
  /** Start at this root or OU (default: the root). */
  unit?: string;
  /**
   * Levels of OUs below the start node to include (default: all). Nodes
   * at the last level have `children: []` and their `childCount`.
   */
  depth?: number;
  /** List each node's own accounts (default true). */
  accounts?: boolean;
}

/**
 * `GET /organization/tree`: the root (or `unit`) with its OUs, recursively
 * (or `depth` levels); each node counts the accounts and their statuses in
 * it and below, and lists its own accounts with their compliance status
 * unless `accounts` is false. OUs are ordered by name, accounts by name then
 * id. Undefined when `unit` is not in the organization.
 */
export function organizationTree(
  index: GovernanceIndex,
  report: ComplianceReport,
  options: OrganizationTreeOptions = {},
): OrgTreeNode | undefined {
  const withAccounts = options.accounts ?? true;
  const maxDepth = options.depth ?? Infinity;
  const build = (
    id: string,
    kind: OrgTreeNode['kind'],
    depth: number,
  ): OrgTreeNode => {
    const entry = index.children.get(id) ?? { units: [], accounts: [] };
    const compliance = emptyCounts();
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
    // Counts need the whole subtree; only `depth` levels are returned.
    const children = entry.units.map(unit => {
      const child = build(unit.id, 'ou', depth + 1);
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
      childCount: children.length,
      ...(withAccounts ? { accounts } : {}),
      children: depth < maxDepth ? children : [],
    };
    const owner = index.resolution.unitOwners[id];
    if (owner) node.owner = owner;
    return node;
  };
  const rootId = index.snapshot.root.id;
  const start = options.unit ?? rootId;
  if (start === rootId) return build(rootId, 'root', 0);
  return index.units.has(start) ? build(start, 'ou', 0) : undefined;
}
