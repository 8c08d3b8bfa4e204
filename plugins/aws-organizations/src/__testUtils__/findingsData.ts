/**
 * Findings fixtures of the component tests: an account whose Security Hub
 * and Access Analyzer are connected, Config too, and whose organization
 * trail was denied.
 */
import {
  AccountFindingCountsResponse,
  AccountFindingHistoryResponse,
  AccountFindingsResponse,
  FindingsRollupResponse,
  SecurityFinding,
  SeverityCounts,
  TeamFindingsResponse,
} from '@aws-governance/plugin-aws-organizations-common';
import { ACCOUNT_ID } from './data';

export const OTHER_ACCOUNT_ID = '210987654321';

export function severities(
  counts: Partial<SeverityCounts> = {},
): SeverityCounts {
  return {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    INFORMATIONAL: 0,
    ...counts,
  };
}

export const findingCounts: AccountFindingCountsResponse = {
  accountId: ACCOUNT_ID,
  accountName: 'payments-prod',
  readAt: '2026-01-10T12:00:00.000Z',
  configured: true,
  sources: {
    'security-hub': {
      status: 'connected',
      accountId: '502834119477',
      region: 'us-east-1',
      calls: 3,
    },
    'access-analyzer': {
      status: 'connected',
      accountId: '502834119477',
      region: 'us-east-1',
      calls: 2,
    },
    config: {
      status: 'connected',
      accountId: '502834119477',
      region: 'us-east-1',
      calls: 2,
    },
    cloudtrail: {
      status: 'not-connected',
      reason: 'denied',
      message:
        'AccessDeniedException: not authorized to cloudtrail:DescribeTrails',
    },
  },
  byOrigin: {
    'security-hub': severities({ CRITICAL: 1, HIGH: 1 }),
    'access-analyzer-external': severities({ HIGH: 1 }),
  },
  total: severities({ CRITICAL: 1, HIGH: 2 }),
  agedCriticalHigh: [{ days: 30, count: 1 }],
  externalAccess: 1,
  config: {
    rules: { compliant: 4, nonCompliant: 1, insufficientData: 0 },
    conformancePacks: [
      {
        name: 'Operational-Best-Practices-for-CIS',
        compliance: 'NON_COMPLIANT',
      },
    ],
    nonCompliantRules: ['s3-bucket-logging-enabled'],
  },
  mayReadFindings: true,
};

export const criticalFinding: SecurityFinding = {
  id: 'arn:aws:securityhub:us-east-1:123456789012:finding/critical-1',
  origin: 'security-hub',
  productName: 'Inspector',
  severity: 'CRITICAL',
  title: 'CVE-2024-3094 - xz-utils',
  accountId: ACCOUNT_ID,
  region: 'us-east-1',
  resourceType: 'AWS::Lambda::Function',
  resourceId: 'arn:aws:lambda:us-east-1:123456789012:function:payments-api',
  resourceTags: { service: 'payments-api', app: 'payments' },
  firstObservedAt: '2025-11-25T12:00:00.000Z',
  consoleUrl:
    'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1#/findings?search=Id%3Dcritical-1',
};

export const highFinding: SecurityFinding = {
  id: 'arn:aws:securityhub:us-east-1:123456789012:finding/high-1',
  origin: 'security-hub',
  productName: 'GuardDuty',
  severity: 'HIGH',
  title: 'EC2 instance is querying a domain associated with Bitcoin',
  accountId: ACCOUNT_ID,
  region: 'us-east-1',
  resourceType: 'AWS::EC2::Instance',
  resourceId: 'i-0a1b2c3d4e5f60718',
  resourceTags: { service: 'payments-batch' },
  firstObservedAt: '2026-01-07T12:00:00.000Z',
  consoleUrl:
    'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1#/findings?search=Id%3Dhigh-1',
};

export const externalFinding: SecurityFinding = {
  id: 'aa-external-1',
  origin: 'access-analyzer-external',
  productName: 'IAM Access Analyzer',
  severity: 'HIGH',
  title: 'AWS::IAM::Role shared outside the organization',
  accountId: ACCOUNT_ID,
  region: 'us-east-1',
  resourceType: 'AWS::IAM::Role',
  resourceId: 'arn:aws:iam::123456789012:role/VendorSupportAccess',
  principal: 'arn:aws:iam::999999999999:root',
  firstObservedAt: '2026-01-01T12:00:00.000Z',
  consoleUrl:
    'https://us-east-1.console.aws.amazon.com/access-analyzer/home?region=us-east-1#/findings/details/aa-external-1',
};

export const findingsPage: AccountFindingsResponse = {
  accountId: ACCOUNT_ID,
  // Newest first, as the backend returns them.
  findings: [highFinding, externalFinding, criticalFinding],
  truncated: false,
  readAt: '2026-01-10T12:05:00.000Z',
  notConnected: [],
};

export const findingHistory: AccountFindingHistoryResponse = {
  accountId: ACCOUNT_ID,
  points: [
    {
      readAt: '2026-01-08T12:00:00.000Z',
      byOrigin: { 'security-hub': severities({ CRITICAL: 1 }) },
      total: severities({ CRITICAL: 1 }),
    },
    {
      // Security Hub not read at this sync: its 1 critical carries.
      readAt: '2026-01-09T12:00:00.000Z',
      byOrigin: { 'access-analyzer-external': severities({ HIGH: 1 }) },
      total: severities({ HIGH: 1 }),
    },
    {
      readAt: '2026-01-10T12:00:00.000Z',
      byOrigin: {
        'security-hub': severities({ CRITICAL: 1, HIGH: 1 }),
        'access-analyzer-external': severities({ HIGH: 1 }),
      },
      total: severities({ CRITICAL: 1, HIGH: 2 }),
    },
  ],
};

export const teamFindings: TeamFindingsResponse = {
  teamRef: 'group:default/payments',
  accounts: [
    {
      accountId: OTHER_ACCOUNT_ID,
      accountName: 'payments-dev',
      total: severities({ LOW: 2 }),
      findingsIncluded: true,
    },
    {
      accountId: ACCOUNT_ID,
      accountName: 'payments-prod',
      total: severities({ CRITICAL: 1, HIGH: 2 }),
      findingsIncluded: true,
    },
  ],
  findings: [highFinding, criticalFinding],
  truncated: false,
  notConnected: [
    {
      source: 'config',
      accountId: OTHER_ACCOUNT_ID,
      message: 'NoSuchConfigurationAggregatorException',
    },
  ],
};

export const findingsRollup: FindingsRollupResponse = {
  readAt: '2026-01-10T12:00:00.000Z',
  configured: true,
  sources: findingCounts.sources,
  unitCount: 5,
  units: [
    {
      id: 'r-ab12',
      name: 'Root',
      accountCount: 4,
      countedAccounts: 4,
      total: severities({ CRITICAL: 1, HIGH: 2, LOW: 2 }),
      byOrigin: {},
    },
    {
      id: 'ou-ab12-prod0001',
      name: 'Prod',
      parentId: 'r-ab12',
      accountCount: 2,
      countedAccounts: 2,
      total: severities({ CRITICAL: 1, HIGH: 2 }),
      byOrigin: {},
    },
    {
      id: 'ou-ab12-produs01',
      name: 'Prod-US',
      parentId: 'ou-ab12-prod0001',
      accountCount: 1,
      countedAccounts: 1,
      total: severities({ CRITICAL: 1, HIGH: 2 }),
      byOrigin: {},
    },
    {
      id: 'ou-ab12-sandbox1',
      name: 'Sandbox',
      parentId: 'r-ab12',
      accountCount: 2,
      countedAccounts: 1,
      total: severities({ LOW: 2 }),
      byOrigin: {},
    },
    {
      id: 'ou-ab12-empty001',
      name: 'Suspended',
      parentId: 'r-ab12',
      accountCount: 0,
      countedAccounts: 0,
      total: severities(),
      byOrigin: {},
    },
  ],
};
