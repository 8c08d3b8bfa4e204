/**
 * What the demo and the generated data sets share for IAM: the AWS managed
 * policies (documents abridged to their shape: the actions that matter
 * for reach and compliance), the Identity Center roles
 * (`AWSReservedSSO_*`) of each permission set provisioned to an account,
 * and the roles every member account has.
 */
import { addAwsManagedIamPolicy, iamId, makeIamRole } from '../state/iam';
import type { IamRoleRecord } from '../state/iamTypes';
import type { EmulatorState, PermissionSetRecord } from '../state/types';

const AWS = 'arn:aws:iam::aws:policy/';
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
) => ({
  Effect: 'Allow',
  Action,
  Resource,
});

/** The reader role of the emulator's data sets and its external id. @public */
export const IAM_READER_ROLE = {
  name: 'BackstageIamReader',
  externalId: 'acme-backstage-iam-reader',
} as const;

/** The Config aggregator of the data sets. @public */
export const CONFIG_AGGREGATOR_NAME = 'acme-organization';

/** AWS managed policies of the data sets: name (with path) and versions. */
const AWS_MANAGED: [string, object[]][] = [
  ['AdministratorAccess', [doc(allow('*'))]],
  [
    'PowerUserAccess',
    [
      doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }),
      doc(
        {
          Effect: 'Allow',
          NotAction: ['iam:*', 'organizations:*', 'account:*'],
          Resource: '*',
        },
        allow([
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeOrganization',
          'account:ListRegions',
          'account:GetAccountInformation',
        ]),
      ),
    ],
  ],
  [
    'ReadOnlyAccess',
    [doc(allow(['*:Describe*', '*:Get*', '*:List*', 's3:Head*']))],
  ],
  [
    'job-function/ViewOnlyAccess',
    [doc(allow(['*:Describe*', '*:List*', 'cloudwatch:Get*']))],
  ],
  [
    'SecurityAudit',
    [doc(allow(['*:Describe*', '*:List*', 'iam:Get*', 'config:Get*']))],
  ],
  [
    'job-function/Billing',
    [doc(allow(['aws-portal:*Billing', 'budgets:*', 'ce:*', 'cur:*']))],
  ],
  ['AmazonS3FullAccess', [doc(allow(['s3:*', 's3-object-lambda:*']))]],
  ['AmazonS3ReadOnlyAccess', [doc(allow(['s3:Get*', 's3:List*']))]],
  ['AmazonEC2FullAccess', [doc(allow(['ec2:*', 'elasticloadbalancing:*']))]],
  ['AmazonAthenaFullAccess', [doc(allow(['athena:*', 'glue:Get*']))]],
  ['AWSGlueConsoleFullAccess', [doc(allow(['glue:*', 's3:Get*']))]],
  [
    'IAMReadOnlyAccess',
    [doc(allow(['iam:GenerateCredentialReport', 'iam:Get*', 'iam:List*']))],
  ],
  [
    'service-role/AWSLambdaBasicExecutionRole',
    [
      doc(
        allow([
          'logs:CreateLogGroup',
          'logs:CreateLogStream',
          'logs:PutLogEvents',
        ]),
      ),
    ],
  ],
  [
    'service-role/AWSConfigRole',
    [doc(allow(['config:Put*', 'iam:Get*', 'iam:List*', '*:Describe*']))],
  ],
];

/** Adds the AWS managed policies the data sets attach. */
export function seedAwsManagedIamPolicies(state: EmulatorState): void {
  for (const [name, versions] of AWS_MANAGED) {
    const slash = name.lastIndexOf('/');
    addAwsManagedIamPolicy(state, {
      name: name.slice(slash + 1),
      path: slash < 0 ? '/' : `/${name.slice(0, slash)}/`,
      documents: versions,
    });
  }
}

/** `arn:aws:iam::aws:policy/<name>`. */
export const awsPolicy = (name: string) => ({
  name: name.slice(name.lastIndexOf('/') + 1),
  arn: `${AWS}${name}`,
});

function boundaryArn(
  accountId: string,
  boundary: PermissionSetRecord['permissionsBoundary'],
): string | undefined {
  if (!boundary) return undefined;
  if ('managedPolicyArn' in boundary) return boundary.managedPolicyArn;
  const { path, name } = boundary.customerManagedPolicyReference;
  return `arn:aws:iam::${accountId}:policy${path}${name}`;
}

/**
 * The role Identity Center provisions in an account for a permission set:
 * `AWSReservedSSO_<set>_<16 hex>` under `/aws-reserved/sso.amazonaws.com/`,
 * trusting the account's Identity Center SAML provider, with the set's
 * managed, customer managed and inline policies and boundary. `lastUsed` is
 * when someone last signed in with the set (IAM's `RoleLastUsed` of the
 * role); without it the role has no use on record.
 */
export function ssoRole(
  accountId: string,
  set: PermissionSetRecord,
  createDate?: Date,
  lastUsed?: Parameters<typeof makeIamRole>[1]['lastUsed'],
): IamRoleRecord {
  const suffix = iamId('', `${accountId}|${set.arn}`, 16)
    .toLowerCase()
    .replace(/[^0-9a-f]/g, c => (c.charCodeAt(0) % 16).toString(16));
  const provider = `arn:aws:iam::${accountId}:saml-provider/AWSSSO_${iamId(
    '',
    accountId,
    16,
  )
    .toLowerCase()
    .replace(/[^0-9a-f]/g, c =>
      (c.charCodeAt(0) % 16).toString(16),
    )}_DO_NOT_DELETE`;
  const boundary = set.permissionsBoundary;
  return makeIamRole(accountId, {
    name: `AWSReservedSSO_${set.name}_${suffix}`,
    path: '/aws-reserved/sso.amazonaws.com/',
    createDate,
    ...(lastUsed ? { lastUsed } : {}),
    trustPolicy: doc({
      Effect: 'Allow',
      Principal: { Federated: provider },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: {
        StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' },
      },
    }),
    attachedPolicies: [
      ...set.managedPolicyArns.map(arn => ({
        name: arn.slice(arn.lastIndexOf('/') + 1),
        arn,
      })),
      ...set.customerManagedPolicies.map(p => ({
        name: p.name,
        arn: `arn:aws:iam::${accountId}:policy${p.path}${p.name}`,
      })),
    ],
    inlinePolicies: set.inlinePolicy
      ? [{ name: 'AwsSSOInlinePolicy', document: set.inlinePolicy }]
      : [],
    permissionsBoundary: boundaryArn(accountId, boundary),
  });
}

/** The permission sets provisioned to each account. */
export function provisionedSets(
  state: EmulatorState,
): Map<string, PermissionSetRecord[]> {
  const byAccount = new Map<string, PermissionSetRecord[]>();
  for (const set of state.identityCenter?.permissionSets.values() ?? []) {
    for (const accountId of set.provisionedTo) {
      const list = byAccount.get(accountId) ?? [];
      list.push(set);
      byAccount.set(accountId, list);
    }
  }
  return byAccount;
}

/**
 * The roles every account of the data sets has: the reader role (trusting
 * the management account, with an external id) and, in member accounts,
 * OrganizationAccountAccessRole (trusting the management account, as AWS
 * Organizations creates it).
 */
export function baselineRoles(
  accountId: string,
  managementAccountId: string,
  createDate?: Date,
): IamRoleRecord[] {
  const managementRoot = `arn:aws:iam::${managementAccountId}:root`;
  const roles = [
    makeIamRole(accountId, {
      name: IAM_READER_ROLE.name,
      createDate,
      description: 'Read-only role of the Backstage AWS Organizations reader',
      trustPolicy: doc({
        Effect: 'Allow',
        Principal: { AWS: managementRoot },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': IAM_READER_ROLE.externalId },
        },
      }),
      attachedPolicies: [awsPolicy('IAMReadOnlyAccess')],
      tags: { 'managed-by': 'stackset' },
      // Used by every sync: a day before today, whatever today is.
      lastUsed: {
        date: new Date(Math.floor(Date.now() / 86_400_000 - 1) * 86_400_000),
        region: 'us-east-1',
      },
    }),
  ];
  if (accountId !== managementAccountId) {
    roles.push(
      makeIamRole(accountId, {
        name: 'OrganizationAccountAccessRole',
        createDate,
        trustPolicy: doc({
          Effect: 'Allow',
          Principal: { AWS: managementRoot },
          Action: 'sts:AssumeRole',
        }),
        attachedPolicies: [awsPolicy('AdministratorAccess')],
      }),
    );
  }
  return roles;
}
