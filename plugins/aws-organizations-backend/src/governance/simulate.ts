import {
  evaluateScpsAndRcps,
  LayerOutcome,
  OrganizationPolicyRequest,
  SimulationLayer,
  SimulationRequest,
  SimulationResult,
} from '@aws-governance/plugin-aws-organizations-common';
import { InputError } from '@backstage/errors';
import { GovernanceIndex } from './types';

function principalOf(
  request: SimulationRequest,
  accountId: string,
): OrganizationPolicyRequest['principal'] {
  if (request.principalType === 'service') {
    return { type: 'service', servicePrincipal: request.servicePrincipal! };
  }
  return {
    type: 'iam',
    accountId,
    ...(request.principalType === 'service-linked-role'
      ? { serviceLinkedRole: true }
      : {}),
  };
}

/** The resource ARN's account field, when it holds an account id. */
function arnAccount(resource: string | undefined): string | undefined {
  const account = resource?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The organization keys of a principal outside the organization, as the
 * request states them: its organization, or none (the keys are absent).
 */
function outsiderKeys(
  index: GovernanceIndex,
  request: SimulationRequest,
  principalAccountId: string,
): Pick<OrganizationPolicyRequest, 'context' | 'absentKeys'> {
  const { principalOrgId, context } = request;
  if (principalOrgId === undefined) return { context };
  if (index.accounts.has(principalAccountId)) {
    throw new InputError(
      `Invalid simulation request: principalOrgId: the principal's account ${principalAccountId} is in this organization`,
    );
  }
  if (principalOrgId === null) {
    return {
      context,
      absentKeys: ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths'],
    };
  }
  return { context: { 'aws:PrincipalOrgID': principalOrgId, ...context } };
}

function layerView(outcome: LayerOutcome, accountId: string): SimulationLayer {
  return outcome.applies
    ? { applies: true, decision: outcome.evaluation.decision, accountId }
    : { applies: false, reason: outcome.reason, accountId };
}

/**
 * `POST /simulate`: whether the organization's guardrails allow a request,
 * weighing the SCPs of the principal's account (default: the account) and
 * the RCPs of the resource's account (default: the ARN's account, else the
 * account), with the statements and the layer that decided. Either account
 * may be outside the organization. The management account is exempt from
 * SCPs and its resources from RCPs; a request the evaluator cannot decide
 * is `indeterminate`, never allowed. Undefined for an unknown account.
 */
export function simulate(
  index: GovernanceIndex,
  request: SimulationRequest,
): SimulationResult | undefined {
  if (!index.accounts.has(request.accountId)) return undefined;
  const principalAccountId = request.principalAccountId ?? request.accountId;
  const fromArn = arnAccount(request.resource);
  const resourceAccountId =
    request.resourceAccountId ?? fromArn ?? request.accountId;
  const evaluation = evaluateScpsAndRcps(index.snapshot, {
    action: request.action,
    resource: request.resource,
    region: request.region,
    ...outsiderKeys(index, request, principalAccountId),
    principal: principalOf(request, principalAccountId),
    resourceAccountId,
    kmsKeyManager: request.kmsKeyManager,
  });
  const reasons = [...evaluation.reasons];
  if (!request.resourceAccountId && !fromArn && evaluation.rcp.applies) {
    reasons.push(
      `the resource is taken to be in account ${request.accountId} (give resourceAccountId for another account)`,
    );
  }
  return {
    decision: evaluation.decision,
    reasons,
    decisiveStatements: evaluation.decisive.map(statement => ({
      policyId: statement.policyId,
      policyName: statement.policyName,
      level: { ...statement.level },
      effect: statement.effect,
      statementIndex: statement.statementIndex,
      ...(statement.sid !== undefined ? { sid: statement.sid } : {}),
      layer: statement.layer,
    })),
    layers: {
      decidedBy: evaluation.decidedBy,
      scp: layerView(evaluation.scp, principalAccountId),
      rcp: layerView(evaluation.rcp, resourceAccountId),
      principalAccountId,
      resourceAccountId,
    },
  };
}
