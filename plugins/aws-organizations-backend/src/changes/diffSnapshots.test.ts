import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  account,
  baseSnapshot,
  ou,
  permissionSet,
  policy,
  ROOT_ID,
} from '../__testUtils__/snapshots';
import { diffSnapshots } from './diffSnapshots';
import { ChangeDetector } from './types';

function change(edit: (s: OrganizationSnapshot) => void) {
  const previous = baseSnapshot();
  const current = baseSnapshot();
  edit(current);
  return diffSnapshots(previous, current);
}

function ic(s: OrganizationSnapshot) {
  if (s.identityCenter.status !== 'available') throw new Error('no IC');
  return s.identityCenter;
}

describe('diffSnapshots', () => {
  it('records nothing for the first snapshot and for identical ones', () => {
    expect(diffSnapshots(undefined, baseSnapshot())).toEqual([]);
    expect(change(() => {})).toEqual([]);
  });

  it('reads a tag named like an Object member as an ordinary tag', () => {
    const changes = change(s => {
      s.accounts[0].tags = { constructor: 'yes' };
    });
    expect(changes.map(c => [c.kind, c.summary, c.details])).toEqual([
      [
        'account.tags-changed',
        'management tags changed: constructor=yes added',
        { added: { constructor: 'yes' }, removed: {}, changed: {} },
      ],
    ]);
  });

  it('detects account changes with names in the summary', () => {
    const changes = change(s => {
      const dev = s.accounts[1];
      dev.path = [ROOT_ID, 'ou-prod'];
      dev.parentId = 'ou-prod';
      s.accounts[2].name = 'payments-production';
      s.accounts[2].state = 'SUSPENDED';
      s.accounts[0].tags = { owner: 'platform' };
      s.accounts.push(account('444444444444', 'sandbox', [ROOT_ID, 'ou-dev']));
      s.accounts.splice(0, 0);
    });
    expect(changes.map(c => [c.kind, c.accountId, c.summary])).toEqual([
      [
        'account.tags-changed',
        '111111111111',
        'management tags changed: owner=platform added',
      ],
      ['account.moved', '222222222222', 'payments-dev moved from Dev to Prod'],
      [
        'account.renamed',
        '333333333333',
        'Account payments-prod renamed to payments-production',
      ],
      [
        'account.state-changed',
        '333333333333',
        'payments-production changed state from ACTIVE to SUSPENDED',
      ],
      [
        'account.created',
        '444444444444',
        'Account sandbox (444444444444) joined the organization in Dev',
      ],
    ]);
    expect(changes[1].details).toEqual({
      from: { id: 'ou-dev', name: 'Dev' },
      to: { id: 'ou-prod', name: 'Prod' },
    });
  });

  it('detects removed accounts and tag edits, and skips unknown tags', () => {
    const changes = change(s => {
      s.accounts.splice(2, 1);
      s.accounts[1].tags = { owner: 'billing', env: 'dev' };
      s.accounts[0].tags = { unknown: true, reason: 'denied' };
    });
    expect(changes.map(c => c.kind)).toEqual([
      'account.tags-changed',
      'account.removed',
    ]);
    expect(changes[0].details).toEqual({
      added: { env: 'dev' },
      removed: {},
      changed: { owner: { from: 'payments', to: 'billing' } },
    });
    expect(changes[1].summary).toBe(
      'Account payments-prod (333333333333) left the organization',
    );
  });

  it('detects OU changes', () => {
    const changes = change(s => {
      s.organizationalUnits[0].name = 'Development';
      const payments = s.organizationalUnits[2];
      payments.parentId = 'ou-dev';
      payments.path = [ROOT_ID, 'ou-dev'];
      s.organizationalUnits.splice(1, 1);
      s.organizationalUnits.push(ou('ou-sandbox', 'Sandbox'));
    });
    expect(changes.map(c => [c.kind, c.subjectId, c.summary])).toEqual([
      ['ou.renamed', 'ou-dev', 'OU Dev renamed to Development'],
      ['ou.moved', 'ou-payments', 'OU Payments moved from Prod to Development'],
      ['ou.created', 'ou-sandbox', 'OU Sandbox created in Root'],
      ['ou.removed', 'ou-prod', 'OU Prod removed from Root'],
    ]);
  });

  it('detects SCP changes with a unified diff and per-target attachments', () => {
    const changes = change(s => {
      const denyLeave = s.policies[0];
      denyLeave.content = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Action: 'organizations:*', Resource: '*' },
        ],
      });
      denyLeave.targets = [
        { targetId: '222222222222', type: 'ACCOUNT', name: 'payments-dev' },
      ];
      s.policies.push(
        policy('p-new', 'NoRegions', {}, [
          { targetId: 'ou-prod', type: 'ORGANIZATIONAL_UNIT', name: 'Prod' },
        ]),
      );
    });
    expect(
      changes.map(c => [c.kind, c.subjectId, c.accountId, c.summary]),
    ).toEqual([
      [
        'scp.edited',
        'p-deny-leave',
        undefined,
        'SCP DenyLeave edited: content',
      ],
      [
        'scp.attached',
        'p-deny-leave',
        '222222222222',
        'SCP DenyLeave attached to payments-dev',
      ],
      [
        'scp.detached',
        'p-deny-leave',
        undefined,
        'SCP DenyLeave detached from Root',
      ],
      ['scp.created', 'p-new', undefined, 'SCP NoRegions created'],
      ['scp.attached', 'p-new', undefined, 'SCP NoRegions attached to Prod'],
    ]);
    const diff = changes[0].details!.diff as string;
    expect(diff).toContain(
      '-      "Action": "organizations:LeaveOrganization",',
    );
    expect(diff).toContain('+      "Action": "organizations:*",');
    expect(diff).toMatch(/^@@ /m);
  });

  it('records a removed SCP without detachments', () => {
    const changes = change(s => {
      s.policies = [];
    });
    expect(changes.map(c => c.kind)).toEqual(['scp.removed']);
    expect(changes[0].details).toEqual({
      name: 'DenyLeave',
      targets: [ROOT_ID],
    });
  });

  it('detects permission set changes naming the fields', () => {
    const changes = change(s => {
      const sets = ic(s).permissionSets;
      sets[0].sessionDuration = 'PT8H';
      sets[0].inlinePolicy = JSON.stringify({ Statement: [] });
      sets[0].managedPolicies = [
        {
          arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          name: 'AdministratorAccess',
        },
      ];
      sets.splice(1, 1);
      ic(s).assignments.pop();
      sets.push(permissionSet('Billing'));
    });
    expect(changes.map(c => [c.kind, c.summary])).toEqual([
      [
        'permission-set.changed',
        'Permission set Admin changed: sessionDuration, managedPolicies, inlinePolicy',
      ],
      ['permission-set.created', 'Permission set Billing created'],
      ['permission-set.removed', 'Permission set ReadOnly removed'],
      [
        'assignment.revoked',
        'User Alice.Smith@example.com lost ReadOnly on payments-prod',
      ],
    ]);
    expect(changes[0].details).toMatchObject({
      fields: ['sessionDuration', 'managedPolicies', 'inlinePolicy'],
      sessionDuration: { from: 'PT1H', to: 'PT8H' },
    });
    expect(changes[0].details!.inlinePolicyDiff).toContain(
      '+  "Statement": []',
    );
  });

  it('detects assignments granted and revoked, and membership changes', () => {
    const changes = change(s => {
      const center = ic(s);
      center.assignments.shift();
      center.assignments.push({
        accountId: '111111111111',
        permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin',
        principalType: 'USER',
        principalId: 'u-bob',
      });
      center.memberships = [{ groupId: 'g-platform', userId: 'u-bob' }];
    });
    expect(
      changes.map(c => [c.kind, c.accountId, c.subjectId, c.summary]),
    ).toEqual([
      [
        'assignment.granted',
        '111111111111',
        'u-bob',
        'User bob granted Admin on management',
      ],
      [
        'assignment.revoked',
        '222222222222',
        'g-platform',
        'Group Platform Team lost Admin on payments-dev',
      ],
      [
        'group-membership.added',
        undefined,
        'g-platform',
        'bob added to group Platform Team',
      ],
      [
        'group-membership.removed',
        undefined,
        'g-platform',
        'Alice.Smith@example.com removed from group Platform Team',
      ],
    ]);
  });

  it('runs extra detectors, e.g. compliance flips', () => {
    const compliance: ChangeDetector = ({ current }) => [
      {
        kind: 'compliance.changed',
        subjectId: current.accounts[0].id,
        summary: 'flipped',
      },
    ];
    expect(diffSnapshots(baseSnapshot(), baseSnapshot(), [compliance])).toEqual(
      [
        {
          kind: 'compliance.changed',
          subjectId: '111111111111',
          summary: 'flipped',
        },
      ],
    );
  });
});
