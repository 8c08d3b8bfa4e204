import {
  RemediationEntry,
  ReviewCampaign,
  ReviewDecision,
  ReviewItem,
  ReviewItemState,
  ReviewProgress,
  ReviewRecurrenceInterval,
  ReviewScope,
} from '@aws-governance/plugin-aws-organizations-common';
import { deleteAccountAssignmentCommand } from '@aws-governance/plugin-aws-organizations-common';
import { fromJson, toDate, toIso } from '../timestamps';

/** Table names of the reviews. */
export const TABLES = {
  recurrences: 'aws_org_review_recurrences',
  campaigns: 'aws_org_review_campaigns',
  items: 'aws_org_review_items',
  members: 'aws_org_review_members',
  decisions: 'aws_org_review_decisions',
  remediations: 'aws_org_review_remediations',
  notifications: 'aws_org_review_notifications',
} as const;

/** Rows per insert: within SQLite's bound-variable limit at 25 columns. */
export const INSERT_BATCH = 500;

/** An id column (a number on SQLite, a string for PostgreSQL's bigint). */
export const idOf = (value: unknown): string => String(value);

/** The id of an `insert ... returning('id')` row. */
export const returnedId = (row: unknown): string =>
  idOf(typeof row === 'object' && row !== null ? (row as any).id : row);

/** Progress from counts per state. */
export function progressOf(
  counts: Partial<Record<ReviewItemState, number>>,
): ReviewProgress {
  const pending = counts.pending ?? 0;
  const kept = counts.kept ?? 0;
  const revoked = counts.revoked ?? 0;
  const total = pending + kept + revoked;
  return {
    total,
    pending,
    kept,
    revoked,
    percentDone:
      total === 0 ? 100 : Math.floor(((kept + revoked) * 100) / total),
  };
}

/** A recurrence row as the campaign store reads it. */
export interface RecurrenceRow {
  id: string;
  name: string;
  scope: ReviewScope;
  interval: ReviewRecurrenceInterval;
  dueAfterMs: number;
  nextStartAt: Date;
  nextCycle: number;
  stoppedAt?: Date;
}

export function toRecurrence(row: any): RecurrenceRow {
  return {
    id: idOf(row.id),
    name: row.name,
    scope: fromJson<ReviewScope>(row.scope_json)!,
    interval: row.interval,
    dueAfterMs: Number(row.due_after_ms),
    nextStartAt: toDate(row.next_start_at),
    nextCycle: Number(row.next_cycle),
    ...(row.stopped_at ? { stoppedAt: toDate(row.stopped_at) } : {}),
  };
}

/** A campaign row with its recurrence's columns (left join) and progress. */
export function toCampaign(
  row: any,
  progress: ReviewProgress,
  now: Date,
): ReviewCampaign {
  const dueAt = toDate(row.due_at);
  return {
    id: idOf(row.id),
    name: row.name,
    status: row.status,
    scope: fromJson<ReviewScope>(row.scope_json)!,
    startedAt: toIso(row.started_at)!,
    startedBy: row.started_by,
    dueAt: dueAt.toISOString(),
    ...(row.closed_at ? { closedAt: toIso(row.closed_at) } : {}),
    ...(row.closed_by ? { closedBy: row.closed_by } : {}),
    overdue:
      row.status === 'active' &&
      dueAt.getTime() < now.getTime() &&
      progress.pending > 0,
    snapshot: {
      etag: row.snapshot_etag,
      readAt: toIso(row.snapshot_read_at)!,
    },
    ...(row.recurrence_id !== null && row.recurrence_id !== undefined
      ? {
          recurrence: {
            id: idOf(row.recurrence_id),
            interval: row.recurrence_interval,
            cycle: Number(row.cycle),
            ...(row.recurrence_stopped_at
              ? {}
              : { nextStartAt: toIso(row.recurrence_next_start_at) }),
          },
        }
      : {}),
    progress,
  };
}

export function toDecision(row: any): ReviewDecision {
  return {
    id: idOf(row.id),
    itemId: idOf(row.item_id),
    campaignId: idOf(row.campaign_id),
    kind: row.kind,
    decidedBy: row.decided_by,
    decidedAt: toIso(row.decided_at)!,
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.from_team_ref ? { fromTeamRef: row.from_team_ref } : {}),
    ...(row.to_team_ref ? { toTeamRef: row.to_team_ref } : {}),
  };
}

/** An item row; `decision` and `remediation` come from joined columns. */
export function toItem(row: any): Omit<ReviewItem, 'canDecide'> {
  return {
    id: idOf(row.id),
    campaignId: idOf(row.campaign_id),
    kind: row.kind,
    accountId: row.account_id,
    accountName: row.account_name,
    permissionSetArn: row.permission_set_arn,
    permissionSetName: row.permission_set_name,
    principalType: row.principal_type,
    principalId: row.principal_id,
    principalName: row.principal_name,
    ...(row.principal_ref ? { principalRef: row.principal_ref } : {}),
    memberCount: Number(row.member_count),
    privileged: Boolean(row.privileged),
    ...(row.privilege_level ? { privilegeLevel: row.privilege_level } : {}),
    ...(row.owner_ref ? { ownerRef: row.owner_ref } : {}),
    ...(row.assignee_ref ? { assigneeRef: row.assignee_ref } : {}),
    state: row.state,
    ...(row.decision_id !== null && row.decision_id !== undefined
      ? {
          decision: toDecision({
            id: row.decision_id,
            item_id: row.id,
            campaign_id: row.campaign_id,
            kind: row.d_kind,
            decided_by: row.d_decided_by,
            decided_at: row.d_decided_at,
            reason: row.d_reason,
          }),
        }
      : {}),
    ...(row.role_reach_json
      ? { roleReach: fromJson(row.role_reach_json) }
      : {}),
    ...(row.r_id !== null && row.r_id !== undefined
      ? {
          remediation: {
            id: idOf(row.r_id),
            status: row.r_status,
            ...(row.r_closed_at ? { closedAt: toIso(row.r_closed_at) } : {}),
          },
        }
      : {}),
  };
}

export function toRemediation(row: any, now: Date): RemediationEntry {
  const createdAt = toDate(row.created_at);
  return {
    id: idOf(row.id),
    campaignId: idOf(row.campaign_id),
    itemId: idOf(row.item_id),
    decisionId: idOf(row.decision_id),
    accountId: row.account_id,
    accountName: row.account_name,
    permissionSetArn: row.permission_set_arn,
    permissionSetName: row.permission_set_name,
    principalType: row.principal_type,
    principalId: row.principal_id,
    principalName: row.principal_name,
    instanceArn: row.instance_arn,
    command: deleteAccountAssignmentCommand({
      instanceArn: row.instance_arn,
      accountId: row.account_id,
      permissionSetArn: row.permission_set_arn,
      principalType: row.principal_type,
      principalId: row.principal_id,
    }),
    status: row.status,
    createdAt: createdAt.toISOString(),
    ...(row.closed_at ? { closedAt: toIso(row.closed_at) } : {}),
    ...(row.closed_by_snapshot_etag
      ? { closedBySnapshotEtag: row.closed_by_snapshot_etag }
      : {}),
    ...(row.status === 'open'
      ? {
          openDays: Math.max(
            0,
            Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000),
          ),
        }
      : {}),
  };
}
