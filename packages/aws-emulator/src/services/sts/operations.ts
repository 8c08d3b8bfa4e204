import { AwsError } from '../../protocol/errors';
import { iamId, iamOf } from '../../state/iam';
import { accountIam } from '../../state/iam';
import type { CallerIdentity } from '../../knobs/caller';
import { OperationContext, OperationTable } from '../types';
import { trustAdmits } from './trust';

/** Sessions kept; older ones are forgotten (their keys then act as base credentials). */
const MAX_SESSIONS = 100_000;
const ROLE_ARN =
  /^arn:aws:iam::(\d{12}):role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

function validation(message: string) {
  return new AwsError('ValidationError', message, 400);
}

function identityOf(ctx: OperationContext): CallerIdentity {
  if (!ctx.identity) throw new Error('The pipeline passes the identity');
  return ctx.identity;
}

let sessionCounter = 0;

function assumeRole(ctx: OperationContext) {
  const { state, input } = ctx;
  const caller = identityOf(ctx);
  const roleArn = input.optionalString('RoleArn');
  const sessionName = input.optionalString('RoleSessionName');
  if (!roleArn || roleArn.length < 20) {
    throw validation(
      "1 validation error detected: Value at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  }
  if (!sessionName || !SESSION_NAME.test(sessionName)) {
    throw validation(
      `1 validation error detected: Value '${
        sessionName ?? 'null'
      }' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const durationText = input.optionalString('DurationSeconds');
  const duration = durationText === undefined ? 3600 : Number(durationText);
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    throw validation(
      `1 validation error detected: Value '${durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  if (duration > 3600) {
    throw validation(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
  }
  const denied = () =>
    new AwsError(
      'AccessDenied',
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  const match = ROLE_ARN.exec(roleArn);
  if (!match) throw denied();
  const [, accountId, roleName] = match;
  const account = state.accounts.get(accountId);
  // A suspended or closed account's roles cannot be assumed.
  if (state.organization && (!account || account.state !== 'ACTIVE')) {
    throw denied();
  }
  const role = accountIam(state, accountId)?.roles.find(
    r => r.name === roleName && r.arn === roleArn,
  );
  if (
    !role ||
    !trustAdmits(role.trustPolicy, caller, {
      externalId: input.optionalString('ExternalId'),
      organizationId: state.organization?.id,
    })
  ) {
    throw denied();
  }
  sessionCounter += 1;
  const accessKeyId = iamId('ASIA', `${roleArn}#${sessionCounter}`, 16);
  const expiration = new Date(Date.now() + duration * 1000);
  const sessions = iamOf(state).sessions;
  sessions.set(accessKeyId, {
    accessKeyId,
    accountId,
    roleName: role.name,
    roleArn: role.arn,
    roleId: role.roleId,
    sessionName,
    expiration,
  });
  if (sessions.size > MAX_SESSIONS) {
    sessions.delete(sessions.keys().next().value!);
  }
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: iamId('', `secret:${accessKeyId}`, 40),
      SessionToken: `FwoGZXIvYXdzE${iamId('', `token:${accessKeyId}`, 60)}`,
      Expiration: expiration,
    },
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${accountId}:assumed-role/${role.name}/${sessionName}`,
    },
    PackedPolicySize: 0,
  };
}

function getCallerIdentity(ctx: OperationContext) {
  const caller = identityOf(ctx);
  return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
}

/** STS: AssumeRole and GetCallerIdentity. */
export const stsOperations: OperationTable = {
  AssumeRole: assumeRole,
  GetCallerIdentity: getCallerIdentity,
};
