import {
  ComplianceStatus,
  OrganizationSnapshot,
  RuleResult,
} from '@aws-governance/plugin-aws-organizations-common';
import { ChangeDraft } from '../changes/types';
import { ComplianceReport } from './types';

/** A rule's result before and after; undefined where it had none. */
interface Transition {
  ruleId: string;
  from?: RuleResult;
  to?: RuleResult;
}

/**
 * Every rule whose result appeared, disappeared or changed status between
 * two lists of results, in the order of `after` then the vanished ones.
 */
function transitions(
  before: readonly RuleResult[],
  after: readonly RuleResult[],
): Transition[] {
  const previous = new Map(before.map(r => [r.rule.id, r]));
  const changed: Transition[] = [];
  for (const to of after) {
    const from = previous.get(to.rule.id);
    previous.delete(to.rule.id);
    if (from?.status !== to.status) {
      changed.push({ ruleId: to.rule.id, from, to });
    }
  }
  for (const [ruleId, from] of previous) {
    changed.push({ ruleId, from });
  }
  return changed;
}

const statusText = (status: ComplianceStatus | null) => status ?? '(no result)';

function draft(
  subject: string,
  transition: Transition,
  ids: { subjectId: string; accountId?: string },
): ChangeDraft {
  const { ruleId, from, to } = transition;
  const latest = (to ?? from)!;
  const fromStatus = from?.status ?? null;
  const toStatus = to?.status ?? null;
  return {
    kind: 'compliance.changed',
    ...ids,
    summary: `${subject}: ${ruleId} ${statusText(fromStatus)} → ${statusText(
      toStatus,
    )}`,
    details: {
      ruleId,
      from: fromStatus,
      to: toStatus,
      severity: latest.rule.severity,
      message: to
        ? to.message
        : `No result any more: the rule no longer applies to ${subject} (its scope, its state or the rule's configuration changed)`,
      // Messages of results resting on assignments name the principals;
      // the API hides them from callers without the access permission.
      accessEvidence: latest.evidence.some(e => e.kind === 'assignment'),
    },
  };
}

/**
 * `compliance.changed` entries for every account and rule whose result
 * appeared (`from: null`: the rule starts judging the account, e.g. a
 * suspended account, or an account new since the last sync), disappeared
 * (`to: null`) or changed status between two reports, then for
 * organization-level rules. Accounts that left the organization are
 * recorded by `account.removed` alone. Pass the current snapshot to name
 * accounts in the summaries ("payments-prod-us:
 * no-direct-privileged-user-assignments pass → fail").
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
    const before = previous.accounts.get(accountId) ?? [];
    for (const transition of transitions(before, results)) {
      changes.push(
        draft(names.get(accountId) ?? accountId, transition, {
          subjectId: accountId,
          accountId,
        }),
      );
    }
  }
  for (const transition of transitions(
    previous.organization,
    current.organization,
  )) {
    changes.push(
      draft('organization', transition, {
        subjectId: snapshot?.organization.id ?? 'organization',
      }),
    );
  }
  return changes;
}
