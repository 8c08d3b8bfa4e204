import { createHash } from 'node:crypto';
import {
  ReviewCampaign,
  ReviewEvidence,
  ReviewEvidenceItem,
} from '@aws-governance/plugin-aws-organizations-common';
import { NotFoundError } from '@backstage/errors';
import { csvLines } from '../governance/csv';
import { ReviewStore } from '../store/reviews/ReviewStore';

/** Columns of the evidence CSV, in order. */
export const EVIDENCE_CSV_HEADER = [
  'campaign_id',
  'campaign_name',
  'snapshot_etag',
  'snapshot_read_at',
  'item_id',
  'kind',
  'account_id',
  'account_name',
  'permission_set_name',
  'permission_set_arn',
  'principal_type',
  'principal_id',
  'principal_name',
  'members',
  'privileged',
  'owner',
  'assigned_to',
  'decision',
  'decided_by',
  'decided_at',
  'reason',
  'handovers',
  'revocation_status',
  'revocation_confirmed_at',
  'revocation_confirmed_by_snapshot',
  'role_reach_path',
] as const;

/** sha256 (hex) of a string. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A campaign's evidence: every item with its decision, who decided, when,
 * the reason, whether the revocation happened, the snapshot the campaign
 * pinned, and `contentHash` = sha256 of `JSON.stringify(content)`.
 */
export async function buildEvidence(
  store: ReviewStore,
  campaignId: string,
  now: Date,
): Promise<ReviewEvidence> {
  const campaign = await store.campaigns.get(campaignId, now);
  if (!campaign) {
    throw new NotFoundError(`No review campaign ${campaignId}`);
  }
  const [members, handovers, remediations] = await Promise.all([
    store.items.memberNames(campaignId),
    store.decisions.handoverCounts(campaignId),
    store.remediations.byItem(campaignId, now),
  ]);
  const items: ReviewEvidenceItem[] = [];
  for await (const page of store.items.all(campaignId)) {
    for (const item of page) {
      const remediation = remediations.get(item.id);
      const decision = item.decision;
      items.push({
        itemId: item.id,
        kind: item.kind,
        accountId: item.accountId,
        accountName: item.accountName,
        permissionSetArn: item.permissionSetArn,
        permissionSetName: item.permissionSetName,
        principalType: item.principalType,
        principalId: item.principalId,
        principalName: item.principalName,
        members:
          item.principalType === 'GROUP'
            ? members.get(item.principalId) ?? []
            : [item.principalName],
        privileged: item.privileged,
        ...(item.ownerRef ? { ownerRef: item.ownerRef } : {}),
        ...(item.assigneeRef ? { assigneeRef: item.assigneeRef } : {}),
        ...(decision && decision.kind !== 'handover'
          ? {
              decision: decision.kind,
              decidedBy: decision.decidedBy,
              decidedAt: decision.decidedAt,
              ...(decision.reason ? { reason: decision.reason } : {}),
            }
          : {}),
        handovers: handovers.get(item.id) ?? 0,
        ...(remediation
          ? {
              revocation: {
                status: remediation.status,
                ...(remediation.closedAt
                  ? { closedAt: remediation.closedAt }
                  : {}),
                ...(remediation.closedBySnapshotEtag
                  ? { closedBySnapshotEtag: remediation.closedBySnapshotEtag }
                  : {}),
              },
            }
          : {}),
        ...(item.roleReach ? { roleReach: item.roleReach } : {}),
      });
    }
  }
  const { overdue: _overdue, ...campaignFields } = campaign;
  const content: ReviewEvidence['content'] = {
    campaign: campaignFields as ReviewEvidence['content']['campaign'],
    snapshot: campaign.snapshot,
    items,
  };
  return {
    generatedAt: now.toISOString(),
    contentHash: sha256(JSON.stringify(content)),
    content,
  };
}

/** Whether a revocation happened: removed, still assigned, or not a revocation. */
function revocationStatus(item: ReviewEvidenceItem): string {
  if (!item.revocation) return '';
  return item.revocation.status === 'closed' ? 'removed' : 'still-assigned';
}

/** The evidence as CSV rows: a header, then one row per item. */
export function evidenceCsv(evidence: ReviewEvidence): string {
  const { campaign, snapshot, items } = evidence.content;
  const rows: string[][] = [[...EVIDENCE_CSV_HEADER]];
  for (const item of items) {
    rows.push([
      campaign.id,
      campaign.name,
      snapshot.etag,
      snapshot.readAt,
      item.itemId,
      item.kind,
      item.accountId,
      item.accountName,
      item.permissionSetName,
      item.permissionSetArn,
      item.principalType,
      item.principalId,
      item.principalName,
      item.members.join(';'),
      String(item.privileged),
      item.ownerRef ?? '',
      item.assigneeRef ?? '',
      item.decision ?? 'pending',
      item.decidedBy ?? '',
      item.decidedAt ?? '',
      item.reason ?? '',
      String(item.handovers),
      revocationStatus(item),
      item.revocation?.closedAt ?? '',
      item.revocation?.closedBySnapshotEtag ?? '',
      item.roleReach ? item.roleReach.path.join(' > ') : '',
    ]);
  }
  return csvLines(rows);
}

/** Evidence file name of a campaign. */
export function evidenceFileName(
  campaign: Pick<ReviewCampaign, 'id'>,
  ext: string,
) {
  return `access-review-${campaign.id}-evidence.${ext}`;
}
