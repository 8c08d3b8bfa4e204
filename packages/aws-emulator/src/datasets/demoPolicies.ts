/**
 * The service control policies of the demo organization, as documents.
 */

function doc(statements: object[]): string {
  return JSON.stringify(
    { Version: '2012-10-17', Statement: statements },
    null,
    2,
  );
}

export const DENY_IAM_USER_CREATION = doc([
  {
    Sid: 'DenyIamUserCreation',
    Effect: 'Deny',
    Action: ['iam:CreateUser', 'iam:CreateAccessKey', 'iam:CreateLoginProfile'],
    Resource: '*',
  },
]);

export const PROTECT_CLOUDTRAIL = doc([
  {
    Sid: 'ProtectCloudTrail',
    Effect: 'Deny',
    Action: [
      'cloudtrail:StopLogging',
      'cloudtrail:DeleteTrail',
      'cloudtrail:UpdateTrail',
      'cloudtrail:PutEventSelectors',
    ],
    Resource: '*',
  },
]);

export const REGION_RESTRICTION = doc([
  {
    Sid: 'DenyOutsideApprovedRegions',
    Effect: 'Deny',
    NotAction: [
      'a4b:*',
      'budgets:*',
      'ce:*',
      'chime:*',
      'cloudfront:*',
      'cur:*',
      'globalaccelerator:*',
      'health:*',
      'iam:*',
      'kms:*',
      'organizations:*',
      'route53:*',
      'route53domains:*',
      's3:GetBucketLocation',
      's3:ListAllMyBuckets',
      'shield:*',
      'sso:*',
      'sts:*',
      'support:*',
      'trustedadvisor:*',
      'waf:*',
      'wafv2:*',
    ],
    Resource: '*',
    Condition: {
      StringNotLike: { 'aws:RequestedRegion': ['us-*', 'ca-*', 'eu-*'] },
      ArnNotLike: {
        'aws:PrincipalArn': ['arn:aws:iam::*:role/AcmeBreakGlass'],
      },
    },
  },
]);

export const SANDBOX_ALLOW_LIST = doc([
  {
    Sid: 'AllowSandboxServices',
    Effect: 'Allow',
    Action: ['ec2:*', 's3:*', 'lambda:*', 'cloudwatch:*', 'logs:*'],
    Resource: '*',
  },
]);

export const DENY_LEAVE_ORGANIZATION = doc([
  {
    Sid: 'DenyLeaveOrganization',
    Effect: 'Deny',
    Action: 'organizations:LeaveOrganization',
    Resource: '*',
  },
]);

export const SECURITY_AUDIT_INLINE = doc([
  {
    Sid: 'ReadSecurityFindings',
    Effect: 'Allow',
    Action: [
      'securityhub:Get*',
      'securityhub:List*',
      'guardduty:Get*',
      'guardduty:List*',
      'access-analyzer:List*',
    ],
    Resource: '*',
  },
]);

/*
 * Resource control policies: the data perimeter (Resource control policy
 * examples and the data perimeter policy examples of AWS). Customer RCPs
 * are Deny-only with `"Principal": "*"`.
 */

/**
 * Only principals of the organization (or AWS services acting for it) may
 * use the resources; the organization id is substituted.
 */
export function dataPerimeterRcp(organizationId: string): string {
  return doc([
    {
      Sid: 'EnforceOrgIdentities',
      Effect: 'Deny',
      Principal: '*',
      Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:AssumeRole'],
      Resource: '*',
      Condition: {
        StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organizationId },
        BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
      },
    },
  ]);
}

export const ENFORCE_SECURE_TRANSPORT = doc([
  {
    Sid: 'EnforceSecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:*', 'sqs:*', 'kms:*', 'secretsmanager:*', 'sts:*'],
    Resource: '*',
    Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } },
  },
]);

/*
 * Management policies of the other types, in their own syntax (the
 * `@@assign` inheritance operators).
 */

export const TAG_POLICY_COST_CENTER = JSON.stringify({
  tags: {
    costcenter: {
      tag_key: { '@@assign': 'cost-center' },
      tag_value: { '@@assign': ['CC-*'] },
      enforced_for: { '@@assign': ['ec2:instance', 's3:bucket'] },
    },
  },
});

export const BACKUP_POLICY_DAILY = JSON.stringify({
  plans: {
    'daily-prod': {
      regions: { '@@assign': ['us-east-1', 'eu-west-1'] },
      rules: {
        daily: {
          schedule_expression: { '@@assign': 'cron(0 5 ? * * *)' },
          target_backup_vault_name: { '@@assign': 'Default' },
          lifecycle: { delete_after_days: { '@@assign': '35' } },
        },
      },
      selections: {
        tags: {
          'backup-daily': {
            iam_role_arn: {
              '@@assign': 'arn:aws:iam::$account:role/AcmeBackupRole',
            },
            tag_key: { '@@assign': 'backup' },
            tag_value: { '@@assign': ['daily'] },
          },
        },
      },
    },
  },
});

export const AI_SERVICES_OPT_OUT = JSON.stringify({
  services: { default: { opt_out_policy: { '@@assign': 'optOut' } } },
});

export const DECLARATIVE_EC2_BASELINE = JSON.stringify({
  ec2_attributes: {
    image_block_public_access: {
      state: { '@@assign': 'block_new_sharing' },
    },
    instance_metadata_defaults: {
      http_tokens: { '@@assign': 'required' },
    },
  },
});

/** A policy document of each management type, for generated data sets. */
export const SAMPLE_MANAGEMENT_POLICIES: Record<string, string> = {
  TAG_POLICY: TAG_POLICY_COST_CENTER,
  BACKUP_POLICY: BACKUP_POLICY_DAILY,
  AISERVICES_OPT_OUT_POLICY: AI_SERVICES_OPT_OUT,
  DECLARATIVE_POLICY_EC2: DECLARATIVE_EC2_BASELINE,
};
