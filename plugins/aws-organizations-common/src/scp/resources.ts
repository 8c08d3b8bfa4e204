/**
 * Resource / NotResource matching.
 *
 * - A wildcard (`*`, `?`) matches within an ARN segment; AWS documents that
 *   a `*` that is the last character of a segment can expand beyond the
 *   colon (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards).
 *   Whether a wildcard elsewhere matches a `:` is not documented: a match
 *   that needs it is unknown.
 * - An action whose "Resource types" column is empty in the Service
 *   Authorization Reference is authorized against `*`, and AWS says such a
 *   statement must use `"Resource": "*"`: `*` covers it; an exact ARN does
 *   not; a wildcard ARN that could name the action's service is unknown.
 */
import { MISSING, RequestContext } from './context';
import { orTri, Tri, unknown } from './tristate';
import {
  parseResourceTemplate,
  resolveTemplate,
  ResolvedPiece,
  TemplatePart,
  variableKeys,
} from './variables';
import { compileWildcardList, escapeRegExp, Matcher } from './wildcard';

/** The resource of a request, as the statements see it. */
export type RequestResource =
  /** A resource ARN. */
  | { kind: 'arn'; arn: string }
  /** The action takes no resource type: AWS authorizes it against `*`. */
  | { kind: 'none'; service: string; action: string }
  /** The request does not say which resource. */
  | { kind: 'unspecified' };

/** A Resource or NotResource list, compiled. */
export interface CompiledResources {
  /** Whether the request's resource is one of the patterns. */
  match(resource: RequestResource, context: RequestContext): Tri;
  /** Keys of the substituted variables without a default. */
  variableKeys: string[];
  /** Variables before the fifth colon, kept literal. */
  literalVariables: string[];
}

/** A pattern's text, each character marked as wildcard-capable or not. */
function sources(pieces: readonly ResolvedPiece[]): {
  loose: string;
  strict?: string;
} {
  const chars: { ch: string; wild: boolean }[] = [];
  for (const piece of pieces) {
    for (const ch of piece.text) chars.push({ ch, wild: piece.wildcards });
  }
  let loose = '';
  let strict = '';
  let risky = false;
  chars.forEach(({ ch, wild }, i) => {
    if (wild && ch === '*') {
      loose += '[\\s\\S]*';
      const next = chars[i + 1];
      const trailing = next === undefined || next.ch === ':';
      strict += trailing ? '[\\s\\S]*' : '[^:]*';
      if (!trailing) risky = true;
    } else if (wild && ch === '?') {
      loose += '[\\s\\S]';
      strict += '[^:]';
      risky = true;
    } else {
      loose += escapeRegExp(ch);
      strict += escapeRegExp(ch);
    }
  });
  return risky ? { loose, strict } : { loose };
}

function segmentUnknown(pattern: string) {
  return unknown(
    `whether the wildcard in ${pattern} matches a ":" inside an ARN segment is not documented by AWS`,
  );
}

/** Whether a pattern could name a resource of `service` (conservative). */
function couldNameService(raw: string, service: string): boolean {
  const head = raw.split(':').slice(0, 3);
  const fixed = (text: string) => !/[*?]|\$\{/.test(text);
  if (head.length === 3 && head.every(fixed)) {
    return head[0] === 'arn' && head[2].toLowerCase() === service;
  }
  return !fixed(raw);
}

function resourcelessMatch(
  raw: string,
  resource: { service: string; action: string },
): Tri {
  if (/^\*+$/.test(raw)) return true;
  // An exact ARN names one resource, never "*".
  if (!/[*?]|\$\{/.test(raw)) return false;
  const looksLikeStar = new RegExp(
    `^${sources([{ text: raw, wildcards: true }]).loose}$`,
  ).test('*');
  if (!looksLikeStar && !couldNameService(raw, resource.service)) {
    return false;
  }
  return unknown(
    `${resource.action} takes no resource type, so AWS authorizes it against "*" and documents that a statement needs "Resource": "*" for it; whether ${raw} covers it is not documented`,
  );
}

type Pattern =
  | { raw: string; loose: Matcher; strict: RegExp }
  | { raw: string; template: TemplatePart[] };

function matchTemplate(
  pattern: { raw: string; template: TemplatePart[] },
  arn: string,
  context: RequestContext,
): Tri {
  const resolved = resolveTemplate(pattern.template, context);
  // A variable with no value makes the pattern match no resource.
  if (resolved === null) return false;
  if ('unknown' in resolved) return resolved;
  const { loose, strict } = sources(resolved);
  if (!new RegExp(`^${loose}$`).test(arn)) return false;
  if (strict && !new RegExp(`^${strict}$`).test(arn)) {
    return segmentUnknown(pattern.raw);
  }
  return true;
}

function matchPattern(
  pattern: Pattern,
  arn: string,
  context: RequestContext,
): Tri {
  if ('template' in pattern) return matchTemplate(pattern, arn, context);
  if (!pattern.loose(arn)) return false;
  return pattern.strict.test(arn) ? true : segmentUnknown(pattern.raw);
}

/**
 * Compiles a Resource / NotResource list (the caller negates for
 * NotResource). Variables are substituted when `variables` is true (policy
 * Version 2012-10-17), only after the fifth colon.
 */
export function compileResources(
  patterns: readonly string[],
  variables: boolean,
): CompiledResources {
  const others: Pattern[] = [];
  const keys: string[] = [];
  const literalVariables: string[] = [];
  const safe: string[] = [];
  for (const raw of patterns) {
    const template = variables ? parseResourceTemplate(raw) : undefined;
    literalVariables.push(...(template?.literalVariables ?? []));
    if (template?.parts.some(p => 'key' in p)) {
      others.push({ raw, template: template.parts });
      keys.push(...variableKeys(template.parts));
      continue;
    }
    // A variable before the fifth colon is literal text, wildcards and all.
    const text = template
      ? template.parts.map(p => ('literal' in p ? p.literal : '')).join('')
      : raw;
    const { strict } = sources([{ text, wildcards: true }]);
    if (strict) {
      others.push({
        raw,
        loose: compileWildcardList([text]),
        strict: new RegExp(`^${strict}$`),
      });
    } else safe.push(text);
  }
  const safeMatcher: Matcher | undefined =
    safe.length > 0 ? compileWildcardList(safe) : undefined;

  const matchArn = (arn: string, context: RequestContext): Tri => {
    if (safeMatcher?.(arn)) return true;
    return orTri(others, p => matchPattern(p, arn, context));
  };

  return {
    variableKeys: keys,
    literalVariables,
    match(resource, context) {
      if (resource.kind === 'arn') return matchArn(resource.arn, context);
      if (resource.kind === 'none') {
        return orTri(patterns, raw => resourcelessMatch(raw, resource));
      }
      return unknown('the request does not give the resource');
    },
  };
}

const NONE: { key: string; missing: boolean }[] = [];

/** Whether any of the keys is not resolvable to exactly one value. */
export function unresolvableVariables(
  keys: readonly string[],
  context: RequestContext,
): { key: string; missing: boolean }[] {
  let out: { key: string; missing: boolean }[] | undefined;
  const add = (key: string, missing: boolean) => {
    out = out ?? [];
    out.push({ key, missing });
  };
  for (const key of keys) {
    const lower = key.toLowerCase();
    const found = context.get(lower);
    if (found === MISSING) add(key, true);
    else if (typeof found === 'symbol') add(key, false);
    else if (context.multivalued(lower, found)) add(key, false);
  }
  return out ?? NONE;
}
