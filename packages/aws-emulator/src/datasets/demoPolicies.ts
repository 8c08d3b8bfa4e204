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
