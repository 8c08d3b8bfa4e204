/**
 * The emulator's own check of a trust policy for STS AssumeRole: an Allow
 * statement for `sts:AssumeRole` whose `Principal.AWS` names the caller
 * (its account id or root, its role, or `*`) and whose conditions hold.
 * It knows the conditions the demo and generated data use
 * (`sts:ExternalId`, `aws:PrincipalOrgID`, `aws:PrincipalAccount` with
 * `StringEquals`/`StringLike`); a statement with any other condition does
 * not admit the caller (what cannot be checked is not granted). Deny
 * statements that match deny.
 */
import type { CallerIdentity } from '../../knobs/caller';

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Principal?: string | { AWS?: string | string[] };
  Condition?: Record<string, Record<string, string | string[]>>;
}

function list(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function like(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.'))
      .join('.*')}$`,
  );
  return re.test(value);
}

function namesCaller(statement: Statement, caller: CallerIdentity): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  const aws = list(typeof principal === 'object' ? principal.AWS : undefined);
  const roleArn = caller.session?.roleArn;
  return aws.some(
    p =>
      p === '*' ||
      p === caller.accountId ||
      p === `arn:aws:iam::${caller.accountId}:root` ||
      (roleArn !== undefined && p === roleArn) ||
      (caller.session === undefined && p === caller.arn),
  );
}

function conditionsHold(
  statement: Statement,
  context: Record<string, string | undefined>,
): boolean {
  for (const [operator, keys] of Object.entries(statement.Condition ?? {})) {
    if (operator !== 'StringEquals' && operator !== 'StringLike') return false;
    for (const [key, expected] of Object.entries(keys)) {
      const value = context[key.toLowerCase()];
      if (value === undefined) return false;
      const ok = list(expected).some(e =>
        operator === 'StringEquals' ? e === value : like(e, value),
      );
      if (!ok) return false;
    }
  }
  return true;
}

/** Whether the trust policy lets the caller assume the role. */
export function trustAdmits(
  trustPolicy: string,
  caller: CallerIdentity,
  context: { externalId?: string; organizationId?: string },
): boolean {
  let statements: Statement[];
  try {
    const doc = JSON.parse(trustPolicy);
    statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  } catch {
    return false;
  }
  const keys = {
    'sts:externalid': context.externalId,
    'aws:principalorgid': context.organizationId,
    'aws:principalaccount': caller.accountId,
  };
  const matching = statements.filter(
    s =>
      s &&
      list(s.Action).some(a => like(a.toLowerCase(), 'sts:assumerole')) &&
      namesCaller(s, caller) &&
      conditionsHold(s, keys),
  );
  return (
    !matching.some(s => s.Effect === 'Deny') &&
    matching.some(s => s.Effect === 'Allow')
  );
}
