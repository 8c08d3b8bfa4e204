/**
 * Plain-language names used by the summaries: services that guardrails
 * usually protect, and a few well-known actions.
 */

/** Security and audit services a Deny usually protects, by service prefix. */
export const PROTECTED_SERVICE_NAMES: Readonly<Record<string, string>> = {
  cloudtrail: 'CloudTrail',
  config: 'AWS Config',
  guardduty: 'GuardDuty',
  securityhub: 'Security Hub',
  'access-analyzer': 'IAM Access Analyzer',
  macie2: 'Macie',
  detective: 'Detective',
  inspector2: 'Inspector',
  cloudwatch: 'CloudWatch',
  logs: 'CloudWatch Logs',
  events: 'EventBridge',
  organizations: 'Organizations',
  account: 'Account Management',
  sso: 'IAM Identity Center',
  kms: 'KMS',
};

/** What denying an action blocks, by lower-case action. */
export const ACTION_PHRASES: Readonly<Record<string, string>> = {
  'iam:createuser': 'IAM user creation',
  'iam:createaccesskey': 'IAM access key creation',
  'iam:createloginprofile': 'IAM console passwords',
  'organizations:leaveorganization': 'leaving the organization',
  'account:closeaccount': 'closing the account',
  'ec2:createvpc': 'VPC creation',
  'ec2:createinternetgateway': 'internet gateway creation',
  's3:putaccountpublicaccessblock':
    'changes to the account S3 public access block',
  'ec2:disableebsencryptionbydefault': 'disabling default EBS encryption',
  'iam:deleterolepermissionsboundary': 'removing role permissions boundaries',
};
