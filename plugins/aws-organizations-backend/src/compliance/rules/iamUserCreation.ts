import {
  Account,
  isUnknown,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AccountComplianceRuleContext,
  AwsAccountComplianceRule,
  guardrailsApply,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';
import { evaluateDeniedActions } from './deniedActions';

/** Parameters of {@link iamUserCreationBlockedRule}. */
export type IamUserCreationParameters = {
  actions: string[];
  workloadOrganizationalUnits: string[];
  workloadTagKey: string;
  workloadTagValues: string[];
  foundationalOrganizationalUnits: string[];
  principalArn: string;
  region: string;
};

/** The parameters that say which accounts are workload accounts. */
export type WorkloadParameters = Pick<
  IamUserCreationParameters,
  | 'workloadOrganizationalUnits'
  | 'workloadTagKey'
  | 'workloadTagValues'
  | 'foundationalOrganizationalUnits'
>;

/** Which accounts are workload accounts, unless the rule's config says otherwise. */
export const DEFAULT_WORKLOAD_PARAMETERS: WorkloadParameters = {
  workloadOrganizationalUnits: ['Workloads'],
  workloadTagKey: 'environment',
  workloadTagValues: [
    'prod',
    'production',
    'staging',
    'stage',
    'dev',
    'development',
    'test',
    'qa',
  ],
  foundationalOrganizationalUnits: ['Security', 'Infrastructure'],
};

export type Workload = 'yes' | 'no' | { unknown: string };

/**
 * A workload account sits in a workload OU, or carries a workload tag
 * (e.g. environment=prod) outside the foundational OUs: a production
 * account parked elsewhere is still a workload account.
 */
export function isWorkload(
  account: Account,
  context: Pick<
    AccountComplianceRuleContext<WorkloadParameters>,
    'index' | 'parameters'
  >,
): Workload {
  const { index, parameters: p } = context;
  if (
    index.isInUnits(account, index.unitsMatching(p.workloadOrganizationalUnits))
  ) {
    return 'yes';
  }
  if (
    index.isInUnits(
      account,
      index.unitsMatching(p.foundationalOrganizationalUnits),
    )
  ) {
    return 'no';
  }
  if (isUnknown(account.tags)) {
    return { unknown: `its tags could not be read (${account.tags.reason})` };
  }
  const value = account.tags[p.workloadTagKey]?.toLocaleLowerCase('en-US');
  const values = p.workloadTagValues.map(v => v.toLocaleLowerCase('en-US'));
  return value !== undefined && values.includes(value) ? 'yes' : 'no';
}

/** IAM user creation is denied by SCP in workload accounts. */
export const iamUserCreationBlockedRule: AwsAccountComplianceRule<IamUserCreationParameters> =
  {
    id: 'iam-user-creation-blocked',
    title: 'IAM user creation is blocked in workload accounts',
    severity: 'high',
    level: 'account',
    rationale:
      'People sign in through IAM Identity Center; IAM users carry long-lived credentials that bypass the identity provider, MFA and offboarding.',
    remediation:
      'Move the account into a workload OU, or attach an SCP that denies iam:CreateUser, iam:CreateAccessKey and iam:CreateLoginProfile to its OU.',
    defaultParameters: {
      actions: ['iam:CreateUser', 'iam:CreateAccessKey'],
      ...DEFAULT_WORKLOAD_PARAMETERS,
      principalArn: 'arn:aws:iam::{accountId}:role/workload-principal',
      region: 'us-east-1',
    },
    validateParameters: p => nonEmpty('actions', p.actions),
    evaluate(context) {
      const { account } = context;
      if (!guardrailsApply(account, context.index)) return undefined;
      const workload = isWorkload(account, context);
      if (workload === 'no') return undefined;
      if (workload !== 'yes') {
        return {
          status: 'unknown',
          message: `Whether ${account.name} is a workload account is unknown: ${workload.unknown}`,
        };
      }
      return evaluateDeniedActions(
        account,
        context,
        'IAM user creation blocking',
      );
    },
  };
