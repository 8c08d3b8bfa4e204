import { AwsError } from '../../protocol/errors';
import { removePrincipal } from '../../state/identityCenter';
import { GroupRecord, UserRecord } from '../../state/types';
import { OperationContext, OperationTable } from '../types';
import { notFound, requireStore, RESOURCE_ID } from './shapes';

type Setter<T> = (record: T, value: unknown, ctx: OperationContext) => void;

function text(path: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new AwsError(
      'ValidationException',
      `AttributeValue of ${path} must be a non-empty string.`,
    );
  }
  return value;
}

/** The attribute paths UpdateUser accepts for what the emulator keeps. */
const USER_PATHS: Record<string, Setter<UserRecord>> = {
  displayName: (u, v) => {
    u.displayName = text('displayName', v);
  },
  'name.givenName': (u, v) => {
    u.givenName = text('name.givenName', v);
  },
  'name.familyName': (u, v) => {
    u.familyName = text('name.familyName', v);
  },
  userName: (u, v, ctx) => {
    const userName = text('userName', v);
    const taken = [...ctx.state.identityCenter!.users.values()].some(
      other => other.id !== u.id && other.userName === userName,
    );
    if (taken) {
      throw new AwsError(
        'ConflictException',
        `Duplicate UserName ${userName}`,
        400,
        {
          Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
        },
      );
    }
    u.userName = userName;
  },
};

/** The attribute paths UpdateGroup accepts. */
const GROUP_PATHS: Record<string, Setter<GroupRecord>> = {
  displayName: (g, v) => {
    g.displayName = text('displayName', v);
  },
  description: (g, v) => {
    g.description = text('description', v);
  },
};

/** `Operations`: 1 to 100 `{ AttributePath, AttributeValue }`, applied in order. */
function applyOperations<T>(
  ctx: OperationContext,
  record: T,
  paths: Record<string, Setter<T>>,
) {
  const operations = ctx.input.array('Operations') as {
    AttributePath?: unknown;
    AttributeValue?: unknown;
  }[];
  if (operations.length < 1 || operations.length > 100) {
    throw new AwsError(
      'ValidationException',
      'Operations must hold 1 to 100 attribute operations.',
    );
  }
  for (const { AttributePath, AttributeValue } of operations) {
    const set = paths[String(AttributePath)];
    if (!set) {
      throw new AwsError(
        'ValidationException',
        `Invalid AttributePath ${String(AttributePath)}.`,
      );
    }
    set(record, AttributeValue, ctx);
  }
}

/** Updates and deletes of Identity Store users and groups. */
export const identityStoreUpdates: OperationTable = {
  UpdateUser: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('UserId', RESOURCE_ID);
    const user = ic.users.get(id);
    if (!user) throw notFound('USER', id);
    applyOperations(ctx, user, USER_PATHS);
    return {};
  },

  UpdateGroup: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('GroupId', RESOURCE_ID);
    const group = ic.groups.get(id);
    if (!group) throw notFound('GROUP', id);
    applyOperations(ctx, group, GROUP_PATHS);
    return {};
  },

  DeleteUser: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('UserId', RESOURCE_ID);
    if (!ic.users.has(id)) throw notFound('USER', id);
    removePrincipal(ctx.state, 'USER', id);
    return {};
  },

  DeleteGroup: ctx => {
    const ic = requireStore(ctx);
    const id = ctx.input.string('GroupId', RESOURCE_ID);
    if (!ic.groups.has(id)) throw notFound('GROUP', id);
    removePrincipal(ctx.state, 'GROUP', id);
    return {};
  },
};
