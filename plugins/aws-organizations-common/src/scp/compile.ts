import {
  compileCondition,
  CompiledConditionTest,
  conditionVariableKeys,
  evaluateCondition,
} from './conditions';
import type { RequestContext } from './context';
import { tryParsePolicy, PolicyKind } from './parse';
import {
  compileResources,
  RequestResource,
  unresolvableVariables,
} from './resources';
import { andTri, notTri, Tri, unknown } from './tristate';
import type {
  ParsedScp,
  ScpEffect,
  ScpPolicySource,
  ScpStatement,
} from './types';
import { compileWildcardList, Matcher } from './wildcard';

/** A request as the compiled statements see it. */
export interface CompiledRequest {
  /** The action, lower-cased. */
  action: string;
  resource: RequestResource;
  context: RequestContext;
}

/** A statement ready to evaluate. */
export interface CompiledStatement {
  statement: ScpStatement;
  effect: ScpEffect;
  /** Action / NotAction already applied; the action is lower-cased. */
  matchesAction: Matcher;
  /** Resource / NotResource and Condition. */
  matchesRest(request: CompiledRequest): Tri;
  /** What the explanation should say about this statement when it is weighed. */
  notes: string[];
}

/** A policy compiled once: its statements, or why it cannot be read. */
export type CompiledPolicy =
  | { ok: true; parsed: ParsedScp; statements: CompiledStatement[] }
  | { ok: false; error: string };

function label(statement: ScpStatement): string {
  return `statement ${statement.sid ?? `#${statement.index + 1}`}`;
}

/**
 * Under the reading that a variable AWS cannot resolve makes the entire
 * statement invalid, a statement that would otherwise apply might not:
 * AWS's text ("might cause the entire statement to be invalid", and
 * elsewhere that a variable with no value equals nothing and negated
 * operators match it) leaves both open, so such a statement is unknown.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
function unresolvedVariables(
  statement: ScpStatement,
  keys: readonly string[],
  context: RequestContext,
): Tri {
  const unresolved = unresolvableVariables(keys, context);
  if (unresolved.length === 0) return true;
  const names = unresolved.map(u => `\${${u.key}}`).join(', ');
  const result = unknown(
    `${label(
      statement,
    )} uses ${names}, which the request cannot resolve to one value; AWS documents that an unresolvable variable might make the entire statement invalid, so whether it applies is unknown`,
  );
  result.missingKeys.push(...unresolved.filter(u => u.missing).map(u => u.key));
  return result;
}

function compileStatement(
  statement: ScpStatement,
  variables: boolean,
): CompiledStatement {
  const actionList = (statement.action ?? statement.notAction ?? []).map(a =>
    a.toLowerCase(),
  );
  const actions = compileWildcardList(actionList);
  const matchesAction: Matcher = statement.action
    ? actions
    : action => !actions(action);

  const negatedResource = statement.notResource !== undefined;
  const resourceList = statement.notResource ?? statement.resource ?? ['*'];
  const anyResource = resourceList.includes('*');
  const resources = compileResources(resourceList, variables);
  const resourceNeeded = unknown(
    `${label(statement)} applies to ${
      negatedResource ? 'all resources except ' : ''
    }${resourceList.join(
      ', ',
    )}: the outcome depends on the resource, which the request does not give`,
  );

  const matchesResource = (request: CompiledRequest): Tri => {
    if (anyResource) return !negatedResource;
    if (request.resource.kind === 'unspecified') return resourceNeeded;
    const r = resources.match(request.resource, request.context);
    return negatedResource ? notTri(r) : r;
  };

  const tests: CompiledConditionTest[] = statement.condition
    ? compileCondition(statement.condition, variables)
    : [];
  const parts: ((request: CompiledRequest) => Tri)[] = [matchesResource];
  if (tests.length > 0) {
    parts.push(request => evaluateCondition(tests, request.context));
  }
  const keys = [...resources.variableKeys];
  keys.push(...conditionVariableKeys(tests));
  const notes = resources.literalVariables.map(
    v =>
      `${label(
        statement,
      )}: the policy variable ${v} is before the fifth colon of the ARN (service, region or account part), where AWS does not substitute variables; it is compared as literal text`,
  );
  const applies = (request: CompiledRequest): Tri =>
    parts.length === 1
      ? matchesResource(request)
      : andTri(parts, part => part(request));
  const matchesRest =
    keys.length === 0
      ? applies
      : (request: CompiledRequest): Tri => {
          const result = applies(request);
          if (result === false) return false;
          const variablesTri = unresolvedVariables(
            statement,
            keys,
            request.context,
          );
          if (variablesTri === true) return result;
          return result === true
            ? variablesTri
            : andTri([result, variablesTri], t => t);
        };
  return {
    statement,
    effect: statement.effect,
    matchesAction,
    matchesRest,
    notes,
  };
}

/** Compiles a parsed policy (no caching). */
export function compileParsedScp(parsed: ParsedScp): CompiledPolicy {
  const variables = parsed.version === '2012-10-17';
  return {
    ok: true,
    parsed,
    statements: parsed.statements.map(s => compileStatement(s, variables)),
  };
}

const CACHE_LIMIT = 10_000;
type Cache = Map<string, { content: string; compiled: CompiledPolicy }>;
const caches: Record<PolicyKind, Cache> = { scp: new Map(), rcp: new Map() };

function compileSource(
  policy: ScpPolicySource,
  kind: PolicyKind,
): CompiledPolicy {
  if (policy.parseError !== undefined) {
    return { ok: false, error: policy.parseError };
  }
  const parsed = tryParsePolicy(policy.content, kind);
  if (!parsed.ok) return parsed;
  if (kind === 'rcp' && !policy.awsManaged) {
    const allow = parsed.policy.statements.find(s => s.effect === 'Allow');
    if (allow) {
      return {
        ok: false,
        error: `${label(
          allow,
        )} allows: AWS supports Allow in an RCP only in the AWS managed RCPFullAWSAccess`,
      };
    }
  }
  return compileParsedScp(parsed.policy);
}

/**
 * Parses and compiles a policy once per kind, policy id and content: later
 * calls with the same id and content return the cached result.
 */
export function compilePolicy(
  policy: ScpPolicySource,
  kind: PolicyKind = 'scp',
): CompiledPolicy {
  const cache = caches[kind];
  const cached = cache.get(policy.id);
  if (cached && cached.content === policy.content) {
    return cached.compiled;
  }
  const compiled = compileSource(policy, kind);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(policy.id, { content: policy.content, compiled });
  return compiled;
}
