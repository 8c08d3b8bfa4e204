/**
 * Types of the backend's REST API (`/api/aws-organizations`), shared by the
 * backend, the catalog module and the frontend.
 */
import { OrganizationSnapshot, ReadStatistics } from './snapshot';

/**
 * Where an owner came from: the account's own owner tag, the owner tag of
 * the resource itself (an SCP or a permission set), the nearest OU's owner
 * tag (the root's, for SCPs and permission sets), the configured default,
 * or nowhere.
 *
 * @public
 */
export type OwnerSource =
  | 'account-tag'
  | 'resource-tag'
  | 'ou-tag'
  | 'default'
  | 'none';

/** @public */
export interface ResolvedOwner {
  /** Catalog entity ref of the owner (a Group), when there is one. */
  ref?: string;
  source: OwnerSource;
  /** The raw tag value the ref was made from. */
  tagValue?: string;
  /** The OU whose tag was inherited, for source `ou-tag`. */
  ouId?: string;
  /** False when the ref does not name an entity in the catalog. */
  resolvable: boolean;
  /**
   * Set when a tag this owner depends on could not be read (it is unknown
   * in the snapshot): unknown is not "no owner", so the owner is the last
   * known one, resolved from the snapshot read at `since`; without a last
   * known one (`since` absent), it is what the tags that were read give.
   * `reason` says what could not be read.
   */
  stale?: { reason: string; since?: string };
}

/**
 * How an Identity Center principal maps to a catalog entity.
 *
 * @public
 */
export interface ResolvedPrincipal {
  type: 'GROUP' | 'USER';
  id: string;
  /** Display name (group) or user name (user) in the Identity Store. */
  name: string;
  /** Catalog entity ref, when the mapping rule found one. */
  ref?: string;
  /**
   * True when `ref` names an entity in the catalog at the time of the sync.
   * Absent in data from before the backend computed it.
   */
  resolvable?: boolean;
}

/**
 * What the backend derives from a snapshot with its configuration: owners
 * and catalog refs of principals.
 *
 * @public
 */
export interface SnapshotResolution {
  /** Owner per account id. */
  accountOwners: Record<string, ResolvedOwner>;
  /** Owner per OU id (and the root id). */
  unitOwners: Record<string, ResolvedOwner>;
  /**
   * Owner per SCP id: its own owner tag, else the root's owner. Absent in
   * resolutions from before the backend computed it.
   */
  policyOwners?: Record<string, ResolvedOwner>;
  /**
   * Owner per permission set ARN: its own owner tag, else the root's owner.
   * Absent in resolutions from before the backend computed it.
   */
  permissionSetOwners?: Record<string, ResolvedOwner>;
  /** Principals by Identity Store id. */
  principals: Record<string, ResolvedPrincipal>;
  /** Principals holding assignments that map to no catalog entity. */
  unmappedPrincipals: ResolvedPrincipal[];
}

/**
 * `GET /snapshot`: the latest complete snapshot and its resolution. Served
 * with an ETag; a request with a matching If-None-Match gets 304.
 *
 * @public
 */
export interface SnapshotEnvelope {
  etag: string;
  /** When this snapshot became current. */
  storedAt: string;
  snapshot: OrganizationSnapshot;
  resolution: SnapshotResolution;
}

/** @public */
export type SyncRunStatus = 'running' | 'succeeded' | 'incomplete' | 'failed';

/** @public */
export interface SyncRun {
  id: string;
  trigger: 'schedule' | 'manual' | 'startup';
  status: SyncRunStatus;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** What failed or why the snapshot was incomplete. */
  errors: string[];
  warnings: string[];
  /**
   * In `GET /sync/status`: how many errors and warnings the run recorded,
   * all of them, when `errors` and `warnings` hold the first
   * `messageLimit` only.
   */
  errorCount?: number;
  warningCount?: number;
  stats?: ReadStatistics;
  counts?: SnapshotCounts;
  /** Number of change log entries this run recorded. */
  changes?: number;
  /** While running: what the reader is doing. */
  progress?: { phase: string; done?: number; total?: number };
}

/** @public */
export interface SnapshotCounts {
  accounts: number;
  organizationalUnits: number;
  policies: number;
  permissionSets: number;
  assignments: number;
  groups: number;
  users: number;
  /**
   * Resource control policies, RCPFullAWSAccess included (0 when unknown).
   * Absent in counts recorded before RCPs were read.
   */
  resourceControlPolicies?: number;
  /** Policies of the other types, all types together (unknown ones count 0). */
  otherPolicies?: number;
}

/**
 * `GET /sync/status`.
 *
 * @public
 */
export interface SyncStatus {
  /** The newest attempt, possibly still running. */
  lastAttempt?: SyncRun;
  /** The newest attempt that produced the current snapshot. */
  lastSuccess?: SyncRun;
  /** When the current snapshot was read. */
  snapshotReadAt?: string;
  /**
   * The current snapshot's ETag (the one `GET /snapshot` answers with):
   * changes exactly when a new snapshot lands, so views that show snapshot
   * data reload when it changes.
   */
  snapshotEtag?: string;
  /**
   * Identity Center principals that map to no catalog entity; at most
   * `unmappedLimit` of them when the request sets it.
   */
  unmappedPrincipals: ResolvedPrincipal[];
  /** How many principals map to no catalog entity (all, whatever the limit). */
  unmappedPrincipalCount: number;
  /** Incremental updates from CloudTrail events; absent when they are off. */
  events?: EventsSyncStatus;
}

/**
 * The events part of the sync status: what the last event applied was and
 * how long ago the organization was last read in full.
 *
 * @public
 */
export interface EventsSyncStatus {
  /** The events topic the backend subscribes to. */
  topic: string;
  /** Events this replica skipped as claimed already (redeliveries, other replicas). */
  duplicatesSkipped: number;
  /** The newest event that was applied (any replica). */
  lastEvent?: {
    eventId: string;
    /** `aws.organizations`, `aws.sso` or `aws.identitystore`. */
    source: string;
    /** The CloudTrail event name, e.g. `MoveAccount`. */
    eventName: string;
    /** When AWS recorded it. */
    eventTime: string;
    /** `applied` (the snapshot changed) or `unchanged` (it was up to date). */
    outcome: string;
    appliedAt: string;
  };
  /** When the last full read (reconciliation) that made the current snapshot finished. */
  fullReconciledAt?: string;
  /** Seconds from then to this answer. */
  secondsSinceFullReconciliation?: number;
  /** The last batch of events this replica applied. */
  lastBatch?: {
    at: string;
    events: number;
    targets: number;
    calls: number;
    outcome: string;
  };
  /** The last check of the queue by this replica. */
  queue?: {
    checkedAt: string;
    readable: boolean;
    approximateMessages?: number;
    approximateMessagesInFlight?: number;
    error?: string;
  };
  /** The last full read the events asked for (this replica), and why. */
  lastFullReadRequest?: { at: string; reason: string };
}

/**
 * Every kind of change log entry, as `GET /changes?kind=` accepts them.
 *
 * @public
 */
export const CHANGE_KINDS = [
  'account.created',
  'account.removed',
  'account.moved',
  'account.renamed',
  'account.state-changed',
  'account.tags-changed',
  'ou.created',
  'ou.renamed',
  'ou.moved',
  'ou.removed',
  'scp.created',
  'scp.edited',
  'scp.removed',
  'scp.attached',
  'scp.detached',
  'permission-set.created',
  'permission-set.changed',
  'permission-set.removed',
  'assignment.granted',
  'assignment.revoked',
  'group-membership.added',
  'group-membership.removed',
  'compliance.changed',
] as const;

/**
 * Kinds of change log entries, one of {@link CHANGE_KINDS}.
 *
 * @public
 */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One entry of the change log.
 *
 * @public
 */
export interface ChangeLogEntry {
  id: string;
  detectedAt: string;
  kind: ChangeKind;
  /** Account concerned, when the change is about one account. */
  accountId?: string;
  /** What changed: an account, OU, policy, permission set, group id. */
  subjectId: string;
  /** One line for people, e.g. "payments-dev moved from Dev to Staging". */
  summary: string;
  /** Before/after values; for SCP edits a unified diff of the document. */
  details?: Record<string, unknown>;
}

/**
 * A page of results.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
}
