import {
  OrganizationSnapshot,
  PermissionSet,
  SnapshotResolution,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsComplianceRule,
  ComplianceOutcome,
  ComplianceParameters,
  createComplianceSnapshotIndex,
} from '@aws-governance/plugin-aws-organizations-node';
import { resolveSnapshot } from '../resolution/resolveSnapshot';
import { DEFAULT_RESOLUTION_SETTINGS } from './demoCatalog';
import {
  account,
  ou,
  permissionSet,
  policy,
  ROOT_ID,
  snapshotShell,
} from './snapshots';
import { withRcps } from './rcps';

export const MGMT = '111111111111';
export const PROD = '222222222222';
export const LOGS = '333333333333';
export const PARKED = '444444444444';

const AWS = 'arn:aws:iam::aws:policy/';
const managed = (...names: string[]) =>
  names.map(n => ({ arn: `${AWS}${n}`, name: n.split('/').pop()! }));

/** Permission sets of the fixture, by name. */
export const SETS: Record<string, PermissionSet> = {
  Admin: permissionSet('Admin', {
    managedPolicies: managed('AdministratorAccess'),
  }),
  BreakGlass: permissionSet('BreakGlass', {
    sessionDuration: 'PT12H',
    managedPolicies: managed('AdministratorAccess'),
  }),
  Power: permissionSet('Power', {
    sessionDuration: 'PT8H',
    managedPolicies: managed('PowerUserAccess'),
    permissionsBoundary: {
      type: 'customer-managed',
      reference: { name: 'Boundary', path: '/' },
    },
  }),
  ReadOnly: permissionSet('ReadOnly', {
    sessionDuration: 'PT8H',
    managedPolicies: managed('job-function/ViewOnlyAccess'),
  }),
  Data: permissionSet('Data', {
    sessionDuration: 'PT8H',
    managedPolicies: managed('AmazonS3FullAccess'),
  }),
};

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
function target(id: string) {
  let type: 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT' = 'ACCOUNT';
  if (id === ROOT_ID) type = 'ROOT';
  else if (id.startsWith('ou-')) type = 'ORGANIZATIONAL_UNIT';
  return { targetId: id, type, name: id };
}

/**
 * A small organization that passes every built-in rule: Workloads > Prod
 * (guarded), Security (log-archive), Parked (an environment=dev account
 * outside Workloads), the management account; Identity Center with groups
 * security, finance and platform; RCPs enabled with the data perimeter on
 * Workloads.
 */
export function compliantSnapshot(): OrganizationSnapshot {
  // RCPs enabled, with the data perimeter on the workload OU.
  return withRcps(compliantSnapshotWithoutRcps(), ['ou-work']);
}

/** {@link compliantSnapshot} before RCPs were enabled. */
export function compliantSnapshotWithoutRcps(): OrganizationSnapshot {
  const everyTarget = [
    ROOT_ID,
    'ou-work',
    'ou-prod',
    'ou-sec',
    'ou-park',
    MGMT,
    PROD,
    LOGS,
    PARKED,
  ];
  return {
    ...snapshotShell(),
    organizationalUnits: [
      ou('ou-work', 'Workloads', [ROOT_ID]),
      ou('ou-prod', 'Prod', [ROOT_ID, 'ou-work']),
      ou('ou-sec', 'Security', [ROOT_ID], { owner: 'security' }),
      ou('ou-park', 'Parked', [ROOT_ID], { owner: 'platform' }),
    ],
    accounts: [
      account(MGMT, 'management', [ROOT_ID], { owner: 'security' }),
      account(PROD, 'payments-prod', [ROOT_ID, 'ou-work', 'ou-prod'], {
        owner: 'platform',
        environment: 'prod',
      }),
      account(LOGS, 'log-archive', [ROOT_ID, 'ou-sec'], {
        environment: 'prod',
      }),
      account(PARKED, 'parked-tools', [ROOT_ID, 'ou-park'], {
        environment: 'sandbox',
      }),
    ],
    policies: [
      {
        ...policy(
          'p-FullAWSAccess',
          'FullAWSAccess',
          doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
          everyTarget.map(target),
        ),
        awsManaged: true,
      },
      policy(
        'p-iam',
        'DenyIamUsers',
        doc({
          Sid: 'NoIamUsers',
          Effect: 'Deny',
          Action: ['iam:CreateUser', 'iam:CreateAccessKey'],
          Resource: '*',
        }),
        [target('ou-work')],
      ),
      policy(
        'p-trail',
        'ProtectTrail',
        doc({
          Sid: 'NoTrailChanges',
          Effect: 'Deny',
          Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
          Resource: '*',
        }),
        [target(ROOT_ID)],
      ),
      policy(
        'p-regions',
        'Regions',
        doc({
          Sid: 'OnlyApproved',
          Effect: 'Deny',
          NotAction: ['iam:*', 'sts:*'],
          Resource: '*',
          Condition: {
            StringNotLike: { 'aws:RequestedRegion': ['us-*', 'eu-*'] },
          },
        }),
        [target(ROOT_ID)],
      ),
    ],
    identityCenter: {
      status: 'available',
      instanceArn: 'arn:aws:sso:::instance/ssoins-test',
      identityStoreId: 'd-test',
      permissionSets: Object.values(SETS).map(s => structuredClone(s)),
      assignments: [
        grant(MGMT, 'Admin', 'GROUP', 'g-sec'),
        grant(PROD, 'Admin', 'GROUP', 'g-plat'),
        grant(PROD, 'Power', 'GROUP', 'g-plat'),
        grant(PROD, 'ReadOnly', 'USER', 'u-ana'),
        grant(LOGS, 'ReadOnly', 'GROUP', 'g-sec'),
      ],
      groups: [
        { id: 'g-sec', displayName: 'security', externalIds: [] },
        { id: 'g-fin', displayName: 'finance', externalIds: [] },
        { id: 'g-plat', displayName: 'platform', externalIds: [] },
      ],
      users: [
        {
          id: 'u-ana',
          userName: 'ana',
          emails: [{ value: 'ana@example.com' }],
          externalIds: [],
        },
      ],
      memberships: [{ groupId: 'g-plat', userId: 'u-ana' }],
    },
  };
}

/** An assignment of a fixture permission set. */
export function grant(
  accountId: string,
  set: keyof typeof SETS,
  principalType: 'USER' | 'GROUP',
  principalId: string,
) {
  return {
    accountId,
    permissionSetArn: SETS[set].arn,
    principalType,
    principalId,
  };
}

/** The fixture's Identity Center, for edits in tests. */
export function identityCenterOf(snapshot: OrganizationSnapshot) {
  if (snapshot.identityCenter.status !== 'available') {
    throw new Error('Identity Center is not available');
  }
  return snapshot.identityCenter;
}

/** Resolution of a snapshot against a catalog holding the given refs. */
export function resolutionOf(
  snapshot: OrganizationSnapshot,
  refs: string[] = [
    'group:default/security',
    'group:default/finance',
    'group:default/platform',
    'user:default/ana',
  ],
): SnapshotResolution {
  return resolveSnapshot(snapshot, DEFAULT_RESOLUTION_SETTINGS, {
    refs: new Set(refs),
    groupsByExternalId: new Map(),
    usersByEmail: new Map(),
  });
}

/**
 * Runs one rule the way the engine does: parameters over the defaults, an
 * account rule on `accountId`, an organization rule once.
 */
export function runRule(
  rule: AwsComplianceRule<any>,
  snapshot: OrganizationSnapshot,
  options: {
    accountId?: string;
    parameters?: Partial<ComplianceParameters>;
    resolution?: SnapshotResolution;
  } = {},
): ComplianceOutcome | undefined {
  const context = {
    snapshot,
    resolution: options.resolution ?? resolutionOf(snapshot),
    parameters: { ...rule.defaultParameters, ...options.parameters },
    index: createComplianceSnapshotIndex(snapshot),
  };
  if (rule.level === 'organization') return rule.evaluate(context);
  const acct = snapshot.accounts.find(a => a.id === options.accountId);
  if (!acct) throw new Error(`no account ${options.accountId}`);
  return rule.evaluate({ ...context, account: acct });
}
