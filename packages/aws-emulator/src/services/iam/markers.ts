import { AwsError } from '../../protocol/errors';
import type { RequestInput } from '../../protocol/input';
import type { OperationContext } from '../types';

/** IAM's `MaxItems`: 1-1000, default 100 (the IAM API reference). */
export function readMaxItems(input: RequestInput): number {
  const text = input.optionalString('MaxItems');
  if (text === undefined) return 100;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${text}' at 'maxItems' failed to satisfy constraint: Member must have value ${
        value < 1 ? 'greater than or equal to 1' : 'less than or equal to 1000'
      }`,
    );
  }
  return value;
}

/** An opaque Marker bound to the operation, the caller's account and the request. */
export function encodeMarker(
  offset: number,
  ctx: OperationContext,
  request: string,
): string {
  return Buffer.from(
    JSON.stringify({
      o: offset,
      op: ctx.operation,
      a: ctx.identity?.accountId,
      r: request,
    }),
  ).toString('base64');
}

/** The offset of the request's Marker; 0 without; a foreign one answers ValidationError. */
export function decodeMarker(ctx: OperationContext, request: string): number {
  const marker = ctx.input.optionalString('Marker');
  if (marker === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(marker, 'base64').toString('utf8'));
    if (
      parsed.op === ctx.operation &&
      parsed.a === ctx.identity?.accountId &&
      parsed.r === request &&
      Number.isInteger(parsed.o) &&
      parsed.o >= 0
    ) {
      return parsed.o;
    }
  } catch {
    // answered below
  }
  throw new AwsError('ValidationError', 'Invalid Marker.');
}
