import { describeLevel, describeStatement } from './describe';
import type { ScpStatementRef } from './types';

const named: ScpStatementRef = {
  policyId: 'p-1',
  policyName: 'DenyLeave',
  level: { kind: 'root', targetId: 'r-1', name: 'Root' },
  statementIndex: 0,
  sid: 'NoLeave',
  effect: 'Deny',
};
const unnamed: ScpStatementRef = {
  ...named,
  sid: undefined,
  statementIndex: 1,
  effect: 'Allow',
  level: { kind: 'ou', targetId: 'ou-ab12-1', name: 'Workloads' },
};

describe('describeLevel', () => {
  it('names the kind, the name and the id', () => {
    expect(describeLevel(unnamed.level)).toBe('OU Workloads (ou-ab12-1)');
    expect(
      describeLevel({ kind: 'account', targetId: '111111111111', name: 'dev' }),
    ).toBe('account dev (111111111111)');
  });
});

describe('describeStatement', () => {
  it('names the position only for a statement without Sid by default', () => {
    expect(describeStatement(named)).toBe(
      'Deny statement "NoLeave" of DenyLeave (p-1) at root Root (r-1)',
    );
    expect(describeStatement(unnamed)).toBe(
      'Allow statement #2 of DenyLeave (p-1) at OU Workloads (ou-ab12-1)',
    );
    expect(describeStatement(named, { index: 'unnamed' })).toBe(
      describeStatement(named),
    );
  });

  it("names the position beside the Sid with { index: 'always' }", () => {
    expect(describeStatement(named, { index: 'always' })).toBe(
      'Deny statement "NoLeave" (#1) of DenyLeave (p-1) at root Root (r-1)',
    );
    expect(describeStatement(unnamed, { index: 'always' })).toBe(
      'Allow statement (#2) of DenyLeave (p-1) at OU Workloads (ou-ab12-1)',
    );
  });
});
