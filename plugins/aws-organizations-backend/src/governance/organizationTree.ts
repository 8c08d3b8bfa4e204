import {
  ComplianceCounts,
  emptyComplianceCounts,
  OrgTreeNode,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import { accountStatus, addCounts } from './complianceCounts';
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

/** What a node counts in it and below, computed once per snapshot. */
interface UnitRollup {
  accountCount: number;
  compliance: ComplianceCounts;
}

/**
 * Rollups per unit of one index and report, by index: every tree request
 * of a snapshot reads them, so a request costs the nodes it returns, not
 * the size of the organization.
 */
const rollupCache = new WeakMap<
  GovernanceIndex,
  { report: ComplianceReport; rollups: Map<string, UnitRollup> }
>();

function computeRollups(
  index: GovernanceIndex,
  report: ComplianceReport,
): Map<string, UnitRollup> {
  const rollups = new Map<string, UnitRollup>();
  const visit = (id: string): UnitRollup => {
    const entry = index.children.get(id);
    const rollup: UnitRollup = {
      accountCount: entry?.accounts.length ?? 0,
      compliance: emptyComplianceCounts(),
    };
    for (const account of entry?.accounts ?? []) {
      rollup.compliance[accountStatus(report, account.id).status]++;
    }
    for (const unit of entry?.units ?? []) {
      const child = visit(unit.id);
      rollup.accountCount += child.accountCount;
      addCounts(rollup.compliance, child.compliance);
    }
    rollups.set(id, rollup);
    return rollup;
  };
  visit(index.snapshot.root.id);
  return rollups;
}

function unitRollups(
  index: GovernanceIndex,
  report: ComplianceReport,
): Map<string, UnitRollup> {
  const cached = rollupCache.get(index);
  if (cached?.report === report) return cached.rollups;
  const rollups = computeRollups(index, report);
  rollupCache.set(index, { report, rollups });
  return rollups;
}

/**
 * `GET /organization/tree`: the root (or `unit`) with its OUs, recursively
 * (or `depth` levels); each node counts the accounts and their statuses in
 * it and below, and lists its own accounts with their compliance status
 * unless `accounts` is false. OUs are ordered by name, accounts by name then
 * id. Undefined when `unit` is not in the organization. The counts are
 * computed once per snapshot; a request builds only the nodes it returns.
 */
export function organizationTree(
  index: GovernanceIndex,
  report: ComplianceReport,
  options: OrganizationTreeOptions = {},
): OrgTreeNode | undefined {
  const withAccounts = options.accounts ?? true;
  const maxDepth = options.depth ?? Infinity;
  const rollups = unitRollups(index, report);
  const build = (
    id: string,
    kind: OrgTreeNode['kind'],
    depth: number,
  ): OrgTreeNode => {
    const entry = index.children.get(id) ?? { units: [], accounts: [] };
    const rollup = rollups.get(id)!;
    const node: OrgTreeNode = {
      id,
      name: index.unitName(id) ?? id,
      kind,
      accountCount: rollup.accountCount,
      compliance: { ...rollup.compliance },
      childCount: entry.units.length,
      ...(withAccounts
        ? {
            accounts: entry.accounts.map(account => ({
              id: account.id,
              name: account.name,
              state: account.state,
              status: accountStatus(report, account.id).status,
            })),
          }
        : {}),
      children:
        depth < maxDepth
          ? entry.units.map(unit => build(unit.id, 'ou', depth + 1))
          : [],
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
