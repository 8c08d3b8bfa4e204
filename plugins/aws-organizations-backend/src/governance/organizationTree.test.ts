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
  const index = buildGovernanceIndex(
    governanceSnapshot(),
    governanceResolution(),
  );
  const tree = organizationTree(index, report)!;

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
      childCount: 0,
      accounts: [],
      children: [],
    });
  });

  it('counts the child OUs of every node', () => {
    expect(tree.childCount).toBe(2);
    expect(find(tree, 'ou-dev')!.childCount).toBe(1);
    expect(find(tree, 'ou-sandbox')!.childCount).toBe(0);
  });

  it('leaves out the accounts on request, and only them', () => {
    const bare = organizationTree(index, report, { accounts: false })!;
    const strip = (node: OrgTreeNode): OrgTreeNode => {
      const { accounts: _accounts, ...rest } = node;
      return { ...rest, children: node.children.map(strip) };
    };
    expect(bare).toEqual(strip(tree));
    expect(JSON.stringify(bare)).not.toContain('"accounts"');
    expect(JSON.stringify(bare)).not.toContain('111111111111');
  });

  it('cuts the tree at a depth, keeping the counts of the whole subtree', () => {
    const top = organizationTree(index, report, { depth: 1 })!;
    expect(top.children.map(c => c.id)).toEqual(['ou-dev', 'ou-prod']);
    const dev = find(top, 'ou-dev')!;
    expect(dev).toMatchObject({
      childCount: 1,
      children: [],
      accountCount: 3,
      compliance: { pass: 0, fail: 2, warn: 0, unknown: 1 },
    });
    const only = organizationTree(index, report, { depth: 0 })!;
    expect(only).toMatchObject({ id: 'r-root', childCount: 2, children: [] });
    expect(only.accountCount).toBe(5);
  });

  it('starts at an OU, the same subtree as in the whole tree', () => {
    const dev = organizationTree(index, report, { unit: 'ou-dev' })!;
    expect(dev).toEqual(find(tree, 'ou-dev'));
    expect(dev.kind).toBe('ou');
    expect(
      organizationTree(index, report, { unit: 'r-root', depth: 0 })!.kind,
    ).toBe('root');
    expect(organizationTree(index, report, { unit: 'ou-nope' })).toBe(
      undefined,
    );
  });

  it('counts with the report it is given, when the index is judged again', () => {
    const first = organizationTree(index, report, { depth: 0 })!;
    const rejudged = fakeReport({
      '111111111111': { a: 'pass' },
      '222222222222': { a: 'pass' },
      '333333333333': { a: 'pass' },
      '444444444444': { a: 'pass' },
      '555555555555': { a: 'pass' },
    });
    const second = organizationTree(index, rejudged, { depth: 0 })!;
    expect(first.compliance).toEqual({ pass: 1, fail: 2, warn: 1, unknown: 1 });
    expect(second.compliance).toEqual({
      pass: 5,
      fail: 0,
      warn: 0,
      unknown: 0,
    });
    // A response may be changed by its caller without touching the next.
    second.compliance.pass = 99;
    expect(
      organizationTree(index, rejudged, { depth: 0 })!.compliance.pass,
    ).toBe(5);
  });
});
