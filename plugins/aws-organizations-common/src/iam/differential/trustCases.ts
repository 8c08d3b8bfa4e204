/**
 * Differential fixtures for role hops: one case per documented rule, each
 * with the AWS page it follows. The caller is a session of role `Caller`
 * in `callerAccount` (identity policies `identity`, boundary `boundary`);
 * the target is role `Target` in `targetAccount` with trust policy `trust`.
 * SCPs and RCPs are FullAWSAccess / RCPFullAWSAccess plus `scps` / `rcps`
 * at the root.
 */
import type { ReachDecision } from '../decision';

// The accounts of the test organization (see ../__testUtils__/org.ts).
const PROD = '111111111111';
const SHARED = '222222222222';
const DEV = '333333333333';
const EXTERNAL = '444455556666';
const doc = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

export interface TrustCase {
  rule: string;
  doc: string;
  callerAccount: string;
  targetAccount: string;
  trust: string;
  identity: string[];
  boundary?: string;
  scps?: string[];
  rcps?: string[];
  /** When false, the caller's role ARN is not known (Identity Center role not read). */
  callerArnKnown?: boolean;
  callerPath?: string;
  expected: ReachDecision;
}

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';

const callerArn = (account: string, path = '/') =>
  `arn:aws:iam::${account}:role${path}Caller`;
const trustOf = (principal: unknown, extra: object = {}) =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...extra,
  });
const mayAssume = doc({
  Effect: 'Allow',
  Action: 'sts:AssumeRole',
  Resource: '*',
});
const readOnly = doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });

export const TRUST_CASES: TrustCase[] = [
  {
    rule: 'cross-account: the trust names the caller account and the identity policy allows',
    doc: `${IAM}/reference_policies_evaluation-logic-cross-account.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${SHARED}:root` }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'an account id principal is the same as the account root ARN',
    doc: `${IAM}/reference_policies_elements_principal.html#principal-accounts`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'cross-account: the account principal delegates to IAM, so without an identity Allow it is denied',
    doc: `${IAM}/reference_policies_elements_principal.html#principal-accounts`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${SHARED}:root` }),
    identity: [readOnly],
    expected: 'denied',
  },
  {
    rule: 'cross-account: naming the caller role is not enough without an identity Allow',
    doc: `${IAM}/reference_policies_evaluation-logic-cross-account.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: callerArn(SHARED) }),
    identity: [readOnly],
    expected: 'denied',
  },
  {
    rule: 'same account: a trust that names the caller role grants without an identity Allow',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: PROD,
    targetAccount: PROD,
    trust: trustOf({ AWS: callerArn(PROD) }),
    identity: [readOnly],
    expected: 'allowed',
  },
  {
    rule: 'same account: a trust that names the account needs the identity Allow',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: PROD,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${PROD}:root` }),
    identity: [readOnly],
    expected: 'denied',
  },
  {
    rule: "same account: a grant to the role ARN is limited by the caller's permissions boundary",
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: PROD,
    targetAccount: PROD,
    trust: trustOf({ AWS: callerArn(PROD) }),
    identity: [mayAssume],
    boundary: readOnly,
    expected: 'denied',
  },
  {
    rule: 'the permissions boundary must allow as well as the identity policy',
    doc: `${IAM}/access_policies_boundaries.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    boundary: doc({ Effect: 'Allow', Action: 'sts:*', Resource: '*' }),
    expected: 'allowed',
  },
  {
    rule: 'an explicit Deny in the trust policy overrides its Allow',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc(
      { Effect: 'Allow', Principal: { AWS: SHARED }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Deny',
        Principal: { AWS: callerArn(SHARED) },
        Action: 'sts:AssumeRole',
      },
    ),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'an explicit Deny in an identity policy denies',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [
      mayAssume,
      doc({
        Effect: 'Deny',
        Action: 'sts:*',
        Resource: `arn:aws:iam::${PROD}:role/*`,
      }),
    ],
    expected: 'denied',
  },
  {
    rule: 'an identity Allow scoped to other roles does not cover the target',
    doc: `${IAM}/reference_policies_elements_resource.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [
      doc({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::${DEV}:role/*`,
      }),
    ],
    expected: 'denied',
  },
  {
    rule: 'sts:ExternalId is supplied by the caller: whether it knows the value is not in the snapshot',
    doc: `${IAM}/id_roles_common-scenarios_third-party.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      { Condition: { StringEquals: { 'sts:ExternalId': 'secret' } } },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'aws:MultiFactorAuthPresent is not known for a session',
    doc: `${IAM}/id_credentials_mfa_configure-api-require.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'sts:SourceIdentity is set by the caller: unknown',
    doc: `${IAM}/id_credentials_temp_control-access_monitor.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      { Condition: { StringLike: { 'sts:SourceIdentity': '*@example.com' } } },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'Principal "*" limited by aws:PrincipalOrgID admits a caller of the organization',
    doc: `${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgid`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf('*', {
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } },
    }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'aws:PrincipalOrgID of another organization does not match',
    doc: `${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgid`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: '*' },
      { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-other' } } },
    ),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'aws:PrincipalOrgPaths admits callers of the named OU',
    doc: `${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgpaths`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf('*', {
      Condition: {
        'ForAnyValue:StringLike': {
          'aws:PrincipalOrgPaths': 'o-test/r-test/ou-shared/*',
        },
      },
    }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'aws:PrincipalOrgPaths refuses callers of other OUs',
    doc: `${IAM}/reference_policies_condition-keys.html#condition-keys-principalorgpaths`,
    callerAccount: DEV,
    targetAccount: PROD,
    trust: trustOf('*', {
      Condition: {
        'ForAnyValue:StringLike': {
          'aws:PrincipalOrgPaths': 'o-test/r-test/ou-shared/*',
        },
      },
    }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'aws:PrincipalArn with ArnLike matches the caller role',
    doc: `${IAM}/reference_policies_condition-keys.html#condition-keys-principalarn`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      {
        Condition: {
          ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${SHARED}:role/Call*` },
        },
      },
    ),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'a role principal is matched on its full ARN, path included',
    doc: `${IAM}/reference_policies_elements_principal.html#principal-roles`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${SHARED}:role/team/Caller` }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'a service principal does not admit an IAM role session',
    doc: `${IAM}/reference_policies_elements_principal.html#principal-services`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ Service: 'ec2.amazonaws.com' }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'a unique id principal (a deleted role) matches nobody',
    doc: `${IAM}/reference_policies_elements_principal.html#principal-roles`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: 'AROAEXAMPLEEXAMPLE1234' }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'NotPrincipal is not accepted in a role trust policy: the policy is unreadable',
    doc: `${IAM}/reference_policies_elements_notprincipal.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc({
      Effect: 'Allow',
      NotPrincipal: { AWS: EXTERNAL },
      Action: 'sts:AssumeRole',
    }),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'an SCP on the caller account path that denies sts:AssumeRole denies',
    doc: `${ORGS}/orgs_manage_policies_scps_evaluation.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    scps: [
      doc({
        Effect: 'Deny',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::${PROD}:role/*`,
      }),
    ],
    expected: 'denied',
  },
  {
    rule: 'an RCP on the target account path applies to sts:AssumeRole (STS supports RCPs)',
    doc: `${ORGS}/orgs_manage_policies_rcps.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    rcps: [
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-test' } },
      }),
    ],
    expected: 'allowed',
  },
  {
    rule: 'an RCP whose condition depends on a key the session may carry is indeterminate',
    doc: `${ORGS}/orgs_manage_policies_rcps_evaluation.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    rcps: [
      doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } },
      }),
    ],
    expected: 'indeterminate',
  },
  {
    rule: 'same account, Principal "*": whether the identity policy is needed is not documented',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: PROD,
    targetAccount: PROD,
    trust: trustOf('*'),
    identity: [readOnly],
    expected: 'indeterminate',
  },
  {
    rule: 'an Identity Center role whose ARN was not read may be the role a trust names',
    doc: `https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({
      AWS: `arn:aws:iam::${SHARED}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Caller_0123456789abcdef`,
    }),
    identity: [mayAssume],
    callerArnKnown: false,
    expected: 'indeterminate',
  },
];
