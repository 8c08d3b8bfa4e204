/**
 * Which IAM Identity Center permission sets are privileged, and why: used by
 * the compliance rules and by the access views.
 */
import { compileWildcard } from './scp/wildcard';
import { tryParseScp } from './scp/parse';
import type { ScpStatement } from './scp/types';
import type { PermissionSet } from './snapshot';

/**
 * How much a privileged permission set grants: `administrator` is full
 * access or a path to it (IAM write access on every resource);
 * `power-user` is full access to services but not to IAM.
 *
 * @public
 */
export type PrivilegeLevel = 'administrator' | 'power-user';

/** The answer of {@link classifyPermissionSet}. @public */
export interface PermissionSetClassification {
  privileged: boolean;
  /** The highest level found, when privileged. */
  level?: PrivilegeLevel;
  /** Why the set is privileged, one sentence per finding. */
  reasons: string[];
  /** What could not be judged, e.g. an unreadable inline policy. */
  uncertain: string[];
}

const POLICY_ARN_PREFIX = /^arn:aws[\w-]*:iam::aws:policy\//;

/** AWS managed policies (path and name) that make a set privileged. */
const PRIVILEGED_MANAGED_POLICIES: Record<
  string,
  { level: PrivilegeLevel; why: string }
> = {
  AdministratorAccess: {
    level: 'administrator',
    why: 'grants every action on every resource',
  },
  IAMFullAccess: {
    level: 'administrator',
    why: 'grants full IAM access, a path to any permission',
  },
  AWSOrganizationsFullAccess: {
    level: 'administrator',
    why: 'grants full AWS Organizations access (SCPs, account moves)',
  },
  PowerUserAccess: {
    level: 'power-user',
    why: 'grants every action except IAM and Organizations management',
  },
};

/**
 * IAM actions that let a principal grant itself more permissions. An Allow
 * on every resource for any of them makes a set administrator-level.
 */
const ESCALATION_ACTIONS = [
  'iam:AttachRolePolicy',
  'iam:PutRolePolicy',
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:PutUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:PutGroupPolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
].map(a => a.toLowerCase());

const LEVEL_RANK: Record<PrivilegeLevel, number> = {
  'power-user': 1,
  administrator: 2,
};

/**
 * The path and name of an AWS managed policy from its ARN, e.g.
 * `job-function/Billing`; other ARNs are returned unchanged.
 *
 * @public
 */
export function managedPolicyName(arn: string): string {
  return arn.replace(POLICY_ARN_PREFIX, '');
}

function matchesAny(patterns: string[], action: string): boolean {
  return patterns.some(p => compileWildcard(p.toLowerCase())(action));
}

function label(statement: ScpStatement): string {
  return statement.sid
    ? `statement ${statement.sid}`
    : `statement ${statement.index + 1}`;
}

/** Findings of one Allow statement that applies to every resource. */
function inlineFinding(
  statement: ScpStatement,
): { level: PrivilegeLevel; why: string } | undefined {
  if (statement.effect !== 'Allow') return undefined;
  const everyResource =
    statement.notResource !== undefined ||
    (statement.resource ?? ['*']).includes('*');
  if (!everyResource) return undefined;
  const where = `the inline policy's ${label(statement)}`;
  if (statement.notAction) {
    const escalation = ESCALATION_ACTIONS.find(
      a => !matchesAny(statement.notAction!, a),
    );
    return escalation
      ? {
          level: 'administrator',
          why: `${where} allows every action except ${statement.notAction.join(
            ', ',
          )} on every resource, IAM included`,
        }
      : {
          level: 'power-user',
          why: `${where} allows every action except ${statement.notAction.join(
            ', ',
          )} on every resource`,
        };
  }
  const actions = statement.action ?? [];
  if (actions.some(a => a === '*' || a === '*:*')) {
    return {
      level: 'administrator',
      why: `${where} allows "*" on every resource`,
    };
  }
  const escalation = ESCALATION_ACTIONS.find(a => matchesAny(actions, a));
  if (escalation) {
    const granting = actions.filter(p =>
      compileWildcard(p.toLowerCase())(escalation),
    );
    return {
      level: 'administrator',
      why: `${where} allows ${granting.join(
        ', ',
      )} on every resource (IAM privilege escalation)`,
    };
  }
  return undefined;
}

/**
 * Classifies a permission set as privileged or not from its AWS managed
 * policies (AdministratorAccess, IAMFullAccess, AWSOrganizationsFullAccess:
 * administrator; PowerUserAccess: power user) and its inline policy (an
 * Allow on every resource of `*`, of IAM actions that grant permissions
 * such as `iam:*` or `iam:PutRolePolicy`, or of every action but a few).
 * Customer managed policies are named only in the set, so they are not
 * judged. Conditions are not weighed: a conditional grant still counts.
 *
 * @public
 */
export function classifyPermissionSet(
  permissionSet: Pick<PermissionSet, 'managedPolicies' | 'inlinePolicy'>,
): PermissionSetClassification {
  const findings: { level: PrivilegeLevel; why: string }[] = [];
  const uncertain: string[] = [];
  for (const policy of permissionSet.managedPolicies) {
    const name = managedPolicyName(policy.arn);
    const known = POLICY_ARN_PREFIX.test(policy.arn)
      ? PRIVILEGED_MANAGED_POLICIES[name]
      : undefined;
    if (known) {
      findings.push({
        level: known.level,
        why: `AWS managed policy ${name} ${known.why}`,
      });
    }
  }
  if (permissionSet.inlinePolicy !== null) {
    const parsed = tryParseScp(permissionSet.inlinePolicy);
    if (parsed.ok) {
      for (const statement of parsed.policy.statements) {
        const finding = inlineFinding(statement);
        if (finding) findings.push(finding);
      }
    } else {
      uncertain.push(`the inline policy cannot be read: ${parsed.error}`);
    }
  }
  if (findings.length === 0) {
    return { privileged: false, reasons: [], uncertain };
  }
  const level = findings.reduce<PrivilegeLevel>(
    (best, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[best] ? f.level : best),
    'power-user',
  );
  return {
    privileged: true,
    level,
    reasons: findings.map(f => f.why),
    uncertain,
  };
}
