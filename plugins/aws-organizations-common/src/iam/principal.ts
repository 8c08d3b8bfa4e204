/**
 * The Principal element of a role trust policy, taken apart into the
 * principals it names.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */

/**
 * One principal a trust policy statement names.
 *
 * - `anyone`: `"*"` or `{"AWS": "*"}` (every principal; conditions limit it).
 * - `account`: an account id or `arn:aws:iam::<id>:root`; the account
 *   delegates to its own IAM policies (any of its principals whose identity
 *   policies allow the call).
 * - `role`, `assumed-role`, `user`: one IAM principal of an account.
 * - `service`: an AWS service principal, e.g. `ec2.amazonaws.com`.
 * - `federated`: a SAML or OIDC identity provider, or a web identity
 *   provider such as `cognito-identity.amazonaws.com`.
 * - `unresolved`: a value that names no current principal (the unique id
 *   IAM shows for a deleted principal, a wildcard inside an ARN, a
 *   canonical user): it matches nobody.
 *
 * `inOrganization` says whether the account is one of the organization's.
 *
 * @public
 */
export type TrustPrincipal =
  | { kind: 'anyone' }
  | { kind: 'account'; accountId: string; inOrganization: boolean }
  | {
      kind: 'role' | 'assumed-role' | 'user';
      arn: string;
      accountId: string;
      /** The role or user name (for an assumed role, the role's name). */
      name: string;
      inOrganization: boolean;
    }
  | { kind: 'service'; service: string }
  | {
      kind: 'federated';
      provider: string;
      providerType: 'saml' | 'oidc' | 'web-identity';
      accountId?: string;
      inOrganization?: boolean;
    }
  | { kind: 'unresolved'; value: string; reason: string };

const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:(aws[\w-]*):(iam|sts)::(\d{12}):(.+)$/;
const UNIQUE_ID = /^(AROA|AIDA|AGPA|ANPA|ASIA)[A-Z0-9]{12,}$/;

/** Takes an `AWS` principal value apart. */
function awsPrincipal(
  value: string,
  inOrganization: (accountId: string) => boolean,
): TrustPrincipal {
  if (value === '*') return { kind: 'anyone' };
  if (ACCOUNT_ID.test(value)) {
    return {
      kind: 'account',
      accountId: value,
      inOrganization: inOrganization(value),
    };
  }
  if (UNIQUE_ID.test(value)) {
    return {
      kind: 'unresolved',
      value,
      reason:
        'a unique principal id: IAM shows one when the principal it named was deleted, and it matches no principal created later',
    };
  }
  const m = IAM_ARN.exec(value);
  if (!m) {
    return {
      kind: 'unresolved',
      value,
      reason: 'not an account id or an IAM or STS ARN',
    };
  }
  const [, , service, accountId, rest] = m;
  if (value.includes('*') || value.includes('?')) {
    return {
      kind: 'unresolved',
      value,
      reason:
        'AWS does not support wildcards inside a principal ARN (only "*" alone)',
    };
  }
  const org = inOrganization(accountId);
  if (service === 'iam' && rest === 'root') {
    return { kind: 'account', accountId, inOrganization: org };
  }
  const slash = rest.indexOf('/');
  const type = slash < 0 ? rest : rest.slice(0, slash);
  const tail = slash < 0 ? '' : rest.slice(slash + 1);
  const lastName = tail.slice(tail.lastIndexOf('/') + 1);
  if (service === 'iam' && (type === 'role' || type === 'user') && tail) {
    return {
      kind: type,
      arn: value,
      accountId,
      name: lastName,
      inOrganization: org,
    };
  }
  if (service === 'sts' && type === 'assumed-role' && tail.includes('/')) {
    return {
      kind: 'assumed-role',
      arn: value,
      accountId,
      name: tail.slice(0, tail.indexOf('/')),
      inOrganization: org,
    };
  }
  if (service === 'iam' && type === 'saml-provider') {
    return federatedOf(value, org, accountId, 'saml');
  }
  if (service === 'iam' && type === 'oidc-provider') {
    return federatedOf(value, org, accountId, 'oidc');
  }
  return {
    kind: 'unresolved',
    value,
    reason: `an ${service} ARN of type ${type}, which a role trust policy does not name as an AWS principal`,
  };
}

function federatedOf(
  provider: string,
  inOrganization: boolean | undefined,
  accountId: string | undefined,
  providerType: 'saml' | 'oidc' | 'web-identity',
): TrustPrincipal {
  const out: TrustPrincipal = { kind: 'federated', provider, providerType };
  if (accountId !== undefined) {
    out.accountId = accountId;
    out.inOrganization = inOrganization;
  }
  return out;
}

function federatedPrincipal(
  value: string,
  inOrganization: (accountId: string) => boolean,
): TrustPrincipal {
  const m = IAM_ARN.exec(value);
  if (m && m[2] === 'iam') {
    const type = m[4].split('/')[0];
    if (type === 'saml-provider' || type === 'oidc-provider') {
      return federatedOf(
        value,
        inOrganization(m[3]),
        m[3],
        type === 'saml-provider' ? 'saml' : 'oidc',
      );
    }
  }
  return federatedOf(value, undefined, undefined, 'web-identity');
}

/** Thrown for a Principal element of a shape AWS does not accept. */
export class PrincipalShapeError extends Error {}

function values(value: unknown, where: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some(v => typeof v !== 'string' || !v)) {
    throw new PrincipalShapeError(
      `${where} must be a non-empty string or list of strings`,
    );
  }
  return list as string[];
}

/**
 * The principals a Principal element names. Throws
 * {@link PrincipalShapeError} for a shape AWS does not accept.
 */
export function parsePrincipal(
  element: unknown,
  where: string,
  inOrganization: (accountId: string) => boolean,
): TrustPrincipal[] {
  if (element === '*') return [{ kind: 'anyone' }];
  if (typeof element !== 'object' || element === null) {
    throw new PrincipalShapeError(`${where} must be "*" or an object`);
  }
  const out: TrustPrincipal[] = [];
  for (const [type, raw] of Object.entries(element)) {
    const list = values(raw, `${where}.${type}`);
    for (const value of list) {
      if (type === 'AWS') out.push(awsPrincipal(value, inOrganization));
      else if (type === 'Service')
        out.push({ kind: 'service', service: value });
      else if (type === 'Federated') {
        out.push(federatedPrincipal(value, inOrganization));
      } else if (type === 'CanonicalUser') {
        out.push({
          kind: 'unresolved',
          value,
          reason: 'a canonical user id (Amazon S3), which cannot assume a role',
        });
      } else {
        throw new PrincipalShapeError(
          `${where} has an unknown principal type "${type}"`,
        );
      }
    }
  }
  if (out.length === 0) {
    throw new PrincipalShapeError(`${where} must name a principal`);
  }
  return out;
}
