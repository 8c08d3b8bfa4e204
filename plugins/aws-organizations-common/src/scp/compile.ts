import {
  compileCondition,
  CompiledConditionTest,
  evaluateCondition,
} from './conditions';
import type { RequestContext } from './context';
import { tryParseScp } from './parse';
import { andTri, notTri, orTri, Tri, unknown } from './tristate';
import type {
  ParsedScp,
  ScpEffect,
  ScpPolicySource,
  ScpStatement,
} from './types';
import { parseTemplate, resolveTemplate, TemplatePart } from './variables';
import {
  compileWildcardList,
  escapeRegExp,
  Matcher,
  wildcardSource,
} from './wildcard';

/** A request as the compiled statements see it. */
export interface CompiledRequest {
  /** The action, lower-cased. */
  action: string;
  /** The resource, or undefined when not specified. */
  resource?: string;
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
}

/** A policy compiled once: its statements, or why it cannot be read. */
export type CompiledPolicy =
  | { ok: true; parsed: ParsedScp; statements: CompiledStatement[] }
  | { ok: false; error: string };

type ResourcePattern = { matcher: Matcher } | { template: TemplatePart[] };

function compileResources(
  patterns: readonly string[],
  variables: boolean,
): ResourcePattern[] {
  const plain = patterns.filter(p => !(variables && p.includes('${')));
  const out: ResourcePattern[] = [];
  if (plain.length > 0) out.push({ matcher: compileWildcardList(plain) });
  for (const p of patterns) {
    const template = variables ? parseTemplate(p) : undefined;
    if (template) out.push({ template });
  }
  return out;
}

function matchResourcePattern(
  pattern: ResourcePattern,
  resource: string,
  context: RequestContext,
): Tri {
  if ('matcher' in pattern) return pattern.matcher(resource);
  const resolved = resolveTemplate(pattern.template, context);
  if (resolved === null) return false;
  if ('unknown' in resolved) return resolved;
  const source = resolved
    .map(p => (p.wildcards ? wildcardSource(p.text) : escapeRegExp(p.text)))
    .join('');
  return new RegExp(`^${source}$`).test(resource);
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
  const patterns = compileResources(resourceList, variables);
  const resourceNeeded = unknown(
    `statement ${statement.sid ?? `#${statement.index}`} applies to ${
      negatedResource ? 'all resources except ' : ''
    }${resourceList.join(
      ', ',
    )}: the outcome depends on the resource, which the request does not give`,
  );

  const matchesResource = (request: CompiledRequest): Tri => {
    if (anyResource) return !negatedResource;
    if (request.resource === undefined) return resourceNeeded;
    const r = orTri(patterns, p =>
      matchResourcePattern(p, request.resource!, request.context),
    );
    return negatedResource ? notTri(r) : r;
  };

  const tests: CompiledConditionTest[] = statement.condition
    ? compileCondition(statement.condition, variables)
    : [];
  const parts: ((request: CompiledRequest) => Tri)[] = [matchesResource];
  if (tests.length > 0) {
    parts.push(request => evaluateCondition(tests, request.context));
  }
  return {
    statement,
    effect: statement.effect,
    matchesAction,
    matchesRest: request => andTri(parts, part => part(request)),
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
const cache = new Map<string, { content: string; compiled: CompiledPolicy }>();

/**
 * Parses and compiles a policy once per policy id and content: later calls
 * with the same id and content return the cached result.
 */
export function compilePolicy(policy: ScpPolicySource): CompiledPolicy {
  const cached = cache.get(policy.id);
  if (cached && cached.content === policy.content) {
    return cached.compiled;
  }
  let compiled: CompiledPolicy;
  if (policy.parseError !== undefined) {
    compiled = { ok: false, error: policy.parseError };
  } else {
    const parsed = tryParseScp(policy.content);
    compiled = parsed.ok ? compileParsedScp(parsed.policy) : parsed;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(policy.id, { content: policy.content, compiled });
  return compiled;
}
