import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';

/** The node of an id in the tree (case-insensitive), depth first. */
export function findNode(
  root: OrgTreeNode,
  id: string,
): OrgTreeNode | undefined {
  const wanted = id.toLocaleLowerCase('en-US');
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.id.toLocaleLowerCase('en-US') === wanted) {
      return node;
    }
    stack.push(...node.children);
  }
  return undefined;
}

/** Ids of every account in a node and below. */
export function accountIdsBelow(node: OrgTreeNode): string[] {
  const ids: string[] = [];
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    ids.push(...(current.accounts ?? []).map(a => a.id));
    stack.push(...current.children);
  }
  return ids;
}

/** Every node of the tree with its depth, parents before children. */
export function flattenTree(
  root: OrgTreeNode,
): { node: OrgTreeNode; depth: number }[] {
  const out: { node: OrgTreeNode; depth: number }[] = [];
  const visit = (node: OrgTreeNode, depth: number) => {
    out.push({ node, depth });
    node.children.forEach(child => visit(child, depth + 1));
  };
  visit(root, 0);
  return out;
}
