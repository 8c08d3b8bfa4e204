import { OrgTreeNode } from '@aws-governance/plugin-aws-organizations-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { OrgTree } from './OrgTree';

function unit(id: string, children: OrgTreeNode[] = []): OrgTreeNode {
  return {
    id,
    name: `name-${id}`,
    kind: id.startsWith('r-') ? 'root' : 'ou',
    accountCount: 1,
    compliance: { pass: 1, fail: 0, warn: 0, unknown: 0 },
    childCount: children.length,
    children,
  };
}

const root = unit('r-1', [
  unit('ou-a', [unit('ou-b', [unit('ou-c', [unit('ou-d')])])]),
  unit('ou-e'),
]);

describe('OrgTree', () => {
  it('renders the root, its children and grandchildren, and deeper units on expand', async () => {
    const onSelect = jest.fn();
    await renderInTestApp(<OrgTree root={root} onSelect={onSelect} />);
    expect(screen.getByTestId('aws-tree-node-ou-a')).toBeInTheDocument();
    expect(screen.getByTestId('aws-tree-node-ou-b')).toBeInTheDocument();
    expect(screen.queryByTestId('aws-tree-node-ou-c')).toBeNull();
    // ou-b is collapsed but shows that it can be expanded.
    const item = screen.getByTestId('aws-tree-node-ou-b').closest('li')!;
    expect(item).toHaveAttribute('aria-expanded', 'false');

    fireEvent.click(within(item).getByText('name-ou-b'));
    expect(await screen.findByTestId('aws-tree-node-ou-c')).toBeInTheDocument();
    expect(screen.queryByTestId('aws-tree-node-ou-d')).toBeNull();
    expect(onSelect).toHaveBeenCalledWith('ou-b');
  });

  it('writes large counts as every count on the pages: 20,000 accounts, 12,000 non-compliant', async () => {
    const big = {
      ...unit('r-9'),
      accountCount: 20000,
      compliance: { pass: 8000, fail: 12000, warn: 0, unknown: 0 },
    };
    await renderInTestApp(<OrgTree root={big} onSelect={jest.fn()} />);
    const node = screen.getByTestId('aws-tree-node-r-9');
    expect(node).toHaveTextContent('20,000 accounts');
    expect(node).toHaveTextContent('12,000 non-compliant');
  });

  it('shows no expand state on units without children', async () => {
    await renderInTestApp(<OrgTree root={root} onSelect={jest.fn()} />);
    const leaf = screen.getByTestId('aws-tree-node-ou-e').closest('li')!;
    expect(leaf).not.toHaveAttribute('aria-expanded');
  });
});
