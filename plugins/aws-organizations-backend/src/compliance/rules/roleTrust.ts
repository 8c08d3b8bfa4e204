/**
 * Two rules over role trust policies: roles that accounts outside the
 * organization may assume without an external id (the confused-deputy
 * guard AWS recommends for third parties), and roles that trust `"*"`
 * without limiting callers to the organization.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */
import {
  ComplianceEvidence,
  IamRole,
  TrustEdge,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AccountComplianceRuleContext,
  AwsAccountComplianceRule,
  ComplianceOutcome,
  ComplianceParameters,
  listing,
  matchesAnyName,
} from '@aws-governance/plugin-aws-organizations-node';
import { knownRoles, roleEvidence } from './rolesCommon';

function statementName(edge: TrustEdge): string {
  return edge.sid
    ? `statement ${edge.statementIndex} (${edge.sid})`
    : `statement ${edge.statementIndex}`;
}

/**
 * Judges each role's trust edges: a failure per role with an offending
 * edge, unknown per role whose trust policy cannot be read.
 */
function judgeTrust<P extends ComplianceParameters & { exemptRoles: string[] }>(
  context: AccountComplianceRuleContext<P>,
  offends: (edge: TrustEdge) => string | undefined,
  wording: { pass: string; fail: string },
): ComplianceOutcome | undefined {
  const known = knownRoles(context);
  if ('outcome' in known) return known.outcome;
  const { account, index, parameters } = context;
  const failing: ComplianceEvidence[] = [];
  const unknown: ComplianceEvidence[] = [];
  const judge = (role: IamRole) => {
    const trust = index.iam.trust(role);
    if (!trust.ok) {
      unknown.push(
        roleEvidence(
          role,
          account.id,
          `${role.name}: the trust policy cannot be read (${trust.error})`,
        ),
      );
      return;
    }
    const why = trust.edges
      .filter(e => e.effect === 'Allow' && e.actions.length > 0)
      .flatMap(e => {
        const reason = offends(e);
        return reason ? [`${statementName(e)} ${reason}`] : [];
      });
    if (why.length > 0) {
      failing.push(
        roleEvidence(role, account.id, `${role.name}: ${listing(why)}`),
      );
    }
  };
  for (const role of known.part.roles) {
    if (!matchesAnyName(role.name, parameters.exemptRoles)) judge(role);
  }
  if (failing.length > 0) {
    return {
      status: 'fail',
      message: `${wording.fail}: ${listing(
        failing.map(e => e.description.split(':')[0]),
      )}`,
      evidence: [...failing, ...unknown],
    };
  }
  if (unknown.length > 0) {
    return {
      status: 'unknown',
      message: `Trust policies that cannot be read: ${listing(
        unknown.map(e => e.description.split(':')[0]),
      )}`,
      evidence: unknown,
    };
  }
  return { status: 'pass', message: wording.pass };
}

/** Parameters of {@link externalTrustExternalIdRule}. */
export type ExternalTrustParameters = {
  /** Outside accounts exempted (e.g. an AWS service's own account the vendor documents). */
  exemptAccounts: string[];
  /** Role names exempted (`*` wildcards). */
  exemptRoles: string[];
};

/** Roles that accounts outside the organization may assume require an external id. */
export const externalTrustExternalIdRule: AwsAccountComplianceRule<ExternalTrustParameters> =
  {
    id: 'role-external-trust-requires-external-id',
    title:
      'Roles assumable from outside the organization require an external id',
    severity: 'high',
    level: 'account',
    rationale:
      'A third party that assumes roles for many customers can be tricked into using its access to your account on another customer’s behalf (the confused deputy); the external id each customer gives it prevents that.',
    remediation:
      'Add a Condition `StringEquals: { "sts:ExternalId": "<the id the third party gave you>" }` to the trust statement that names the outside account, or remove the statement if the third party no longer needs the role.',
    defaultParameters: { exemptAccounts: [], exemptRoles: [] },
    evaluate(context) {
      const exempt = new Set(context.parameters.exemptAccounts);
      return judgeTrust(
        context,
        edge => {
          const p = edge.principal;
          if (
            (p.kind === 'account' ||
              p.kind === 'role' ||
              p.kind === 'user' ||
              p.kind === 'assumed-role') &&
            !p.inOrganization &&
            !exempt.has(p.accountId) &&
            edge.actions.includes('sts:AssumeRole') &&
            !edge.externalIdRequired
          ) {
            return `admits ${
              p.kind === 'account' ? 'account' : `${p.kind} ${p.name} of`
            } ${p.accountId} (outside the organization) without an external id`;
          }
          return undefined;
        },
        {
          pass: 'No role here may be assumed from outside the organization without an external id',
          fail: 'Roles assumable from outside the organization without an external id',
        },
      );
    },
  };

/** Parameters of {@link trustAnyoneOrganizationRule}. */
export type TrustAnyoneParameters = {
  /**
   * Condition keys accepted beside aws:PrincipalOrgID and
   * aws:PrincipalOrgPaths as limiting `"*"` (e.g. aws:PrincipalAccount).
   */
  acceptedConditionKeys: string[];
  exemptRoles: string[];
};

/** A positive operator (not negated, not IfExists, not Null). */
function positive(operator: string): boolean {
  const base = operator.replace(/^For(Any|All)Values:/, '');
  return !/Not|IfExists$|^Null$/.test(base);
}

/** Roles that trust `"*"` limit callers to the organization. */
export const trustAnyoneOrganizationRule: AwsAccountComplianceRule<TrustAnyoneParameters> =
  {
    id: 'role-trust-anyone-requires-organization',
    title: 'Roles that trust "*" limit callers to the organization',
    severity: 'critical',
    level: 'account',
    rationale:
      'A trust policy whose Principal is "*" lets any AWS principal in any account assume the role unless a condition narrows it; aws:PrincipalOrgID (or aws:PrincipalOrgPaths) keeps it inside the organization.',
    remediation:
      'Add a Condition `StringEquals: { "aws:PrincipalOrgID": "<your organization id>" }` to the statement, or name the trusted accounts or roles instead of "*".',
    defaultParameters: { acceptedConditionKeys: [], exemptRoles: [] },
    evaluate(context) {
      const accepted = new Set(
        context.parameters.acceptedConditionKeys.map(k => k.toLowerCase()),
      );
      return judgeTrust(
        context,
        edge => {
          if (edge.principal.kind !== 'anyone') return undefined;
          if (edge.organizationRestricted) return undefined;
          if (
            edge.conditions.some(
              c => accepted.has(c.key.toLowerCase()) && positive(c.operator),
            )
          ) {
            return undefined;
          }
          return 'trusts "*" without an aws:PrincipalOrgID or aws:PrincipalOrgPaths condition';
        },
        {
          pass: 'No role here trusts "*" without limiting callers to the organization',
          fail: 'Roles that trust "*" without an organization condition',
        },
      );
    },
  };
