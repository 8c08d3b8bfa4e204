/**
 * The demo organization's detectors (issue #18), the story they tell:
 *
 * - a public bucket in the sandbox account (Access Analyzer, public;
 *   Security Hub CSPM S3.8, high);
 * - an external principal on a production role (VendorSupportAccess in
 *   checkout-prod-us trusting the contractor account without an external
 *   id; Access Analyzer, cross-account);
 * - a non-compliant Config rule on the log archive bucket (log-archive:
 *   s3-bucket-logging-enabled, s3-bucket-versioning-enabled; the CIS
 *   conformance pack non-compliant there);
 * - a critical finding on the payments account (Inspector, CVE on the
 *   payments-api Lambda function in payments-prod-us, first seen 45 days
 *   ago), and a high GuardDuty finding there;
 * - an unused role (LegacyEtlRunner in data-platform-prod-us).
 *
 * Security Hub, Access Analyzer and Config have security-audit as their
 * delegated administrator; the organization trail lives in the management
 * account and delivers to a bucket in log-archive.
 */
import {
  addAccessAnalyzerFinding,
  addConfigRuleCompliance,
  addConformancePackCompliance,
  addSecurityHubFinding,
} from '../state/signals';
import type { EmulatorState } from '../state/types';
import { DEMO_CONTRACTOR_ACCOUNT } from './demoIam';
import { CONFIG_AGGREGATOR_NAME } from './iamCommon';
import {
  daysAgo,
  ORGANIZATION_TRAIL,
  seedSignalServices,
  SIGNALS_REGION as REGION,
} from './signalsCommon';

const LOG_ARCHIVE = '502834119466';
const SECURITY_AUDIT = '502834119477';
const PAYMENTS_PROD = '724108355203';
const CHECKOUT_PROD = '735519466303';
const DATA_PROD = '768842799603';
const SANDBOX = '879953800701';

/** The accounts with findings in the demo, by what they hold. @public */
export const DEMO_SIGNAL_ACCOUNTS = {
  securityAdministrator: SECURITY_AUDIT,
  logArchive: LOG_ARCHIVE,
  payments: PAYMENTS_PROD,
  checkout: CHECKOUT_PROD,
  dataPlatform: DATA_PROD,
  sandbox: SANDBOX,
} as const;

const RULES = [
  's3-bucket-logging-enabled',
  's3-bucket-versioning-enabled',
  'cloudtrail-enabled',
  'iam-root-access-key-check',
  'root-account-mfa-enabled',
];

/** The log archive breaks the logging rules; the sandbox cannot be evaluated. */
function ruleCompliance(accountId: string, rule: string) {
  if (
    accountId === LOG_ARCHIVE &&
    (rule === 's3-bucket-logging-enabled' ||
      rule === 's3-bucket-versioning-enabled')
  ) {
    return 'NON_COMPLIANT' as const;
  }
  return rule === 'iam-root-access-key-check' && accountId === SANDBOX
    ? ('INSUFFICIENT_DATA' as const)
    : ('COMPLIANT' as const);
}

export function seedDemoSignals(state: EmulatorState): void {
  const { external, unused } = seedSignalServices(state, SECURITY_AUDIT);
  const active = [...state.accounts.values()].filter(a => a.state === 'ACTIVE');

  // 1. A public bucket in the sandbox account.
  addAccessAnalyzerFinding(state, {
    analyzerArn: external.arn,
    resourceOwnerAccount: SANDBOX,
    resource: 'arn:aws:s3:::acme-sandbox-public-demo',
    resourceType: 'AWS::S3::Bucket',
    findingType: 'ExternalAccess',
    principal: '*',
    isPublic: true,
    createdAt: daysAgo(12),
  });
  addSecurityHubFinding(state, {
    accountId: SANDBOX,
    productName: 'Security Hub',
    severity: 'High',
    title: 'S3 general purpose buckets should block public access',
    types: [
      'Software and Configuration Checks/Industry and Regulatory Standards',
    ],
    resourceType: 'AWS::S3::Bucket',
    resourceUid: 'arn:aws:s3:::acme-sandbox-public-demo',
    firstSeen: daysAgo(12),
    lastSeen: daysAgo(0),
  });
  // The sandbox's role trusting everyone.
  addAccessAnalyzerFinding(state, {
    analyzerArn: external.arn,
    resourceOwnerAccount: SANDBOX,
    resource: `arn:aws:iam::${SANDBOX}:role/SandboxPublicDemo`,
    resourceType: 'AWS::IAM::Role',
    findingType: 'ExternalAccess',
    principal: '*',
    isPublic: true,
    createdAt: daysAgo(20),
  });

  // 2. An external principal on a production role.
  addAccessAnalyzerFinding(state, {
    analyzerArn: external.arn,
    resourceOwnerAccount: CHECKOUT_PROD,
    resource: `arn:aws:iam::${CHECKOUT_PROD}:role/VendorSupportAccess`,
    resourceType: 'AWS::IAM::Role',
    findingType: 'ExternalAccess',
    principal: `arn:aws:iam::${DEMO_CONTRACTOR_ACCOUNT}:root`,
    isPublic: false,
    createdAt: daysAgo(40),
  });

  // 3. The log archive bucket breaks Config rules.
  for (const account of active) {
    for (const rule of RULES) {
      const compliance = ruleCompliance(account.id, rule);
      addConfigRuleCompliance(state, CONFIG_AGGREGATOR_NAME, {
        accountId: account.id,
        region: REGION,
        ruleName: rule,
        compliance,
        nonCompliantResources: compliance === 'NON_COMPLIANT' ? 1 : 0,
      });
    }
    addConformancePackCompliance(state, CONFIG_AGGREGATOR_NAME, {
      accountId: account.id,
      region: REGION,
      name: 'Operational-Best-Practices-for-CIS',
      compliance: account.id === LOG_ARCHIVE ? 'NON_COMPLIANT' : 'COMPLIANT',
      compliantRules: account.id === LOG_ARCHIVE ? 3 : 5,
      nonCompliantRules: account.id === LOG_ARCHIVE ? 2 : 0,
    });
  }
  addSecurityHubFinding(state, {
    accountId: LOG_ARCHIVE,
    productName: 'Security Hub',
    severity: 'Medium',
    title:
      'S3 general purpose buckets should have server access logging enabled',
    resourceType: 'AWS::S3::Bucket',
    resourceUid: `arn:aws:s3:::${ORGANIZATION_TRAIL.bucket}`,
    firstSeen: daysAgo(30),
    lastSeen: daysAgo(0),
  });

  // 4. A critical finding on the payments account.
  addSecurityHubFinding(state, {
    accountId: PAYMENTS_PROD,
    productName: 'Inspector',
    severity: 'Critical',
    title: 'CVE-2024-3094 - xz-utils',
    types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
    resourceType: 'AWS::Lambda::Function',
    resourceUid: `arn:aws:lambda:${REGION}:${PAYMENTS_PROD}:function:payments-api-authorizer`,
    resourceTags: { service: 'payments-api', owner: 'payments' },
    firstSeen: daysAgo(45),
    lastSeen: daysAgo(1),
  });
  addSecurityHubFinding(state, {
    accountId: PAYMENTS_PROD,
    productName: 'GuardDuty',
    severity: 'High',
    title:
      'EC2 instance i-0a1b2c3d4e5f60718 is querying a domain associated with Bitcoin',
    types: ['TTPs/Command and Control/CryptoCurrency:EC2-BitcoinTool.B!DNS'],
    resourceType: 'AWS::EC2::Instance',
    resourceUid: `arn:aws:ec2:${REGION}:${PAYMENTS_PROD}:instance/i-0a1b2c3d4e5f60718`,
    resourceTags: { service: 'payments-batch' },
    firstSeen: daysAgo(3),
  });

  // An unused role (and a resolved finding that no longer counts).
  addAccessAnalyzerFinding(state, {
    analyzerArn: unused.arn,
    resourceOwnerAccount: DATA_PROD,
    resource: `arn:aws:iam::${DATA_PROD}:role/LegacyEtlRunner`,
    resourceType: 'AWS::IAM::Role',
    findingType: 'UnusedIAMRole',
    createdAt: daysAgo(60),
  });
  addAccessAnalyzerFinding(state, {
    analyzerArn: external.arn,
    resourceOwnerAccount: DATA_PROD,
    resource: `arn:aws:iam::${DATA_PROD}:role/DatadogIntegration`,
    resourceType: 'AWS::IAM::Role',
    findingType: 'ExternalAccess',
    principal: 'arn:aws:iam::464622532012:root',
    isPublic: false,
    status: 'ARCHIVED',
    createdAt: daysAgo(200),
  });
  // Background: a few medium and low findings.
  addSecurityHubFinding(state, {
    accountId: CHECKOUT_PROD,
    productName: 'Security Hub',
    severity: 'Medium',
    title: 'Lambda functions should use supported runtimes',
    resourceType: 'AWS::Lambda::Function',
    resourceUid: `arn:aws:lambda:${REGION}:${CHECKOUT_PROD}:function:checkout-web`,
    resourceTags: { service: 'checkout-web' },
    firstSeen: daysAgo(8),
  });
  addSecurityHubFinding(state, {
    accountId: PAYMENTS_PROD,
    productName: 'Security Hub',
    severity: 'Low',
    title: 'S3 general purpose buckets should have lifecycle configurations',
    resourceType: 'AWS::S3::Bucket',
    resourceUid: 'arn:aws:s3:::acme-payments-exports',
    resourceTags: { service: 'payments-api' },
    firstSeen: daysAgo(90),
    status: 'Resolved',
  });
}
