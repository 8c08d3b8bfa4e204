import type { OrganizationSnapshot } from '../snapshot';
import { evaluateActionPattern, isActionPattern } from './actionPattern';
import { effectivePolicies } from './effective';
import { evaluateLayer, layerResult } from './layer';
import type { PolicyKind } from './parse';
import { prepareRequest } from './request';
import type {
  EffectiveScps,
  ScpEvaluation,
  ScpLevel,
  ScpRequest,
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

const derivedLists = new WeakMap<
  EffectiveScps,
  readonly Record<string, string | string[]>[]
>();

/** The derived context of an account as a list, built once per object. */
function derivedOf(effective: EffectiveScps) {
  let list = derivedLists.get(effective);
  if (!list) {
    list = [effective.derivedContext];
    derivedLists.set(effective, list);
  }
  return list;
}

/**
 * Evaluates SCP or RCP levels for one concrete action, with the derived
 * context keys (the first record that has a key wins).
 */
export function evaluatePolicyLevels(
  kind: PolicyKind,
  levels: readonly ScpLevel[],
  request: ScpRequest,
  derived: readonly Record<string, string | string[]>[],
): ScpEvaluation {
  const prepared = prepareRequest(request, derived);
  const evaluation = evaluateLayer(
    levels,
    prepared.compiled,
    request.action,
    kind,
    prepared.action,
  );
  if (prepared.notes.length > 0) {
    evaluation.reasons.push(...prepared.notes);
    evaluation.notes =
      evaluation.notes && evaluation.notes.length > 0
        ? [...prepared.notes, ...evaluation.notes]
        : (prepared.notes as string[]);
  }
  return evaluation;
}

/**
 * Evaluates the SCPs that apply to an account for one what-if request, as
 * AWS does: a matching Deny at any level denies; otherwise every level (the
 * root, each OU on the path, the account) needs a matching Allow. The
 * management account is exempt. Conditions that cannot be decided (unknown
 * operator, a key the request lacks, an unreadable policy, a case AWS's
 * documentation leaves open) make the answer `indeterminate` only when
 * they could change it: a definite Deny, or a level that definitely allows
 * nothing, still denies. An action pattern (`s3:Delete*`) is evaluated for
 * every action it matches: one answer when they agree, otherwise
 * indeterminate.
 *
 * @public
 */
export function evaluateScps(
  source: ScpSource,
  request: ScpRequest,
): ScpEvaluation {
  const effective = toEffective(source, request);
  if (effective.managementAccount) {
    return layerResult('allowed', [
      `account ${effective.accountId} is the management account: SCPs do not restrict it`,
    ]);
  }
  if (!effective.scpsEnabled) {
    return layerResult('allowed', [
      'the organization has not enabled service control policies',
    ]);
  }
  if (isActionPattern(request.action)) {
    return evaluateActionPattern(request.action, action =>
      evaluatePolicyLevels(
        'scp',
        effective.levels,
        { ...request, action },
        derivedOf(effective),
      ),
    );
  }
  return evaluatePolicyLevels(
    'scp',
    effective.levels,
    request,
    derivedOf(effective),
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
