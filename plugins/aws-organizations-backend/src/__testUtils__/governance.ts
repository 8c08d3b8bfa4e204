import {
  ComplianceRuleInfo,
  ComplianceStatus,
  ComplianceSummary,
  OrganizationSnapshot,
  RuleResult,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import { ComplianceReport } from '../compliance/types';
import {
  account,
  baseSnapshot,
  ou,
  permissionSet,
  policy,
  ROOT_ID,
} from './snapshots';

/** Allows everything; attached at every level like AWS does by default. */
export const FULL_ACCESS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
};

export const ADMIN_ARN = 'arn:aws:sso:::permissionSet/ssoins-test/ps-admin';
export const READONLY_ARN =
  'arn:aws:sso:::permissionSet/ssoins-test/ps-readonly';

/**
 * The base snapshot grown for the governance views:
 *
 * Root (management 111111111111)
 * ├─ Dev (owner tag platform)  payments-dev 222222222222
 * │   └─ Sandbox               sandbox-a 444444444444 (SUSPENDED), Sandbox-B 555555555555
 * └─ Prod                      (no accounts)
 *     └─ Payments              payments-prod 333333333333
 *
 * SCPs: FullAWSAccess everywhere; DenyLeave at the root; DenyIamUsers on
 * Dev; RegionLock (us-*, eu-*) on Prod; DenyUnlessBreakGlass on Payments
 * (a Deny conditioned on aws:PrincipalArn).
 * Identity Center: Admin (AdministratorAccess) and ReadOnly sets; the
 * Platform group (alice, carol) holds Admin on payments-dev and sandbox-a;
 * alice holds ReadOnly on payments-prod directly; bob (unmapped) holds
 * ReadOnly on sandbox-a; a group named like a formula holds ReadOnly on
 * payments-prod.
 */
export function governanceSnapshot(): OrganizationSnapshot {
  const s = baseSnapshot();
  s.organizationalUnits.push(ou('ou-sandbox', 'Sandbox', [ROOT_ID, 'ou-dev']));
  const sandboxA = account('444444444444', 'sandbox-a', [
    ROOT_ID,
    'ou-dev',
    'ou-sandbox',
  ]);
  sandboxA.state = 'SUSPENDED';
  const sandboxB = account('555555555555', 'Sandbox-B', [
    ROOT_ID,
    'ou-dev',
    'ou-sandbox',
  ]);
  sandboxB.email = 'team+sandbox@Example.com';
  s.accounts.push(sandboxA, sandboxB);
  const everywhere = [
    { targetId: ROOT_ID, type: 'ROOT' as const, name: 'Root' },
    ...s.organizationalUnits.map(u => ({
      targetId: u.id,
      type: 'ORGANIZATIONAL_UNIT' as const,
      name: u.name,
    })),
    ...s.accounts.map(a => ({
      targetId: a.id,
      type: 'ACCOUNT' as const,
      name: a.name,
    })),
  ];
  const fullAccess = policy(
    'p-FullAWSAccess',
    'FullAWSAccess',
    FULL_ACCESS,
    everywhere,
  );
  fullAccess.awsManaged = true;
  s.policies.push(
    fullAccess,
    policy(
      'p-deny-iam-users',
      'DenyIamUsers',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'NoIamUsers',
            Effect: 'Deny',
            Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
            Resource: '*',
          },
        ],
      },
      [{ targetId: 'ou-dev', type: 'ORGANIZATIONAL_UNIT', name: 'Dev' }],
    ),
    policy(
      'p-region-lock',
      'RegionLock',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OnlyApprovedRegions',
            Effect: 'Deny',
            NotAction: ['iam:*', 'sts:*', 'organizations:*'],
            Resource: '*',
            Condition: {
              StringNotLike: { 'aws:RequestedRegion': ['us-*', 'eu-*'] },
            },
          },
        ],
      },
      [{ targetId: 'ou-prod', type: 'ORGANIZATIONAL_UNIT', name: 'Prod' }],
    ),
    policy(
      'p-break-glass',
      'DenyUnlessBreakGlass',
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'BreakGlassOnly',
            Effect: 'Deny',
            Action: 'kms:ScheduleKeyDeletion',
            Resource: '*',
            Condition: {
              ArnNotLike: {
                'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass',
              },
            },
          },
        ],
      },
      [
        {
          targetId: 'ou-payments',
          type: 'ORGANIZATIONAL_UNIT',
          name: 'Payments',
        },
      ],
    ),
  );
  const ic = s.identityCenter;
  if (ic.status !== 'available') throw new Error('unreachable');
  ic.permissionSets = [
    permissionSet('Admin', {
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          name: 'AdministratorAccess',
        },
      ],
      customerManagedPolicies: [{ name: 'Extra', path: '/team/' }],
    }),
    permissionSet('ReadOnly', {
      managedPolicies: [
        {
          arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
          name: 'ReadOnlyAccess',
        },
      ],
      sessionDuration: 'PT8H',
      customerManagedPolicies: { unknown: true, reason: 'AccessDenied' },
      permissionsBoundary: { unknown: true, reason: 'AccessDenied' },
    }),
  ];
  ic.users.push({
    id: 'u-carol',
    userName: 'carol',
    displayName: 'Carol, "the" Admin',
    emails: [],
    externalIds: [],
  });
  ic.groups.push({
    id: 'g-formula',
    displayName: '=HYPERLINK("http://evil")',
    externalIds: [],
  });
  ic.memberships.push(
    { groupId: 'g-platform', userId: 'u-carol' },
    { groupId: 'g-formula', userId: 'u-bob' },
  );
  ic.assignments.push(
    {
      accountId: '444444444444',
      permissionSetArn: ADMIN_ARN,
      principalType: 'GROUP',
      principalId: 'g-platform',
    },
    {
      accountId: '444444444444',
      permissionSetArn: READONLY_ARN,
      principalType: 'USER',
      principalId: 'u-bob',
    },
    {
      accountId: '333333333333',
      permissionSetArn: READONLY_ARN,
      principalType: 'GROUP',
      principalId: 'g-formula',
    },
  );
  return s;
}

/** The resolution of {@link governanceSnapshot}: bob and the formula group have no catalog entity. */
export function governanceResolution(): SnapshotResolution {
  const owner = (ref: string, source: 'account-tag' | 'ou-tag') => ({
    ref,
    source,
    resolvable: true,
  });
  return {
    accountOwners: {
      '222222222222': owner('group:default/payments', 'account-tag'),
      '444444444444': {
        ...owner('group:default/platform', 'ou-tag'),
        ouId: 'ou-dev',
      },
      '555555555555': {
        ...owner('Group:Default/Platform', 'ou-tag'),
        ouId: 'ou-dev',
      },
      '333333333333': { source: 'none', resolvable: false },
    },
    unitOwners: { 'ou-dev': owner('group:default/platform', 'ou-tag') },
    principals: {
      'g-platform': {
        type: 'GROUP',
        id: 'g-platform',
        name: 'Platform Team',
        ref: 'group:default/platform-team',
        resolvable: true,
      },
      'g-unused': {
        type: 'GROUP',
        id: 'g-unused',
        name: 'Unused',
        ref: 'group:default/unused',
        resolvable: false,
      },
      'g-formula': {
        type: 'GROUP',
        id: 'g-formula',
        name: '=HYPERLINK("http://evil")',
        resolvable: false,
      },
      'u-alice': {
        type: 'USER',
        id: 'u-alice',
        name: 'Alice.Smith@example.com',
        ref: 'user:default/alice.smith',
        resolvable: true,
      },
      'u-bob': {
        type: 'USER',
        id: 'u-bob',
        name: 'bob',
        ref: 'user:default/bob',
        resolvable: false,
      },
      'u-carol': {
        type: 'USER',
        id: 'u-carol',
        name: 'carol',
        ref: 'user:default/carol',
        resolvable: true,
      },
    },
    unmappedPrincipals: [],
  };
}

/** A compliance rule for fake reports. */
export function rule(
  id: string,
  level: ComplianceRuleInfo['level'] = 'account',
): ComplianceRuleInfo {
  return {
    id,
    title: `Rule ${id}`,
    severity: 'high',
    rationale: `Because ${id}`,
    remediation: `Fix ${id}`,
    level,
  };
}

/**
 * A fake compliance report: per account, the status of each rule (rules
 * are named by id); the account's summary is the worst status.
 */
export function fakeReport(
  results: Record<string, Record<string, ComplianceStatus>>,
  organization: Record<string, ComplianceStatus> = {},
): ComplianceReport {
  const rank: ComplianceStatus[] = ['fail', 'warn', 'unknown', 'pass'];
  const ruleIds = new Set<string>();
  const accounts = new Map<string, RuleResult[]>();
  const accountSummaries = new Map<string, ComplianceSummary>();
  for (const [accountId, statuses] of Object.entries(results)) {
    const list: RuleResult[] = Object.entries(statuses).map(([id, status]) => {
      ruleIds.add(id);
      return {
        rule: rule(id),
        status,
        message: `${id} ${status}`,
        evidence: [],
      };
    });
    accounts.set(accountId, list);
    const counts = { pass: 0, fail: 0, warn: 0, unknown: 0 };
    for (const r of list) counts[r.status]++;
    const status = rank.find(s => counts[s] > 0) ?? 'pass';
    accountSummaries.set(accountId, {
      status,
      counts,
      failingRules: list.filter(r => r.status === 'fail').map(r => r.rule.id),
    });
  }
  return {
    evaluatedAt: '2026-01-01T00:05:00.000Z',
    rules: [
      ...[...ruleIds].map(id => rule(id)),
      ...Object.keys(organization).map(id => rule(id, 'organization')),
    ],
    accounts,
    accountSummaries,
    organization: Object.entries(organization).map(([id, status]) => ({
      rule: rule(id, 'organization'),
      status,
      message: `${id} ${status}`,
      evidence: [],
    })),
  };
}
