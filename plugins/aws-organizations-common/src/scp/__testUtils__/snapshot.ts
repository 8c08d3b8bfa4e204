import type {
  Account,
  OrganizationSnapshot,
  ServiceControlPolicy,
} from '../../snapshot';

const FULL =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

function account(id: string, name: string, path: string[]): Account {
  return {
    id,
    arn: `arn:aws:organizations::999999999999:account/o-test/${id}`,
    name,
    email: `${name}@example.com`,
    state: 'ACTIVE',
    joinedMethod: 'CREATED',
    joinedTimestamp: '2024-01-01T00:00:00Z',
    parentId: path[path.length - 1],
    path,
    tags: {},
  };
}

function scp(
  id: string,
  name: string,
  content: string,
  targets: [string, 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT'][],
): ServiceControlPolicy {
  return {
    id,
    arn: `arn:aws:organizations::999999999999:policy/o-test/service_control_policy/${id}`,
    name,
    description: '',
    awsManaged: id === 'p-FullAWSAccess',
    content,
    targets: targets.map(([targetId, type]) => ({
      targetId,
      type,
      name: targetId,
    })),
  };
}

/**
 * root r-test > ou-a "Workloads" > ou-b "Prod" > 111111111111 "app-prod";
 * the management account 999999999999 sits under the root.
 */
export function testSnapshot(): OrganizationSnapshot {
  return {
    schemaVersion: 1,
    readAt: '2025-01-01T00:00:00Z',
    complete: true,
    incompleteReasons: [],
    organization: {
      id: 'o-test',
      arn: 'arn:aws:organizations::999999999999:organization/o-test',
      featureSet: 'ALL',
      managementAccountId: '999999999999',
      managementAccountArn:
        'arn:aws:organizations::999999999999:account/o-test/999999999999',
      enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
    },
    root: {
      id: 'r-test',
      arn: 'arn:aws:organizations::999999999999:root/o-test/r-test',
      name: 'Root',
      tags: {},
    },
    organizationalUnits: [
      {
        id: 'ou-a',
        arn: 'arn:ou-a',
        name: 'Workloads',
        parentId: 'r-test',
        path: ['r-test'],
        tags: {},
      },
      {
        id: 'ou-b',
        arn: 'arn:ou-b',
        name: 'Prod',
        parentId: 'ou-a',
        path: ['r-test', 'ou-a'],
        tags: {},
      },
    ],
    accounts: [
      account('111111111111', 'app-prod', ['r-test', 'ou-a', 'ou-b']),
      account('999999999999', 'management', ['r-test']),
    ],
    policies: [
      scp('p-FullAWSAccess', 'FullAWSAccess', FULL, [
        ['r-test', 'ROOT'],
        ['ou-a', 'ORGANIZATIONAL_UNIT'],
        ['ou-b', 'ORGANIZATIONAL_UNIT'],
        ['111111111111', 'ACCOUNT'],
        ['999999999999', 'ACCOUNT'],
      ]),
      scp(
        'p-noleave',
        'DenyLeave',
        '{"Version":"2012-10-17","Statement":{"Sid":"NoLeave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}}',
        [['r-test', 'ROOT']],
      ),
      scp(
        'p-prodpath',
        'ProdPathOnly',
        '{"Version":"2012-10-17","Statement":{"Sid":"NotProd","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-test/r-test/ou-a/ou-b/*"}}}}',
        [['ou-b', 'ORGANIZATIONAL_UNIT']],
      ),
    ],
    identityCenter: { status: 'not-enabled' },
    warnings: [],
    stats: {
      startedAt: '2025-01-01T00:00:00Z',
      durationMs: 1,
      calls: {},
      retries: 0,
      throttles: 0,
    },
  };
}
