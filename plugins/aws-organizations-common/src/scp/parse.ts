import type { ParsedScp, ScpConditionBlock, ScpStatement } from './types';

/**
 * Which Organizations policy language a document is written in: a service
 * control policy (no Principal / NotPrincipal) or a resource control policy
 * (`Principal` must be `"*"`; no NotPrincipal, no NotAction).
 *
 * @public
 */
export type PolicyKind = 'scp' | 'rcp';

/**
 * Thrown by {@link parseScp} for a document that is not valid JSON or not a
 * valid policy shape; the message says where.
 *
 * @public
 */
export class ScpParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScpParseError';
  }
}

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
  'Principal',
  'NotPrincipal',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    throw new ScpParseError(`${where} must not be empty`);
  }
  return list.map((item, i) => {
    if (typeof item !== 'string' || item.length === 0) {
      throw new ScpParseError(
        `${where}${
          Array.isArray(value) ? `[${i}]` : ''
        } must be a non-empty string`,
      );
    }
    return item;
  });
}

function conditionValues(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) {
    throw new ScpParseError(`${where} must not be empty`);
  }
  return list.map(item => {
    if (
      typeof item === 'string' ||
      typeof item === 'number' ||
      typeof item === 'boolean'
    ) {
      return String(item);
    }
    throw new ScpParseError(
      `${where} values must be strings, numbers or booleans`,
    );
  });
}

function parseCondition(value: unknown, where: string): ScpConditionBlock {
  if (!isObject(value)) {
    throw new ScpParseError(`${where} must be an object`);
  }
  const block: ScpConditionBlock = {};
  for (const [operator, keys] of Object.entries(value)) {
    if (!isObject(keys) || Object.keys(keys).length === 0) {
      throw new ScpParseError(
        `${where}.${operator} must be a non-empty object of condition keys`,
      );
    }
    block[operator] = {};
    for (const [key, values] of Object.entries(keys)) {
      block[operator][key] = conditionValues(
        values,
        `${where}.${operator}.${key}`,
      );
    }
  }
  return block;
}

/** The element rules that differ between SCPs and RCPs. */
function checkPrincipal(
  raw: Record<string, unknown>,
  where: string,
  kind: PolicyKind,
): void {
  if (kind === 'scp') {
    if (raw.Principal !== undefined || raw.NotPrincipal !== undefined) {
      throw new ScpParseError(
        `${where}: Principal / NotPrincipal are not supported in an SCP`,
      );
    }
    return;
  }
  // https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
  if (raw.NotPrincipal !== undefined) {
    throw new ScpParseError(
      `${where}: NotPrincipal is not supported in an RCP`,
    );
  }
  if (raw.NotAction !== undefined) {
    throw new ScpParseError(`${where}: NotAction is not supported in an RCP`);
  }
  if (raw.Principal !== '*') {
    throw new ScpParseError(`${where}.Principal must be "*" in an RCP`);
  }
}

function parseStatement(
  raw: unknown,
  index: number,
  kind: PolicyKind,
): ScpStatement {
  const where = `Statement[${index}]`;
  if (!isObject(raw)) {
    throw new ScpParseError(`${where} must be an object`);
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(key)) {
      throw new ScpParseError(`${where} has an unknown element "${key}"`);
    }
  }
  checkPrincipal(raw, where, kind);
  const { Effect, Sid } = raw;
  if (Effect !== 'Allow' && Effect !== 'Deny') {
    throw new ScpParseError(`${where}.Effect must be "Allow" or "Deny"`);
  }
  if (Sid !== undefined && typeof Sid !== 'string') {
    throw new ScpParseError(`${where}.Sid must be a string`);
  }
  const hasAction = raw.Action !== undefined;
  if (hasAction === (raw.NotAction !== undefined)) {
    throw new ScpParseError(
      `${where} must have exactly one of Action or NotAction`,
    );
  }
  if (raw.Resource !== undefined && raw.NotResource !== undefined) {
    throw new ScpParseError(
      `${where} must not have both Resource and NotResource`,
    );
  }
  const statement: ScpStatement = { index, effect: Effect };
  if (Sid !== undefined) statement.sid = Sid;
  if (hasAction) {
    statement.action = stringList(raw.Action, `${where}.Action`);
  } else {
    statement.notAction = stringList(raw.NotAction, `${where}.NotAction`);
  }
  if (raw.NotResource !== undefined) {
    statement.notResource = stringList(raw.NotResource, `${where}.NotResource`);
  } else {
    statement.resource =
      raw.Resource === undefined
        ? ['*']
        : stringList(raw.Resource, `${where}.Resource`);
  }
  if (raw.Condition !== undefined) {
    statement.condition = parseCondition(raw.Condition, `${where}.Condition`);
  }
  return statement;
}

/**
 * Parses an SCP document into its normalized form: `Statement` as an object
 * or an array; Action/NotAction and Resource/NotResource as a string or an
 * array; condition values as strings, numbers or booleans.
 *
 * @throws {@link ScpParseError} for invalid JSON or an invalid shape.
 * @public
 */
export function parseScp(document: string): ParsedScp {
  return parsePolicy(document, 'scp');
}

/**
 * Parses an SCP or RCP document (see {@link parseScp}); `kind` selects the
 * element rules of the policy type.
 *
 * @throws {@link ScpParseError} for invalid JSON or an invalid shape.
 * @public
 */
export function parsePolicy(document: string, kind: PolicyKind): ParsedScp {
  let raw: unknown;
  try {
    raw = JSON.parse(document);
  } catch (e) {
    throw new ScpParseError(`not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(raw)) {
    throw new ScpParseError('the document must be a JSON object');
  }
  const { Version, Statement } = raw;
  if (Version !== undefined && typeof Version !== 'string') {
    throw new ScpParseError('Version must be a string');
  }
  if (Statement === undefined) {
    throw new ScpParseError('the document has no Statement');
  }
  const list = Array.isArray(Statement) ? Statement : [Statement];
  if (list.length === 0) {
    throw new ScpParseError('Statement must not be empty');
  }
  const policy: ParsedScp = {
    statements: list.map((s, i) => parseStatement(s, i, kind)),
  };
  if (Version !== undefined) policy.version = Version;
  return policy;
}

/**
 * Like {@link parseScp} but returns the error instead of throwing.
 *
 * @public
 */
export function tryParseScp(
  document: string,
): { ok: true; policy: ParsedScp } | { ok: false; error: string } {
  return tryParsePolicy(document, 'scp');
}

/**
 * Like {@link parsePolicy} but returns the error instead of throwing.
 *
 * @public
 */
export function tryParsePolicy(
  document: string,
  kind: PolicyKind,
): { ok: true; policy: ParsedScp } | { ok: false; error: string } {
  try {
    return { ok: true, policy: parsePolicy(document, kind) };
  } catch (e) {
    if (e instanceof ScpParseError) return { ok: false, error: e.message };
    throw e;
  }
}
