import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  ADMIN_ARN,
  governanceResolution,
  governanceSnapshot,
} from '../__testUtils__/governance';
import {
  iamRole,
  known,
  policyDoc,
  trusts,
} from '../__testUtils__/roleFixtures';
import { account, ROOT_ID } from '../__testUtils__/snapshots';
import { teamLevelReachPrincipals } from '../routes/accessPolicy';
import { buildGovernanceIndex } from './buildGovernanceIndex';
import {
  accountRoleReach,
  principalRoleReach,
  UnknownReachUnit,
} from './roleReach';

const PROD = '333333333333';
const ADMIN_POLICY = 'arn:aws:iam::aws:policy/AdministratorAccess';
const SANDBOXES = Array.from({ length: 6 }, (_, i) => `60000000000${i + 1}`);
const PROD_EXTRA = ['700000000001', '700000000002'];
/** Sandboxes where bob holds Admin directly (ways held by a user only). */
const BOB = [SANDBOXES[0], SANDBOXES[1]];

const ssoAdminRole = (accountId: string) =>
  iamRole(
    accountId,
    'AWSReservedSSO_Admin_0123456789abcdef',
    policyDoc({
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`,
      },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    }),
    {
      path: '/aws-reserved/sso.amazonaws.com/',
      attachedPolicies: [{ arn: ADMIN_POLICY, name: 'AdministratorAccess' }],
    },
  );

/**
 * Many ways into payments-prod: its `Shared` role trusts anyone in the
 * organization; the Platform group holds Admin in payments-dev, in four
 * of six new sandboxes (ou-dev > ou-sandbox) and in two more Prod
 * accounts, bob holds Admin alone in the other two sandboxes. With the
 * base snapshot's grants (the Platform group's Admin and bob's ReadOnly on
 * the suspended sandbox-a, alice's and the formula group's ReadOnly on
 * payments-prod, whose roles the index cannot all see: indeterminate),
 * 12 ways in: 9 from ou-dev (8 of them from ou-sandbox), 3 from ou-prod.
 */
function wideSnapshot(): OrganizationSnapshot {
  const s = governanceSnapshot();
  s.accounts.push(
    ...SANDBOXES.map(id =>
      account(id, `sandbox-${id.slice(-1)}`, [ROOT_ID, 'ou-dev', 'ou-sandbox']),
    ),
    ...PROD_EXTRA.map(id =>
      account(id, `prod-${id.slice(-1)}`, [ROOT_ID, 'ou-prod']),
    ),
  );
  const full = s.policies.find(p => p.id === 'p-FullAWSAccess')!;
  full.targets.push(
    ...[...SANDBOXES, ...PROD_EXTRA].map(id => ({
      targetId: id,
      type: 'ACCOUNT' as const,
      name: id,
    })),
  );
  const ic = s.identityCenter;
  if (ic.status !== 'available') throw new Error('unreachable');
  const sources = ['222222222222', ...SANDBOXES, ...PROD_EXTRA];
  // payments-dev: the Platform group's Admin is there already.
  for (const id of sources.slice(1)) {
    const principalId = BOB.includes(id) ? 'u-bob' : 'g-platform';
    ic.assignments.push({
      accountId: id,
      permissionSetArn: ADMIN_ARN,
      principalType: principalId === 'u-bob' ? 'USER' : 'GROUP',
      principalId,
    });
  }
  s.iam = {
    accounts: {
      ...Object.fromEntries(sources.map(id => [id, known([ssoAdminRole(id)])])),
      [PROD]: known([
        iamRole(
          PROD,
          'Shared',
          trusts('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } }),
        ),
      ]),
    },
    managedPolicies: [
      {
        arn: ADMIN_POLICY,
        name: 'AdministratorAccess',
        awsManaged: true,
        defaultVersionId: 'v1',
        document: policyDoc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      },
    ],
  };
  return s;
}

const index = buildGovernanceIndex(wideSnapshot(), governanceResolution());
const all = { offset: 0, limit: 500 };
const startsOf = (r: {
  entries: { path: { start: { accountId: string } } }[];
}) => r.entries.map(e => e.path.start.accountId);

describe('accountRoleReach, paged and counted by OU', () => {
  it('counts every way in and hands them out a page at a time, in one order', () => {
    const whole = accountRoleReach(index, PROD, 3, all)!;
    expect(whole.totalCount).toBe(12);
    expect(whole.entries).toHaveLength(12);
    expect(whole.decisions).toEqual({ allowed: 9, indeterminate: 3 });
    const pages = [0, 4, 8].map(
      offset => accountRoleReach(index, PROD, 3, { offset, limit: 4 })!,
    );
    expect(pages.map(p => p.entries.length)).toEqual([4, 4, 4]);
    expect(pages.every(p => p.totalCount === 12)).toBe(true);
    expect(pages.flatMap(startsOf)).toEqual(startsOf(whole));
    // A page names the accounts its own paths cross, not the others'.
    expect(Object.keys(pages[2].accountNames).sort()).toEqual(
      [...new Set([PROD, ...startsOf(pages[2])])].sort(),
    );
    expect(
      accountRoleReach(index, PROD, 3, { offset: 50, limit: 4 })!.entries,
    ).toEqual([]);
  });

  it('counts the ways by where they start, one level below the root or the OU asked, and opens an OU on demand', () => {
    const top = accountRoleReach(index, PROD, 3, { offset: 0, limit: 1 })!;
    expect(top.sources.map(s => [s.id, s.kind, s.paths, s.allowed])).toEqual([
      ['ou-dev', 'unit', 9, 7],
      ['ou-prod', 'unit', 3, 2],
    ]);
    expect(top.sourcesOmitted).toEqual({ count: 0, paths: 0 });
    const dev = accountRoleReach(index, PROD, 3, {
      ...all,
      fromUnit: 'ou-dev',
    })!;
    expect(dev.fromUnit).toBe('ou-dev');
    expect(dev.totalCount).toBe(9);
    expect(new Set(startsOf(dev))).toEqual(
      new Set(['222222222222', '444444444444', ...SANDBOXES]),
    );
    expect(dev.sources.map(s => [s.id, s.kind, s.name, s.paths])).toEqual([
      ['ou-sandbox', 'unit', 'Sandbox', 8],
      ['222222222222', 'account', 'payments-dev', 1],
    ]);
    const sandbox = accountRoleReach(index, PROD, 3, {
      ...all,
      fromUnit: 'ou-sandbox',
    })!;
    expect(sandbox.sources.every(s => s.kind === 'account')).toBe(true);
    expect(sandbox.totalCount).toBe(8);
    expect(() =>
      accountRoleReach(index, PROD, 3, { ...all, fromUnit: 'ou-nope' }),
    ).toThrow(UnknownReachUnit);
  });

  it('at team level leaves the ways of users alone out before counting and paging, and names no member', () => {
    const team = accountRoleReach(index, PROD, 3, {
      offset: 0,
      limit: 5,
      teamLevel: teamLevelReachPrincipals,
    })!;
    expect(team.restricted).toBe(true);
    expect(team.totalCount).toBe(9);
    expect(team.sources.map(s => [s.id, s.paths])).toEqual([
      ['ou-dev', 6],
      ['ou-prod', 3],
    ]);
    const rest = accountRoleReach(index, PROD, 3, {
      offset: 5,
      limit: 5,
      teamLevel: teamLevelReachPrincipals,
    })!;
    const holders = [...team.entries, ...rest.entries].flatMap(e => e.holders);
    expect(holders).toHaveLength(9);
    expect(holders.every(h => h.principal.type === 'GROUP' && !h.members)).toBe(
      true,
    );
    expect(JSON.stringify([team, rest])).not.toMatch(/bob|alice|carol/i);
    const full = accountRoleReach(index, PROD, 3, all)!;
    expect(full.restricted).toBeUndefined();
    expect(JSON.stringify(full)).toMatch(/bob/);
    expect(
      full.entries.find(e => e.holders[0].members)?.holders[0].members,
    ).toEqual([
      expect.objectContaining({ userName: 'Alice.Smith@example.com' }),
      expect.objectContaining({ userName: 'carol' }),
    ]);
  });
});

describe('principalRoleReach, paged', () => {
  it('pages the ways out of a team and counts the accounts reached', () => {
    const whole = principalRoleReach(
      index,
      'group:default/platform-team',
      3,
      all,
    );
    expect(whole.totalCount).toBe(8);
    expect(whole.accountCount).toBe(1);
    const second = principalRoleReach(index, 'group:default/platform-team', 3, {
      offset: 5,
      limit: 5,
    });
    expect(second.entries).toEqual(whole.entries.slice(5));
    expect(second.totalCount).toBe(8);
  });
});
