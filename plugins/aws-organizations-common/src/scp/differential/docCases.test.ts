import { evaluateScps } from '../evaluate';
import type { ScpLevel } from '../types';
import { DOC_CASES, DocCase } from './docCases';

const FULL = {
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
};
const KINDS = ['root', 'ou', 'account'] as const;

function levelsOf(c: DocCase, n: number): ScpLevel[] {
  return c.levels.map((docs, i) => {
    const all = c.replaceFullAccess?.includes(i) ? docs : [FULL, ...docs];
    return {
      kind: KINDS[Math.min(i, 2)],
      targetId: `t-${n}-${i}`,
      name: `level ${i}`,
      policies: all.map((d, j) => ({
        id: `p-case${n}-${i}-${j}`,
        name: `policy ${j}`,
        content: JSON.stringify(d),
      })),
    };
  });
}

describe('AWS documentation cases', () => {
  it.each(DOC_CASES.map((c, n) => [c.rule, c, n] as const))(
    '%s',
    (_rule, c, n) => {
      expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      const r = evaluateScps(levelsOf(c, n), {
        absentKeys: true,
        ...c.request,
      });
      expect({ decision: r.decision, reasons: r.reasons }).toEqual({
        decision: c.expected,
        reasons: expect.any(Array),
      });
    },
  );

  it('says why a variable before the fifth colon is not substituted', () => {
    const c = DOC_CASES.find(d => d.rule.startsWith('no variable before'))!;
    const r = evaluateScps(levelsOf(c, 99), { absentKeys: true, ...c.request });
    expect(r.notes).toEqual([
      expect.stringContaining(
        'the policy variable ${aws:PrincipalAccount} is before the fifth colon',
      ),
    ]);
    expect(r.reasons.join(' ')).toContain('compared as literal text');
  });
});
