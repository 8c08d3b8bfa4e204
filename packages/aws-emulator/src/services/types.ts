import { PageContext } from '../protocol/pagination';
import { RequestInput } from '../protocol/input';
import { EmulatorState } from '../state/types';
import { CallerIdentity, CallerView } from '../knobs/caller';
import { CallOrigin } from '../protocol/server';
import { QueueStore } from './sqs/queues';

/** What an operation handler gets. @public */
export interface OperationContext extends PageContext {
  state: EmulatorState;
  input: RequestInput;
  /** Whose credentials the call carries; default the management account. */
  caller?: CallerView;
  /** Who sent the call (absent through the admin endpoint). */
  origin?: CallOrigin;
  /** The queues and the URL they are served at (SQS). */
  sqs?: { queues: QueueStore; baseUrl: string };
  /**
   * Who signed the call (an assumed-role session, or the base credentials
   * in the management account); IAM, STS and Config answer for its account.
   */
  identity?: CallerIdentity;
}

/** Answers one operation; throws AwsError for AWS errors. @public */
export type Operation = (ctx: OperationContext) => unknown;

/** The operations of one service, by name. @public */
export type OperationTable = Record<string, Operation>;

/** Seconds since the epoch, as JSON 1.1 carries timestamps. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** A tag map as AWS's `[{ Key, Value }]`. */
export function tagList(tags: Record<string, string> | undefined) {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

/**
 * The account a call acts in: its assumed-role session's, else the
 * management account (the emulator's base credentials).
 */
export function callerAccountOf(ctx: OperationContext): string {
  return (
    ctx.identity?.accountId ?? ctx.state.organization?.managementAccountId ?? ''
  );
}
