import {
  AwsAccountComplianceRule,
  guardrailsApply,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';
import { evaluateDeniedActions } from './deniedActions';

/** Parameters of {@link cloudTrailProtectedRule}. */
export type CloudTrailParameters = {
  actions: string[];
  principalArn: string;
  region: string;
};

/** Deleting or stopping CloudTrail is denied by SCP. */
export const cloudTrailProtectedRule: AwsAccountComplianceRule<CloudTrailParameters> =
  {
    id: 'cloudtrail-protected',
    title: 'CloudTrail cannot be stopped or deleted',
    severity: 'critical',
    level: 'account',
    rationale:
      'The organization trail is the record of who did what; workload accounts must not be able to delete it or stop logging.',
    remediation:
      'Attach an SCP that denies cloudtrail:StopLogging and cloudtrail:DeleteTrail (e.g. at the root).',
    defaultParameters: {
      actions: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail'],
      principalArn: 'arn:aws:iam::{accountId}:role/workload-principal',
      region: 'us-east-1',
    },
    validateParameters: p => nonEmpty('actions', p.actions),
    evaluate(context) {
      if (!guardrailsApply(context.account, context.index)) return undefined;
      return evaluateDeniedActions(
        context.account,
        context,
        'CloudTrail protection',
      );
    },
  };
