/**
 * The detectors of the generated data sets, at scale: Security Hub
 * findings in most accounts (a critical one in every 10th, findings older
 * than 30 days in every 3rd), Access Analyzer findings where the generated
 * roles trust outside the organization (VendorMonitoring every 5th
 * account, ContractorAccess every 50th) and unused roles (LegacyBatch
 * every 7th), five Config rules and a conformance pack per account (the
 * logging rule non-compliant in every 8th), and the organization trail.
 * The second account is the delegated administrator of Security Hub,
 * Access Analyzer and Config, as it owns the Config aggregator.
 */
import {
  addAccessAnalyzerFinding,
  addConfigRuleCompliance,
  addConformancePackCompliance,
  addSecurityHubFinding,
} from '../state/signals';
import type { EmulatorState } from '../state/types';
import { CONFIG_AGGREGATOR_NAME } from './iamCommon';
import {
  daysAgo,
  seedSignalServices,
  SIGNALS_REGION as REGION,
} from './signalsCommon';

const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational'];
const PRODUCTS = ['GuardDuty', 'Inspector', 'Security Hub', 'Macie'];
const RULES = [
  's3-bucket-logging-enabled',
  's3-bucket-versioning-enabled',
  'cloudtrail-enabled',
  'iam-root-access-key-check',
  'root-account-mfa-enabled',
];

export function seedGeneratedSignals(state: EmulatorState): void {
  const management = state.organization!.managementAccountId;
  const accountIds = [...state.accounts.keys()];
  const security = accountIds[1] ?? management;
  const { external, unused } = seedSignalServices(state, security);
  const active = [...state.accounts.values()].filter(a => a.state === 'ACTIVE');
  active.forEach((account, i) => {
    const id = account.id;
    const count = (i * 7) % 9;
    for (let n = 0; n < count; n++) {
      const severity =
        n === 0 && i % 10 === 0 ? 'Critical' : SEVERITIES[1 + ((i + n) % 4)];
      addSecurityHubFinding(state, {
        accountId: id,
        productName: PRODUCTS[(i + n) % PRODUCTS.length],
        severity,
        title: `Generated finding ${n} of ${account.name}`,
        resourceType: 'AWS::EC2::Instance',
        resourceUid: `arn:aws:ec2:${REGION}:${id}:instance/i-${String(
          i,
        ).padStart(8, '0')}${n}`,
        resourceTags: { service: `service-${i % 50}` },
        firstSeen: daysAgo(i % 3 === 0 ? 40 + n : n),
      });
    }
    if (i % 5 === 0) {
      addAccessAnalyzerFinding(state, {
        analyzerArn: external.arn,
        resourceOwnerAccount: id,
        resource: `arn:aws:iam::${id}:role/VendorMonitoring`,
        resourceType: 'AWS::IAM::Role',
        findingType: 'ExternalAccess',
        principal: 'arn:aws:iam::464622532012:root',
        isPublic: false,
        createdAt: daysAgo(10 + (i % 20)),
      });
    }
    if (i % 50 === 0) {
      addAccessAnalyzerFinding(state, {
        analyzerArn: external.arn,
        resourceOwnerAccount: id,
        resource: `arn:aws:iam::${id}:role/ContractorAccess`,
        resourceType: 'AWS::IAM::Role',
        findingType: 'ExternalAccess',
        principal: 'arn:aws:iam::222233334444:root',
        isPublic: false,
        createdAt: daysAgo(35),
      });
    }
    if (i % 7 === 0) {
      addAccessAnalyzerFinding(state, {
        analyzerArn: unused.arn,
        resourceOwnerAccount: id,
        resource: `arn:aws:iam::${id}:role/LegacyBatch`,
        resourceType: 'AWS::IAM::Role',
        findingType: 'UnusedIAMRole',
        createdAt: daysAgo(100),
      });
    }
    for (const rule of RULES) {
      const broken = rule === 's3-bucket-logging-enabled' && i % 8 === 3;
      addConfigRuleCompliance(state, CONFIG_AGGREGATOR_NAME, {
        accountId: id,
        region: REGION,
        ruleName: rule,
        compliance: broken ? 'NON_COMPLIANT' : 'COMPLIANT',
        nonCompliantResources: broken ? 1 : 0,
      });
    }
    addConformancePackCompliance(state, CONFIG_AGGREGATOR_NAME, {
      accountId: id,
      region: REGION,
      name: 'Operational-Best-Practices-for-CIS',
      compliance: i % 8 === 3 ? 'NON_COMPLIANT' : 'COMPLIANT',
      compliantRules: i % 8 === 3 ? 4 : 5,
      nonCompliantRules: i % 8 === 3 ? 1 : 0,
    });
  });
}
