import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import {
  fakeReport,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import { organizationTree } from './organizationTree';

const report = fakeReport({
  '111111111111': { a: 'pass' },
  '222222222222': { a: 'fail' },
  '333333333333': { a: 'warn' },
  '444444444444': { a: 'fail', b: 'pass' },
});

function find(node: OrgTreeNode, id: string): OrgTreeNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = find(child, id);
    if (found) return found;
  }
  return undefined;
}

describe('organizationTree', () => {
  const tree = organizationTree(
    buildGovernanceIndex(governanceSnapshot(), governanceResolution()),
    report,
  );

  it('starts at the root and nests the OUs by name', () => {
    expect(tree).toMatchObject({ id: 'r-root', name: 'Root', kind: 'root' });
    expect(tree.children.map(c => c.name)).toEqual(['Dev', 'Prod']);
    expect(find(tree, 'ou-dev')!.children.map(c => c.id)).toEqual([
      'ou-sandbox',
    ]);
    expect(find(tree, 'ou-prod')!.children.map(c => c.id)).toEqual([
      'ou-payments',
    ]);
    expect(find(tree, 'ou-payments')!.kind).toBe('ou');
  });

  it("lists a node's own accounts with their state and status", () => {
    expect(tree.accounts).toEqual([
      {
        id: '111111111111',
        name: 'management',
        state: 'ACTIVE',
        status: 'pass',
      },
    ]);
    expect(find(tree, 'ou-sandbox')!.accounts).toEqual([
      {
        id: '444444444444',
        name: 'sandbox-a',
        state: 'SUSPENDED',
        status: 'fail',
      },
      {
        id: '555555555555',
        name: 'Sandbox-B',
        state: 'ACTIVE',
        status: 'unknown',
      },
    ]);
    expect(find(tree, 'ou-prod')!.accounts).toEqual([]);
  });

  it('counts accounts and statuses in a node and below', () => {
    expect(tree.accountCount).toBe(5);
    expect(tree.compliance).toEqual({ pass: 1, fail: 2, warn: 1, unknown: 1 });
    expect(find(tree, 'ou-dev')).toMatchObject({
      accountCount: 3,
      compliance: { pass: 0, fail: 2, warn: 0, unknown: 1 },
    });
    expect(find(tree, 'ou-prod')).toMatchObject({
      accountCount: 1,
      compliance: { pass: 0, fail: 0, warn: 1, unknown: 0 },
    });
    expect(find(tree, 'ou-payments')!.accountCount).toBe(1);
  });

  it('gives units their owners when known', () => {
    expect(find(tree, 'ou-dev')!.owner).toEqual({
      ref: 'group:default/platform',
      source: 'ou-tag',
      resolvable: true,
    });
    expect(find(tree, 'ou-prod')).not.toHaveProperty('owner');
  });

  it('is a bare root for an organization without OUs or accounts', () => {
    const snapshot = governanceSnapshot();
    snapshot.organizationalUnits = [];
    snapshot.accounts = [];
    expect(
      organizationTree(
        buildGovernanceIndex(snapshot, governanceResolution()),
        fakeReport({}),
      ),
    ).toEqual({
      id: 'r-root',
      name: 'Root',
      kind: 'root',
      accountCount: 0,
      compliance: { pass: 0, fail: 0, warn: 0, unknown: 0 },
      accounts: [],
      children: [],
    });
  });
});
