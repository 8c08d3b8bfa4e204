import {
  OrganizationSnapshot,
  SecuritySignalsSnapshot,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  compliantSnapshot,
  LOGS,
  MGMT,
  PROD,
  runRule,
} from '../../__testUtils__/complianceFixtures';
import { severities } from '../../__testUtils__/findings';
import { configRulesCompliantRule } from './configRules';
import { detectorsDelegatedRule } from './detectors';
import {
  agedCriticalFindingsRule,
  externalAccessFindingsRule,
} from './findings';
import { builtInComplianceRules } from './index';
import { organizationTrailRule } from './organizationTrail';

const AUDIT = '555555555555';
const connected = {
  status: 'connected' as const,
  region: 'eu-west-1',
  calls: 2,
};
const DENIED = {
  status: 'not-connected' as const,
  reason: 'denied' as const,
  message: 'AccessDeniedException: not the delegated administrator',
};

/** Every source connected, nothing wrong. */
function healthy(): SecuritySignalsSnapshot {
  return {
    sources: {
      'security-hub': connected,
      'access-analyzer': connected,
      config: connected,
      cloudtrail: connected,
    },
    serviceAccess: [
      'securityhub.amazonaws.com',
      'access-analyzer.amazonaws.com',
      'config.amazonaws.com',
    ].map(servicePrincipal => ({
      servicePrincipal,
      enabledOrganizationWide: true,
      delegatedAdministrators: [AUDIT],
    })),
    findings: {
      [PROD]: {
        byOrigin: { 'security-hub': severities({ HIGH: 2, LOW: 4 }) },
        agedCriticalHigh: [{ days: 30, count: 0 }],
      },
    },
    config: {
      [PROD]: {
        rules: { compliant: 5, nonCompliant: 0, insufficientData: 0 },
        conformancePacks: [
          {
            name: 'Operational-Best-Practices-for-CIS',
            compliance: 'COMPLIANT',
          },
        ],
        nonCompliantRules: [],
      },
    },
    organizationTrail: {
      trails: [
        {
          name: 'org-trail',
          arn: 'arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail',
          homeRegion: 'us-east-1',
          isMultiRegion: true,
          isLogging: true,
          s3BucketName: `aws-controltower-logs-${LOGS}-us-east-1`,
          s3BucketAccountId: { unknown: true, reason: 'not named' },
          latestDeliveryTime: '2026-01-01T23:00:00.000Z',
        },
      ],
    },
    analyzers: [
      {
        arn: 'arn:aws:access-analyzer:eu-west-1:555555555555:analyzer/org',
        name: 'org',
        type: 'ORGANIZATION',
        status: 'ACTIVE',
        activeFindings: 0,
      },
    ],
    agedFindingDays: [30],
  };
}

function withSignals(
  change: (s: SecuritySignalsSnapshot) => void = () => {},
): OrganizationSnapshot {
  const snapshot = compliantSnapshot();
  snapshot.readAt = '2026-01-02T00:00:00.000Z';
  const signals = healthy();
  change(signals);
  return { ...snapshot, signals };
}

const account = (
  rule: any,
  snapshot: OrganizationSnapshot,
  accountId = PROD,
  parameters = {},
) => runRule(rule, snapshot, { accountId, parameters });

describe('the rules over the detectors', () => {
  it('are built in', () => {
    const ids = builtInComplianceRules.map(r => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'findings-critical-high-aged',
        'findings-external-access',
        'config-rules-compliant',
        'organization-trail-delivering',
        'detectors-delegated-administrator',
      ]),
    );
  });

  it('give no account result when the organization has not configured the source', () => {
    const none = compliantSnapshot();
    for (const rule of [
      agedCriticalFindingsRule,
      externalAccessFindingsRule,
      configRulesCompliantRule,
    ]) {
      expect(account(rule, none)).toBeUndefined();
    }
    // Organization rules say it.
    expect(runRule(organizationTrailRule, none)).toMatchObject({
      status: 'unknown',
      message: expect.stringMatching(
        /CloudTrail is not connected: not configured/,
      ),
    });
    expect(runRule(detectorsDelegatedRule, none)).toMatchObject({
      status: 'unknown',
    });
  });

  describe('no critical or high finding older than N days', () => {
    it('passes without aged findings and fails with them, linking to the console', () => {
      expect(account(agedCriticalFindingsRule, withSignals())).toMatchObject({
        status: 'pass',
      });
      const aged = withSignals(s => {
        s.findings[PROD].agedCriticalHigh = [{ days: 30, count: 3 }];
      });
      const outcome = account(agedCriticalFindingsRule, aged)!;
      expect(outcome).toMatchObject({
        status: 'fail',
        message:
          'payments-prod has active critical or high findings first seen more than 30 days ago',
      });
      expect(outcome.evidence![0]).toEqual({
        kind: 'finding',
        description:
          "Critical/high findings older than 30 days in Security Hub (their number: the account's Security tab)",
        accountId: PROD,
        consoleUrl: `https://eu-west-1.console.aws.amazon.com/securityhub/v2/home?region=eu-west-1#/findings?search=cloud.account.uid%3D${PROD}`,
      });
      // An account Security Hub counts nothing for has none.
      expect(account(agedCriticalFindingsRule, aged, LOGS)).toMatchObject({
        status: 'pass',
      });
    });

    it('is unknown when Security Hub is not connected, or the age was not counted', () => {
      const denied = withSignals(s => {
        s.sources['security-hub'] = DENIED;
      });
      expect(account(agedCriticalFindingsRule, denied)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining(
          'Security Hub is not connected (denied): AccessDeniedException',
        ),
      });
      expect(
        account(agedCriticalFindingsRule, withSignals(), PROD, {
          maxAgeDays: 14,
        }),
      ).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining(
          'add 14 to awsOrganizations.signals.agedFindingDays',
        ),
      });
    });

    it('rejects a non-positive age', () => {
      expect(
        agedCriticalFindingsRule.validateParameters!({ maxAgeDays: 0 }),
      ).toHaveLength(1);
    });
  });

  describe('no external access', () => {
    it('fails with external access findings and passes without', () => {
      expect(account(externalAccessFindingsRule, withSignals())).toMatchObject({
        status: 'pass',
      });
      const shared = withSignals(s => {
        s.findings[PROD].externalAccess = 1;
      });
      expect(account(externalAccessFindingsRule, shared)).toMatchObject({
        status: 'fail',
        evidence: [
          expect.objectContaining({
            kind: 'finding',
            consoleUrl: expect.stringContaining(
              'access-analyzer/home?region=eu-west-1',
            ),
          }),
        ],
      });
    });

    it('is unknown without an organization analyzer or when Access Analyzer is not connected', () => {
      const none = withSignals(s => {
        s.analyzers = [];
      });
      expect(account(externalAccessFindingsRule, none)).toMatchObject({
        status: 'unknown',
      });
      const failed = withSignals(s => {
        s.sources['access-analyzer'] = {
          status: 'not-connected',
          reason: 'error',
          message: 'ThrottlingException',
        };
      });
      expect(account(externalAccessFindingsRule, failed)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining('ThrottlingException'),
      });
    });
  });

  describe('Config rules compliant', () => {
    it('fails on non-compliant rules, naming and linking them, except exempt ones', () => {
      const broken = withSignals(s => {
        s.config[PROD].rules.nonCompliant = 2;
        s.config[PROD].nonCompliantRules = [
          's3-bucket-logging-enabled',
          'sandbox-only-check',
        ];
      });
      const outcome = account(configRulesCompliantRule, broken, PROD, {
        exemptRules: ['sandbox-*'],
      })!;
      expect(outcome).toMatchObject({
        status: 'fail',
        message:
          'Non-compliant Config rules in payments-prod: s3-bucket-logging-enabled',
      });
      expect(outcome.evidence).toEqual([
        expect.objectContaining({
          consoleUrl:
            'https://eu-west-1.console.aws.amazon.com/config/home?region=eu-west-1#/rules/details?configRuleName=s3-bucket-logging-enabled',
        }),
      ]);
      expect(account(configRulesCompliantRule, withSignals())).toMatchObject({
        status: 'pass',
      });
    });

    it('is unknown on insufficient data, or without any rule reported', () => {
      const insufficient = withSignals(s => {
        s.config[PROD].rules.insufficientData = 1;
      });
      expect(account(configRulesCompliantRule, insufficient)).toMatchObject({
        status: 'unknown',
      });
      expect(
        account(configRulesCompliantRule, withSignals(), LOGS),
      ).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining('reports no Config rule'),
      });
      const denied = withSignals(s => {
        s.sources.config = DENIED;
      });
      expect(account(configRulesCompliantRule, denied)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining(
          'AWS Config is not connected (denied)',
        ),
      });
    });

    it('checks the configured conformance packs only', () => {
      const packs = {
        conformancePacks: ['Operational-Best-Practices-for-CIS'],
      };
      expect(
        account(configRulesCompliantRule, withSignals(), PROD, packs),
      ).toMatchObject({
        status: 'pass',
      });
      expect(
        account(configRulesCompliantRule, withSignals(), LOGS, packs),
      ).toMatchObject({
        status: 'fail',
        message: expect.stringContaining('Operational-Best-Practices-for-CIS'),
      });
      const failing = withSignals(s => {
        s.config[PROD].conformancePacks[0].compliance = 'NON_COMPLIANT';
      });
      expect(
        account(configRulesCompliantRule, failing, PROD, packs),
      ).toMatchObject({
        status: 'fail',
      });
    });
  });

  describe('the organization trail', () => {
    it('passes for a multi-region, logging trail delivering to the log archive', () => {
      expect(runRule(organizationTrailRule, withSignals())).toMatchObject({
        status: 'pass',
        evidence: [
          expect.objectContaining({
            consoleUrl: expect.stringContaining(
              'cloudtrailv2/home?region=us-east-1#/trails/',
            ),
          }),
        ],
      });
    });

    it.each([
      ['not multi-region', (t: any) => (t.isMultiRegion = false)],
      ['not logging', (t: any) => (t.isLogging = false)],
      [
        'delivery error AccessDenied',
        (t: any) => (t.latestDeliveryError = 'AccessDenied'),
      ],
      [
        'last delivery 49 hours',
        (t: any) => (t.latestDeliveryTime = '2025-12-30T23:00:00.000Z'),
      ],
      [
        `is in account ${PROD}`,
        (t: any) =>
          (t.s3BucketName = `aws-controltower-logs-${PROD}-us-east-1`),
      ],
    ])('fails when %s', (problem, change) => {
      const snapshot = withSignals(s => {
        if (!('trails' in s.organizationTrail)) throw new Error('fixture');
        change(s.organizationTrail.trails[0]);
      });
      expect(runRule(organizationTrailRule, snapshot)).toMatchObject({
        status: 'fail',
        message: expect.stringContaining(problem),
      });
    });

    it('fails without an organization trail', () => {
      const none = withSignals(s => {
        s.organizationTrail = { trails: [] };
      });
      expect(runRule(organizationTrailRule, none)).toMatchObject({
        status: 'fail',
      });
    });

    it("is unknown when the bucket's account is unknown, unless the bucket is listed", () => {
      const own = withSignals(s => {
        if (!('trails' in s.organizationTrail)) throw new Error('fixture');
        s.organizationTrail.trails[0].s3BucketName = 'acme-org-cloudtrail-logs';
      });
      expect(runRule(organizationTrailRule, own)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining('logArchiveBuckets'),
      });
      expect(
        runRule(organizationTrailRule, own, {
          parameters: { logArchiveBuckets: ['acme-org-*'] },
        }),
      ).toMatchObject({ status: 'pass' });
    });

    it('is unknown when CloudTrail is not connected or logging is unknown', () => {
      const denied = withSignals(s => {
        s.sources.cloudtrail = DENIED;
      });
      expect(runRule(organizationTrailRule, denied)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining(
          'CloudTrail is not connected (denied)',
        ),
      });
      const logging = withSignals(s => {
        if (!('trails' in s.organizationTrail)) throw new Error('fixture');
        s.organizationTrail.trails[0].isLogging = {
          unknown: true,
          reason: 'GetTrailStatus failed: AccessDenied',
        };
      });
      expect(runRule(organizationTrailRule, logging)).toMatchObject({
        status: 'unknown',
      });
    });
  });

  describe('detectors delegated', () => {
    it('passes with trusted access and a member account as delegated administrator', () => {
      expect(runRule(detectorsDelegatedRule, withSignals())).toMatchObject({
        status: 'pass',
      });
    });

    it('fails when not enabled, not delegated, or delegated to the management account', () => {
      const bad = withSignals(s => {
        s.serviceAccess[0].enabledOrganizationWide = false;
        s.serviceAccess[1].delegatedAdministrators = [];
        s.serviceAccess[2].delegatedAdministrators = [MGMT];
      });
      const outcome = runRule(detectorsDelegatedRule, bad)!;
      expect(outcome.status).toBe('fail');
      expect(outcome.message).toContain(
        'securityhub.amazonaws.com: trusted access not enabled',
      );
      expect(outcome.message).toContain(
        'access-analyzer.amazonaws.com: no delegated administrator',
      );
      expect(outcome.message).toContain(
        `config.amazonaws.com: the management account ${MGMT} is its delegated administrator`,
      );
    });

    it('is unknown when a listing failed or a service was not read', () => {
      const failed = withSignals(s => {
        s.serviceAccess[0].delegatedAdministrators = {
          unknown: true,
          reason: 'AccessDeniedException',
        };
      });
      expect(runRule(detectorsDelegatedRule, failed)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining('AccessDeniedException'),
      });
      const missing = withSignals(s => {
        s.serviceAccess.pop();
      });
      expect(runRule(detectorsDelegatedRule, missing)).toMatchObject({
        status: 'unknown',
        message: expect.stringContaining('config.amazonaws.com: not read'),
      });
    });
  });
});
