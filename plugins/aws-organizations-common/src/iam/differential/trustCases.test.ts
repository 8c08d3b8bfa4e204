import { evaluateHop, HopCaller } from '../hop';
import { compileTrustPolicy } from '../trust';
import { testOrg } from '../__testUtils__/org';
import { TRUST_CASES, TrustCase } from './trustCases';

function callerOf(c: TrustCase): HopCaller {
  const path = c.callerPath ?? '/';
  const policies = {
    policies: c.identity.map((d, i) => ({
      id: `inline-${i}`,
      name: `inline ${i}`,
      document: d,
    })),
    boundary: c.boundary
      ? {
          id: 'boundary',
          name: 'boundary',
          document:
            c.boundary === 'unknown'
              ? { unknown: true as const, reason: 'the boundary was not read' }
              : c.boundary,
        }
      : null,
  };
  if (c.callerArnKnown === false) {
    return {
      accountId: c.callerAccount,
      label: 'AWSReservedSSO_Caller_*',
      roleNameMatches: name => name.startsWith('AWSReservedSSO_Caller_'),
      policies,
    };
  }
  return {
    accountId: c.callerAccount,
    roleArn: `arn:aws:iam::${c.callerAccount}:role${path}Caller`,
    label: 'Caller',
    policies,
  };
}

describe('role hops: AWS documentation cases', () => {
  it.each(TRUST_CASES.map(c => [c.rule, c] as const))('%s', (_rule, c) => {
    expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const snapshot = testOrg({
      scps: c.scps,
      rcps: c.rcps,
      scpTarget: c.scpTarget,
      rcpTarget: c.rcpTarget,
    });
    const org = new Set(snapshot.accounts.map(a => a.id));
    const roleArn = `arn:aws:iam::${c.targetAccount}:role/Target`;
    const hop = evaluateHop(snapshot, callerOf(c), {
      roleArn,
      accountId: c.targetAccount,
      trust: compileTrustPolicy(c.trust, id => org.has(id)),
    });
    expect({
      decision: hop.decision,
      steps: hop.steps.map(s => s.check),
    }).toEqual({
      decision: c.expected,
      steps: ['identity', 'trust', 'guardrails'],
    });
  });
});
