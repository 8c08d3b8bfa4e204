import {
  emptySeverityCounts,
  FindingsRollupUnit,
  SeverityCounts,
} from '@aws-governance/plugin-aws-organizations-common';
import { worstWithAncestors } from './findings';

function unit(
  id: string,
  parentId: string | undefined,
  total: Partial<SeverityCounts>,
): FindingsRollupUnit {
  return {
    id,
    name: id,
    ...(parentId ? { parentId } : {}),
    accountCount: 1,
    countedAccounts: 1,
    total: { ...emptySeverityCounts(), ...total },
    byOrigin: {},
  };
}

describe('worstWithAncestors', () => {
  // root > zeta > alpha (alpha holds zeta's only findings: a tie that
  // alpha wins by name), root > beta, root > quiet.
  const units = [
    unit('root', undefined, { HIGH: 2, LOW: 1 }),
    unit('zeta', 'root', { HIGH: 2 }),
    unit('alpha', 'zeta', { HIGH: 2 }),
    unit('beta', 'root', { LOW: 1 }),
    unit('quiet', 'root', {}),
  ];

  it('keeps the root, the worst units and the ancestors their paths need, in order', () => {
    expect(worstWithAncestors(units, 1).map(u => u.id)).toEqual([
      'root',
      'zeta',
      'alpha',
    ]);
    expect(worstWithAncestors(units, 3).map(u => u.id)).toEqual([
      'root',
      'zeta',
      'alpha',
      'beta',
    ]);
  });

  it('keeps only the root when no unit has findings', () => {
    expect(
      worstWithAncestors([units[0], unit('quiet', 'root', {})], 10).map(
        u => u.id,
      ),
    ).toEqual(['root']);
  });
});
