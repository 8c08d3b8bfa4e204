import type {
  OrganizationSnapshot,
  PolicyTarget,
  ResourceControlPolicy,
} from '@aws-governance/plugin-aws-organizations-common';
import { ROOT_ID } from './snapshots';

const doc = (...Statement: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement });

/** The data perimeter of AWS's RCP examples, for o-test. */
export const PERIMETER_RCP = doc(
  {
    Sid: 'EnforceOrgIdentities',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'],
    Resource: '*',
    Condition: {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-test' },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    },
  },
  {
    Sid: 'EnforceSecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  },
);

function rcp(
  id: string,
  name: string,
  content: string,
  targets: PolicyTarget[],
): ResourceControlPolicy {
  return {
    id,
    arn: `arn:aws:organizations::111111111111:policy/o-test/resource_control_policy/${id}`,
    name,
    description: `${name} policy`,
    awsManaged: id === 'p-RCPFullAWSAccess',
    content,
    targets,
  };
}

/**
 * A snapshot with RCPs enabled: RCPFullAWSAccess everywhere and the data
 * perimeter on the given OUs (default: Prod); a backup policy on the root
 * and a tag policy on Dev.
 */
export function withRcps(
  snapshot: OrganizationSnapshot,
  perimeterOn: string[] = ['ou-prod'],
): OrganizationSnapshot {
  const everywhere: PolicyTarget[] = [
    { targetId: ROOT_ID, type: 'ROOT', name: 'Root' },
    ...snapshot.organizationalUnits.map(u => ({
      targetId: u.id,
      type: 'ORGANIZATIONAL_UNIT' as const,
      name: u.name,
    })),
    ...snapshot.accounts.map(a => ({
      targetId: a.id,
      type: 'ACCOUNT' as const,
      name: a.name,
    })),
  ];
  const units = new Map(snapshot.organizationalUnits.map(u => [u.id, u.name]));
  return {
    ...snapshot,
    organization: {
      ...snapshot.organization,
      enabledPolicyTypes: [
        ...snapshot.organization.enabledPolicyTypes,
        'RESOURCE_CONTROL_POLICY',
        'BACKUP_POLICY',
        'TAG_POLICY',
      ],
    },
    rootPolicyTypes: [
      { type: 'SERVICE_CONTROL_POLICY', status: 'ENABLED' },
      { type: 'RESOURCE_CONTROL_POLICY', status: 'ENABLED' },
      { type: 'BACKUP_POLICY', status: 'ENABLED' },
      { type: 'TAG_POLICY', status: 'ENABLED' },
    ],
    resourceControlPolicies: [
      rcp(
        'p-RCPFullAWSAccess',
        'RCPFullAWSAccess',
        doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }),
        everywhere,
      ),
      rcp(
        'p-perimeter',
        'DataPerimeter',
        PERIMETER_RCP,
        perimeterOn.map(id => ({
          targetId: id,
          type: 'ORGANIZATIONAL_UNIT' as const,
          name: units.get(id) ?? id,
        })),
      ),
    ],
    otherPolicyTypes: [
      {
        type: 'BACKUP_POLICY',
        policies: [
          {
            id: 'p-backup',
            arn: 'arn:aws:organizations::111111111111:policy/o-test/backup_policy/p-backup',
            name: 'DailyBackups',
            description: 'Daily backups',
            type: 'BACKUP_POLICY',
            awsManaged: false,
            content: '{"plans":{}}',
            targets: [{ targetId: ROOT_ID, type: 'ROOT', name: 'Root' }],
          },
        ],
      },
      {
        type: 'TAG_POLICY',
        policies: { unknown: true, reason: 'AccessDeniedException' },
      },
    ],
  };
}
