import { isValidAwsAccountId } from '../accounts';
import type { OrganizationSnapshot } from '../snapshot';
import { isActionPattern } from '../scp/actionPattern';
import { effectivePolicies } from '../scp/effective';
import { evaluatePolicyLevels } from '../scp/evaluate';
import { actionInfo, rcpGovernsService } from '../scp/iam/catalog';
import { layerResult } from '../scp/layer';
import type { EffectiveScps, ScpEvaluation } from '../scp/types';
import { splitArn } from '../scp/wildcard';
import { effectiveRcps } from './effective';
import {
  RCP_DOC,
  rcpExemption,
  resourcelessReason,
  unsureKmsKey,
} from './exemptions';
import type {
  EffectiveRcps,
  LayeredStatementRef,
  LayerOutcome,
  OrganizationPolicyEvaluation,
  OrganizationPolicyRequest,
  OrganizationPolicySides,
  PolicyLayer,
} from './types';

const SCP_DOC =
  'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html';

type Derived = Record<string, string | string[]>;

/** The account of a resource: as given, else the ARN's account field. */
function resourceAccountOf(request: OrganizationPolicyRequest) {
  if (request.resourceAccountId) return request.resourceAccountId;
  const account = request.resource ? splitArn(request.resource)?.[4] : '';
  return account && isValidAwsAccountId(account) ? account : undefined;
}

/** Keys AWS sets from the kind of principal. */
function principalKeys(request: OrganizationPolicyRequest): Derived {
  const { principal } = request;
  return principal.type === 'service'
    ? {
        'aws:PrincipalIsAWSService': 'true',
        'aws:PrincipalServiceName': principal.servicePrincipal,
      }
    : {
        'aws:PrincipalIsAWSService': 'false',
        'aws:PrincipalAccount': principal.accountId,
      };
}

function notApplies(reason: string): LayerOutcome {
  return { applies: false, reason };
}

function scpLayer(
  scps: EffectiveScps | 'outside-organization',
  request: OrganizationPolicyRequest,
  derived: readonly Derived[],
): LayerOutcome {
  const { principal } = request;
  if (principal.type === 'service') {
    return notApplies(
      `SCPs restrict IAM users and roles of member accounts, not the AWS service principal ${principal.servicePrincipal} (${SCP_DOC})`,
    );
  }
  if (principal.serviceLinkedRole) {
    return notApplies(`SCPs do not affect service-linked roles (${SCP_DOC})`);
  }
  if (scps === 'outside-organization') {
    return notApplies(
      `the principal's account ${principal.accountId} is not in the organization: its SCPs do not apply`,
    );
  }
  if (scps.managementAccount) {
    return notApplies(
      `the principal's account ${scps.accountId} is the management account: SCPs do not restrict it`,
    );
  }
  if (!scps.scpsEnabled) {
    return notApplies(
      'the organization has not enabled service control policies',
    );
  }
  return {
    applies: true,
    evaluation: evaluatePolicyLevels('scp', scps.levels, request, [
      scps.derivedContext,
      ...derived,
    ]),
  };
}

function unknownLayer(reason: string): LayerOutcome {
  return { applies: true, evaluation: layerResult('indeterminate', [reason]) };
}

function rcpLayer(
  rcps: EffectiveRcps | 'outside-organization' | undefined,
  request: OrganizationPolicyRequest,
  derived: readonly Derived[],
): LayerOutcome {
  const action = actionInfo(request.action);
  if (!rcpGovernsService(action.service)) {
    return notApplies(
      `RCPs do not govern ${
        action.service || request.action
      } resources (AWS's list of services that support RCPs: ${RCP_DOC}#rcp-supported-services)`,
    );
  }
  const exempt = rcpExemption(request, action);
  if (exempt) return notApplies(exempt);
  if (rcps !== undefined && rcps !== 'outside-organization') {
    if (!rcps.rcpsEnabled) {
      return notApplies(
        'the organization has not enabled resource control policies',
      );
    }
  }
  if (action.known && action.resourceless) {
    return unknownLayer(resourcelessReason(action));
  }
  if (rcps === undefined) {
    return unknownLayer(
      "the resource's account is not given (and the resource ARN names none): which RCPs apply is unknown",
    );
  }
  if (rcps === 'outside-organization') {
    return notApplies(
      `the resource's account is not in the organization: its RCPs do not apply (${RCP_DOC}#rcp-effects-on-permissions)`,
    );
  }
  if (rcps.managementAccount) {
    return notApplies(
      `the resource is in the management account ${rcps.accountId}: RCPs do not affect its resources (${RCP_DOC})`,
    );
  }
  if (!rcps.known) {
    return unknownLayer(
      'the organization has enabled RCPs but the snapshot does not hold them',
    );
  }
  const evaluation = evaluatePolicyLevels('rcp', rcps.levels, request, [
    ...derived,
    rcps.derivedContext,
  ]);
  const unsure = unsureKmsKey(request, action, evaluation);
  if (unsure) {
    return {
      applies: true,
      evaluation: layerResult(
        'indeterminate',
        [unsure, ...evaluation.reasons],
        { uncertain: evaluation.uncertain },
      ),
    };
  }
  return { applies: true, evaluation };
}

function sidesOf(
  source: OrganizationSnapshot | OrganizationPolicySides,
  request: OrganizationPolicyRequest,
): {
  scps: EffectiveScps | 'outside-organization';
  rcps: EffectiveRcps | 'outside-organization' | undefined;
} {
  if ('principal' in source && 'resource' in source) {
    return { scps: source.principal, rcps: source.resource };
  }
  const snapshot = source as OrganizationSnapshot;
  const { principal } = request;
  const inOrg = (id: string) => effectiveRcps(snapshot, id) !== undefined;
  const scps =
    principal.type === 'iam' && inOrg(principal.accountId)
      ? effectivePolicies(snapshot, principal.accountId)
      : 'outside-organization';
  const resourceAccount = resourceAccountOf(request);
  const rcps =
    resourceAccount === undefined
      ? undefined
      : effectiveRcps(snapshot, resourceAccount) ?? 'outside-organization';
  return { scps, rcps };
}

function combine(
  scp: LayerOutcome,
  rcp: LayerOutcome,
): OrganizationPolicyEvaluation {
  const layers: [PolicyLayer, LayerOutcome][] = [
    ['scp', scp],
    ['rcp', rcp],
  ];
  const applying = layers.filter(
    (l): l is [PolicyLayer, { applies: true; evaluation: ScpEvaluation }] =>
      l[1].applies,
  );
  const word = { scp: 'SCPs', rcp: 'RCPs' };
  const reasonsOf = (which: typeof applying) =>
    which.flatMap(([layer, o]) =>
      o.evaluation.reasons.map(r => `${word[layer]}: ${r}`),
    );
  const skipped = layers.flatMap(([layer, o]) =>
    o.applies ? [] : [`${word[layer]} do not apply: ${o.reason}`],
  );
  const decisiveOf = (which: typeof applying): LayeredStatementRef[] =>
    which.flatMap(([layer, o]) =>
      o.evaluation.decisive.map(ref => ({ ...ref, layer })),
    );
  const all = <K extends 'missingKeys' | 'unknownOperators'>(key: K) => [
    ...new Set(applying.flatMap(([, o]) => o.evaluation[key])),
  ];
  const base = {
    scp,
    rcp,
    missingKeys: all('missingKeys'),
    unknownOperators: all('unknownOperators'),
  };
  const denying = applying.filter(
    ([, o]) => o.evaluation.decision === 'denied',
  );
  if (denying.length > 0) {
    return {
      ...base,
      decision: 'denied',
      decidedBy: denying.map(([l]) => l),
      reasons: reasonsOf(denying),
      decisive: decisiveOf(denying),
    };
  }
  const unsure = applying.filter(
    ([, o]) => o.evaluation.decision === 'indeterminate',
  );
  if (unsure.length > 0) {
    return {
      ...base,
      decision: 'indeterminate',
      decidedBy: [],
      reasons: [...reasonsOf(unsure), ...skipped],
      decisive: [],
    };
  }
  return {
    ...base,
    decision: 'allowed',
    decidedBy: applying.map(([l]) => l),
    reasons:
      applying.length > 0
        ? [...reasonsOf(applying), ...skipped]
        : ['neither SCPs nor RCPs restrict this request', ...skipped],
    decisive: decisiveOf(applying),
  };
}

/**
 * Whether the organization's guardrails allow a request, weighing both
 * sides as AWS does: the SCPs on the principal's account path (when the
 * principal is an IAM user or role of a member account; not for the
 * management account, service-linked roles or AWS service principals) and
 * the RCPs on the resource's account path (when the resource is in a member
 * account and its service is one RCPs govern). Denied when either layer
 * denies (`decidedBy` names it), indeterminate when either cannot say,
 * allowed otherwise. Neither grants anything: "allowed" means the
 * guardrails let identity and resource policies decide.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * @public
 */
export function evaluateScpsAndRcps(
  source: OrganizationSnapshot | OrganizationPolicySides,
  request: OrganizationPolicyRequest,
): OrganizationPolicyEvaluation {
  if (isActionPattern(request.action)) {
    return {
      ...combine(notApplies('not evaluated'), notApplies('not evaluated')),
      decision: 'indeterminate',
      reasons: [
        `give one action, not the pattern ${request.action}: the combined evaluation weighs one request`,
      ],
    };
  }
  const { scps, rcps } = sidesOf(source, request);
  const derived = [principalKeys(request)];
  const resourceDerived =
    rcps && rcps !== 'outside-organization' ? [rcps.derivedContext] : [];
  return combine(
    scpLayer(scps, request, [...derived, ...resourceDerived]),
    rcpLayer(rcps, request, [
      ...(scps !== 'outside-organization' ? [scps.derivedContext] : []),
      ...derived,
    ]),
  );
}

/**
 * Evaluates the RCPs on a resource's account path for a request (the
 * resource side alone; see {@link evaluateScpsAndRcps} for both sides).
 *
 * @public
 */
export function evaluateRcps(
  rcps: EffectiveRcps,
  request: OrganizationPolicyRequest,
): LayerOutcome {
  return rcpLayer(rcps, request, [principalKeys(request)]);
}
