import {
  OrganizationSnapshot,
  RuleResult,
} from '@aws-governance/plugin-aws-organizations-common';
import { ChangeDraft } from '../changes/types';
import { ComplianceReport } from './types';

function flips(
  before: readonly RuleResult[],
  after: readonly RuleResult[],
): { from: RuleResult; to: RuleResult }[] {
  const previous = new Map(before.map(r => [r.rule.id, r]));
  return after.flatMap(to => {
    const from = previous.get(to.rule.id);
    return from && from.status !== to.status ? [{ from, to }] : [];
  });
}

function draft(
  subject: string,
  flip: { from: RuleResult; to: RuleResult },
  ids: { subjectId: string; accountId?: string },
): ChangeDraft {
  const { from, to } = flip;
  return {
    kind: 'compliance.changed',
    ...ids,
    summary: `${subject}: ${to.rule.id} ${from.status} → ${to.status}`,
    details: {
      ruleId: to.rule.id,
      from: from.status,
      to: to.status,
      severity: to.rule.severity,
      message: to.message,
    },
  };
}

/**
 * `compliance.changed` entries for every account and rule whose status
 * changed between two reports, then for organization-level rules. A rule
 * or account present in only one report (new account, rule enabled) is no
 * flip. Pass the current snapshot to name accounts in the summaries
 * ("payments-prod-us: no-direct-privileged-user-assignments pass → fail").
 *
 * @public
 */
export function complianceChanges(
  previous: ComplianceReport,
  current: ComplianceReport,
  snapshot?: OrganizationSnapshot,
): ChangeDraft[] {
  const names = new Map(snapshot?.accounts.map(a => [a.id, a.name]) ?? []);
  const changes: ChangeDraft[] = [];
  for (const [accountId, results] of current.accounts) {
    const before = previous.accounts.get(accountId);
    if (!before) continue;
    for (const flip of flips(before, results)) {
      changes.push(
        draft(names.get(accountId) ?? accountId, flip, {
          subjectId: accountId,
          accountId,
        }),
      );
    }
  }
  for (const flip of flips(previous.organization, current.organization)) {
    changes.push(
      draft('organization', flip, {
        subjectId: snapshot?.organization.id ?? 'organization',
      }),
    );
  }
  return changes;
}
