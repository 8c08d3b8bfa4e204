import type { Command, MetadataBearer } from '@aws-sdk/types';
import type {
  SignalSourceStatus,
  SignalSource,
} from '@aws-governance/plugin-aws-organizations-common';
import type { ReadContext } from '../context';
import {
  AwsReadError,
  AwsServiceName,
  awsErrorCode,
  isAccessDenied,
} from '../errors';

type Client = { send(command: any, options?: any): Promise<any> };

/**
 * One signal source's calls within a read: sent through the read's rate
 * budget and retries (the `optional` class: they never drain the
 * required reads' retries), counted for the source's status.
 */
export class SourceRead {
  calls = 0;

  constructor(
    readonly ctx: ReadContext,
    readonly service: AwsServiceName,
    readonly client: Client,
  ) {}

  send<Output extends MetadataBearer>(
    operation: string,
    resource: string,
    command: Command<any, any, any, Output, any>,
  ): Promise<Output> {
    this.calls += 1;
    return this.ctx.send(
      { service: this.service, operation, resource },
      command,
      this.client,
    );
  }

  /** Every page of a listing (`NextToken` or `nextToken`). */
  async paginate<Output extends MetadataBearer, Item>(
    operation: string,
    resource: string,
    makeCommand: (
      token: string | undefined,
    ) => Command<any, any, any, Output, any>,
    items: (output: Output) => Item[] | undefined,
    maxPages = 1000,
  ): Promise<Item[]> {
    const result: Item[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const output = await this.send(operation, resource, makeCommand(token));
      result.push(...(items(output) ?? []));
      const o = output as { NextToken?: string; nextToken?: string };
      token = o.NextToken || o.nextToken || undefined;
      pages += 1;
      if (token && pages >= maxPages) {
        throw new AwsReadError({
          service: this.service,
          operation,
          resource,
          cause: Object.assign(
            new Error(`${operation} did not end after ${maxPages} pages`),
            {
              name: 'EndlessPagination',
            },
          ),
        });
      }
    } while (token);
    return result;
  }
}

/** Error codes that mean the service is not set up where it was asked. */
const NOT_ENABLED_CODES = new Set([
  'ResourceNotFoundException',
  'InvalidAccessException',
  'NoSuchConfigurationAggregatorException',
  'AWSOrganizationsNotInUseException',
  'OrganizationNotFoundException',
]);

/** A failed source as "not connected", with what AWS answered. */
export function notConnected(
  source: SignalSource,
  error: unknown,
): Extract<SignalSourceStatus, { status: 'not-connected' }> {
  const code = awsErrorCode(error);
  const where =
    error instanceof AwsReadError
      ? `${error.operation} on ${error.resource}`
      : source;
  if (isAccessDenied(error)) {
    return {
      status: 'not-connected',
      reason: 'denied',
      message: `${where} was denied (${code})`,
    };
  }
  const cause = error instanceof AwsReadError ? error.cause : error;
  if (NOT_ENABLED_CODES.has(awsErrorCode(cause))) {
    return {
      status: 'not-connected',
      reason: 'not-enabled',
      message: `${where}: ${awsErrorCode(
        cause,
      )} (is the service enabled there?)`,
    };
  }
  return {
    status: 'not-connected',
    reason: 'error',
    message: `${where} failed: ${code}`,
  };
}
