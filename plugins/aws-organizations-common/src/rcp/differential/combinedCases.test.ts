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
    // Denials name their deciding statements, of the deciding layers only.
    const layers = new Set(r.decisive.map(d => d.layer));
    expect(c.expected !== 'denied' || layers.size > 0).toBe(true);
    expect(
      c.expected !== 'denied' ||
        [...layers].every(l => c.decidedBy.includes(l)),
    ).toBe(true);
  });
});
