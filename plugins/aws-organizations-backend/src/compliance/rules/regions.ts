import {
  allowedRegions,
  ComplianceEvidence,
  evaluateScps,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  dedupeEvidence,
  denialEvidence,
  guardrailsApply,
  listing,
  nonEmpty,
  principalArn,
  statementEvidence,
  uncertaintyEvidence,
} from '@aws-governance/plugin-aws-organizations-node';

/** Parameters of {@link regionsRestrictedRule}. */
export type RegionsParameters = {
  approvedRegions: string[];
  regions: string[];
  action: string;
  principalArn: string;
};

/** AWS commercial regions, the requests the rule tries. */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

function matcher(patterns: string[]): (region: string) => boolean {
  const res = patterns.map(
    p =>
      new RegExp(
        `^${p
          .toLowerCase()
          .split('*')
          .map(s => s.replace(/[.+?^${}()|[\]\\-]/g, '\\$&'))
          .join('.*')}$`,
      ),
  );
  return region => res.some(re => re.test(region.toLowerCase()));
}

/** Requests outside the approved regions are denied by SCP. */
export const regionsRestrictedRule: AwsAccountComplianceRule<RegionsParameters> =
  {
    id: 'regions-restricted',
    title: 'Only approved regions can be used',
    severity: 'medium',
    level: 'account',
    rationale:
      'Resources outside the approved regions escape monitoring, data residency commitments and the disaster recovery plan.',
    remediation:
      'Attach a region restriction SCP (Deny with StringNotEquals/StringNotLike on aws:RequestedRegion, global services exempted) at the root or the OU.',
    defaultParameters: {
      approvedRegions: ['us-*', 'ca-*', 'eu-*'],
      regions: AWS_REGIONS,
      action: 'ec2:RunInstances',
      principalArn: 'arn:aws:iam::{accountId}:role/workload-principal',
    },
    validateParameters: p => nonEmpty('approvedRegions', p.approvedRegions),
    evaluate(context) {
      const { account, index, parameters: p } = context;
      if (!guardrailsApply(account, index)) return undefined;
      const effective = index.effectiveScps(account.id);
      const approved = matcher(p.approvedRegions);
      const outside = p.regions.filter(r => !approved(r));
      const principal = principalArn(p.principalArn, account.id);
      const summary = allowedRegions(effective);
      const allowed: string[] = [];
      const unknown: string[] = [];
      const reasons = new Set<string>();
      const denied: ComplianceEvidence[] = [];
      const uncertain: ComplianceEvidence[] = [];
      const allows: ComplianceEvidence[] = [];
      for (const region of outside) {
        const evaluation = evaluateScps(effective, {
          accountId: account.id,
          action: p.action,
          region,
          context: { 'aws:PrincipalArn': principal },
        });
        if (evaluation.decision === 'denied') {
          denied.push(...denialEvidence(evaluation, p.action));
        } else if (evaluation.decision === 'indeterminate') {
          unknown.push(region);
          evaluation.reasons.forEach(r => reasons.add(r));
          uncertain.push(...uncertaintyEvidence(evaluation.uncertain));
        } else {
          allowed.push(region);
          if (allows.length === 0) {
            allows.push(...statementEvidence(evaluation.decisive));
          }
        }
      }
      const approvedText = listing(p.approvedRegions);
      if (allowed.length > 0) {
        return {
          status: 'fail',
          message: `${p.action} is not denied in ${
            allowed.length
          } region(s) outside ${approvedText}, e.g. ${listing(
            allowed.slice(0, 3),
          )}`,
          evidence: [
            {
              kind: 'note',
              description: summary.restricted
                ? `The region restriction allows ${listing(summary.regions)}`
                : 'No SCP restricts regions',
            },
            ...allows,
          ],
        };
      }
      if (unknown.length > 0) {
        return {
          status: 'unknown',
          message: `Whether ${p.action} is denied in ${listing(
            unknown.slice(0, 3),
          )}${unknown.length > 3 ? '…' : ''} is indeterminate: ${[
            ...reasons,
          ].join('; ')}`,
          evidence: dedupeEvidence(uncertain),
        };
      }
      return {
        status: 'pass',
        message: summary.restricted
          ? `Regions are limited to ${listing(
              summary.regions,
            )} (approved: ${approvedText})`
          : `Every region outside ${approvedText} is denied`,
        evidence: dedupeEvidence(denied),
      };
    },
  };
