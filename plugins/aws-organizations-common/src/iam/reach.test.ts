/**
 * @jest-environment node
 */
import type { OrganizationSnapshot } from '../snapshot';
import {
  buildReachIndex,
  buildReachIndexAsync,
  ReachIndex,
  reachIndex,
  reachIndexAsync,
} from './reach';
import type { IamSnapshot } from './types';
import {
  DEV,
  MGMT,
  doc,
  EXTERNAL,
  PROD,
  role,
  SHARED,
  testOrg,
} from './__testUtils__/org';

const DEVOPS_PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-devops';
const READ_PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-read';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const SAML = doc({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${SHARED}:saml-provider/AWSSSO_x` },
  Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
});
const ASSUME_ANY = doc({
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Resource: '*',
});

function withIdentityCenter(
  snapshot: OrganizationSnapshot,
): OrganizationSnapshot {
  const common = {
    sessionDuration: 'PT1H',
    customerManagedPolicies: [],
    permissionsBoundary: { type: 'none' as const },
    tags: {},
  };
  return {
    ...snapshot,
    identityCenter: {
      status: 'available',
      instanceArn: 'arn:aws:sso:::instance/ssoins-1',
      identityStoreId: 'd-1',
      permissionSets: [
        {
          ...common,
          arn: DEVOPS_PS,
          name: 'DevOps',
          managedPolicies: [],
          inlinePolicy: ASSUME_ANY,
        },
        {
          ...common,
          arn: READ_PS,
          name: 'ReadOnly',
          managedPolicies: [{ arn: READ_ONLY, name: 'ReadOnlyAccess' }],
          inlinePolicy: null,
        },
      ],
      assignments: [
        {
          accountId: SHARED,
          permissionSetArn: DEVOPS_PS,
          principalType: 'GROUP',
          principalId: 'g-ops',
        },
        {
          accountId: SHARED,
          permissionSetArn: READ_PS,
          principalType: 'USER',
          principalId: 'u-carol',
        },
      ],
      groups: [{ id: 'g-ops', displayName: 'Ops', externalIds: [] }],
      users: [
        { id: 'u-alice', userName: 'alice', emails: [], externalIds: [] },
        { id: 'u-bob', userName: 'bob', emails: [], externalIds: [] },
        { id: 'u-carol', userName: 'carol', emails: [], externalIds: [] },
      ],
      memberships: [
        { groupId: 'g-ops', userId: 'u-alice' },
        { groupId: 'g-ops', userId: 'u-bob' },
      ],
    },
  };
}

const SSO_DEVOPS = role(
  SHARED,
  'AWSReservedSSO_DevOps_0123456789abcdef',
  SAML,
  [ASSUME_ANY],
  { path: '/aws-reserved/sso.amazonaws.com/' },
);
const SSO_READ = role(
  SHARED,
  'AWSReservedSSO_ReadOnly_fedcba9876543210',
  SAML,
  [],
  {
    path: '/aws-reserved/sso.amazonaws.com/',
    attachedPolicies: [{ arn: READ_ONLY, name: 'ReadOnlyAccess' }],
  },
);
const PROD_DEVOPS = role(
  PROD,
  'DevOps',
  doc({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${SHARED}:root` },
    Action: 'sts:AssumeRole',
  }),
  [
    doc({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: `arn:aws:iam::${PROD}:role/Deployer`,
    }),
  ],
);
const DEPLOYER = role(
  PROD,
  'Deployer',
  doc({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${PROD}:role/DevOps` },
    Action: 'sts:AssumeRole',
  }),
);
const VENDOR = role(
  PROD,
  'Vendor',
  doc({
    Effect: 'Allow',
    Principal: { AWS: EXTERNAL },
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'sts:ExternalId': 'v' } },
  }),
);
const ORG_WIDE = role(
  DEV,
  'OrgWide',
  doc({
    Effect: 'Allow',
    Principal: '*',
    Action: 'sts:AssumeRole',
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } },
  }),
);

function iamPart(
  overrides: Partial<IamSnapshot['accounts']> = {},
): IamSnapshot {
  return {
    accounts: {
      [SHARED]: {
        status: 'known',
        source: 'config-aggregator',
        roles: [SSO_DEVOPS, SSO_READ],
        users: [],
      },
      [PROD]: {
        status: 'known',
        source: 'config-aggregator',
        roles: [PROD_DEVOPS, DEPLOYER, VENDOR],
        users: [],
      },
      [DEV]: {
        status: 'known',
        source: 'config-aggregator',
        roles: [ORG_WIDE],
        users: [],
      },
      [MGMT]: {
        status: 'known',
        source: 'config-aggregator',
        roles: [],
        users: [],
      },
      ...overrides,
    } as IamSnapshot['accounts'],
    managedPolicies: [
      {
        arn: READ_ONLY,
        name: 'ReadOnlyAccess',
        awsManaged: true,
        document: doc({
          Effect: 'Allow',
          Action: ['s3:Get*', 'iam:Get*'],
          Resource: '*',
        }),
      },
    ],
  };
}

describe('the reach index', () => {
  const snapshot = withIdentityCenter(testOrg());

  it('follows permission set -> account -> role -> account, chains included, with who holds the start', () => {
    const index = buildReachIndex(snapshot, iamPart());
    const prod = index.whoCanReach(PROD);
    expect(prod.rolesUnknown).toBeUndefined();
    expect(prod.incompleteBecause).toEqual([]);
    expect(
      prod.entries.map(e => [
        e.path.hops.map(h => h.toRoleArn),
        e.path.decision,
      ]),
    ).toEqual([
      [[PROD_DEVOPS.arn], 'allowed'],
      [[PROD_DEVOPS.arn, DEPLOYER.arn], 'allowed'],
    ]);
    const [first] = prod.entries;
    expect(first.path.start).toEqual({
      permissionSetArn: DEVOPS_PS,
      permissionSetName: 'DevOps',
      accountId: SHARED,
    });
    expect(first.principals).toEqual([
      {
        type: 'GROUP',
        id: 'g-ops',
        name: 'Ops',
        members: [
          { id: 'u-alice', userName: 'alice' },
          { id: 'u-bob', userName: 'bob' },
        ],
      },
    ]);
    const hop = first.path.hops[0];
    expect(hop.fromRoleArn).toBe(SSO_DEVOPS.arn);
    expect(
      hop.steps.map(s => [
        s.check,
        s.decision,
        s.statements.map(
          r => `${r.policy}:${r.policyName}#${r.statementIndex}`,
        ),
      ]),
    ).toEqual([
      ['identity', 'allowed', ['identity:inline-0#0']],
      ['trust', 'allowed', [`trust:trust policy of ${PROD_DEVOPS.arn}#0`]],
      [
        'guardrails',
        'allowed',
        expect.arrayContaining([
          'scp:FullAWSAccess#0',
          'rcp:RCPFullAWSAccess#0',
        ]),
      ],
    ]);
    // The second hop is within one account: the trust names the DevOps role.
    expect(prod.entries[1].path.hops[1].fromRoleArn).toBe(PROD_DEVOPS.arn);
    // The vendor role trusts only an outside account: nobody here reaches it.
    expect(JSON.stringify(prod.entries)).not.toContain('Vendor');
  });

  it('reaches a role trusting "*" within the organization, and nothing with read-only access', () => {
    const index = buildReachIndex(snapshot, iamPart());
    expect(
      index
        .whoCanReach(DEV)
        .entries.map(e => [
          e.path.start.permissionSetName,
          e.path.hops.map(h => h.toRoleArn),
        ]),
    ).toEqual([['DevOps', [ORG_WIDE.arn]]]);
    expect(index.pathsFrom(READ_PS, SHARED)).toEqual([]);
    expect(index.stats).toMatchObject({ roles: 6, starts: 2, paths: 3 });
  });

  it('stops at the configured depth', () => {
    const index = buildReachIndex(snapshot, iamPart(), { maxDepth: 1 });
    expect(
      index.whoCanReach(PROD).entries.map(e => e.path.hops.length),
    ).toEqual([1]);
  });

  it('says when an account\'s roles are unknown, never "nobody"', () => {
    const index = buildReachIndex(
      snapshot,
      iamPart({
        [DEV]: {
          status: 'unknown',
          reason: 'AccessDenied on SelectAggregateResourceConfig',
        },
      }),
    );
    expect(index.whoCanReach(DEV)).toMatchObject({
      entries: [],
      rolesUnknown: 'AccessDenied on SelectAggregateResourceConfig',
    });
    expect(index.whoCanReach(PROD).incompleteBecause).toEqual([DEV]);
  });

  it('uses the permission set when its Identity Center role was not read', () => {
    const index = buildReachIndex(
      snapshot,
      iamPart({
        [SHARED]: {
          status: 'known',
          source: 'account-role',
          roles: [],
          users: [],
        },
      }),
    );
    const hop = index.whoCanReach(PROD).entries[0].path.hops[0];
    expect(hop).toMatchObject({
      fromLabel: expect.stringContaining('AWSReservedSSO_DevOps_*'),
      decision: 'allowed',
    });
    expect(hop.fromRoleArn).toBeUndefined();
  });

  it('keeps a hop whose identity policy document is missing as indeterminate', () => {
    const part = iamPart();
    part.managedPolicies = [];
    const prodDevOps = {
      ...PROD_DEVOPS,
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: SHARED },
        Action: 'sts:AssumeRole',
      }),
    };
    (part.accounts[PROD] as { roles: unknown[] }).roles = [prodDevOps];
    const paths = buildReachIndex(snapshot, part).pathsFrom(READ_PS, SHARED);
    expect(paths.map(p => [p.hops[0].toRoleArn, p.decision])).toEqual([
      [PROD_DEVOPS.arn, 'indeterminate'],
      [ORG_WIDE.arn, 'indeterminate'],
    ]);
    expect(paths[0].hops[0].steps[0].reasons.join(' ')).toContain(
      'ReadOnlyAccess was not read',
    );
  });

  it('keeps a same-account hop that needs no identity Allow, and prunes the cross-account ones', () => {
    const part = iamPart();
    const breakGlass = role(
      SHARED,
      'BreakGlass',
      doc({
        Effect: 'Allow',
        Principal: { AWS: SSO_READ.arn },
        Action: 'sts:AssumeRole',
      }),
    );
    const elsewhere = role(
      PROD,
      'ReadOnlyElsewhere',
      doc({
        Effect: 'Allow',
        Principal: { AWS: SSO_READ.arn },
        Action: 'sts:AssumeRole',
      }),
    );
    (part.accounts[SHARED] as { roles: unknown[] }).roles.push(breakGlass);
    (part.accounts[PROD] as { roles: unknown[] }).roles.push(elsewhere);
    const paths = buildReachIndex(snapshot, part).pathsFrom(READ_PS, SHARED);
    expect(paths.map(p => [p.hops.map(h => h.toRoleArn), p.decision])).toEqual([
      [[breakGlass.arn], 'allowed'],
    ]);
    expect(paths[0].hops[0].steps[0].reasons.join(' ')).toContain('not needed');
  });

  it('drops a hop an SCP denies', () => {
    const denied = withIdentityCenter(
      testOrg({
        scps: [
          doc({
            Effect: 'Deny',
            Action: 'sts:AssumeRole',
            Resource: `arn:aws:iam::${PROD}:role/*`,
          }),
        ],
      }),
    );
    expect(
      buildReachIndex(denied, iamPart()).whoCanReach(PROD).entries,
    ).toEqual([]);
  });

  it('is built once per snapshot, roles part and depth', () => {
    const part = iamPart();
    expect(reachIndex(snapshot, part)).toBe(reachIndex(snapshot, part));
    expect(reachIndex(snapshot, part, { maxDepth: 1 })).not.toBe(
      reachIndex(snapshot, part),
    );
  });
});

describe('the reach index built in slices', () => {
  const snapshot = withIdentityCenter(testOrg());
  /** Everything an index answers about the snapshot. */
  const answers = (index: ReachIndex, part: IamSnapshot) => {
    const ic = snapshot.identityCenter;
    const starts =
      ic.status === 'available'
        ? ic.assignments.map(a => [a.permissionSetArn, a.accountId])
        : [];
    return {
      stats: index.stats,
      accounts: snapshot.accounts.map(a => index.whoCanReach(a.id)),
      paths: starts.map(([ps, account]) => index.pathsFrom(ps, account)),
      hops: Object.values(part.accounts).flatMap(a =>
        a.status === 'known' ? a.roles.map(r => index.hopsFromRole(r.arn)) : [],
      ),
    };
  };

  it.each([1, 3])(
    'is the same index at depth %i, and lets the event loop run between slices',
    async maxDepth => {
      const part = iamPart();
      let turns = 0;
      let building = true;
      const tick = () => {
        turns++;
        if (building) setImmediate(tick);
      };
      setImmediate(tick);
      // sliceMs 0: a pause at every role and every path node.
      const sliced = await buildReachIndexAsync(snapshot, part, {
        maxDepth,
        sliceMs: 0,
      });
      building = false;
      expect(answers(sliced, part)).toEqual(
        answers(buildReachIndex(snapshot, part, { maxDepth }), part),
      );
      expect(sliced.stats.paths).toBeGreaterThan(0);
      // The other work ran between the slices: about one turn per pause.
      expect(turns).toBeGreaterThan(sliced.stats.roles);
    },
  );

  it('is shared by concurrent calls, and reachIndex finishes it at once', async () => {
    const part = iamPart();
    const first = reachIndexAsync(snapshot, part, { sliceMs: 0 });
    expect(reachIndexAsync(snapshot, part)).toBe(first);
    // Before any turn of the event loop: the build is not done yet.
    const now = reachIndex(snapshot, part);
    expect(answers(now, part)).toEqual(
      answers(buildReachIndex(snapshot, part), part),
    );
    await expect(first).resolves.toBe(now);
    await expect(reachIndexAsync(snapshot, part)).resolves.toBe(now);
    expect(reachIndex(snapshot, part)).toBe(now);
  });

  it('forgets a build that threw: the next call builds again', async () => {
    const part = iamPart();
    const [first] = Object.values(part.accounts).flatMap(a =>
      a.status === 'known' ? a.roles : [],
    );
    const trustPolicy = first.trustPolicy;
    let failures = 1;
    Object.defineProperty(first, 'trustPolicy', {
      get: () => {
        if (failures-- > 0) throw new Error('unreadable');
        return trustPolicy;
      },
    });
    await expect(
      reachIndexAsync(snapshot, part, { sliceMs: 0 }),
    ).rejects.toThrow('unreadable');
    expect(answers(reachIndex(snapshot, part), part)).toEqual(
      answers(buildReachIndex(snapshot, part), part),
    );
  });
});
