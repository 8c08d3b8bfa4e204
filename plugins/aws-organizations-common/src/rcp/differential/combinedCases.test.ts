import { evaluateScpsAndRcps } from '../evaluate';
import { COMBINED_CASES, CombinedCase } from './combinedCases';
import { RCP_FULL, SCP_FULL, sides } from './sides';

const withFull = (full: object, extra: object[][] = [[], [], []]) =>
  extra.map(docs => [full, ...docs]);

function sidesOf(c: CombinedCase) {
  return sides(
    c.principal.type === 'service' ? 'outside' : c.principalWhere,
    withFull(SCP_FULL, c.scp),
    c.resourceWhere,
    withFull(RCP_FULL, c.rcp),
    c.rcpsEnabled,
  );
}

describe('AWS documentation cases: SCPs and RCPs combined', () => {
  it.each(COMBINED_CASES.map(c => [c.rule, c] as const))('%s', (_rule, c) => {
    expect(c.doc).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const r = evaluateScpsAndRcps(sidesOf(c), {
      absentKeys: true,
      ...c.request,
      principal: c.principal,
    });
    expect({ decision: r.decision, decidedBy: r.decidedBy }).toEqual({
      decision: c.expected,
      decidedBy: c.decidedBy,
    });
    if (c.expected === 'denied') {
      expect(r.decisive.length).toBeGreaterThan(0);
      expect(new Set(r.decisive.map(d => d.layer))).toEqual(
        new Set(c.decidedBy),
      );
    }
  });
});
