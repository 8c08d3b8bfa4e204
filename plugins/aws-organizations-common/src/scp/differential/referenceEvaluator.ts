/**
 * An independent, deliberately simple reference evaluator for the
 * differential tests. It shares no code with the production evaluator and
 * uses another technique: every test returns the SET of values it can take
 * under the readings AWS's documentation allows ({true}, {false} or
 * {true, false}), and sets combine by trying every pair. A statement whose
 * set holds both values makes the answer depend on it.
 *
 * Semantics (each with the AWS page it follows):
 * - Levels: a Deny that applies at any level denies; otherwise every level
 *   needs an Allow that applies (orgs_manage_policies_scps_evaluation).
 * - Action / NotAction: case-insensitive wildcard match.
 * - Resource / NotResource: whole-string wildcard match (the generator
 *   keeps ARNs without colons in the resource part, where segment rules do
 *   not matter). An action listed without resource type is authorized
 *   against "*": "*" covers it, an exact ARN does not, a wildcard ARN of the
 *   action's own service may or may not (service authorization reference:
 *   "you must specify all resources ("*")").
 * - Conditions: operators AND, keys AND, values OR (NOR for negated);
 *   an absent key: false, negated true, IfExists true, ForAllValues true,
 *   ForAnyValue false (reference_policies_elements_condition_operators,
 *   reference_policies_condition-single-vs-multi-valued-context-keys).
 *   A multivalued key without ForAnyValue / ForAllValues: either.
 * - Variables (reference_policies_variables): substituted only after the
 *   fifth colon of a Resource; a key with no value and no default has two
 *   readings: the statement is invalid (does not apply), or the value is
 *   null (equals and is like nothing; negated operators match; a Resource
 *   with it matches nothing).
 */

export type Decision = 'allowed' | 'denied' | 'indeterminate';

type Values = Set<boolean>;
const T: Values = new Set([true]);
const F: Values = new Set([false]);
const BOTH: Values = new Set([true, false]);

function and(a: Values, b: Values): Values {
  const out = new Set<boolean>();
  for (const x of a) for (const y of b) out.add(x && y);
  return out;
}
function or(a: Values, b: Values): Values {
  const out = new Set<boolean>();
  for (const x of a) for (const y of b) out.add(x || y);
  return out;
}
function not(a: Values): Values {
  return new Set([...a].map(x => !x));
}
const of = (b: boolean): Values => (b ? T : F);

/** The documented multivalued global keys (global condition keys page). */
const MULTIVALUED = new Set([
  'aws:tagkeys',
  'aws:principalorgpaths',
  'aws:principalservicenameslist',
  'aws:calledvia',
  'aws:resourceorgpaths',
  'aws:sourceorgpaths',
  'aws:vpceorgpaths',
]);

export interface ReferenceRequest {
  action: string;
  /** `*` for actions without resource type. */
  resource: string;
  /** Present keys (everything else is absent). */
  context: Record<string, string | string[]>;
  /** Actions AWS lists without resource type, lower-case. */
  resourceless: boolean;
}

function like(pattern: string, value: string, ci = false): boolean {
  const p = ci ? pattern.toLowerCase() : pattern;
  const v = ci ? value.toLowerCase() : value;
  // Classic two-pointer glob match, no RegExp.
  let pi = 0;
  let vi = 0;
  let star = -1;
  let mark = 0;
  while (vi < v.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === v[vi])) {
      pi++;
      vi++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = vi;
    } else if (star >= 0) {
      pi = star + 1;
      vi = ++mark;
    } else return false;
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}

function lookup(req: ReferenceRequest, key: string): string[] | undefined {
  for (const [k, v] of Object.entries(req.context)) {
    if (k.toLowerCase() === key.toLowerCase())
      return Array.isArray(v) ? v : [v];
  }
  return undefined;
}

/** A string with variables: its text per reading, or null (no value). */
function substitute(
  text: string,
  req: ReferenceRequest,
  fromColon: number,
): { text: string; literal: boolean[] } | null {
  let out = '';
  const literal: boolean[] = [];
  let colons = 0;
  let i = 0;
  let isNull = false;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const end = text.indexOf('}', i);
      const inner = text.slice(i + 2, end);
      const written = text.slice(i, end + 1);
      i = end + 1;
      if (colons < fromColon) {
        for (const ch of written) {
          out += ch;
          literal.push(false);
          if (ch === ':') colons++;
        }
        continue;
      }
      const m = /^(.*?), '(.*)'$/.exec(inner);
      const key = (m ? m[1] : inner).trim();
      const values = lookup(req, key);
      let value: string | undefined;
      if (
        values &&
        values.length === 1 &&
        !MULTIVALUED.has(key.toLowerCase())
      ) {
        value = values[0];
      } else if (!values && m) value = m[2];
      if (value === undefined) {
        isNull = true;
        continue;
      }
      for (const ch of value) {
        out += ch;
        literal.push(true);
      }
      continue;
    }
    if (text[i] === ':') colons++;
    out += text[i];
    literal.push(false);
    i++;
  }
  return isNull ? null : { text: out, literal };
}

function globWithLiterals(
  p: { text: string; literal: boolean[] },
  value: string,
): boolean {
  // Escape literal chars by mapping them to a private code point pairing.
  let pattern = '';
  const target = value;
  for (let k = 0; k < p.text.length; k++) {
    const ch = p.text[k];
    if (p.literal[k] && (ch === '*' || ch === '?')) {
      pattern += '\u0001';
    } else pattern += ch;
  }
  // Literal wildcards must equal themselves: map them in the value too.
  return like(pattern, target.replace(/[*?]/g, '\u0001'));
}

function resourceValues(
  patterns: string[],
  req: ReferenceRequest,
  service: string,
  variables: boolean,
): Values {
  let acc: Values = F;
  for (const raw of patterns) {
    if (req.resourceless) {
      if (/^\*+$/.test(raw)) acc = or(acc, T);
      else if (!/[*?]|\$\{/.test(raw)) acc = or(acc, F);
      else acc = or(acc, raw.split(':')[2] === service ? BOTH : F);
      continue;
    }
    const s = variables
      ? substitute(raw, req, 5)
      : { text: raw, literal: [...raw].map(() => false) };
    acc = or(acc, s === null ? F : of(globWithLiterals(s, req.resource)));
  }
  return acc;
}

function compare(op: string, policy: string, value: string): boolean {
  switch (op) {
    case 'StringEquals':
      return policy === value;
    case 'StringEqualsIgnoreCase':
      return policy.toLowerCase() === value.toLowerCase();
    case 'StringLike':
      return like(policy, value);
    case 'Bool':
      return policy.toLowerCase() === value.toLowerCase();
    case 'NumericLessThan':
      return Number(value) < Number(policy);
    case 'NumericGreaterThanEquals':
      return Number(value) >= Number(policy);
    default:
      throw new Error(`reference evaluator: no operator ${op}`);
  }
}

function conditionValues(
  condition: Record<string, Record<string, unknown>>,
  req: ReferenceRequest,
  variables: boolean,
): Values {
  let acc: Values = T;
  for (const [fullOp, keys] of Object.entries(condition)) {
    let op = fullOp;
    let qualifier = '';
    const q = /^(ForAnyValue|ForAllValues):(.*)$/.exec(op);
    if (q) {
      qualifier = q[1];
      op = q[2];
    }
    const ifExists = op.endsWith('IfExists') && op !== 'Null';
    if (ifExists) op = op.slice(0, -'IfExists'.length);
    const negated = /Not/.test(op);
    const base = op.replace('Not', '');
    for (const [key, raw] of Object.entries(keys)) {
      const policyValues = (Array.isArray(raw) ? raw : [raw]).map(String);
      const present = lookup(req, key);
      let result: Values;
      if (base === 'Null') {
        result = of(policyValues.some(v => (v === 'true') === !present));
      } else if (!present) {
        if (ifExists || qualifier === 'ForAllValues') result = T;
        else if (qualifier === 'ForAnyValue') result = F;
        else result = of(negated);
      } else if (
        !qualifier &&
        (MULTIVALUED.has(key.toLowerCase()) || present.length !== 1)
      ) {
        result = BOTH;
      } else {
        const perValue = (v: string): boolean => {
          const any = policyValues.some(p => {
            const s = variables
              ? substitute(p, req, 0)
              : { text: p, literal: [...p].map(() => false) };
            if (s === null) return false;
            return base === 'StringLike'
              ? globWithLiterals(s, v)
              : compare(base, s.text, v);
          });
          return negated ? !any : any;
        };
        result = of(
          qualifier === 'ForAllValues'
            ? present.every(perValue)
            : present.some(perValue),
        );
      }
      acc = and(acc, result);
    }
  }
  return acc;
}

type Statement = Record<string, unknown>;

/** The set of values "this statement applies" can take. */
function applies(
  s: Statement,
  req: ReferenceRequest,
  variables: boolean,
): Values {
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]).map(String);
  const actionHit = list(s.Action ?? s.NotAction).some(a =>
    like(a, req.action, true),
  );
  if ((s.Action !== undefined) !== actionHit) return F;
  const service = req.action.split(':')[0].toLowerCase();
  let r = resourceValues(
    list(s.NotResource ?? s.Resource ?? '*'),
    req,
    service,
    variables,
  );
  if (s.NotResource !== undefined) r = not(r);
  const c = s.Condition
    ? conditionValues(
        s.Condition as Record<string, Record<string, unknown>>,
        req,
        variables,
      )
    : T;
  const nullReading = and(r, c);
  // The "invalid statement" reading adds "does not apply" when the
  // statement uses a variable the request cannot resolve, anywhere in it.
  return statementUnresolved(s, req, variables)
    ? new Set([...nullReading, false])
    : nullReading;
}

/** Whether a statement uses a variable (no default) the request cannot resolve. */
function statementUnresolved(
  s: Statement,
  req: ReferenceRequest,
  variables: boolean,
): boolean {
  if (!variables) return false;
  const texts: string[] = [];
  const resources = s.NotResource ?? s.Resource ?? [];
  for (const r of Array.isArray(resources) ? resources : [resources]) {
    // Only the part after the fifth colon is substituted.
    const parts = String(r).split(':');
    texts.push(parts.slice(5).join(':'));
  }
  for (const [op, keys] of Object.entries(
    (s.Condition ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    if (!/String|Arn/.test(op)) continue;
    for (const v of Object.values(keys)) {
      texts.push(...(Array.isArray(v) ? v : [v]).map(String));
    }
  }
  for (const text of texts) {
    for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
      if (m[1].includes(", '") || ['*', '?', '$'].includes(m[1])) continue;
      const values = lookup(req, m[1].trim());
      if (
        !values ||
        values.length !== 1 ||
        MULTIVALUED.has(m[1].trim().toLowerCase())
      ) {
        return true;
      }
    }
  }
  return false;
}

/** Evaluates SCP levels (each a list of policy documents) for a request. */
export function referenceEvaluate(
  levels: object[][],
  req: ReferenceRequest,
): Decision {
  let denyMaybe = false;
  let allLevelsAllowSurely = true;
  for (const level of levels) {
    let allowSure = false;
    let allowMaybe = false;
    for (const doc of level as {
      Version?: string;
      Statement: Statement | Statement[];
    }[]) {
      const variables = doc.Version === '2012-10-17';
      const statements = Array.isArray(doc.Statement)
        ? doc.Statement
        : [doc.Statement];
      for (const s of statements) {
        const v = applies(s, req, variables);
        if (s.Effect === 'Deny') {
          if (v.has(true) && !v.has(false)) return 'denied';
          if (v.has(true)) denyMaybe = true;
        } else if (v.has(true)) {
          if (v.has(false)) allowMaybe = true;
          else allowSure = true;
        }
      }
    }
    if (!allowSure && !allowMaybe) return 'denied';
    if (!allowSure) allLevelsAllowSurely = false;
  }
  return denyMaybe || !allLevelsAllowSurely ? 'indeterminate' : 'allowed';
}
