import type { OrganizationSnapshot } from '../snapshot';
import type { CompiledRequest } from './compile';
import { buildRequestContext } from './context';
import { describeLevel } from './describe';
import { effectivePolicies } from './effective';
import { prepareLevel } from './prepare';
import type {
  EffectiveScps,
  ScpEvaluation,
  ScpLevel,
  ScpLevelRef,
  ScpRequest,
  ScpStatementRef,
  ScpUncertainty,
} from './types';

/** What {@link evaluateScps} evaluates against. @public */
export type ScpSource = OrganizationSnapshot | EffectiveScps | ScpLevel[];

function toEffective(source: ScpSource, request: ScpRequest): EffectiveScps {
  if (Array.isArray(source)) {
    return {
      accountId: request.accountId ?? '',
      managementAccount: false,
      scpsEnabled: true,
      levels: source,
      derivedContext: {},
    };
  }
  if ('levels' in source) return source;
  if (!request.accountId) {
    throw new Error('evaluateScps on a snapshot needs request.accountId');
  }
  return effectivePolicies(source, request.accountId);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

function result(
  decision: ScpEvaluation['decision'],
  reasons: string[],
  extra: Partial<ScpEvaluation> = {},
): ScpEvaluation {
  return {
    decision,
    reasons,
    decisive: [],
    levelsWithoutAllow: [],
    uncertain: [],
    missingKeys: [],
    unknownOperators: [],
    ...extra,
  };
}

/**
 * Evaluates the SCPs that apply to an account for one what-if request, as
 * AWS does: a matching Deny at any level denies; otherwise every level (the
 * root, each OU on the path, the account) needs a matching Allow. The
 * management account is exempt. Conditions that cannot be decided (unknown
 * operator, a key the request lacks, an unreadable policy) make the answer
 * `indeterminate` only when they could change it: a definite Deny, or a
 * level that definitely allows nothing, still denies.
 *
 * @public
 */
export function evaluateScps(
  source: ScpSource,
  request: ScpRequest,
): ScpEvaluation {
  const effective = toEffective(source, request);
  if (effective.managementAccount) {
    return result('allowed', [
      `account ${effective.accountId} is the management account: SCPs do not restrict it`,
    ]);
  }
  if (!effective.scpsEnabled) {
    return result('allowed', [
      'the organization has not enabled service control policies',
    ]);
  }
  const compiledRequest: CompiledRequest = {
    action: request.action.toLowerCase(),
    resource:
      request.resource === undefined || request.resource === '*'
        ? undefined
        : request.resource,
    context: buildRequestContext(request, effective.derivedContext),
  };

  const denies: { ref: ScpStatementRef; description: string }[] = [];
  const allows: { ref: ScpStatementRef; description: string }[] = [];
  const uncertainDenies: ScpUncertainty[] = [];
  const uncertainAllowLevels: {
    level: ScpLevelRef;
    items: ScpUncertainty[];
  }[] = [];
  const levelsWithoutAllow: ScpLevelRef[] = [];

  for (const level of effective.levels) {
    const { ref, policies } = prepareLevel(level);
    let allowed: { ref: ScpStatementRef; description: string } | undefined;
    const maybeAllows: ScpUncertainty[] = [];
    for (const policy of policies) {
      if (policy.error !== undefined) {
        const item: ScpUncertainty = {
          policyId: policy.source.id,
          policyName: policy.source.name,
          level: ref,
          reasons: [`the policy cannot be read: ${policy.error}`],
          missingKeys: [],
          unknownOperators: [],
        };
        uncertainDenies.push(item);
        maybeAllows.push(item);
        continue;
      }
      for (const prepared of policy.statements) {
        const s = prepared.compiled;
        if (!s.matchesAction(compiledRequest.action)) continue;
        const isDeny = s.effect === 'Deny';
        if (!isDeny && allowed) continue;
        const match = s.matchesRest(compiledRequest);
        if (match === false) continue;
        if (match === true) {
          if (isDeny) denies.push(prepared);
          else allowed = prepared;
        } else {
          (isDeny ? uncertainDenies : maybeAllows).push({
            ...prepared.ref,
            reasons: match.reasons,
            missingKeys: unique(match.missingKeys),
            unknownOperators: unique(match.unknownOperators),
          });
        }
      }
    }
    if (allowed) allows.push(allowed);
    else if (maybeAllows.length > 0) {
      uncertainAllowLevels.push({ level: ref, items: maybeAllows });
    } else levelsWithoutAllow.push(ref);
  }

  if (denies.length > 0) {
    return result(
      'denied',
      [
        ...denies.map(d => `denied by the ${d.description}`),
        ...levelsWithoutAllow.map(
          l => `no SCP at ${describeLevel(l)} allows ${request.action}`,
        ),
      ],
      { decisive: denies.map(d => d.ref), levelsWithoutAllow },
    );
  }
  if (levelsWithoutAllow.length > 0) {
    return result(
      'denied',
      levelsWithoutAllow.map(
        l =>
          `denied: no SCP attached at ${describeLevel(l)} allows ${
            request.action
          }`,
      ),
      { levelsWithoutAllow },
    );
  }
  const uncertain = [
    ...uncertainDenies,
    ...uncertainAllowLevels.flatMap(l => l.items),
  ];
  if (uncertain.length > 0) {
    const missingKeys = unique(uncertain.flatMap(u => u.missingKeys));
    const unknownOperators = unique(uncertain.flatMap(u => u.unknownOperators));
    const reasons = [
      ...uncertainDenies.map(
        u =>
          `a Deny may apply: ${u.reasons.join('; ')} (${
            u.policyName
          } at ${describeLevel(u.level)})`,
      ),
      ...uncertainAllowLevels.map(
        l =>
          `whether ${describeLevel(l.level)} allows ${
            request.action
          } is unknown: ${l.items.flatMap(i => i.reasons).join('; ')}`,
      ),
    ];
    return result('indeterminate', reasons, {
      uncertain,
      missingKeys,
      unknownOperators,
    });
  }
  return result(
    'allowed',
    [
      `allowed: no Deny applies and every level allows ${request.action}`,
      ...allows.map(a => `allowed by the ${a.description}`),
    ],
    { decisive: allows.map(a => a.ref) },
  );
}

/** The answer of {@link isActionDenied}. @public */
export interface ActionDeniedAnswer {
  /** True only when the SCPs definitely deny the action. */
  denied: boolean;
  /** True when the SCPs may or may not deny it (see `evaluation`). */
  indeterminate: boolean;
  evaluation: ScpEvaluation;
}

/**
 * Whether the SCPs deny an action (any resource) for the account the
 * levels belong to.
 *
 * @public
 */
export function isActionDenied(
  levels: ScpSource,
  action: string,
  options: Omit<ScpRequest, 'action'> = {},
): ActionDeniedAnswer {
  const evaluation = evaluateScps(levels, { ...options, action });
  return {
    denied: evaluation.decision === 'denied',
    indeterminate: evaluation.decision === 'indeterminate',
    evaluation,
  };
}
