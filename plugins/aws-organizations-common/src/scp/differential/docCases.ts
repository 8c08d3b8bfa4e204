/**
 * Differential fixtures: one case per documented rule, each with the AWS
 * page it follows. `levels` lists the extra policy documents per level
 * (root, OU, account); every level also has FullAWSAccess unless
 * `replaceFullAccess` lists the levels where it is replaced. Requests
 * declare every key they do not give absent (plain AWS semantics) unless
 * they set `absentKeys` themselves.
 */
import type { ScpDecisionKind, ScpRequest } from '../types';

export interface DocCase {
  rule: string;
  doc: string;
  levels: object[][];
  replaceFullAccess?: number[];
  request: ScpRequest;
  expected: ScpDecisionKind;
}

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';
const SAR =
  'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';

const doc = (...statements: object[]) => ({
  Version: '2012-10-17',
  Statement: statements,
});
const deny = (s: object) => doc({ Effect: 'Deny', ...s });

export const DOC_CASES: DocCase[] = [
  {
    rule: 'a Deny at any level denies',
    doc: `${ORGS}/orgs_manage_policies_scps_evaluation.html`,
    levels: [[], [deny({ Action: 'iam:CreateUser', Resource: '*' })], []],
    request: {
      action: 'iam:CreateUser',
      resource: 'arn:aws:iam::111111111111:user/x',
    },
    expected: 'denied',
  },
  {
    rule: 'every level needs an Allow: a level whose allow-list omits the action denies',
    doc: `${ORGS}/orgs_manage_policies_scps_evaluation.html`,
    levels: [[], [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })], []],
    replaceFullAccess: [1],
    request: { action: 'ec2:RunInstances' },
    expected: 'denied',
  },
  {
    rule: 'NotAction exempts the listed actions (region restriction example)',
    doc: `${ORGS}/orgs_manage_policies_scps_examples_general.html`,
    levels: [
      [
        deny({
          NotAction: ['iam:*', 'sts:*'],
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] },
          },
        }),
      ],
      [],
      [],
    ],
    request: { action: 'iam:ListRoles', region: 'us-east-1' },
    expected: 'allowed',
  },
  {
    rule: 'a key absent from the request does not match; a negated operator matches',
    doc: `${IAM}/reference_policies_elements_condition_operators.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } },
        }),
      ],
      [],
      [],
    ],
    request: { action: 'ec2:RunInstances' },
    expected: 'denied',
  },
  {
    rule: '...IfExists is true when the key is absent',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_IfExists`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: {
            StringNotEqualsIfExists: { 'aws:PrincipalTag/team': 'ops' },
          },
        }),
      ],
      [],
      [],
    ],
    request: { action: 'ec2:RunInstances' },
    expected: 'denied',
  },
  {
    rule: 'Null true matches an absent key',
    doc: `${IAM}/reference_policies_elements_condition_operators.html#Conditions_Null`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: { Null: { 'aws:PrincipalTag/team': 'true' } },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'ec2:RunInstances',
      context: { 'aws:PrincipalTag/team': 'ops' },
    },
    expected: 'allowed',
  },
  {
    rule: 'ForAllValues is true when the multivalued key is absent',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: { 'ForAllValues:StringLike': { 'aws:TagKeys': 'key1*' } },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::111111111111:role/r',
    },
    expected: 'denied',
  },
  {
    rule: 'ForAnyValue is false when the multivalued key is absent',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: {
            'ForAnyValue:StringEquals': { 'aws:TagKeys': 'secret' },
          },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::111111111111:role/r',
    },
    expected: 'allowed',
  },
  {
    rule: 'ForAnyValue matches when one request value matches',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'team' } },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::111111111111:role/r',
      context: { 'aws:TagKeys': ['team', 'env'] },
    },
    expected: 'denied',
  },
  {
    rule: 'a multivalued key requires a set operator: without one AWS does not document the result',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: { StringLike: { 'aws:TagKeys': 'team' } },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'iam:TagRole',
      resource: 'arn:aws:iam::111111111111:role/r',
      context: { 'aws:TagKeys': ['team'] },
    },
    expected: 'indeterminate',
  },
  {
    rule: 'a variable with no value: a positive operator does not match (both readings agree)',
    doc: `${IAM}/reference_policies_variables.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: {
            StringEquals: {
              'aws:ResourceTag/team': '${aws:PrincipalTag/team}',
            },
          },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      context: { 'aws:ResourceTag/team': 'blue' },
    },
    expected: 'allowed',
  },
  {
    rule: 'a variable with no value under a negated operator: the statement may be invalid, or match: indeterminate',
    doc: `${IAM}/reference_policies_variables.html`,
    levels: [
      [
        deny({
          Action: '*',
          Resource: '*',
          Condition: {
            StringNotEquals: {
              'aws:ResourceTag/team': '${aws:PrincipalTag/team}',
            },
          },
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::b/k',
      context: { 'aws:ResourceTag/team': 'blue' },
    },
    expected: 'indeterminate',
  },
  {
    rule: 'NotResource with a variable that has no value never fails open (issue #15 case)',
    doc: `${IAM}/reference_policies_variables.html`,
    levels: [
      [
        doc({
          Effect: 'Allow',
          Action: '*',
          NotResource: 'arn:aws:s3:::${aws:PrincipalTag/team}-*',
        }),
      ],
      [],
      [],
    ],
    replaceFullAccess: [0],
    request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::prod-data' },
    expected: 'indeterminate',
  },
  {
    rule: 'a default value replaces a variable with no value',
    doc: `${IAM}/reference_policies_variables.html#policy-vars-default-values`,
    levels: [
      [
        deny({
          Action: '*',
          NotResource: "arn:aws:s3:::${aws:PrincipalTag/team, 'shared'}-*",
        }),
      ],
      [],
      [],
    ],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::shared-data/k' },
    expected: 'allowed',
  },
  {
    rule: 'a multivalued key cannot be a policy variable',
    doc: `${IAM}/reference_policies_condition-single-vs-multi-valued-context-keys.html`,
    levels: [
      [deny({ Action: '*', NotResource: 'arn:aws:s3:::${aws:TagKeys}/*' })],
      [],
      [],
    ],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::team/k',
      context: { 'aws:TagKeys': ['team'] },
    },
    expected: 'indeterminate',
  },
  {
    rule: 'no variable before the fifth colon: it stays literal text and matches no real ARN',
    doc: `${IAM}/reference_policies_variables.html#policy-vars-resourceelement`,
    levels: [
      [
        deny({
          Action: 'iam:*',
          NotResource: 'arn:aws:iam::${aws:PrincipalAccount}:user/*',
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 'iam:DeleteUser',
      resource: 'arn:aws:iam::111111111111:user/alice',
      context: { 'aws:PrincipalAccount': '111111111111' },
    },
    expected: 'denied',
  },
  {
    rule: 'a variable after the fifth colon is substituted',
    doc: `${IAM}/reference_policies_variables.html#policy-vars-resourceelement`,
    levels: [
      [
        deny({
          Action: 's3:*',
          NotResource: 'arn:aws:s3:::${aws:PrincipalTag/team}-*',
        }),
      ],
      [],
      [],
    ],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::blue-data/k',
      context: { 'aws:PrincipalTag/team': 'blue' },
    },
    expected: 'allowed',
  },
  {
    rule: 'an action without resource type is authorized against *: Resource * covers it',
    doc: SAR,
    levels: [[deny({ Action: 'iam:List*', Resource: '*' })], [], []],
    request: { action: 'iam:ListRoles' },
    expected: 'denied',
  },
  {
    rule: 'an action without resource type: an exact ARN does not cover it',
    doc: SAR,
    levels: [
      [
        deny({
          Action: 'iam:*',
          Resource: 'arn:aws:iam::111111111111:role/Admin',
        }),
      ],
      [],
      [],
    ],
    request: { action: 'iam:ListRoles' },
    expected: 'allowed',
  },
  {
    rule: 'an action without resource type: a wildcard ARN of its service is not documented',
    doc: SAR,
    levels: [[deny({ Action: 's3:*', Resource: 'arn:aws:s3:::*' })], [], []],
    request: { action: 's3:ListAllMyBuckets' },
    expected: 'indeterminate',
  },
  {
    rule: 'an action with resource types and no resource given depends on the resource',
    doc: SAR,
    levels: [
      [deny({ Action: 's3:*', Resource: 'arn:aws:s3:::secret/*' })],
      [],
      [],
    ],
    request: { action: 's3:GetObject' },
    expected: 'indeterminate',
  },
  {
    rule: 'a trailing * of an ARN segment may cross colons',
    doc: `${IAM}/reference_policies_elements_resource.html`,
    levels: [
      [deny({ Action: 'logs:*', Resource: 'arn:aws:logs:*:*:log-group:app*' })],
      [],
      [],
    ],
    request: {
      action: 'logs:PutLogEvents',
      resource:
        'arn:aws:logs:eu-west-1:111111111111:log-group:app:log-stream:s',
    },
    expected: 'denied',
  },
  {
    rule: 'a * inside a segment that would have to cross a colon is not documented',
    doc: `${IAM}/reference_policies_elements_resource.html`,
    levels: [[deny({ Action: 's3:*', Resource: 'arn:aws:s3:::a*b' })], [], []],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::a:x:b' },
    expected: 'indeterminate',
  },
  {
    rule: 'actions match case-insensitively, resources case-sensitively',
    doc: `${IAM}/reference_policies_elements_action.html`,
    levels: [
      [deny({ Action: 'S3:getobject', Resource: 'arn:aws:s3:::Secret/*' })],
      [],
      [],
    ],
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::secret/k' },
    expected: 'allowed',
  },
  {
    rule: 'variables are literal in a policy without Version 2012-10-17',
    doc: `${IAM}/reference_policies_variables.html`,
    levels: [
      [
        {
          Statement: {
            Effect: 'Deny',
            Action: 's3:*',
            Resource: 'arn:aws:s3:::${aws:PrincipalTag/team}-*',
          },
        },
      ],
      [],
      [],
    ],
    request: {
      action: 's3:GetObject',
      resource: 'arn:aws:s3:::blue-x',
      context: { 'aws:PrincipalTag/team': 'blue' },
    },
    expected: 'allowed',
  },
];
