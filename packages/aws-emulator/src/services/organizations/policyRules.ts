/**
 * What CreatePolicy and UpdatePolicy accept as a policy document, per type,
 * as AWS documents it. Answers MalformedPolicyDocumentException (or
 * ConstraintViolationException POLICY_CONTENT_LIMIT_EXCEEDED) otherwise.
 */
import { AwsError } from '../../protocol/errors';
import { maxPolicySize, RCP } from '../../state/policyTypes';

function malformed(detail?: string): AwsError {
  return new AwsError(
    'MalformedPolicyDocumentException',
    `The provided policy document does not meet the requirements of the specified policy type.${
      detail ? ` ${detail}` : ''
    }`,
  );
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * The RCP syntax (RCP syntax, AWS Organizations User Guide): `Version`
 * 2012-10-17; every statement has `Effect` `Deny` (`Allow` only in the AWS
 * managed RCPFullAWSAccess), `Principal` exactly `"*"`, `Action` (no
 * `NotAction`, no `NotPrincipal`), and `Resource` or `NotResource`.
 */
function checkRcp(document: Record<string, unknown>) {
  if (document.Version !== '2012-10-17') {
    throw malformed('An RCP must have "Version": "2012-10-17".');
  }
  const statements = asList(document.Statement);
  if (document.Statement === undefined || statements.length === 0) {
    throw malformed('An RCP needs at least one statement.');
  }
  for (const raw of statements) {
    if (typeof raw !== 'object' || raw === null) throw malformed();
    const statement = raw as Record<string, unknown>;
    if (statement.Effect !== 'Deny') {
      throw malformed('Customer managed RCPs support only "Effect": "Deny".');
    }
    if ('NotPrincipal' in statement || statement.Principal !== '*') {
      throw malformed('The Principal of an RCP statement must be "*".');
    }
    if ('NotAction' in statement || statement.Action === undefined) {
      throw malformed(
        'An RCP statement needs Action; NotAction is not supported.',
      );
    }
    if (
      statement.Resource === undefined &&
      statement.NotResource === undefined
    ) {
      throw malformed('An RCP statement needs Resource or NotResource.');
    }
  }
}

/** Checks a customer managed policy document of a type. */
export function checkPolicyContent(type: string, content: string) {
  if (content.length > maxPolicySize(type)) {
    throw new AwsError(
      'ConstraintViolationException',
      'You attempted to create a policy that is larger than the maximum size.',
      400,
      { Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' },
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch {
    throw malformed();
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    Array.isArray(document)
  ) {
    throw malformed();
  }
  if (type === RCP) checkRcp(document as Record<string, unknown>);
}
