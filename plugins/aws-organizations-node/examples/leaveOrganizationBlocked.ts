import { createBackendModule } from '@backstage/backend-plugin-api';
import { isActionDenied } from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  awsOrganizationsComplianceExtensionPoint,
  denialEvidence,
  guardrailsApply,
  listing,
  nonEmpty,
  statementEvidence,
  uncertaintyEvidence,
} from '@aws-governance/plugin-aws-organizations-node';

/** Its parameters: a `type`, so that it fits `ComplianceParameters`. */
export type LeaveOrganizationParameters = { actions: string[] };

/** SCPs keep every usable member account in the organization. */
export const leaveOrganizationBlockedRule: AwsAccountComplianceRule<LeaveOrganizationParameters> =
  {
    id: 'leave-organization-blocked',
    title: 'Accounts cannot leave the organization',
    severity: 'high',
    level: 'account',
    rationale:
      'An account that leaves takes its workloads out of every guardrail and of the organization trail.',
    remediation:
      'Attach an SCP that denies organizations:LeaveOrganization to the root.',
    defaultParameters: { actions: ['organizations:LeaveOrganization'] },
    // Parameter check: runs when config is read; a problem stops startup
    // naming awsOrganizations.compliance.rules.<id>.parameters.actions.
    validateParameters: p => nonEmpty('actions', p.actions),
    evaluate({ account, index, parameters }) {
      // Scope guard: SCPs do not restrict the management account, and
      // closed or suspended accounts cannot be used.
      if (!guardrailsApply(account, index)) return undefined;
      const scps = index.effectiveScps(account.id);
      const answers = parameters.actions.map(action => ({
        action,
        ...isActionDenied(scps, action, { accountId: account.id }),
      }));
      const unknown = answers.filter(a => a.indeterminate);
      if (unknown.length > 0) {
        return {
          status: 'unknown',
          message: `Whether ${listing(
            unknown.map(a => a.action),
          )} is denied is unknown`,
          evidence: unknown.flatMap(a =>
            uncertaintyEvidence(a.evaluation.uncertain),
          ),
        };
      }
      const allowed = answers.filter(a => !a.denied);
      if (allowed.length > 0) {
        return {
          status: 'fail',
          message: `${account.name} may call ${listing(
            allowed.map(a => a.action),
          )}`,
          evidence: allowed.flatMap(a =>
            statementEvidence(a.evaluation.decisive, 'Allowed by '),
          ),
        };
      }
      return {
        status: 'pass',
        message: `SCPs deny ${listing(parameters.actions)}`,
        evidence: answers.flatMap(a => denialEvidence(a.evaluation, a.action)),
      };
    },
  };

/** The backend module that adds the rule: `backend.add(...)` it. */
export const leaveOrganizationRuleModule = createBackendModule({
  pluginId: 'aws-organizations',
  moduleId: 'leave-organization-rule',
  register(env) {
    env.registerInit({
      deps: { compliance: awsOrganizationsComplianceExtensionPoint },
      async init({ compliance }) {
        compliance.addRules(leaveOrganizationBlockedRule);
      },
    });
  },
});
