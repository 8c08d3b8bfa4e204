/**
 * The state of AWS's detectors (issue #18): Security Hub's findings (OCSF),
 * IAM Access Analyzer's analyzers and findings, AWS Config's rule and
 * conformance pack compliance as an aggregator holds it, CloudTrail's
 * trails, and the organization's trusted access and delegated
 * administrators. Change it through the functions of `signals.ts`.
 */

/** A finding in Security Hub, as the OCSF document `GetFindingsV2` returns. @public */
export type OcsfFinding = Record<string, unknown> & {
  metadata: {
    uid: string;
    product: { name: string; [field: string]: unknown };
    [field: string]: unknown;
  };
  finding_info: {
    uid: string;
    title: string;
    types?: string[];
    first_seen_time_dt: string;
    last_seen_time_dt: string;
    [field: string]: unknown;
  };
  severity: string;
  status: string;
  cloud: { account: { uid: string }; region: string; provider: 'AWS' };
  resources: {
    type: string;
    uid: string;
    region?: string;
    tags?: { name: string; value: string }[];
    [field: string]: unknown;
  }[];
};

/** An IAM Access Analyzer analyzer. @public */
export interface AnalyzerRecord {
  arn: string;
  name: string;
  /** ORGANIZATION / ACCOUNT (external access), ORGANIZATION_UNUSED_ACCESS ... */
  type: string;
  accountId: string;
  region: string;
  createdAt: Date;
  status: 'ACTIVE' | 'CREATING' | 'DISABLED' | 'FAILED';
}

/** An IAM Access Analyzer finding. @public */
export interface AccessAnalyzerFindingRecord {
  id: string;
  analyzerArn: string;
  resourceOwnerAccount: string;
  resource: string;
  resourceType: string;
  /** ExternalAccess, UnusedIAMRole, UnusedIAMUserAccessKey, UnusedPermission ... */
  findingType: string;
  status: 'ACTIVE' | 'ARCHIVED' | 'RESOLVED';
  createdAt: Date;
  updatedAt: Date;
  /** The external principal (external access findings). */
  principal?: string;
  isPublic?: boolean;
}

/** One Config rule's compliance in one account and region. @public */
export interface ConfigRuleComplianceRecord {
  accountId: string;
  region: string;
  ruleName: string;
  compliance: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';
  /** Non-compliant resources (for the count). */
  nonCompliantResources?: number;
}

/** One conformance pack's compliance in one account and region. @public */
export interface ConformancePackComplianceRecord {
  accountId: string;
  region: string;
  name: string;
  compliance: 'COMPLIANT' | 'NON_COMPLIANT' | 'INSUFFICIENT_DATA';
  compliantRules: number;
  nonCompliantRules: number;
}

/** A CloudTrail trail. @public */
export interface TrailRecord {
  name: string;
  accountId: string;
  homeRegion: string;
  isOrganizationTrail: boolean;
  isMultiRegion: boolean;
  s3BucketName: string;
  logging: boolean;
  latestDeliveryTime?: Date;
  latestDeliveryError?: string;
}

/** @public */
export interface SignalsState {
  /** Trusted access (ListAWSServiceAccessForOrganization): principal to date enabled. */
  serviceAccess: Map<string, Date>;
  /** ListDelegatedAdministrators: service principal to account ids. */
  delegatedAdministrators: Map<string, { accountId: string; since: Date }[]>;
  /** Security Hub (the OCSF API): where it is enabled and its findings. */
  securityHub: {
    /** Accounts with Security Hub enabled (the delegated administrator included). */
    enabledAccounts: Set<string>;
    subscribedAt: Date;
    findings: OcsfFinding[];
  };
  analyzers: AnalyzerRecord[];
  accessAnalyzerFindings: AccessAnalyzerFindingRecord[];
  /** By aggregator name. */
  configCompliance: Map<
    string,
    {
      rules: ConfigRuleComplianceRecord[];
      conformancePacks: ConformancePackComplianceRecord[];
    }
  >;
  trails: TrailRecord[];
}
