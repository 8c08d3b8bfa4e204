/**
 * The organization snapshot: everything the reader reads from AWS in one
 * cycle, as plain JSON. Produced by the reader (-node), stored by the backend,
 * served to the catalog module and the frontend.
 */
import type { OrganizationPoliciesPart } from './policyTypes';
import type { IamSnapshot } from './iam/types';
import type { SecuritySignalsSnapshot } from './signals/types';

/**
 * A value the reader could not read (an optional part that failed, e.g. tags
 * or a permissions boundary): it is unknown, not empty. A warning in
 * {@link OrganizationSnapshot.warnings} says why.
 *
 * @public
 */
export interface UnknownValue {
  unknown: true;
  reason: string;
}

/** @public */
export type Knowable<T> = T | UnknownValue;

/** @public */
export function isUnknown<T>(value: Knowable<T>): value is UnknownValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as UnknownValue).unknown === true
  );
}

/** Account states as Organizations reports them (`State`, not the retired `Status`). @public */
export const ACCOUNT_STATES = [
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
] as const;

/**
 * State of an account in AWS Organizations, one of {@link ACCOUNT_STATES}.
 *
 * @public
 */
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** @public */
export type Tags = Record<string, string>;

/** @public */
export interface OrganizationInfo {
  id: string;
  arn: string;
  featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  managementAccountId: string;
  managementAccountArn: string;
  managementAccountEmail?: string;
  /** Policy types enabled on the root, e.g. SERVICE_CONTROL_POLICY. */
  enabledPolicyTypes: string[];
}

/** @public */
export interface OrganizationRoot {
  id: string;
  arn: string;
  name: string;
  tags: Knowable<Tags>;
}

/** @public */
export interface OrganizationalUnit {
  id: string;
  arn: string;
  name: string;
  parentId: string;
  /** Ids from the root (first) down to the parent (last). */
  path: string[];
  tags: Knowable<Tags>;
}

/** @public */
export interface Account {
  id: string;
  arn: string;
  name: string;
  email: string;
  state: AccountState;
  joinedMethod: 'INVITED' | 'CREATED';
  joinedTimestamp: string;
  parentId: string;
  /** Ids from the root (first) down to the parent (last). */
  path: string[];
  tags: Knowable<Tags>;
}

/** @public */
export type PolicyTargetType = 'ROOT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

/** @public */
export interface PolicyTarget {
  targetId: string;
  type: PolicyTargetType;
  name: string;
}

/** A service control policy with its document and where it is attached. @public */
export interface ServiceControlPolicy {
  id: string;
  arn: string;
  name: string;
  description: string;
  awsManaged: boolean;
  /** The policy document exactly as AWS returned it. */
  content: string;
  /** Set when `content` is not valid JSON: the document is kept raw. */
  parseError?: string;
  targets: PolicyTarget[];
  /**
   * The policy's tags. Absent for AWS managed policies (AWS's, not the
   * organization's: their tags are not read) and in snapshots from readers
   * that did not read policy tags.
   */
  tags?: Knowable<Tags>;
}

/**
 * A resource control policy: the same shape as an SCP (document, targets,
 * tags). @public
 */
export type ResourceControlPolicy = ServiceControlPolicy;

/** @public */
export interface ManagedPolicyRef {
  arn: string;
  name: string;
}

/** @public */
export interface CustomerManagedPolicyRef {
  name: string;
  path: string;
}

/** @public */
export type PermissionsBoundary =
  | { type: 'none' }
  | { type: 'managed'; managedPolicyArn: string }
  | { type: 'customer-managed'; reference: CustomerManagedPolicyRef };

/** @public */
export interface PermissionSet {
  arn: string;
  name: string;
  description?: string;
  /** ISO-8601 duration, e.g. PT1H. */
  sessionDuration: string;
  relayState?: string;
  createdDate?: string;
  managedPolicies: ManagedPolicyRef[];
  customerManagedPolicies: Knowable<CustomerManagedPolicyRef[]>;
  /** The inline policy document, or null when the set has none. */
  inlinePolicy: string | null;
  permissionsBoundary: Knowable<PermissionsBoundary>;
  tags: Knowable<Tags>;
}

/** @public */
export type PrincipalType = 'USER' | 'GROUP';

/** One account assignment: a principal holds a permission set in an account. @public */
export interface AccountAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: PrincipalType;
  principalId: string;
}

/** @public */
export interface ExternalId {
  issuer: string;
  id: string;
}

/** @public */
export interface IdentityStoreGroup {
  id: string;
  displayName: string;
  description?: string;
  externalIds: ExternalId[];
}

/** @public */
export interface IdentityStoreUser {
  id: string;
  userName: string;
  displayName?: string;
  emails: { value: string; type?: string; primary?: boolean }[];
  externalIds: ExternalId[];
}

/** @public */
export interface GroupMembership {
  groupId: string;
  userId: string;
  /**
   * The Identity Store's id of the membership: DeleteGroupMembership names
   * only it, so an event subscriber finds the group by it. Absent in
   * snapshots from older readers.
   */
  membershipId?: string;
}

/**
 * IAM Identity Center as read: `available` with its data; `not-enabled` when
 * the organization has no organization instance (not an error); `unavailable`
 * when the reader may not read it (AccessDenied on SSO Admin or Identity
 * Store) — then the snapshot is incomplete.
 *
 * @public
 */
export type IdentityCenterSnapshot =
  | {
      status: 'available';
      instanceArn: string;
      identityStoreId: string;
      permissionSets: PermissionSet[];
      assignments: AccountAssignment[];
      groups: IdentityStoreGroup[];
      users: IdentityStoreUser[];
      memberships: GroupMembership[];
      /**
       * Whose view this is. From a delegated administrator, the permission
       * sets provisioned to the management account (and so every
       * assignment in the management account) are not visible: what the
       * management account holds is unknown. Absent in snapshots from
       * older readers (the management account).
       */
      readFrom?: 'management-account' | 'delegated-administrator';
    }
  | { status: 'not-enabled' }
  | { status: 'unavailable'; reason: string };

/** An optional part that degraded to unknown. @public */
export interface SnapshotWarning {
  operation: string;
  resource: string;
  message: string;
}

/** Read statistics of one snapshot. @public */
export interface ReadStatistics {
  startedAt: string;
  durationMs: number;
  /** Calls per service and operation, retries included. */
  calls: Record<string, Record<string, number>>;
  retries: number;
  throttles: number;
  /**
   * What the reader's adaptive rate found per budget (`organizations`,
   * `identityCenter` or `ssoAdmin`/`identityStore` when configured apart):
   * the rate at the end, the highest reached, and how many times
   * throttling lowered it. Absent in snapshots from older readers.
   */
  rates?: Record<
    string,
    {
      services: string[];
      finalTps: number;
      peakTps: number;
      decreases: number;
    }
  >;
  /** Assignment listing strategy the reader chose. */
  assignmentStrategy?: 'per-permission-set' | 'per-principal';
  /**
   * Estimated calls of each assignment strategy when the reader chose (see
   * the reader's README for the rule).
   */
  assignmentEstimate?: {
    perPermissionSet: number;
    perPrincipal: number;
  };
}

/**
 * One read of the organization.
 *
 * `complete` is true when every required listing succeeded. An incomplete
 * snapshot (e.g. Identity Center unavailable) is never published as the
 * current state: the backend keeps the last complete one and reports why in
 * `incompleteReasons`. RCPs and the other policy types are in
 * {@link OrganizationPoliciesPart}.
 *
 * @public
 */
export interface OrganizationSnapshot extends OrganizationPoliciesPart {
  schemaVersion: 1;
  readAt: string;
  complete: boolean;
  incompleteReasons: string[];
  organization: OrganizationInfo;
  root: OrganizationRoot;
  organizationalUnits: OrganizationalUnit[];
  accounts: Account[];
  policies: ServiceControlPolicy[];
  identityCenter: IdentityCenterSnapshot;
  /**
   * The IAM roles and users of the member accounts, from an AWS Config
   * aggregator or a read-only role per account. Absent when no roles source
   * is configured; an account missing from `iam.accounts` was not read and
   * its roles are unknown.
   */
  iam?: IamSnapshot;
  /**
   * What AWS's detectors report (Security Hub, IAM Access Analyzer, AWS
   * Config, the organization trail). Absent when no signal source is
   * configured.
   */
  signals?: SecuritySignalsSnapshot;
  warnings: SnapshotWarning[];
  stats: ReadStatistics;
}
