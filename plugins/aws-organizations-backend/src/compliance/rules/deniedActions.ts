import {
  Account,
  ComplianceEvidence,
  isActionDenied,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AccountComplianceRuleContext,
  ComplianceOutcome,
  dedupeEvidence,
  denialEvidence,
  listing,
  principalArn,
  statementEvidence,
  uncertaintyEvidence,
} from '@aws-governance/plugin-aws-organizations-node';

/**
 * Whether the account's SCPs deny every one of `actions` for the principal,
 * with the decisive statements as evidence: pass when all are denied, fail
 * when one is allowed, unknown when the evaluation is indeterminate.
 */
export function evaluateDeniedActions(
  account: Account,
  context: AccountComplianceRuleContext<{
    actions: string[];
    principalArn: string;
    region: string;
  }>,
  what: string,
): ComplianceOutcome {
  const effective = context.index.effectiveScps(account.id);
  const principal = principalArn(context.parameters.principalArn, account.id);
  const allowed: string[] = [];
  const unknown: string[] = [];
  const denyEvidence: ComplianceEvidence[] = [];
  const allowEvidence: ComplianceEvidence[] = [];
  const unknownEvidence: ComplianceEvidence[] = [];
  const reasons: string[] = [];
  for (const action of context.parameters.actions) {
    const answer = isActionDenied(effective, action, {
      accountId: account.id,
      region: context.parameters.region,
      context: { 'aws:PrincipalArn': principal },
    });
    if (answer.denied) {
      denyEvidence.push(...denialEvidence(answer.evaluation, action));
    } else if (answer.indeterminate) {
      unknown.push(action);
      reasons.push(`${action}: ${answer.evaluation.reasons.join('; ')}`);
      unknownEvidence.push(...uncertaintyEvidence(answer.evaluation.uncertain));
    } else {
      allowed.push(action);
      allowEvidence.push(...statementEvidence(answer.evaluation.decisive));
    }
  }
  if (allowed.length > 0) {
    return {
      status: 'fail',
      message: `No SCP denies ${listing(allowed)}: ${what} is not enforced`,
      evidence: [
        {
          kind: 'note',
          description: `No SCP on the path of ${account.name} denies ${listing(
            allowed,
          )} for ${principal}`,
        },
        ...dedupeEvidence(allowEvidence),
      ],
    };
  }
  if (unknown.length > 0) {
    return {
      status: 'unknown',
      message: `Whether the SCPs deny ${listing(
        unknown,
      )} is indeterminate: ${reasons.join(' | ')}`,
      evidence: dedupeEvidence(unknownEvidence),
    };
  }
  const statements = denyEvidence.filter(e => e.kind === 'scp-statement');
  const by = statements.length
    ? uniqueValues(statements.map(e => e.policyName ?? e.description))
    : ['an allow list'];
  return {
    status: 'pass',
    message: `${listing(context.parameters.actions)} ${
      context.parameters.actions.length > 1 ? 'are' : 'is'
    } denied by ${listing(by)}`,
    evidence: dedupeEvidence(denyEvidence),
  };
}

function uniqueValues<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
