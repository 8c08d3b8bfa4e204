import { ConfigReader } from '@backstage/config';
import { OrganizationSnapshot } from '@aws-governance/plugin-aws-organizations-common';
import {
  compliantSnapshotWithoutRcps,
  LOGS,
  MGMT,
  PARKED,
  PROD,
  resolutionOf,
  runRule,
} from '../../__testUtils__/complianceFixtures';
import {
  iamRole,
  iamUser,
  known,
  mayAssume,
  policyDoc,
  trusts,
  trustsService,
  VENDOR,
  withIam,
  withIamEverywhere,
} from '../../__testUtils__/roleFixtures';
import { withRcps } from '../../__testUtils__/rcps';
import { account, ou, ROOT_ID } from '../../__testUtils__/snapshots';
import { noIamUsersRule } from './iamUsers';
import { roleBoundaryRule } from './roleBoundary';
import { roleReachProductionRule } from './roleReachProduction';
import {
  externalTrustExternalIdRule,
  trustAnyoneOrganizationRule,
} from './roleTrust';
import { unusedRolesRule } from './unusedRoles';
import { builtInComplianceRules } from './index';
import { createComplianceEngineFromConfig } from '../fromConfig';

const DEV = '555555555555';

/**
 * The compliant snapshot (before RCPs) with Workloads > Dev (account
 * app-dev) under FullAWSAccess.
 */
function withDev(): OrganizationSnapshot {
  const snapshot = structuredClone(compliantSnapshotWithoutRcps());
  snapshot.organizationalUnits.push(ou('ou-dev', 'Dev', [ROOT_ID, 'ou-work']));
  snapshot.accounts.push(
    account(DEV, 'app-dev', [ROOT_ID, 'ou-work', 'ou-dev']),
  );
  for (const p of snapshot.policies) {
    if (p.name === 'FullAWSAccess') {
      p.targets.push(
        { targetId: 'ou-dev', type: 'ORGANIZATIONAL_UNIT', name: 'Dev' },
        { targetId: DEV, type: 'ACCOUNT', name: 'app-dev' },
      );
    }
  }
  return snapshot;
}

describe('the role rules', () => {
  it('are built in, and give no result without a roles source', () => {
    const ids = builtInComplianceRules.map(r => r.id);
    const rules = [
      externalTrustExternalIdRule,
      trustAnyoneOrganizationRule,
      roleReachProductionRule,
      roleBoundaryRule,
      noIamUsersRule,
      unusedRolesRule,
    ];
    for (const rule of rules) {
      expect(ids).toContain(rule.id);
      expect(runRule(rule, withDev(), { accountId: DEV })).toBeUndefined();
    }
  });

  it('say unknown, never pass, for an account whose roles were not read', () => {
    const snapshot = withIam(withDev(), {
      [PROD]: {
        status: 'unknown',
        reason: 'AccessDenied assuming the read-only role',
      },
    });
    for (const rule of [
      externalTrustExternalIdRule,
      trustAnyoneOrganizationRule,
      roleBoundaryRule,
      noIamUsersRule,
      unusedRolesRule,
    ]) {
      expect(runRule(rule, snapshot, { accountId: PROD })).toEqual({
        status: 'unknown',
        message:
          'The roles of payments-prod are unknown: AccessDenied assuming the read-only role',
      });
    }
    // An account missing from the roles part was not read either.
    expect(
      runRule(roleReachProductionRule, snapshot, { accountId: DEV })?.status,
    ).toBe('unknown');
  });
});

describe('role-external-trust-requires-external-id', () => {
  const run = (trust: string, parameters = {}) =>
    runRule(
      externalTrustExternalIdRule,
      withIamEverywhere(withDev(), {
        [PROD]: known([iamRole(PROD, 'Vendor', trust)]),
      }),
      { accountId: PROD, parameters },
    );

  it('fails for an outside account trusted without an external id, naming the role and statement', () => {
    const outcome = run(trusts(`arn:aws:iam::${VENDOR}:root`))!;
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      {
        kind: 'role',
        arn: `arn:aws:iam::${PROD}:role/Vendor`,
        accountId: PROD,
        description: `Vendor: statement 0 admits account ${VENDOR} (outside the organization) without an external id`,
      },
    ]);
  });

  it('passes with an external id condition, and breaks when it is IfExists', () => {
    expect(
      run(trusts(VENDOR, { StringEquals: { 'sts:ExternalId': 'abc-123' } }))
        ?.status,
    ).toBe('pass');
    expect(
      run(
        trusts(VENDOR, {
          StringEqualsIfExists: { 'sts:ExternalId': 'abc-123' },
        }),
      )?.status,
    ).toBe('fail');
  });

  it('passes for accounts of the organization and services, and for exempt accounts', () => {
    expect(run(trusts(LOGS))?.status).toBe('pass');
    expect(run(trustsService('lambda.amazonaws.com'))?.status).toBe('pass');
    expect(run(trusts(VENDOR), { exemptAccounts: [VENDOR] })?.status).toBe(
      'pass',
    );
  });

  it('is unknown for a trust policy that cannot be read', () => {
    const outcome = run('{"Statement": [{"Effect": "Allow"}]}')!;
    expect(outcome.status).toBe('unknown');
    expect(outcome.evidence?.[0].description).toMatch(
      /^Vendor: the trust policy cannot be read/,
    );
  });
});

describe('role-trust-anyone-requires-organization', () => {
  const run = (trust: string, parameters = {}) =>
    runRule(
      trustAnyoneOrganizationRule,
      withIamEverywhere(withDev(), {
        [PROD]: known([iamRole(PROD, 'Open', trust)]),
      }),
      { accountId: PROD, parameters },
    );

  it('fails for "*" without an organization condition', () => {
    const outcome = run(trusts('*'))!;
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'Roles that trust "*" without an organization condition: Open',
    });
  });

  it('passes with aws:PrincipalOrgID, fails with a negated one', () => {
    expect(
      run(trusts('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } }))
        ?.status,
    ).toBe('pass');
    expect(
      run(trusts('*', { StringNotEquals: { 'aws:PrincipalOrgID': 'o-test' } }))
        ?.status,
    ).toBe('fail');
  });

  it('accepts the condition keys the parameters add', () => {
    const trust = trusts('*', {
      StringEquals: { 'aws:PrincipalAccount': LOGS },
    });
    expect(run(trust)?.status).toBe('fail');
    expect(
      run(trust, { acceptedConditionKeys: ['aws:PrincipalAccount'] })?.status,
    ).toBe('pass');
  });
});

describe('role-reach-production-from-non-production', () => {
  const prodRole = (trust: string) => iamRole(PROD, 'Deploy', trust);
  const devRole = (inline: string[]) =>
    iamRole(DEV, 'Builder', trustsService('codebuild.amazonaws.com'), {
      inline,
    });
  const run = (
    prod: string,
    dev: string[],
    extra: Record<string, ReturnType<typeof known>> = {},
  ) =>
    runRule(
      roleReachProductionRule,
      withIamEverywhere(withDev(), {
        [PROD]: known([prodRole(prod)]),
        [DEV]: known([devRole(dev)]),
        ...extra,
      }),
      { accountId: DEV },
    );

  it('fails when a dev role may assume a production role, with the path', () => {
    const outcome = run(trusts(DEV), [mayAssume('*')])!;
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      expect.objectContaining({
        kind: 'role',
        arn: `arn:aws:iam::${DEV}:role/Builder`,
        description: `role arn:aws:iam::${DEV}:role/Builder -> Deploy in ${PROD}`,
      }),
    ]);
  });

  it('is unknown when an RCP on production tests a key the hop does not give', () => {
    // The data perimeter RCP tests aws:SecureTransport (BoolIfExists),
    // which a role hop's context does not carry: the hop is indeterminate.
    const outcome = runRule(
      roleReachProductionRule,
      withIamEverywhere(withRcps(withDev(), ['ou-work']), {
        [PROD]: known([prodRole(trusts(DEV))]),
        [DEV]: known([devRole([mayAssume('*')])]),
      }),
      { accountId: DEV },
    )!;
    expect(outcome.status).toBe('unknown');
    expect(outcome.evidence?.[0].description).toMatch(/indeterminate/);
  });

  it('passes when the production trust does not admit the dev account', () => {
    expect(run(trusts(LOGS), [mayAssume('*')])?.status).toBe('pass');
  });

  it('passes when the dev role may not call sts:AssumeRole', () => {
    expect(
      run(trusts(DEV), [
        policyDoc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      ])?.status,
    ).toBe('pass');
  });

  it('follows a chain through another account', () => {
    const hop = iamRole(LOGS, 'Relay', trusts(DEV), {
      inline: [mayAssume('*')],
    });
    const outcome = run(
      trusts(`arn:aws:iam::${LOGS}:role/Relay`),
      [mayAssume('*')],
      { [LOGS]: known([hop]) },
    )!;
    expect(outcome.status).toBe('fail');
    expect(outcome.message).toContain(`-> Relay -> Deploy in ${PROD}`);
  });

  it('follows as many hops as the reach index unless its parameter says otherwise', () => {
    // app-dev reaches production only at the second hop (Relay in LOGS).
    const snapshot = withIamEverywhere(withDev(), {
      [PROD]: known([prodRole(trusts(`arn:aws:iam::${LOGS}:role/Relay`))]),
      [DEV]: known([devRole([mayAssume('*')])]),
      [LOGS]: known([
        iamRole(LOGS, 'Relay', trusts(DEV), { inline: [mayAssume('*')] }),
      ]),
    });
    const statusAt = (
      reachDepth: number,
      parameters?: { maxDepth: number },
    ) => {
      const engine = createComplianceEngineFromConfig({
        rootConfig: new ConfigReader({
          awsOrganizations: {
            region: 'eu-west-1',
            reach: { maxDepth: reachDepth },
            ...(parameters
              ? {
                  compliance: {
                    rules: { [roleReachProductionRule.id]: { parameters } },
                  },
                }
              : {}),
          },
        }),
        rules: builtInComplianceRules,
        reachDepth: reachDepth,
      });
      const results = engine
        .evaluate(snapshot, resolutionOf(snapshot))
        .accounts.get(DEV)!;
      const result = results.find(
        r => r.rule.id === roleReachProductionRule.id,
      )!;
      return `${result.status}: ${result.message}`;
    };
    expect(statusAt(1)).toBe(
      'pass: No role of app-dev reaches a production account within 1 role hop',
    );
    expect(statusAt(2)).toMatch(/^fail: .*-> Relay -> Deploy in /);
    // The rule's own parameter wins over the configured depth.
    expect(statusAt(1, { maxDepth: 2 })).toMatch(/^fail: /);
    expect(statusAt(2, { maxDepth: 1 })).toMatch(/^pass: /);
    // Without either, three hops, as before.
    expect(
      runRule(roleReachProductionRule, snapshot, { accountId: DEV })?.status,
    ).toBe('fail');
    expect(() => statusAt(2, { maxDepth: 6 })).toThrow(
      /awsOrganizations\.compliance\.rules\.role-reach-production-from-non-production\.parameters\.maxDepth/,
    );
  });

  it('does not judge production or unlisted accounts', () => {
    const snapshot = withIamEverywhere(withDev());
    expect(
      runRule(roleReachProductionRule, snapshot, { accountId: PROD }),
    ).toBeUndefined();
    expect(
      runRule(roleReachProductionRule, snapshot, { accountId: PARKED }),
    ).toBeUndefined();
  });

  it('is unknown when a production account’s roles are unknown', () => {
    const outcome = run(trusts(LOGS), [mayAssume('*')], {
      [PROD]: { status: 'unknown', reason: 'throttled' },
    })!;
    expect(outcome.status).toBe('unknown');
    expect(outcome.message).toContain('payments-prod');
  });
});

describe('role-permissions-boundary-required', () => {
  const run = (roles: ReturnType<typeof iamRole>[], parameters = {}) =>
    runRule(
      roleBoundaryRule,
      withIamEverywhere(withDev(), { [PROD]: known(roles) }),
      {
        accountId: PROD,
        parameters,
      },
    );
  const BOUNDARY = `arn:aws:iam::${PROD}:policy/WorkloadBoundary`;

  it('fails for a role without a boundary, passes with one', () => {
    expect(run([iamRole(PROD, 'App', trusts(LOGS))])).toMatchObject({
      status: 'fail',
      evidence: [
        expect.objectContaining({
          description: 'App has no permissions boundary',
        }),
      ],
    });
    expect(
      run([
        iamRole(PROD, 'App', trusts(LOGS), { permissionsBoundary: BOUNDARY }),
      ])?.status,
    ).toBe('pass');
  });

  it('exempts Identity Center and service-linked roles', () => {
    expect(
      run([
        iamRole(PROD, 'AWSReservedSSO_Admin_0123456789abcdef', trusts(LOGS), {
          path: '/aws-reserved/sso.amazonaws.com/',
        }),
        iamRole(
          PROD,
          'AWSServiceRoleForSupport',
          trustsService('support.amazonaws.com'),
          {
            path: '/aws-service-role/support.amazonaws.com/',
          },
        ),
      ])?.message,
    ).toBe('No role of payments-prod needs a permissions boundary');
  });

  it('judges only the roles the parameters name, against the required boundaries', () => {
    const roles = [
      iamRole(PROD, 'deploy-api', trusts(LOGS), {
        permissionsBoundary: `arn:aws:iam::${PROD}:policy/Other`,
      }),
      iamRole(PROD, 'App', trusts(LOGS)),
    ];
    const outcome = run(roles, {
      roles: ['deploy-*'],
      requiredBoundaries: ['WorkloadBoundary'],
    })!;
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.map(e => e.description)).toEqual([
      'deploy-api is bounded by Other, not by WorkloadBoundary',
    ]);
  });

  it('is unknown when the boundary was not read', () => {
    expect(
      run([
        iamRole(PROD, 'App', trusts(LOGS), {
          permissionsBoundary: { unknown: true, reason: 'GetRole denied' },
        }),
      ])?.status,
    ).toBe('unknown');
  });
});

describe('no-iam-users-in-workload-accounts', () => {
  const run = (accountId: string, users: ReturnType<typeof iamUser>[]) =>
    runRule(
      noIamUsersRule,
      withIamEverywhere(withDev(), { [accountId]: known([], users) }),
      { accountId },
    );

  it('fails for an IAM user in a workload account, with its access keys', () => {
    const outcome = run(PROD, [
      iamUser(PROD, 'ci-bot', {
        accessKeys: [
          { accessKeyId: 'AKIAEXAMPLE1', status: 'Active' },
          { accessKeyId: 'AKIAEXAMPLE2', status: 'Inactive' },
        ],
      }),
    ])!;
    expect(outcome).toMatchObject({
      status: 'fail',
      message: 'payments-prod holds IAM users: ci-bot',
      evidence: [
        {
          kind: 'iam-user',
          arn: `arn:aws:iam::${PROD}:user/ci-bot`,
          description:
            'IAM user ci-bot: 1 active access key (AKIAEXAMPLE1), 1 inactive',
        },
      ],
    });
  });

  it('passes without users; does not judge foundational accounts or the management account', () => {
    expect(run(PROD, [])?.status).toBe('pass');
    expect(run(LOGS, [iamUser(LOGS, 'auditor')])).toBeUndefined();
    expect(run(MGMT, [iamUser(MGMT, 'root-ops')])).toBeUndefined();
  });

  it('says when the source does not show access keys', () => {
    const outcome = run(PROD, [
      iamUser(PROD, 'legacy', {
        accessKeys: { unknown: true, reason: 'not in AWS Config' },
      }),
    ])!;
    expect(outcome.evidence?.[0].description).toBe(
      'IAM user legacy: access keys not shown by the source',
    );
  });
});

describe('roles-unused', () => {
  // compliantSnapshot was read at 2026-01-01.
  const run = (roles: ReturnType<typeof iamRole>[], parameters = {}) =>
    runRule(
      unusedRolesRule,
      withIamEverywhere(withDev(), { [PROD]: known(roles) }),
      {
        accountId: PROD,
        parameters,
      },
    );

  it('fails for a role last used long ago and one never used since its creation', () => {
    const outcome = run([
      iamRole(PROD, 'Old', trusts(LOGS), {
        lastUsed: { lastUsedDate: '2025-06-01T00:00:00Z' },
      }),
      iamRole(PROD, 'Never', trusts(LOGS), {
        lastUsed: {},
        createDate: '2025-01-01T00:00:00Z',
      }),
      iamRole(PROD, 'Fresh', trusts(LOGS), {
        lastUsed: { lastUsedDate: '2025-12-20T00:00:00Z' },
      }),
    ])!;
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence?.map(e => e.description)).toEqual([
      'Old: last used 214 days ago (2025-06-01)',
      'Never: never used since it was created 365 days ago',
    ]);
  });

  it('takes the number of days from the parameters', () => {
    const roles = [
      iamRole(PROD, 'Old', trusts(LOGS), {
        lastUsed: { lastUsedDate: '2025-06-01T00:00:00Z' },
      }),
    ];
    expect(run(roles, { maxUnusedDays: 300 })?.status).toBe('pass');
    expect(
      unusedRolesRule.validateParameters!({
        ...unusedRolesRule.defaultParameters,
        maxUnusedDays: 0,
      }),
    ).toHaveLength(1);
  });

  it('is unknown when the last use was not read', () => {
    expect(
      run([
        iamRole(PROD, 'Old', trusts(LOGS), {
          lastUsed: { unknown: true, reason: 'not read' },
        }),
      ])?.status,
    ).toBe('unknown');
  });
});
