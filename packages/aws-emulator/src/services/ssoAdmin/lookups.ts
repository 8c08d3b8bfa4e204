import { AwsError } from '../../protocol/errors';
import { IdentityCenterState, PermissionSetRecord } from '../../state/types';
import { epochSeconds, OperationContext } from '../types';

const PARTITION = '(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b)';
export const INSTANCE_ARN = new RegExp(
  `^arn:${PARTITION}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}$`,
);
export const PERMISSION_SET_ARN = new RegExp(
  `^arn:${PARTITION}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}$`,
);
export const ACCOUNT_ID = /^\d{12}$/;
export const PRINCIPAL_ID =
  /^([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}$/;
export const SESSION_DURATION = /^PT(?:([1-9]|1[0-2])H)?(?:(\d{1,3})M)?$/;
export const PERMISSION_SET_NAME = /^[\w+=,.@-]{1,32}$/;

export function notFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message);
}

export function conflict(message: string): AwsError {
  return new AwsError('ConflictException', message);
}

/** The instance named by `InstanceArn`, or ResourceNotFoundException. */
export function requireInstance(ctx: OperationContext): IdentityCenterState {
  const arn = ctx.input.string('InstanceArn', INSTANCE_ARN);
  const ic = ctx.state.identityCenter;
  if (!ic || ic.instanceArn !== arn) {
    throw notFound(`Instance ${arn} does not exist.`);
  }
  return ic;
}

export function findPermissionSet(
  ctx: OperationContext,
  ic: IdentityCenterState,
): PermissionSetRecord {
  const arn = ctx.input.string('PermissionSetArn', PERMISSION_SET_ARN);
  const permissionSet = ic.permissionSets.get(arn);
  if (!permissionSet) {
    throw notFound(
      `Could not find PermissionSet with PermissionSetArn ${arn}.`,
    );
  }
  return permissionSet;
}

export function permissionSetShape(ps: PermissionSetRecord) {
  return {
    Name: ps.name,
    PermissionSetArn: ps.arn,
    Description: ps.description,
    CreatedDate: epochSeconds(ps.createdDate),
    SessionDuration: ps.sessionDuration,
    RelayState: ps.relayState,
  };
}

/** Checks a session duration: ISO-8601, 1 to 12 hours. */
export function checkSessionDuration(ctx: OperationContext, value: string) {
  const match = SESSION_DURATION.exec(value);
  const minutes = match
    ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)
    : 0;
  if (!match || minutes < 60 || minutes > 720) {
    throw new AwsError(
      'ValidationException',
      `The session duration ${value} must be between 1 and 12 hours.`,
    );
  }
  void ctx;
}
