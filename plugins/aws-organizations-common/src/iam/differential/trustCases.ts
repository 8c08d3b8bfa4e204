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
const MGMT = '999999999999';
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
  /** The caller's permissions boundary; `unknown` when its document was not read. */
  boundary?: string | 'unknown';
  scps?: string[];
  /** Where `scps` are attached: the root unless given (an OU or account id). */
  scpTarget?: string;
  rcps?: string[];
  /** Where `rcps` are attached: the root unless given. */
  rcpTarget?: string;
  /** When false, the caller's role ARN is not known (Identity Center role not read). */
  callerArnKnown?: boolean;
  callerPath?: string;
  expected: ReachDecision;
}

const IAM = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const ORGS = 'https://docs.aws.amazon.com/organizations/latest/userguide';
const KEYS = `${IAM}/reference_policies_condition-keys.html`;
const PRINCIPAL = `${IAM}/reference_policies_elements_principal.html`;

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

  // Where the guardrails apply: SCPs limit the principals of the
  // accounts they are attached to (the caller's), RCPs the resources of
  // theirs (the role's), and neither applies in the management account.
  {
    rule: "an SCP on the target account's OU does not limit a caller in another account",
    doc: `${ORGS}/orgs_manage_policies_scps.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    scps: [doc({ Effect: 'Deny', Action: 'sts:*', Resource: '*' })],
    scpTarget: 'ou-prod',
    expected: 'allowed',
  },
  {
    rule: "an SCP on the caller's OU that denies sts:AssumeRole denies",
    doc: `${ORGS}/orgs_manage_policies_scps_evaluation.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    scps: [doc({ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' })],
    scpTarget: 'ou-shared',
    expected: 'denied',
  },
  {
    rule: 'SCPs do not limit the principals of the management account',
    doc: `${ORGS}/orgs_manage_policies_scps.html`,
    callerAccount: MGMT,
    targetAccount: PROD,
    trust: trustOf({ AWS: MGMT }),
    identity: [mayAssume],
    scps: [doc({ Effect: 'Deny', Action: 'sts:*', Resource: '*' })],
    expected: 'allowed',
  },
  {
    rule: 'RCPs do not apply to resources of the management account',
    doc: `${ORGS}/orgs_manage_policies_rcps.html`,
    callerAccount: SHARED,
    targetAccount: MGMT,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    rcps: [
      doc({ Effect: 'Deny', Principal: '*', Action: 'sts:*', Resource: '*' }),
    ],
    expected: 'allowed',
  },
  {
    rule: "an RCP on the caller's OU does not limit a role in another account",
    doc: `${ORGS}/orgs_manage_policies_rcps.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    rcps: [
      doc({ Effect: 'Deny', Principal: '*', Action: 'sts:*', Resource: '*' }),
    ],
    rcpTarget: 'ou-shared',
    expected: 'allowed',
  },
  {
    rule: "an RCP on the target's OU admitting only callers of that OU denies a caller of another OU",
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
        Condition: {
          'ForAllValues:StringNotLike': {
            'aws:PrincipalOrgPaths': 'o-test/r-test/ou-prod/*',
          },
        },
      }),
    ],
    rcpTarget: 'ou-prod',
    expected: 'denied',
  },
  // The caller's permissions boundary: the effective permissions are the
  // intersection of the identity policies and the boundary.
  {
    rule: 'cross-account: a permissions boundary without sts:AssumeRole denies, whatever the identity policy allows',
    doc: `${IAM}/access_policies_boundaries.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    boundary: readOnly,
    expected: 'denied',
  },
  {
    rule: "a permissions boundary scoped to other accounts' roles does not cover the target",
    doc: `${IAM}/access_policies_boundaries.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    boundary: doc({
      Effect: 'Allow',
      Action: 'sts:AssumeRole',
      Resource: `arn:aws:iam::${DEV}:role/*`,
    }),
    expected: 'denied',
  },
  {
    rule: 'an explicit Deny in the permissions boundary denies',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    boundary: doc(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' },
    ),
    expected: 'denied',
  },
  {
    rule: 'a boundary that allows while the identity policy does not: nothing is allowed',
    doc: `${IAM}/access_policies_boundaries.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [readOnly],
    boundary: mayAssume,
    expected: 'denied',
  },
  {
    rule: 'a permissions boundary whose document was not read leaves the hop indeterminate',
    doc: `${IAM}/access_policies_boundaries.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [mayAssume],
    boundary: 'unknown',
    expected: 'indeterminate',
  },
  // Principals: who a trust statement names.
  {
    rule: 'Principal "*" without a condition admits a caller of another account (with the identity Allow)',
    doc: `${PRINCIPAL}#principal-anonymous`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf('*'),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'Principal "*" admits nobody across accounts without the identity Allow',
    doc: `${IAM}/reference_policies_evaluation-logic-cross-account.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: '*' }),
    identity: [readOnly],
    expected: 'denied',
  },
  {
    rule: 'Principal "*" limited by aws:PrincipalAccount admits the account named',
    doc: `${KEYS}#condition-keys-principalaccount`,
    callerAccount: DEV,
    targetAccount: PROD,
    trust: trustOf('*', {
      Condition: { StringEquals: { 'aws:PrincipalAccount': DEV } },
    }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'Principal "*" limited by aws:PrincipalAccount refuses other accounts',
    doc: `${KEYS}#condition-keys-principalaccount`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf('*', {
      Condition: { StringEquals: { 'aws:PrincipalAccount': DEV } },
    }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'the root ARN of another account does not admit the caller',
    doc: `${PRINCIPAL}#principal-accounts`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${DEV}:root` }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'a role ARN names that role only: another role of the same account is not admitted',
    doc: `${PRINCIPAL}#principal-roles`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${SHARED}:role/Other` }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'the role ARN of the caller admits it across accounts (with the identity Allow)',
    doc: `${PRINCIPAL}#principal-roles`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: callerArn(SHARED) }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'a user ARN principal does not admit a role session',
    doc: `${PRINCIPAL}#principal-users`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: `arn:aws:iam::${SHARED}:user/Caller` }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: "a role session principal names one session: the caller's session name is not known",
    doc: `${PRINCIPAL}#sts-session-principals`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({
      AWS: `arn:aws:sts::${SHARED}:assumed-role/Caller/alice`,
    }),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'a SAML identity provider principal does not admit an IAM role session calling sts:AssumeRole',
    doc: `${PRINCIPAL}#principal-saml`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${SHARED}:saml-provider/Okta` },
      Action: 'sts:AssumeRoleWithSAML',
    }),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: 'a statement for a service principal beside one naming the caller account (with aws:PrincipalOrgID): the latter admits the caller',
    doc: `${PRINCIPAL}#principal-services`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc(
      {
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
      {
        Effect: 'Allow',
        Principal: { AWS: SHARED },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-test' } },
      },
    ),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'a Deny for Principal "*" denies the caller whatever an Allow names',
    doc: `${IAM}/reference_policies_evaluation-logic_policy-eval-denyallow.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc(
      {
        Effect: 'Allow',
        Principal: { AWS: callerArn(SHARED) },
        Action: 'sts:AssumeRole',
      },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' },
    ),
    identity: [mayAssume],
    expected: 'denied',
  },
  // Actions of the trust statement.
  {
    rule: 'Action "sts:*" in the trust covers sts:AssumeRole',
    doc: `${IAM}/reference_policies_elements_action.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc({
      Effect: 'Allow',
      Principal: { AWS: SHARED },
      Action: 'sts:*',
    }),
    identity: [mayAssume],
    expected: 'allowed',
  },
  {
    rule: 'action names are case-insensitive',
    doc: `${IAM}/reference_policies_elements_action.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc({
      Effect: 'Allow',
      Principal: { AWS: SHARED },
      Action: 'STS:assumerole',
    }),
    identity: [
      doc({ Effect: 'Allow', Action: 'Sts:AssumeRole', Resource: '*' }),
    ],
    expected: 'allowed',
  },
  {
    rule: 'a trust that allows only sts:AssumeRoleWithWebIdentity does not admit sts:AssumeRole',
    doc: `${IAM}/id_roles_create_for-idp_oidc.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc({
      Effect: 'Allow',
      Principal: { AWS: SHARED },
      Action: 'sts:AssumeRoleWithWebIdentity',
    }),
    identity: [mayAssume],
    expected: 'denied',
  },
  // Conditions: decided from the snapshot where the key is known, else
  // indeterminate.
  {
    rule: 'an external id the trust requires through a Deny unless it matches is indeterminate',
    doc: `${IAM}/id_roles_common-scenarios_third-party.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: doc(
      { Effect: 'Allow', Principal: { AWS: SHARED }, Action: 'sts:AssumeRole' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:AssumeRole',
        Condition: { StringNotEquals: { 'sts:ExternalId': 'secret' } },
      },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'aws:PrincipalTag is not in the snapshot: indeterminate',
    doc: `${KEYS}#condition-keys-principaltag`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } } },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: 'aws:SourceIp depends on where the caller calls from: indeterminate',
    doc: `${KEYS}#condition-keys-sourceip`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
    ),
    identity: [mayAssume],
    expected: 'indeterminate',
  },
  {
    rule: "aws:SourceArn is absent from a role session's own call: a StringEquals on it does not match",
    doc: `${KEYS}#condition-keys-sourcearn`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf(
      { AWS: SHARED },
      {
        Condition: {
          StringEquals: {
            'aws:SourceArn': `arn:aws:s3:::bucket-of-${SHARED}`,
          },
        },
      },
    ),
    identity: [mayAssume],
    expected: 'denied',
  },
  {
    rule: "an identity Allow conditioned on aws:ResourceAccount matches the role's account",
    doc: `${KEYS}#condition-keys-resourceaccount`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [
      doc({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringEquals: { 'aws:ResourceAccount': PROD } },
      }),
    ],
    expected: 'allowed',
  },
  {
    rule: "an identity Deny outside the organization's resources (aws:ResourceOrgID) does not deny a role of the organization",
    doc: `${KEYS}#condition-keys-resourceorgid`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [
      mayAssume,
      doc({
        Effect: 'Deny',
        Action: 'sts:AssumeRole',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:ResourceOrgID': 'o-test' } },
      }),
    ],
    expected: 'allowed',
  },
  {
    rule: 'an identity Allow with NotResource that leaves the target out does not cover it',
    doc: `${IAM}/reference_policies_elements_notresource.html`,
    callerAccount: SHARED,
    targetAccount: PROD,
    trust: trustOf({ AWS: SHARED }),
    identity: [
      doc({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        NotResource: `arn:aws:iam::${PROD}:role/*`,
      }),
    ],
    expected: 'denied',
  },
];
