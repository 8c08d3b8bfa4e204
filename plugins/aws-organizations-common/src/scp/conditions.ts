import { ABSENT, MISSING, RequestContext } from './context';
import { cidrContains, parseCidr, parseIp } from './ip';
import { BaseOperator, OperatorSpec, parseOperator } from './operators';
import { andTri, notTri, orTri, Tri, Unknown, unknown } from './tristate';
import type { ScpConditionBlock } from './types';
import {
  parseTemplate,
  resolveTemplate,
  TemplatePart,
  variableKeys,
} from './variables';
import {
  compileArnPattern,
  compileWildcard,
  escapeRegExp,
  wildcardSource,
} from './wildcard';

/** Tests one request value against one policy value. */
type ValueTest = (requestValue: string) => Tri;

/** A policy value: a ready test, or a template resolved per request. */
type PolicyValue =
  | { test: ValueTest }
  | { template: TemplatePart[]; raw: string };

/** One operator + key of a condition block, compiled. */
export interface CompiledConditionTest {
  operator: string;
  key: string;
  /** Keys of the policy variables in the values, without a default. */
  variableKeys: string[];
  evaluate(context: RequestContext): Tri;
}

const never: ValueTest = () => false;

function strictNumber(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

function parseDate(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  return Date.parse(text);
}

function literalTest(
  base: BaseOperator,
  operator: string,
  key: string,
  p: string,
): ValueTest {
  const malformed = (what: string): ValueTest => {
    const u = unknown(
      `${operator} on ${key}: the policy value "${p}" is not ${what}`,
    );
    return () => u;
  };
  switch (base.kind) {
    case 'string':
    case 'binary':
      return c => c === p;
    case 'stringIgnoreCase': {
      const lower = p.toLowerCase();
      return c => c.toLowerCase() === lower;
    }
    case 'stringLike':
      return compileWildcard(p);
    case 'arn':
      return compileArnPattern(p);
    case 'bool': {
      const lower = p.toLowerCase();
      if (lower !== 'true' && lower !== 'false') return malformed('a boolean');
      return c => c.toLowerCase() === lower;
    }
    case 'numeric':
    case 'date': {
      const parse = base.kind === 'numeric' ? strictNumber : parseDate;
      const policy = parse(p);
      if (Number.isNaN(policy)) {
        return malformed(base.kind === 'numeric' ? 'a number' : 'a date');
      }
      const compare = base.compare!;
      return c => {
        const request = parse(c);
        return !Number.isNaN(request) && compare(request, policy);
      };
    }
    case 'ip': {
      const block = parseCidr(p);
      if (!block) return malformed('an IP address or CIDR block');
      return c => {
        const ip = parseIp(c);
        return ip !== undefined && cidrContains(block, ip);
      };
    }
    default:
      return never;
  }
}

function templateTest(
  base: BaseOperator,
  operator: string,
  key: string,
  value: { template: TemplatePart[]; raw: string },
  context: RequestContext,
): ValueTest {
  const resolved = resolveTemplate(value.template, context);
  if (resolved === null) return never;
  if ('unknown' in resolved) return () => resolved;
  if (base.kind === 'stringLike') {
    const source = resolved
      .map(p => (p.wildcards ? wildcardSource(p.text) : escapeRegExp(p.text)))
      .join('');
    const re = new RegExp(`^${source}$`);
    return c => re.test(c);
  }
  return literalTest(base, operator, key, resolved.map(p => p.text).join(''));
}

function compileValues(
  spec: OperatorSpec,
  operator: string,
  key: string,
  values: readonly string[],
  variables: boolean,
): PolicyValue[] {
  const kind = spec.base.kind;
  const templated =
    variables &&
    (kind === 'string' ||
      kind === 'stringIgnoreCase' ||
      kind === 'stringLike' ||
      kind === 'arn');
  return values.map(raw => {
    const template = templated ? parseTemplate(raw) : undefined;
    return template
      ? { template, raw }
      : { test: literalTest(spec.base, operator, key, raw) };
  });
}

function nullTest(
  operator: string,
  key: string,
  values: readonly string[],
): CompiledConditionTest {
  const wanted = values.map(v => v.toLowerCase());
  const lowerKey = key.toLowerCase();
  const bad = wanted.find(v => v !== 'true' && v !== 'false');
  return {
    operator,
    key,
    variableKeys: [],
    evaluate(context) {
      if (bad !== undefined) {
        return unknown(`Null on ${key}: "${bad}" is not true or false`);
      }
      const found = context.get(lowerKey);
      if (found === MISSING) return missing(operator, key);
      if (found !== ABSENT && found.length === 0) {
        return unknown(
          `Null on ${key}: the request gives an empty set of values, which AWS does not say counts as present or absent`,
        );
      }
      const isAbsent = found === ABSENT;
      return wanted.some(v => (v === 'true') === isAbsent);
    },
  };
}

function missing(operator: string, key: string): Unknown {
  return unknown(
    `${operator} tests ${key}, which the request does not give (declare it absent or give a value)`,
    { missingKey: key },
  );
}

function compileTest(
  operator: string,
  key: string,
  values: readonly string[],
  variables: boolean,
): CompiledConditionTest {
  const spec = parseOperator(operator);
  if (!spec) {
    const u = unknown(`unknown condition operator ${operator}`, {
      unknownOperator: operator,
    });
    return { operator, key, variableKeys: [], evaluate: () => u };
  }
  if (spec.base.kind === 'null') return nullTest(operator, key, values);
  const policyValues = compileValues(spec, operator, key, values, variables);
  const { negated } = spec.base;
  const lowerKey = key.toLowerCase();
  return {
    operator,
    key,
    variableKeys: policyValues.flatMap(v =>
      'template' in v ? variableKeys(v.template) : [],
    ),
    evaluate(context) {
      const found = context.get(lowerKey);
      if (found === MISSING) return missing(operator, key);
      if (found === ABSENT) {
        if (spec.ifExists || spec.qualifier === 'ForAllValues') return true;
        if (spec.qualifier === 'ForAnyValue') return false;
        return negated;
      }
      if (!spec.qualifier && context.multivalued(lowerKey, found)) {
        return singleOperatorOnSet(operator, key, found.length);
      }
      const tests = policyValues.map(v =>
        'test' in v
          ? v.test
          : templateTest(spec.base, operator, key, v, context),
      );
      // Policy values are OR-ed; a negated operator holds for a request
      // value that matches none of them (NOR).
      const perValue = (c: string): Tri => {
        const any = orTri(tests, t => t(c));
        return negated ? notTri(any) : any;
      };
      if (spec.qualifier === 'ForAllValues') return andTri(found, perValue);
      return orTri(found, perValue);
    },
  };
}

/**
 * A condition operator without ForAnyValue: / ForAllValues: on a key with a
 * set of values: AWS documents that multivalued keys require a set operator
 * and does not say what the plain operator does.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
function singleOperatorOnSet(
  operator: string,
  key: string,
  count: number,
): Unknown {
  return unknown(
    `${operator} tests ${key}, which holds a set of values (${count} in the request), without ForAnyValue: or ForAllValues:; AWS requires a set operator for multivalued keys and does not document the result`,
  );
}

/** The variable keys (without default) of compiled condition tests. */
export function conditionVariableKeys(
  tests: readonly CompiledConditionTest[],
): string[] {
  return tests.flatMap(t => t.variableKeys);
}

/**
 * Compiles a condition block: every operator and every key must hold (AND);
 * the values of one key are alternatives (OR). Condition keys are
 * case-insensitive. Policy variables (`${aws:PrincipalTag/team}`) are
 * resolved in String and Arn operators when `variables` is true (policy
 * Version 2012-10-17).
 */
export function compileCondition(
  block: ScpConditionBlock,
  variables: boolean,
): CompiledConditionTest[] {
  const tests: CompiledConditionTest[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    for (const [key, values] of Object.entries(keys)) {
      tests.push(compileTest(operator, key, values, variables));
    }
  }
  return tests;
}

/** Evaluates compiled condition tests (AND, Kleene). */
export function evaluateCondition(
  tests: readonly CompiledConditionTest[],
  context: RequestContext,
): Tri {
  return andTri(tests, t => t.evaluate(context));
}
