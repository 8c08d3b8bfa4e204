/**
 * Types of the guardrails, access and compliance part of the backend API
 * (`/api/aws-organizations`), shared by the backend and the frontend.
 */
import { ResolvedOwner, ResolvedPrincipal } from './api';
import { Account, AccountState, PermissionsBoundary, Tags } from './snapshot';
import type {
  AccountPolicyTypeView,
  ResourceGuardrails,
  SimulationLayers,
  SimulationSides,
} from './guardrailsApi';

/** Every compliance status a rule result can have. @public */
export const COMPLIANCE_STATUSES = ['pass', 'fail', 'warn', 'unknown'] as const;

/**
 * Result of one compliance rule for one subject, one of
 * {@link COMPLIANCE_STATUSES}.
 *
 * @public
 */
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** Every severity a compliance rule can have, most severe first. @public */
export const RULE_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

/** A compliance rule's severity, one of {@link RULE_SEVERITIES}. @public */
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** Counts per status, for rollups. @public */
export type ComplianceCounts = Record<ComplianceStatus, number>;

/** Zero of every status. @public */
export function emptyComplianceCounts(): ComplianceCounts {
  return { pass: 0, fail: 0, warn: 0, unknown: 0 };
}

/**
 * Evidence behind a rule result: the SCP statement, the assignment, the tag
 * that made it pass or fail.
 *
 * @public
 */
export interface ComplianceEvidence {
  kind:
    | 'scp-statement'
    | 'rcp-statement'
    | 'assignment'
    | 'permission-set'
    | 'tag'
    | 'account'
    | 'role'
    | 'iam-user'
    | 'finding'
    | 'detector'
    | 'note';
  /** One line for people. */
  description: string;
  /** Ids of what the evidence is about (policy id, permission set ARN, ...). */
  policyId?: string;
  policyName?: string;
  sid?: string;
  permissionSetArn?: string;
  principalId?: string;
  principalType?: 'USER' | 'GROUP';
  accountId?: string;
  /** The IAM role or user ARN (`role` and `iam-user` evidence). */
  arn?: string;
  /**
   * Where to see it in the AWS console (`finding` and `detector`
   * evidence): the account's findings, the Config rule, the trail. Never
   * a finding's details: the compliance results are for everyone signed
   * in, the findings for the owner team.
   */
  consoleUrl?: string;
}

/** A compliance rule as the API describes it. @public */
export interface ComplianceRuleInfo {
  id: string;
  title: string;
  severity: RuleSeverity;
  rationale: string;
  remediation: string;
  /** 'account' rules run per account; 'organization' rules once. */
  level: 'account' | 'organization';
}

/** One rule's result on one subject. @public */
export interface RuleResult {
  rule: ComplianceRuleInfo;
  status: ComplianceStatus;
  /** Why, in one sentence. */
  message: string;
  evidence: ComplianceEvidence[];
}

/** Overall status of a subject: the worst of its results. @public */
export interface ComplianceSummary {
  status: ComplianceStatus;
  counts: ComplianceCounts;
  /** Ids of failing rules, most severe first. */
  failingRules: string[];
}

/** A row of `GET /accounts`. @public */
export interface AccountSummary {
  id: string;
  name: string;
  email: string;
  state: AccountState;
  parentId: string;
  /** OU names from the root down to the parent. */
  path: { id: string; name: string }[];
  owner: ResolvedOwner;
  compliance: ComplianceSummary;
  /** Catalog ref of the account entity. */
  entityRef: string;
}

/** `GET /accounts/:id`. @public */
export interface AccountDetail extends AccountSummary {
  arn: string;
  joinedMethod: Account['joinedMethod'];
  joinedTimestamp: string;
  tags: Tags | null;
  organizationId: string;
  isManagementAccount: boolean;
  /** IAM Identity Center access portal, when Identity Center is enabled. */
  accessPortalUrl?: string;
  consoleUrl: string;
}

/** Where an SCP is attached, relative to an account. @public */
export interface GuardrailLevel {
  kind: 'root' | 'ou' | 'account';
  targetId: string;
  name: string;
  policies: GuardrailPolicy[];
}

/** An SCP as shown on an account's guardrails. @public */
export interface GuardrailPolicy {
  id: string;
  name: string;
  description: string;
  awsManaged: boolean;
  content: string;
  parseError?: string;
  /** Plain-language sentences, e.g. "Blocks IAM user creation". */
  summary: string[];
}

/** `GET /accounts/:id/guardrails`. @public */
export interface AccountGuardrails {
  accountId: string;
  /** The management account is not restricted by SCPs. */
  managementAccountExempt: boolean;
  /** Root first, then each OU on the path, then the account. */
  levels: GuardrailLevel[];
  /** Plain-language summary of the combined guardrails. */
  summary: string[];
  /** Regions allowed, when a region restriction is in force. */
  allowedRegions?: string[];
  /** The RCPs of the account's resources (absent from older backends). */
  resourceControlPolicies?: ResourceGuardrails;
  /**
   * The other policy types enabled on the root, with what is attached on
   * the account's path (absent from older backends or readers).
   */
  otherPolicyTypes?: AccountPolicyTypeView[];
}

/** `POST /simulate` body. @public */
export interface SimulationRequest extends SimulationSides {
  accountId: string;
  action: string;
  resource?: string;
  region?: string;
  context?: Record<string, string | string[] | boolean | number>;
}

/** A statement that decided a simulation. @public */
export interface DecisiveStatement {
  policyId: string;
  policyName: string;
  level: { kind: 'root' | 'ou' | 'account'; targetId: string; name: string };
  sid?: string;
  effect: 'Allow' | 'Deny';
  statementIndex: number;
  /** The layer of the statement (absent from older backends: SCP). */
  layer?: 'scp' | 'rcp';
}

/** `POST /simulate` response. @public */
export interface SimulationResult {
  decision: 'allowed' | 'denied' | 'indeterminate';
  reasons: string[];
  decisiveStatements: DecisiveStatement[];
  /** Which layer decided and what each said (absent from older backends). */
  layers?: SimulationLayers;
}

/** Why a permission set counts as privileged. @public */
export interface PermissionSetView {
  arn: string;
  name: string;
  entityRef: string;
  sessionDuration: string;
  privileged: boolean;
  privilegeReasons: string[];
  managedPolicies: string[];
  customerManagedPolicies: string[] | null;
  hasInlinePolicy: boolean;
  permissionsBoundary: PermissionsBoundary | null;
}

/** A group member, for expandable rows. @public */
export interface GroupMemberView {
  userId: string;
  userName: string;
  displayName?: string;
  ref?: string;
}

/** One way into an account. @public */
export interface AccessGrant {
  principal: ResolvedPrincipal;
  permissionSet: PermissionSetView;
  /** 'direct': assigned to this principal; 'group': through a group. */
  via: 'direct' | 'group';
  /** For users reached through a group: the group. */
  group?: ResolvedPrincipal;
  /** For group principals: the members. */
  members?: GroupMemberView[];
}

/** `GET /accounts/:id/access`. @public */
export interface AccountAccess {
  accountId: string;
  identityCenter: 'available' | 'not-enabled' | 'unavailable';
  grants: AccessGrant[];
  /**
   * True for a caller without `aws-organizations.access.read`: `grants`
   * holds only the grants of groups, without their members (team-level
   * reachability); who holds grants individually is left out.
   */
  restricted?: boolean;
}

/** `GET /principals/:kind/:namespace/:name/access`. @public */
export interface PrincipalAccess {
  entityRef: string;
  /** Identity Store principals that map to the entity. */
  principals: ResolvedPrincipal[];
  grants: {
    account: {
      id: string;
      name: string;
      entityRef: string;
      state: AccountState;
    };
    permissionSet: PermissionSetView;
    via: 'direct' | 'group';
    group?: ResolvedPrincipal;
  }[];
}

/** `GET /accounts/:id/compliance`. @public */
export interface AccountCompliance {
  accountId: string;
  summary: ComplianceSummary;
  results: RuleResult[];
  evaluatedAt: string;
}

/** A node of `GET /organization/tree`. @public */
export interface OrgTreeNode {
  id: string;
  name: string;
  kind: 'root' | 'ou';
  owner?: ResolvedOwner;
  /** Accounts in this node and below. */
  accountCount: number;
  /** Account statuses in this node and below. */
  compliance: ComplianceCounts;
  /**
   * Child OUs of this node. `children` holds fewer (none) when the request
   * limited the `depth`: then the children are not loaded yet.
   */
  childCount: number;
  /** The node's own accounts; absent when requested with `accounts=false`. */
  accounts?: {
    id: string;
    name: string;
    state: AccountState;
    status: ComplianceStatus;
  }[];
  /** Child OUs by name, up to the requested `depth`. */
  children: OrgTreeNode[];
}

/**
 * One owner of accounts (a lower-case entity ref) and its accounts per
 * compliance status: an entry of `GET /compliance/owners` and of the
 * summary's `byOwner`.
 *
 * @public
 */
export interface OwnerCompliance {
  ref: string;
  counts: ComplianceCounts;
}

/** `GET /compliance/summary`. @public */
export interface OrganizationComplianceSummary {
  evaluatedAt: string;
  accounts: ComplianceCounts;
  rules: (ComplianceRuleInfo & { counts: ComplianceCounts })[];
  byUnit: { id: string; name: string; counts: ComplianceCounts }[];
  /**
   * The owners with the most non-compliant accounts (then the most accounts
   * with warnings, the most accounts, by ref), at most the query's `owners`
   * (10 by default): bounded however many teams own accounts. Every owner,
   * a page at a time: `GET /compliance/owners`.
   */
  byOwner: OwnerCompliance[];
  /** How many owners own accounts (`byOwner` lists the first of them). */
  ownerCount: number;
  /** Results of organization-level rules. */
  organizationResults: RuleResult[];
}
