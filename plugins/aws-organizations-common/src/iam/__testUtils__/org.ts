/**
 * A small organization for the roles tests: root r-test > ou-shared
 * (222222222222 "shared-services"), ou-prod (111111111111 "app-prod"),
 * ou-dev (333333333333 "app-dev"); the management account 999999999999
 * under the root. SCPs: FullAWSAccess everywhere plus `scps` at the root
 * (or `scpTarget`); RCPs: RCPFullAWSAccess everywhere plus `rcps` at the
 * root (or `rcpTarget`).
 */
import type {
  Account,
  OrganizationSnapshot,
  PolicyTargetType,
  ServiceControlPolicy,
} from '../../snapshot';
import type { IamRole } from '../types';

export const PROD = '111111111111';
export const SHARED = '222222222222';
export const DEV = '333333333333';
export const MGMT = '999999999999';
export const EXTERNAL = '444455556666';

const UNITS = [
  ['ou-shared', 'Shared'],
  ['ou-prod', 'Prod'],
  ['ou-dev', 'Dev'],
] as const;

function account(id: string, name: string, ou?: string): Account {
  return {
    id,
    arn: `arn:aws:organizations::${MGMT}:account/o-test/${id}`,
    name,
    email: `${name}@example.com`,
    state: 'ACTIVE',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2024-01-01T00:00:00Z',
    parentId: ou ?? 'r-test',
    path: ou ? ['r-test', ou] : ['r-test'],
    tags: {},
  };
}

export const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

const FULL = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const ALL_TARGETS = [
  'r-test',
  ...UNITS.map(u => u[0]),
  PROD,
  SHARED,
  DEV,
  MGMT,
];

function targetType(t: string): PolicyTargetType {
  if (t === 'r-test') return 'ROOT';
  return t.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
}

function policy(
  id: string,
  name: string,
  content: string,
  targets: string[],
  kind: 'service_control_policy' | 'resource_control_policy',
): ServiceControlPolicy {
  return {
    id,
    arn: `arn:aws:organizations::${MGMT}:policy/o-test/${kind}/${id}`,
    name,
    description: '',
    awsManaged: id.endsWith('FullAWSAccess'),
    content,
    targets: targets.map(t => ({ targetId: t, type: targetType(t), name: t })),
  };
}

export function testOrg(
  extra: {
    scps?: string[];
    rcps?: string[];
    /** Where `scps` / `rcps` are attached (default the root). */
    scpTarget?: string;
    rcpTarget?: string;
  } = {},
): OrganizationSnapshot {
  return {
    schemaVersion: 1,
    readAt: '2026-01-01T00:00:00Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-test',
      arn: `arn:aws:organizations::${MGMT}:organization/o-test`,
      featureSet: 'ALL',
      managementAccountId: MGMT,
      managementAccountArn: `arn:aws:organizations::${MGMT}:account/o-test/${MGMT}`,
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    },
    root: { id: 'r-test', arn: 'arn:root', name: 'Root', tags: {} },
    organizationalUnits: UNITS.map(([id, name]) => ({
      id,
      arn: `arn:${id}`,
      name,
      parentId: 'r-test',
      path: ['r-test'],
      tags: {},
    })),
    accounts: [
      account(SHARED, 'shared-services', 'ou-shared'),
      account(PROD, 'app-prod', 'ou-prod'),
      account(DEV, 'app-dev', 'ou-dev'),
      account(MGMT, 'management'),
    ],
    policies: [
      policy(
        'p-FullAWSAccess',
        'FullAWSAccess',
        FULL,
        ALL_TARGETS,
        'service_control_policy',
      ),
      ...(extra.scps ?? []).map((c, i) =>
        policy(
          `p-scp${i}`,
          `scp ${i}`,
          c,
          [extra.scpTarget ?? 'r-test'],
          'service_control_policy',
        ),
      ),
    ],
    resourceControlPolicies: [
      policy(
        'p-RCPFullAWSAccess',
        'RCPFullAWSAccess',
        doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
        ALL_TARGETS,
        'resource_control_policy',
      ),
      ...(extra.rcps ?? []).map((c, i) =>
        policy(
          `p-rcp${i}`,
          `rcp ${i}`,
          c,
          [extra.rcpTarget ?? 'r-test'],
          'resource_control_policy',
        ),
      ),
    ],
    identityCenter: { status: 'not-enabled' },
    warnings: [],
    stats: {
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 1,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}

/** A role with a trust policy and inline policies. */
export function role(
  accountId: string,
  name: string,
  trust: string,
  inline: string[] = [],
  extra: Partial<IamRole> = {},
): IamRole {
  const path = extra.path ?? '/';
  return {
    arn: `arn:aws:iam::${accountId}:role${path}${name}`,
    name,
    path,
    trustPolicy: trust,
    attachedPolicies: [],
    inlinePolicies: inline.map((d, i) => ({
      name: `inline-${i}`,
      document: d,
    })),
    permissionsBoundary: null,
    lastUsed: {},
    ...extra,
  };
}
