/**
 * Types of the access reviews part of the backend API
 * (`/api/aws-organizations/reviews/...`), shared by the backend and the
 * frontend. A campaign pins the standing grants of one snapshot as items;
 * the owner team of each item's account decides keep or revoke; a revoked
 * item becomes a remediation entry that later syncs close.
 */
import type { PrincipalType } from '../snapshot';
import type { PrivilegeLevel } from '../permissionSets';

/** What a reviewer decides for an item. @public */
export const REVIEW_DECISION_KINDS = ['keep', 'revoke'] as const;

/** One of {@link REVIEW_DECISION_KINDS}. @public */
export type ReviewDecisionKind = (typeof REVIEW_DECISION_KINDS)[number];

/**
 * The entries of the decision log: a decision (keep, revoke) or a hand-over
 * of the item to another team. @public
 */
export const REVIEW_LOG_KINDS = ['keep', 'revoke', 'handover'] as const;

/** One of {@link REVIEW_LOG_KINDS}. @public */
export type ReviewLogKind = (typeof REVIEW_LOG_KINDS)[number];

/** Where an item stands: undecided, or the decision taken. @public */
export const REVIEW_ITEM_STATES = ['pending', 'kept', 'revoked'] as const;

/** One of {@link REVIEW_ITEM_STATES}. @public */
export type ReviewItemState = (typeof REVIEW_ITEM_STATES)[number];

/** A campaign is active until an admin closes it. @public */
export const REVIEW_CAMPAIGN_STATUSES = ['active', 'closed'] as const;

/** One of {@link REVIEW_CAMPAIGN_STATUSES}. @public */
export type ReviewCampaignStatus = (typeof REVIEW_CAMPAIGN_STATUSES)[number];

/** How often a recurring campaign starts again. @public */
export const REVIEW_RECURRENCE_INTERVALS = [
  'monthly',
  'quarterly',
  'semiannually',
  'annually',
] as const;

/** One of {@link REVIEW_RECURRENCE_INTERVALS}. @public */
export type ReviewRecurrenceInterval =
  (typeof REVIEW_RECURRENCE_INTERVALS)[number];

/** Months between two starts of each {@link ReviewRecurrenceInterval}. @public */
export const REVIEW_RECURRENCE_MONTHS: Record<
  ReviewRecurrenceInterval,
  number
> = { monthly: 1, quarterly: 3, semiannually: 6, annually: 12 };

/** What an item is about. @public */
export const REVIEW_ITEM_KINDS = ['assignment', 'role-reach'] as const;

/**
 * One of {@link REVIEW_ITEM_KINDS}: an Identity Center account assignment
 * (principal x permission set x account), or a role the permission set's
 * role may assume in another account (from the roles part of the snapshot).
 *
 * @public
 */
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

/** Remediation entries are open until a sync finds the grant gone. @public */
export const REMEDIATION_STATUSES = ['open', 'closed'] as const;

/** One of {@link REMEDIATION_STATUSES}. @public */
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];

/**
 * Which grants a campaign reviews. No OU and no account: the whole
 * organization. OUs include every account below them.
 *
 * @public
 */
export interface ReviewScope {
  organizationalUnitIds: string[];
  accountIds: string[];
  /** `privileged`: only grants of privileged permission sets. */
  permissionSets: 'privileged' | 'all';
  /**
   * Also review the roles each in-scope permission set's role may assume in
   * other accounts, where the snapshot has the roles part.
   */
  roleReach: boolean;
}

/** Counts of a campaign's items (or of one team's). @public */
export interface ReviewProgress {
  total: number;
  pending: number;
  kept: number;
  revoked: number;
  /** Decided items in percent of all, rounded down (100 only when done). */
  percentDone: number;
}

/** A team's share of a campaign. @public */
export interface TeamReviewProgress extends ReviewProgress {
  /** The team the items are assigned to; absent for unowned accounts. */
  teamRef?: string;
}

/** A campaign's recurrence, when it has one. @public */
export interface ReviewRecurrenceInfo {
  id: string;
  interval: ReviewRecurrenceInterval;
  /** This campaign's number in the series, from 1. */
  cycle: number;
  /** When the next campaign of the series starts; absent once stopped. */
  nextStartAt?: string;
}

/** A review campaign. @public */
export interface ReviewCampaign {
  id: string;
  name: string;
  status: ReviewCampaignStatus;
  scope: ReviewScope;
  startedAt: string;
  /** Entity ref of the admin, or `scheduler` for a recurrence. */
  startedBy: string;
  dueAt: string;
  closedAt?: string;
  closedBy?: string;
  /** Active, past its due date, with pending items. */
  overdue: boolean;
  /** The snapshot whose grants the campaign pins. */
  snapshot: { etag: string; readAt: string };
  recurrence?: ReviewRecurrenceInfo;
  progress: ReviewProgress;
}

/** `GET /reviews/campaigns/:id/progress`. @public */
export interface CampaignProgress {
  campaignId: string;
  overdue: boolean;
  total: ReviewProgress;
  /** Per assigned team, the unowned (no `teamRef`) last. */
  byTeam: TeamReviewProgress[];
}

/** A member of a group as the campaign's snapshot listed it. @public */
export interface ReviewMember {
  userId: string;
  userName: string;
  displayName?: string;
  /** Catalog User ref, when the user maps to one. */
  ref?: string;
}

/**
 * For `role-reach` items: the item's account is the account reached; the
 * principal holds the permission set in `startAccountId`, whose role may
 * assume `targetRoleArn` along `path`.
 *
 * @public
 */
export interface ReviewRoleReach {
  startAccountId: string;
  targetRoleArn: string;
  /** Role ARNs from the first role assumed to the target, in order. */
  path: string[];
  /** `indeterminate` when a hop could not be decided. */
  decision: 'allowed' | 'indeterminate';
}

/** An entry of the append-only decision log. @public */
export interface ReviewDecision {
  id: string;
  itemId: string;
  campaignId: string;
  kind: ReviewLogKind;
  /** Entity ref of the person (or the subject of a service). */
  decidedBy: string;
  decidedAt: string;
  reason?: string;
  /** Hand-overs: the team the item went from and to. */
  fromTeamRef?: string;
  toTeamRef?: string;
}

/** One standing grant under review. @public */
export interface ReviewItem {
  id: string;
  campaignId: string;
  kind: ReviewItemKind;
  accountId: string;
  accountName: string;
  permissionSetArn: string;
  permissionSetName: string;
  principalType: PrincipalType;
  principalId: string;
  /** Group display name or user name as the snapshot had it. */
  principalName: string;
  /** Catalog ref of the principal, when it maps to one. */
  principalRef?: string;
  /** Members of a group's grant as they were (1 for a user). */
  memberCount: number;
  /** Only in `GET /reviews/items/:id`. */
  members?: ReviewMember[];
  privileged: boolean;
  privilegeLevel?: PrivilegeLevel;
  /** The account's owner team at the start. */
  ownerRef?: string;
  /** The team the item is assigned to now (after hand-overs). */
  assigneeRef?: string;
  state: ReviewItemState;
  /** The keep or revoke decision, once taken. */
  decision?: ReviewDecision;
  /** Whether the caller may decide it now. */
  canDecide: boolean;
  roleReach?: ReviewRoleReach;
  /** For revoked items: the remediation entry. */
  remediation?: { id: string; status: RemediationStatus; closedAt?: string };
}

/** `GET /reviews/items/:id`: the item with its members and log. @public */
export interface ReviewItemDetail extends ReviewItem {
  members: ReviewMember[];
  log: ReviewDecision[];
}

/**
 * What to remove after a revocation: the assignment and the AWS CLI
 * command that removes it. The product never changes AWS itself.
 *
 * @public
 */
export interface RemediationEntry {
  id: string;
  campaignId: string;
  itemId: string;
  decisionId: string;
  accountId: string;
  accountName: string;
  permissionSetArn: string;
  permissionSetName: string;
  principalType: PrincipalType;
  principalId: string;
  principalName: string;
  instanceArn: string;
  /** `aws sso-admin delete-account-assignment ...` */
  command: string;
  status: RemediationStatus;
  createdAt: string;
  /** When a sync first found the grant gone. */
  closedAt?: string;
  /** The snapshot that no longer had the grant. */
  closedBySnapshotEtag?: string;
  /** Open entries: days since the revocation. */
  openDays?: number;
}

/**
 * A grant in the current snapshot, in a campaign's scope, that its start
 * snapshot did not have: listed, never added to the campaign.
 *
 * @public
 */
export interface NewReviewGrant {
  accountId: string;
  accountName: string;
  permissionSetArn: string;
  permissionSetName: string;
  principalType: PrincipalType;
  principalId: string;
  principalName: string;
  privileged: boolean;
}

/** `GET /reviews/campaigns/:id/new-grants`. @public */
export interface NewReviewGrants {
  campaignId: string;
  /** The current snapshot compared with the campaign's. */
  snapshotEtag: string;
  items: NewReviewGrant[];
}

/** `GET /reviews/accounts/:accountId`: the account page's part. @public */
export interface AccountReviewSummary {
  accountId: string;
  /** The newest campaign with items of this account. */
  lastReview?: {
    campaignId: string;
    campaignName: string;
    startedAt: string;
    dueAt: string;
    status: ReviewCampaignStatus;
    progress: ReviewProgress;
    /** When its last item of this account was decided, if all are. */
    completedAt?: string;
  };
  /** Pending items of this account in active campaigns. */
  openItems: number;
  openRemediations: number;
}

/** `GET /reviews/teams/progress?team=...`: a team's pending reviews. @public */
export interface TeamReviews {
  teamRef: string;
  campaigns: Array<{
    campaignId: string;
    campaignName: string;
    dueAt: string;
    overdue: boolean;
    progress: ReviewProgress;
  }>;
}

/** A compliance result of the review rules. @public */
export interface ReviewRuleResult {
  ruleId: ReviewRuleId;
  accountId: string;
  status: 'pass' | 'fail' | 'unknown';
  message: string;
  /** Items and remediation entries behind a failure. */
  evidence: Array<{
    itemId?: string;
    remediationId?: string;
    campaignId?: string;
    description: string;
  }>;
}

/** The review compliance rules. @public */
export const REVIEW_RULE_IDS = [
  'review-revocation-applied',
  'review-account-reviewed',
  'review-privileged-keep-reason',
] as const;

/** One of {@link REVIEW_RULE_IDS}. @public */
export type ReviewRuleId = (typeof REVIEW_RULE_IDS)[number];

/** `GET /reviews/compliance`. @public */
export interface ReviewComplianceReport {
  rules: Array<{
    id: ReviewRuleId;
    title: string;
    description: string;
    counts: { pass: number; fail: number; unknown: number };
  }>;
  /** Failures and unknowns only, account by account. */
  results: ReviewRuleResult[];
}

/** `POST /reviews/decisions` and `/reviews/handovers` answer. @public */
export interface ReviewDecisionsResponse {
  decisions: ReviewDecision[];
  /** Remediation entries created by revocations. */
  remediations: RemediationEntry[];
}

/** One row of a campaign's evidence. @public */
export interface ReviewEvidenceItem {
  itemId: string;
  kind: ReviewItemKind;
  accountId: string;
  accountName: string;
  permissionSetArn: string;
  permissionSetName: string;
  principalType: PrincipalType;
  principalId: string;
  principalName: string;
  members: string[];
  privileged: boolean;
  ownerRef?: string;
  assigneeRef?: string;
  decision?: ReviewDecisionKind;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  handovers: number;
  /** For revocations: whether a later sync found the grant gone. */
  revocation?: {
    status: RemediationStatus;
    closedAt?: string;
    closedBySnapshotEtag?: string;
  };
  roleReach?: ReviewRoleReach;
}

/**
 * `GET /reviews/campaigns/:id/evidence.json`. `contentHash` is the sha256
 * (hex) of `JSON.stringify(content)`, so the file proves itself.
 *
 * @public
 */
export interface ReviewEvidence {
  generatedAt: string;
  contentHash: string;
  content: {
    campaign: Omit<ReviewCampaign, 'overdue' | 'progress'> & {
      progress: ReviewProgress;
    };
    snapshot: { etag: string; readAt: string };
    items: ReviewEvidenceItem[];
  };
}
