import {
  ComplianceEvidence,
  effectiveRcps,
  evaluateScpsAndRcps,
  RESOURCE_CONTROL_POLICY_TYPE,
} from '@aws-governance/plugin-aws-organizations-common';
import {
  AwsAccountComplianceRule,
  AwsOrganizationComplianceRule,
  describeStatement,
  guardrailsApply,
  listing,
  nonEmpty,
} from '@aws-governance/plugin-aws-organizations-node';

const RCP_DOC =
  'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html';

/** The RCP type is enabled on the root. */
export const rcpsEnabledRule: AwsOrganizationComplianceRule<{}> = {
  id: 'rcps-enabled',
  title: 'Resource control policies are enabled',
  severity: 'medium',
  level: 'organization',
  rationale:
    'Without RCPs nothing in the organization caps what principals outside it may do to its resources: a bucket or key policy that grants too much is the only line.',
  remediation: `Enable the RESOURCE_CONTROL_POLICY type on the root (Organizations console, Policies, or EnablePolicyType); AWS attaches RCPFullAWSAccess everywhere, which changes nothing until you add Deny RCPs (${RCP_DOC}).`,
  defaultParameters: {},
  evaluate({ snapshot }) {
    const root = snapshot.root;
    const listed = snapshot.rootPolicyTypes?.find(
      t => t.type === RESOURCE_CONTROL_POLICY_TYPE,
    );
    const evidence: ComplianceEvidence[] = [
      {
        kind: 'note',
        description: `Root ${root.name} (${root.id}) policy types: ${
          listing(
            (
              snapshot.rootPolicyTypes ??
              snapshot.organization.enabledPolicyTypes.map(type => ({
                type,
                status: 'ENABLED',
              }))
            ).map(t => `${t.type} ${t.status}`),
          ) || 'none'
        }`,
      },
    ];
    if (listed?.status === 'PENDING_ENABLE') {
      return {
        status: 'warn',
        message: 'Resource control policies are being enabled on the root',
        evidence,
      };
    }
    if (
      snapshot.organization.enabledPolicyTypes.includes(
        RESOURCE_CONTROL_POLICY_TYPE,
      )
    ) {
      return {
        status: 'pass',
        message: 'Resource control policies are enabled on the root',
        evidence,
      };
    }
    return {
      status: 'fail',
      message: 'Resource control policies are not enabled on the root',
      evidence,
    };
  },
};

/**
 * Per service, a request the perimeter must refuse: one action on a
 * resource of the account (the resource types of AWS's reference).
 */
export const PERIMETER_PROBES: Readonly<
  Record<string, { action: string; resource: (account: string) => string }>
> = {
  s3: {
    action: 's3:GetObject',
    resource: () => 'arn:aws:s3:::perimeter-probe/object',
  },
  kms: {
    action: 'kms:Decrypt',
    resource: a => `arn:aws:kms:us-east-1:${a}:key/perimeter-probe`,
  },
  sqs: {
    action: 'sqs:SendMessage',
    resource: a => `arn:aws:sqs:us-east-1:${a}:perimeter-probe`,
  },
  secretsmanager: {
    action: 'secretsmanager:GetSecretValue',
    resource: a =>
      `arn:aws:secretsmanager:us-east-1:${a}:secret:perimeter-probe`,
  },
  sts: {
    action: 'sts:AssumeRole',
    resource: a => `arn:aws:iam::${a}:role/perimeter-probe`,
  },
  dynamodb: {
    action: 'dynamodb:GetItem',
    resource: a => `arn:aws:dynamodb:us-east-1:${a}:table/perimeter-probe`,
  },
  ecr: {
    action: 'ecr:BatchGetImage',
    resource: a => `arn:aws:ecr:us-east-1:${a}:repository/perimeter-probe`,
  },
  logs: {
    action: 'logs:GetLogEvents',
    resource: a =>
      `arn:aws:logs:us-east-1:${a}:log-group:perimeter-probe:log-stream:s`,
  },
};

/** Parameters of {@link dataPerimeterRule}. */
export type DataPerimeterParameters = {
  /** Service prefixes whose resources only the organization may use. */
  services: string[];
  workloadOrganizationalUnits: string[];
};

/** An account outside every organization, the perimeter's test caller. */
const OUTSIDER = '000000000000';

/**
 * RCPs on the path of every workload account refuse principals outside
 * the organization for the configured services.
 */
export const dataPerimeterRule: AwsAccountComplianceRule<DataPerimeterParameters> =
  {
    id: 'data-perimeter',
    title: 'A data perimeter protects workload resources',
    severity: 'high',
    level: 'account',
    rationale:
      'An identity perimeter (an RCP that denies principals outside the organization) keeps a mistaken bucket, key, queue or secret policy from opening the resource to the world.',
    remediation: `Attach to the workload OUs an RCP that denies the services' actions when aws:PrincipalOrgID is not the organization's, exempting AWS service principals (aws:PrincipalIsAWSService); see AWS's RCP examples (${RCP_DOC}).`,
    defaultParameters: {
      services: ['s3', 'kms', 'sqs', 'secretsmanager', 'sts'],
      workloadOrganizationalUnits: ['Workloads'],
    },
    validateParameters: p => [
      ...nonEmpty('services', p.services),
      ...nonEmpty('workloadOrganizationalUnits', p.workloadOrganizationalUnits),
      ...p.services
        .filter(s => !(s in PERIMETER_PROBES))
        .map(s => ({
          parameter: 'services',
          message: `'${s}' is not one of ${Object.keys(PERIMETER_PROBES).join(
            ', ',
          )}`,
        })),
    ],
    evaluate({ account, snapshot, index, parameters: p }) {
      if (!guardrailsApply(account, index)) return undefined;
      const units = index.unitsMatching(p.workloadOrganizationalUnits);
      if (!index.isInUnits(account, units)) return undefined;
      const rcps = effectiveRcps(snapshot, account.id)!;
      if (!rcps.rcpsEnabled) {
        return {
          status: 'fail',
          message:
            'Resource control policies are not enabled: no data perimeter',
        };
      }
      if (!rcps.known) {
        return {
          status: 'unknown',
          message:
            'Resource control policies are enabled, but the last read does not hold them',
        };
      }
      const open: string[] = [];
      const unsure: string[] = [];
      const evidence: ComplianceEvidence[] = [];
      const seen = new Set<string>();
      for (const service of p.services) {
        const probe = PERIMETER_PROBES[service];
        const answer = evaluateScpsAndRcps(
          { principal: 'outside-organization', resource: rcps },
          {
            action: probe.action,
            resource: probe.resource(account.id),
            resourceAccountId: account.id,
            kmsKeyManager: 'CUSTOMER',
            principal: { type: 'iam', accountId: OUTSIDER },
            context: { 'aws:SecureTransport': true },
            absentKeys: true,
          },
        );
        if (answer.decision === 'allowed') open.push(service);
        else if (answer.decision === 'indeterminate') {
          unsure.push(service);
          evidence.push({
            kind: 'note',
            description: `${probe.action}: ${answer.reasons.join('; ')}`,
          });
        }
        for (const ref of answer.decisive) {
          const key = `${ref.policyId}#${ref.statementIndex}@${ref.level.targetId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          evidence.push({
            kind: 'rcp-statement',
            description: `${describeStatement(
              ref,
            )} refuses principals outside the organization`,
            policyId: ref.policyId,
            policyName: ref.policyName,
            ...(ref.sid ? { sid: ref.sid } : {}),
          });
        }
      }
      if (open.length > 0) {
        return {
          status: 'fail',
          message: `No RCP refuses principals outside the organization for ${listing(
            open,
          )}`,
          evidence,
        };
      }
      if (unsure.length > 0) {
        return {
          status: 'unknown',
          message: `Whether the RCPs refuse principals outside the organization is unknown for ${listing(
            unsure,
          )}`,
          evidence,
        };
      }
      return {
        status: 'pass',
        message: `RCPs refuse principals outside the organization for ${listing(
          p.services,
        )}`,
        evidence,
      };
    },
  };
