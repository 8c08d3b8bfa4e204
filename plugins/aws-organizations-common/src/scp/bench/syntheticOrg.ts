/**
 * A deterministic synthetic organization for the SCP benchmark: 5,000
 * accounts, 600 OUs up to depth 5, 250 SCPs with at most 5 per target.
 * Self-contained (no emulator dependency).
 */
import type {
  Account,
  OrganizationSnapshot,
  OrganizationalUnit,
  PolicyTarget,
  ServiceControlPolicy,
} from '../../snapshot';

/** Sizes of the synthetic organization. */
export interface SyntheticOrgSize {
  accounts: number;
  units: number;
  maxDepth: number;
  policies: number;
  maxPoliciesPerTarget: number;
}

/** The "L" size of the brief. */
export const LARGE_ORG: SyntheticOrgSize = {
  accounts: 5000,
  units: 600,
  maxDepth: 5,
  policies: 250,
  maxPoliciesPerTarget: 5,
};

/** mulberry32: a small deterministic PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FULL_ACCESS =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

const SERVICES = [
  'ec2',
  's3',
  'iam',
  'lambda',
  'rds',
  'kms',
  'cloudtrail',
  'config',
  'guardduty',
  'sts',
];
const VERBS = [
  'Create',
  'Delete',
  'Put',
  'Update',
  'Stop',
  'Describe',
  'Get',
  'List',
];

function documentFor(i: number, random: () => number): string {
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)];
  const actions = Array.from(
    { length: 2 + Math.floor(random() * 6) },
    () =>
      `${pick(SERVICES)}:${pick(VERBS)}${pick([
        'User',
        'Bucket',
        'Trail',
        'Instance*',
        'Key',
        'Function',
      ])}`,
  );
  const statements: object[] = [];
  switch (i % 5) {
    case 0:
      statements.push({
        Sid: `Regions${i}`,
        Effect: 'Deny',
        NotAction: [
          'iam:*',
          'organizations:*',
          'route53:*',
          'cloudfront:*',
          'support:*',
          'sts:*',
        ],
        Resource: '*',
        Condition: {
          StringNotEquals: {
            'aws:RequestedRegion': [
              'eu-west-1',
              'eu-central-1',
              pick(['us-east-1', 'us-west-2']),
            ],
          },
          ArnNotLike: {
            'aws:PrincipalArn': [
              'arn:aws:iam::*:role/BreakGlass',
              'arn:aws:iam::*:role/Admin*',
            ],
          },
        },
      });
      break;
    case 1:
      statements.push({
        Sid: `Deny${i}`,
        Effect: 'Deny',
        Action: actions,
        Resource: '*',
      });
      break;
    case 2:
      statements.push({
        Sid: `Tagged${i}`,
        Effect: 'Deny',
        Action: actions,
        Resource: '*',
        Condition: {
          StringNotEqualsIfExists: {
            'aws:PrincipalTag/team': ['platform', 'security'],
          },
          Bool: { 'aws:SecureTransport': 'true' },
        },
      });
      break;
    case 3:
      statements.push({
        Sid: `Protect${i}`,
        Effect: 'Deny',
        Action: [
          'cloudtrail:StopLogging',
          'cloudtrail:DeleteTrail',
          'config:DeleteConfigRule',
          'guardduty:DeleteDetector',
        ],
        Resource: '*',
        Condition: {
          ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/OrgSecurity' },
        },
      });
      break;
    default:
      statements.push({
        Sid: `Tags${i}`,
        Effect: 'Deny',
        Action: ['ec2:RunInstances', 'ec2:CreateVolume'],
        Resource: 'arn:aws:ec2:*:*:instance/*',
        Condition: {
          'ForAnyValue:StringNotLike': {
            'aws:TagKeys': ['team', 'env', 'cost-*'],
          },
        },
      });
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Builds the synthetic organization snapshot. */
export function buildSyntheticOrg(
  size: SyntheticOrgSize = LARGE_ORG,
  seed = 42,
): OrganizationSnapshot {
  const random = prng(seed);
  const rootId = 'r-bench';
  const units: OrganizationalUnit[] = [];
  const depthOf = new Map<string, number>([[rootId, 0]]);
  const pathOf = new Map<string, string[]>([[rootId, []]]);
  for (let i = 0; i < size.units; i++) {
    const parents = [rootId, ...units.map(u => u.id)].filter(
      id => (depthOf.get(id) ?? 0) < size.maxDepth,
    );
    const parentId = parents[Math.floor(random() * parents.length)];
    const id = `ou-bench-${String(i).padStart(8, '0')}`;
    const path = [...pathOf.get(parentId)!, parentId];
    depthOf.set(id, depthOf.get(parentId)! + 1);
    pathOf.set(id, path);
    units.push({
      id,
      arn: `arn:aws:organizations::000000000001:ou/o-bench/${id}`,
      name: `OU ${i}`,
      parentId,
      path,
      tags: {},
    });
  }
  const parents = [rootId, ...units.map(u => u.id)];
  const accounts: Account[] = [];
  for (let i = 0; i < size.accounts; i++) {
    const id = String(100000000000 + i);
    const parentId = parents[Math.floor(random() * parents.length)];
    accounts.push({
      id,
      arn: `arn:aws:organizations::000000000001:account/o-bench/${id}`,
      name: `account-${i}`,
      email: `account-${i}@example.com`,
      state: 'ACTIVE',
      joinedMethod: 'CREATED',
      joinedTimestamp: '2024-01-01T00:00:00Z',
      parentId,
      path: [...pathOf.get(parentId)!, parentId],
      tags: {},
    });
  }
  const targetType = (id: string): PolicyTarget['type'] => {
    if (id === rootId) return 'ROOT';
    return id.startsWith('ou-') ? 'ORGANIZATIONAL_UNIT' : 'ACCOUNT';
  };
  const allTargets = [
    rootId,
    ...units.map(u => u.id),
    ...accounts.map(a => a.id),
  ];
  const perTarget = new Map<string, number>(allTargets.map(t => [t, 1]));
  const policies: ServiceControlPolicy[] = [
    {
      id: 'p-FullAWSAccess',
      arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
      name: 'FullAWSAccess',
      description: 'Allows access to every operation',
      awsManaged: true,
      content: FULL_ACCESS,
      targets: allTargets.map(t => ({
        targetId: t,
        type: targetType(t),
        name: t,
      })),
    },
  ];
  for (let i = 1; i < size.policies; i++) {
    const count = i < 5 ? 1 : 1 + Math.floor(random() * 60);
    const targets: PolicyTarget[] = [];
    // A few policies on the root, the rest mostly on OUs, some on accounts.
    for (let t = 0; t < count; t++) {
      let targetId = rootId;
      if (i >= 5) {
        targetId =
          random() < 0.7
            ? units[Math.floor(random() * units.length)].id
            : accounts[Math.floor(random() * accounts.length)].id;
      }
      if ((perTarget.get(targetId) ?? 0) >= size.maxPoliciesPerTarget) continue;
      if (targets.some(x => x.targetId === targetId)) continue;
      perTarget.set(targetId, (perTarget.get(targetId) ?? 0) + 1);
      targets.push({ targetId, type: targetType(targetId), name: targetId });
    }
    const id = `p-bench${String(i).padStart(4, '0')}`;
    policies.push({
      id,
      arn: `arn:aws:organizations::000000000001:policy/o-bench/service_control_policy/${id}`,
      name: `Guardrail ${i}`,
      description: '',
      awsManaged: false,
      content: documentFor(i, random),
      targets,
    });
  }
  return {
    schemaVersion: 1,
    readAt: '2025-01-01T00:00:00Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-bench',
      arn: 'arn:aws:organizations::000000000001:organization/o-bench',
      featureSet: 'ALL',
      managementAccountId: '000000000001',
      managementAccountArn:
        'arn:aws:organizations::000000000001:account/o-bench/000000000001',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: {
      id: rootId,
      arn: `arn:aws:organizations::000000000001:root/o-bench/${rootId}`,
      name: 'Root',
      tags: {},
    },
    organizationalUnits: units,
    accounts,
    policies,
    identityCenter: { status: 'not-enabled' },
    warnings: [],
    stats: {
      startedAt: '2025-01-01T00:00:00Z',
      durationMs: 0,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}
