import {
  indexSnapshot,
  ReviewCampaign,
  ReviewComplianceReport,
  ReviewRuleId,
  ReviewRuleResult,
} from '@aws-governance/plugin-aws-organizations-common';
import { ReviewStore } from '../store/reviews/ReviewStore';
import { ReviewSnapshotView } from './createReviewService';
import { grantKey, privilegeOf } from './scope';

/** The review rules: what each checks. */
export const REVIEW_RULES: Record<
  ReviewRuleId,
  { title: string; description: (graceDays: number) => string }
> = {
  'review-revocation-applied': {
    title: 'Revocations are applied',
    description: days =>
      `A grant revoked in an access review is no longer assigned ${days} days after the decision.`,
  },
  'review-account-reviewed': {
    title: 'Accounts are reviewed every cycle',
    description: () =>
      'Every grant of the account was decided in the last finished campaign covering it (past its due date or closed).',
  },
  'review-privileged-keep-reason': {
    title: 'Privileged grants kept with a reason',
    description: () =>
      'A privileged grant kept in its newest review has a reason recorded with the decision.',
  },
};

/** Whether a campaign's scope covers an account (path from the current snapshot). */
function covers(
  campaign: ReviewCampaign,
  account: { id: string; path: string[] },
) {
  const { organizationalUnitIds, accountIds } = campaign.scope;
  if (organizationalUnitIds.length === 0 && accountIds.length === 0)
    return true;
  return (
    accountIds.includes(account.id) ||
    account.path.some(id => organizationalUnitIds.includes(id))
  );
}

/**
 * Evaluates the three review rules on the current snapshot and the review
 * store: per account, `fail` with evidence, `unknown` where nothing can be
 * said yet (no campaign has finished), `pass` otherwise. They are not rules
 * of the snapshot's compliance engine: their input is the review store,
 * which changes between syncs.
 */
export async function evaluateReviewRules(options: {
  store: ReviewStore;
  view: ReviewSnapshotView;
  graceDays: number;
  now: Date;
}): Promise<ReviewComplianceReport> {
  const { store, view, graceDays, now } = options;
  const { snapshot } = view;
  const index = indexSnapshot(snapshot);
  const results: ReviewRuleResult[] = [];
  const failed: Record<ReviewRuleId, Set<string>> = {
    'review-revocation-applied': new Set(),
    'review-account-reviewed': new Set(),
    'review-privileged-keep-reason': new Set(),
  };
  let unknownReviewed = 0;

  // 1. Revoked but still assigned after the grace period.
  const late = (await store.remediations.open(now)).filter(
    entry =>
      (entry.openDays ?? 0) >= graceDays && index.accounts.has(entry.accountId),
  );
  const lateByAccount = new Map<string, typeof late>();
  for (const entry of late) {
    lateByAccount.set(entry.accountId, [
      ...(lateByAccount.get(entry.accountId) ?? []),
      entry,
    ]);
  }
  for (const [accountId, entries] of lateByAccount) {
    failed['review-revocation-applied'].add(accountId);
    results.push({
      ruleId: 'review-revocation-applied',
      accountId,
      status: 'fail',
      message: `${entries.length} revoked grant(s) still assigned ${graceDays}+ days after the decision`,
      evidence: entries.map(entry => ({
        remediationId: entry.id,
        itemId: entry.itemId,
        campaignId: entry.campaignId,
        description: `${
          entry.permissionSetName
        } for ${entry.principalType.toLowerCase()} ${
          entry.principalName
        }, revoked ${entry.createdAt.slice(0, 10)}: ${entry.command}`,
      })),
    });
  }

  // 2. Not reviewed in the last finished campaign covering the account.
  const finished = (
    await store.campaigns.list({ offset: 0, limit: 500 }, now)
  ).items.filter(
    c => c.status === 'closed' || new Date(c.dueAt).getTime() <= now.getTime(),
  );
  const counts = await store.items.accountCounts(finished.map(c => c.id));
  for (const account of snapshot.accounts) {
    const grants = index.assignmentsByAccount.get(account.id)?.length ?? 0;
    const last = finished.find(c => covers(c, account));
    if (!last) {
      if (grants > 0) {
        unknownReviewed += 1;
        results.push({
          ruleId: 'review-account-reviewed',
          accountId: account.id,
          status: 'unknown',
          message:
            'No finished access review campaign has covered this account yet',
          evidence: [],
        });
      }
      continue;
    }
    const c = counts.get(last.id)?.get(account.id);
    const joinedAfter =
      new Date(account.joinedTimestamp).getTime() >
      new Date(last.startedAt).getTime();
    if (!c && (grants === 0 || joinedAfter)) continue;
    if (c && !c.pending) continue;
    failed['review-account-reviewed'].add(account.id);
    results.push({
      ruleId: 'review-account-reviewed',
      accountId: account.id,
      status: 'fail',
      message: c
        ? `${c.pending} grant(s) left undecided in "${
            last.name
          }" (due ${last.dueAt.slice(0, 10)})`
        : `"${last.name}" pinned no grant of this account though it holds ${grants}`,
      evidence: [
        {
          campaignId: last.id,
          description: `campaign ${last.id} "${
            last.name
          }", due ${last.dueAt.slice(0, 10)}`,
        },
      ],
    });
  }

  // 3. Privileged grants kept without a reason (privileged then or now).
  const privilege = privilegeOf(index);
  const present = new Set(
    (snapshot.identityCenter.status === 'available'
      ? snapshot.identityCenter.assignments
      : []
    ).map(grantKey),
  );
  const unreasoned = (await store.items.keptWithoutReason()).filter(
    item =>
      index.accounts.has(item.accountId) &&
      (item.kind !== 'assignment' || present.has(grantKey(item))) &&
      (item.privileged || privilege(item.permissionSetArn)?.privileged),
  );
  const byAccount = new Map<string, typeof unreasoned>();
  for (const item of unreasoned) {
    byAccount.set(item.accountId, [
      ...(byAccount.get(item.accountId) ?? []),
      item,
    ]);
  }
  for (const [accountId, items] of byAccount) {
    failed['review-privileged-keep-reason'].add(accountId);
    results.push({
      ruleId: 'review-privileged-keep-reason',
      accountId,
      status: 'fail',
      message: `${items.length} privileged grant(s) kept without a reason`,
      evidence: items.map(item => ({
        itemId: item.id,
        campaignId: item.campaignId,
        description: `${
          item.permissionSetName
        } for ${item.principalType.toLowerCase()} ${
          item.principalName
        }, kept by ${item.decision?.decidedBy ?? 'unknown'}`,
      })),
    });
  }

  const accounts = snapshot.accounts.length;
  const rules = (Object.keys(REVIEW_RULES) as ReviewRuleId[]).map(id => {
    const unknown = id === 'review-account-reviewed' ? unknownReviewed : 0;
    const fail = failed[id].size;
    return {
      id,
      title: REVIEW_RULES[id].title,
      description: REVIEW_RULES[id].description(graceDays),
      counts: { pass: accounts - fail - unknown, fail, unknown },
    };
  });
  results.sort(
    (a, b) =>
      a.accountId.localeCompare(b.accountId) ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { rules, results };
}
