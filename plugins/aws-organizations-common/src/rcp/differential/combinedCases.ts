/**
 * Differential fixtures for the combined evaluation (SCPs of the
 * principal's account, RCPs of the resource's): one case per documented
 * rule, each with the AWS page it follows. Every level has the AWS managed
 * FullAWSAccess / RCPFullAWSAccess; `scp` and `rcp` list the extra
 * documents per level (root, OU, account). Requests declare every key they
 * do not give absent (plain AWS semantics).
 */
import type { ScpDecisionKind } from '../../scp/types';
import type {
  OrganizationPolicyRequest,
  PolicyLayer,
  RequestPrincipal,
} from '../types';
import { MANAGEMENT, MEMBER, ORG, OUTSIDER, Where } from './sides';

export interface CombinedCase {
  rule: string;
  doc: string;
  principal: RequestPrincipal;
  /** Where the principal's account is (ignored for service principals). */
  principalWhere: Where;
  resourceWhere: Where;
  scp?: object[][];
  rcp?: object[][];
  rcpsEnabled?: boolean;
  request: Omit<OrganizationPolicyRequest, 'principal'>;
  expected: ScpDecisionKind;
  decidedBy: PolicyLayer[];
}

const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';
const RCPS = `${ORGS}/orgs_manage_policies_rcps.html`;
const SCPS = `${ORGS}/orgs_manage_policies_scps.html`;
const EVAL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html';
const KMS_RCP =
  'https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html';

const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const rcpDeny = (s: object) =>
  doc({ Effect: 'Deny', Principal: '*', Resource: '*', ...s });

/** The identity perimeter of AWS's RCP examples. */
const PERIMETER = rcpDeny({
  Sid: 'EnforceOrgIdentities',
  Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'],
  Condition: {
    StringNotEqualsIfExists: { 'aws:PrincipalOrgID': ORG },
    BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
  },
});
const TLS = rcpDeny({
  Sid: 'EnforceSecureTransport',
  Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*'],
  Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
});
const SCP_DENY_S3_DELETE = doc({
  Effect: 'Deny',
  Action: 's3:DeleteBucket',
  Resource: '*',
});

const member = (accountId = MEMBER): RequestPrincipal => ({
  type: 'iam',
  accountId,
});
const getObject = {
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::prod-data/report.csv',
  context: { 'aws:SecureTransport': true },
};

export const COMBINED_CASES: CombinedCase[] = [
  {
    rule: 'an RCP applies to a member account resource even when the caller is outside the organization',
    doc: `${RCPS}#rcp-effects-on-permissions`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[], [PERIMETER], []],
    request: getObject,
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: "an RCP does not apply to resources of accounts outside the organization, even for the organization's principals",
    doc: `${RCPS}#rcp-effects-on-permissions`,
    principal: member(),
    principalWhere: 'member',
    resourceWhere: 'outside',
    request: { ...getObject, context: { 'aws:SecureTransport': false } },
    expected: 'allowed',
    decidedBy: ['scp'],
  },
  {
    rule: 'RCPs do not affect resources in the management account',
    doc: `${RCPS}#actions-not-restricted-by-rcps`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'management',
    rcp: [[PERIMETER, TLS], [], []],
    request: getObject,
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'a Deny at any level of the resource account path denies (every parent must permit)',
    doc: `${ORGS}/orgs_manage_policies_rcps_evaluation.html`,
    principal: member(),
    principalWhere: 'member',
    resourceWhere: 'member',
    rcp: [[TLS], [], []],
    request: { ...getObject, context: { 'aws:SecureTransport': false } },
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: 'RCPs apply only to the services AWS lists: EC2 is not one of them',
    doc: `${RCPS}#rcp-supported-services`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[rcpDeny({ Action: '*' })], [], []],
    request: {
      action: 'ec2:TerminateInstances',
      resource: `arn:aws:ec2:eu-west-1:${MEMBER}:instance/i-1`,
    },
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'RCPs do not apply to calls made by service-linked roles',
    doc: `${RCPS}#actions-not-restricted-by-rcps`,
    principal: { type: 'iam', accountId: MEMBER, serviceLinkedRole: true },
    principalWhere: 'member',
    resourceWhere: 'member',
    rcp: [[TLS], [], []],
    request: { ...getObject, context: { 'aws:SecureTransport': false } },
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'SCPs do not affect service-linked roles',
    doc: `${SCPS}#not-restricted-by-scp`,
    principal: { type: 'iam', accountId: MEMBER, serviceLinkedRole: true },
    principalWhere: 'member',
    resourceWhere: 'member',
    scp: [[SCP_DENY_S3_DELETE], [], []],
    request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::prod-data' },
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'SCPs do not affect principals of the management account; RCPs of a member resource still do',
    doc: `${SCPS}#not-restricted-by-scp`,
    principal: member(MANAGEMENT),
    principalWhere: 'management',
    resourceWhere: 'member',
    scp: [[SCP_DENY_S3_DELETE], [], []],
    rcp: [[TLS], [], []],
    request: {
      action: 's3:DeleteBucket',
      resource: 'arn:aws:s3:::prod-data',
      context: { 'aws:SecureTransport': false },
    },
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: 'the effective permissions are the intersection: an SCP Deny of the principal denies whatever the RCPs allow',
    doc: EVAL,
    principal: member(),
    principalWhere: 'member',
    resourceWhere: 'member',
    scp: [[], [SCP_DENY_S3_DELETE], []],
    rcp: [[PERIMETER], [], []],
    request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::prod-data' },
    expected: 'denied',
    decidedBy: ['scp'],
  },
  {
    rule: 'an AWS service principal is not restricted by SCPs; the perimeter exempts it through aws:PrincipalIsAWSService',
    doc: `${ORGS}/orgs_manage_policies_rcps_examples.html`,
    principal: {
      type: 'service',
      servicePrincipal: 'cloudtrail.amazonaws.com',
    },
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[PERIMETER], [], []],
    request: { ...getObject, action: 's3:PutObject' },
    expected: 'allowed',
    decidedBy: ['rcp'],
  },
  {
    rule: 'RCPs do not apply to AWS managed KMS keys',
    doc: `${RCPS}#actions-not-restricted-by-rcps`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[PERIMETER], [], []],
    request: {
      action: 'kms:Decrypt',
      resource: `arn:aws:kms:eu-west-1:${MEMBER}:key/k-1`,
      kmsKeyManager: 'AWS',
    },
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'an RCP limits customer managed KMS keys',
    doc: KMS_RCP,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[PERIMETER], [], []],
    request: {
      action: 'kms:Decrypt',
      resource: `arn:aws:kms:eu-west-1:${MEMBER}:key/k-1`,
      kmsKeyManager: 'CUSTOMER',
    },
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: 'an RCP denial of a KMS key of unknown manager is not certain',
    doc: `${RCPS}#actions-not-restricted-by-rcps`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[PERIMETER], [], []],
    request: {
      action: 'kms:Decrypt',
      resource: `arn:aws:kms:eu-west-1:${MEMBER}:key/k-1`,
    },
    expected: 'indeterminate',
    decidedBy: [],
  },
  {
    rule: 'RCPs do not impact kms:RetireGrant, even when Action is "*"',
    doc: `${RCPS}#actions-not-restricted-by-rcps`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[rcpDeny({ Action: '*' })], [], []],
    request: {
      action: 'kms:RetireGrant',
      resource: `arn:aws:kms:eu-west-1:${MEMBER}:key/k-1`,
      kmsKeyManager: 'CUSTOMER',
    },
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'RCPs apply to the root user of a member account too',
    doc: `${RCPS}#rcp-effects-on-permissions`,
    principal: member(),
    principalWhere: 'member',
    resourceWhere: 'member',
    rcp: [[TLS], [], []],
    request: {
      ...getObject,
      context: {
        'aws:SecureTransport': false,
        'aws:PrincipalArn': `arn:aws:iam::${MEMBER}:root`,
      },
    },
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: 'RCPs apply to member accounts that are delegated administrators (only the management account is exempt)',
    doc: RCPS,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[], [], [PERIMETER]],
    request: {
      action: 'sqs:SendMessage',
      resource: `arn:aws:sqs:eu-west-1:${MEMBER}:queue`,
    },
    expected: 'denied',
    decidedBy: ['rcp'],
  },
  {
    rule: 'RCPs do nothing when the organization has not enabled the type',
    doc: `${ORGS}/enable-policy-type.html`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    rcp: [[PERIMETER], [], []],
    rcpsEnabled: false,
    request: getObject,
    expected: 'allowed',
    decidedBy: [],
  },
  {
    rule: 'which RCPs apply to an action without resource type is not documented',
    doc: `${RCPS}#rcp-effects-on-permissions`,
    principal: member(OUTSIDER),
    principalWhere: 'outside',
    resourceWhere: 'member',
    request: { action: 's3:ListAllMyBuckets' },
    expected: 'indeterminate',
    decidedBy: [],
  },
];
