import type { ScpLevel, ScpLevelKind, ScpPolicySource } from '../types';

let counter = 0;

/** A policy source from a document object (or raw text). */
export function policy(
  document: object | string,
  id = `p-test${++counter}`,
  name = id,
): ScpPolicySource {
  return {
    id,
    name,
    content: typeof document === 'string' ? document : JSON.stringify(document),
  };
}

/** FullAWSAccess as AWS ships it. */
export const fullAccess = (): ScpPolicySource =>
  policy(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    },
    'p-FullAWSAccess',
    'FullAWSAccess',
  );

export function level(
  kind: ScpLevelKind,
  targetId: string,
  ...policies: ScpPolicySource[]
): ScpLevel {
  return { kind, targetId, name: `${kind}-${targetId}`, policies };
}

/** Root + one OU + account, FullAWSAccess everywhere, `extra` on the root. */
export function withRootPolicies(...extra: ScpPolicySource[]): ScpLevel[] {
  return [
    level('root', 'r-root', fullAccess(), ...extra),
    level('ou', 'ou-1', fullAccess()),
    level('account', '111111111111', fullAccess()),
  ];
}

/** One Deny statement in a policy document. */
export function deny(statement: object, sid = 'Guard'): object {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: sid, Effect: 'Deny', Resource: '*', ...statement }],
  };
}
