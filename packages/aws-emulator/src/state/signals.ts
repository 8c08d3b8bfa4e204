import { iamId } from './iam';
import type { EmulatorState } from './types';
import type {
  AccessAnalyzerFindingRecord,
  AnalyzerRecord,
  ConfigRuleComplianceRecord,
  ConformancePackComplianceRecord,
  OcsfFinding,
  SignalsState,
  TrailRecord,
} from './signalsTypes';

/** The service principals of the detectors. @public */
export const SIGNAL_SERVICE_PRINCIPALS = {
  securityHub: 'securityhub.amazonaws.com',
  accessAnalyzer: 'access-analyzer.amazonaws.com',
  config: 'config.amazonaws.com',
  configMultiAccount: 'config-multiaccountsetup.amazonaws.com',
  cloudTrail: 'cloudtrail.amazonaws.com',
} as const;

/** The product name Access Analyzer's findings carry in Security Hub. @public */
export const ACCESS_ANALYZER_PRODUCT = 'IAM Access Analyzer';

/** The signals part of the state, created on first use. @public */
export function signalsOf(state: EmulatorState): SignalsState {
  state.signals ??= {
    serviceAccess: new Map(),
    delegatedAdministrators: new Map(),
    securityHub: {
      enabledAccounts: new Set(),
      subscribedAt: new Date('2025-12-02T10:00:00Z'),
      findings: [],
    },
    analyzers: [],
    accessAnalyzerFindings: [],
    configCompliance: new Map(),
    trails: [],
  };
  return state.signals;
}

/** Enables trusted access for a service (EnableAWSServiceAccess). @public */
export function enableServiceAccess(
  state: EmulatorState,
  servicePrincipal: string,
  since = new Date('2024-01-15T09:00:00Z'),
): void {
  signalsOf(state).serviceAccess.set(servicePrincipal, since);
}

/** Registers a delegated administrator of a service (RegisterDelegatedAdministrator). @public */
export function registerDelegatedAdministrator(
  state: EmulatorState,
  servicePrincipal: string,
  accountId: string,
  since = new Date('2024-01-15T09:30:00Z'),
): void {
  const admins = signalsOf(state).delegatedAdministrators;
  const list = admins.get(servicePrincipal) ?? [];
  if (!list.some(a => a.accountId === accountId)) {
    list.push({ accountId, since });
  }
  admins.set(servicePrincipal, list);
}

/** Enables Security Hub in accounts (the delegated administrator first). @public */
export function enableSecurityHub(
  state: EmulatorState,
  accountIds: Iterable<string>,
): void {
  const hub = signalsOf(state).securityHub;
  for (const id of accountIds) hub.enabledAccounts.add(id);
}

/** OCSF severities (`severity` caption and `severity_id`). */
const OCSF_SEVERITY_IDS: Record<string, number> = {
  Unknown: 0,
  Informational: 1,
  Low: 2,
  Medium: 3,
  High: 4,
  Critical: 5,
  Fatal: 6,
  Other: 99,
};

const OCSF_STATUS_IDS: Record<string, number> = {
  New: 1,
  'In Progress': 2,
  Suppressed: 3,
  Resolved: 4,
  Archived: 5,
};

/** What a Security Hub finding is made from. @public */
export interface SecurityHubFindingSpec {
  accountId: string;
  region?: string;
  /** e.g. `GuardDuty`, `Inspector`, `Security Hub`, `IAM Access Analyzer`. */
  productName: string;
  /** An OCSF severity caption: `Critical`, `High`, `Medium`, `Low`, `Informational`. */
  severity: string;
  title: string;
  types?: string[];
  resourceType: string;
  resourceUid: string;
  resourceTags?: Record<string, string>;
  firstSeen: Date;
  lastSeen?: Date;
  /** OCSF status caption; default `New`. */
  status?: string;
  /** A stable id seed; default from the other fields. */
  key?: string;
}

/** Builds a finding as Security Hub's OCSF document. @public */
export function makeSecurityHubFinding(
  spec: SecurityHubFindingSpec,
): OcsfFinding {
  const region = spec.region ?? 'us-east-1';
  const key =
    spec.key ??
    `${spec.accountId}|${spec.productName}|${spec.title}|${spec.resourceUid}`;
  const uid = `arn:aws:securityhub:${region}:${spec.accountId}:finding/${iamId(
    '',
    key,
    32,
  ).toLowerCase()}`;
  const status = spec.status ?? 'New';
  const lastSeen = spec.lastSeen ?? spec.firstSeen;
  return {
    class_name: 'Detection Finding',
    activity_name: 'Create',
    metadata: {
      uid,
      version: '1.6.0',
      product: {
        name: spec.productName,
        uid: `arn:aws:securityhub:${region}::product/aws/${spec.productName
          .toLowerCase()
          .replace(/[^a-z]+/g, '-')}`,
        vendor_name: 'AWS',
      },
    },
    finding_info: {
      uid,
      title: spec.title,
      types: spec.types ?? [],
      first_seen_time_dt: spec.firstSeen.toISOString(),
      last_seen_time_dt: lastSeen.toISOString(),
      created_time_dt: spec.firstSeen.toISOString(),
      modified_time_dt: lastSeen.toISOString(),
    },
    severity: spec.severity,
    severity_id: OCSF_SEVERITY_IDS[spec.severity] ?? 99,
    status,
    status_id: OCSF_STATUS_IDS[status] ?? 99,
    cloud: {
      account: { uid: spec.accountId },
      region,
      provider: 'AWS',
    },
    resources: [
      {
        type: spec.resourceType,
        uid: spec.resourceUid,
        region,
        owner: { account: { uid: spec.accountId } },
        ...(spec.resourceTags
          ? {
              tags: Object.entries(spec.resourceTags).map(([name, value]) => ({
                name,
                value,
              })),
            }
          : {}),
      },
    ],
  };
}

/** Adds a finding to Security Hub. @public */
export function addSecurityHubFinding(
  state: EmulatorState,
  spec: SecurityHubFindingSpec,
): OcsfFinding {
  const finding = makeSecurityHubFinding(spec);
  signalsOf(state).securityHub.findings.push(finding);
  return finding;
}

/** Adds an analyzer. @public */
export function addAnalyzer(
  state: EmulatorState,
  spec: Omit<AnalyzerRecord, 'arn' | 'createdAt' | 'status'> &
    Partial<Pick<AnalyzerRecord, 'createdAt' | 'status'>>,
): AnalyzerRecord {
  const record: AnalyzerRecord = {
    ...spec,
    arn: `arn:aws:access-analyzer:${spec.region}:${spec.accountId}:analyzer/${spec.name}`,
    createdAt: spec.createdAt ?? new Date('2024-02-01T08:00:00Z'),
    status: spec.status ?? 'ACTIVE',
  };
  signalsOf(state).analyzers.push(record);
  return record;
}

/** Whether an Access Analyzer `findingType` is external access. @public */
export function isExternalAccessType(findingType: string): boolean {
  return findingType === 'ExternalAccess';
}

/** Access Analyzer's severity of a finding in Security Hub (its integration). */
function analyzerSeverity(finding: AccessAnalyzerFindingRecord): string {
  if (!isExternalAccessType(finding.findingType)) return 'Low';
  return finding.isPublic ? 'Critical' : 'High';
}

/**
 * Adds an Access Analyzer finding; when Security Hub is enabled in the
 * resource's account, the finding also reaches it (Access Analyzer's
 * Security Hub integration), with the product name `IAM Access Analyzer`.
 *
 * @public
 */
export function addAccessAnalyzerFinding(
  state: EmulatorState,
  spec: Omit<AccessAnalyzerFindingRecord, 'id' | 'status' | 'updatedAt'> &
    Partial<Pick<AccessAnalyzerFindingRecord, 'status' | 'updatedAt'>>,
): AccessAnalyzerFindingRecord {
  const signals = signalsOf(state);
  const record: AccessAnalyzerFindingRecord = {
    ...spec,
    id: iamId(
      '',
      `${spec.analyzerArn}|${spec.resource}|${spec.findingType}`,
      32,
    )
      .toLowerCase()
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
    status: spec.status ?? 'ACTIVE',
    updatedAt: spec.updatedAt ?? spec.createdAt,
  };
  signals.accessAnalyzerFindings.push(record);
  if (signals.securityHub.enabledAccounts.has(record.resourceOwnerAccount)) {
    const external = isExternalAccessType(record.findingType);
    addSecurityHubFinding(state, {
      key: record.id,
      accountId: record.resourceOwnerAccount,
      region: record.analyzerArn.split(':')[3],
      productName: ACCESS_ANALYZER_PRODUCT,
      severity: analyzerSeverity(record),
      title: external
        ? `${record.resourceType} ${record.resource} allows ${
            record.isPublic ? 'public' : 'cross-account'
          } access`
        : `${record.findingType} ${record.resource}`,
      types: [
        external
          ? 'Effects/Data Exposure/External Access Granted'
          : `Software and Configuration Checks/AWS Security Best Practices/${record.findingType}`,
      ],
      resourceType: record.resourceType,
      resourceUid: record.resource,
      firstSeen: record.createdAt,
      lastSeen: record.updatedAt,
      status: record.status === 'ACTIVE' ? 'New' : 'Resolved',
    });
  }
  return record;
}

function complianceOf(state: EmulatorState, aggregatorName: string) {
  const all = signalsOf(state).configCompliance;
  let entry = all.get(aggregatorName);
  if (!entry) {
    entry = { rules: [], conformancePacks: [] };
    all.set(aggregatorName, entry);
  }
  return entry;
}

/** Records a Config rule's compliance in an account, as an aggregator holds it. @public */
export function addConfigRuleCompliance(
  state: EmulatorState,
  aggregatorName: string,
  record: ConfigRuleComplianceRecord,
): void {
  complianceOf(state, aggregatorName).rules.push(record);
}

/** Records a conformance pack's compliance in an account. @public */
export function addConformancePackCompliance(
  state: EmulatorState,
  aggregatorName: string,
  record: ConformancePackComplianceRecord,
): void {
  complianceOf(state, aggregatorName).conformancePacks.push(record);
}

/** Adds a trail. @public */
export function addTrail(state: EmulatorState, trail: TrailRecord): void {
  signalsOf(state).trails.push(trail);
}

/** The ARN of a trail. @public */
export function trailArn(trail: TrailRecord): string {
  return `arn:aws:cloudtrail:${trail.homeRegion}:${trail.accountId}:trail/${trail.name}`;
}
