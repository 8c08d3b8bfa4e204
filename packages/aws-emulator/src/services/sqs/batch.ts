import { AwsError } from '../../protocol/errors';
import { OperationContext } from '../types';
import { missingParameter } from './params';

const ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** One entry of a batch request: its Id, receipt handle and the rest. */
export interface BatchEntry extends Record<string, unknown> {
  Id: string;
  ReceiptHandle: string;
}

/**
 * Runs `apply` on each entry of `Entries` (1 to 10, distinct Ids of
 * alphanumerics, hyphens and underscores) and answers `Successful` and
 * `Failed` as the SQS batch actions do: an entry's error fails that entry
 * only.
 */
export function batchEntries(
  ctx: OperationContext,
  apply: (entry: BatchEntry) => void,
) {
  const entries = ctx.input.array('Entries') as Record<string, unknown>[];
  if (entries.length === 0) {
    throw new AwsError(
      'EmptyBatchRequest',
      'There should be at least one entry in the request.',
    );
  }
  if (entries.length > 10) {
    throw new AwsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
    );
  }
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = entry?.Id;
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) {
      throw new AwsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (ids.has(id)) {
      throw new AwsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    }
    ids.add(id);
  }
  const Successful: { Id: string }[] = [];
  const Failed: {
    Id: string;
    SenderFault: boolean;
    Code: string;
    Message: string;
  }[] = [];
  for (const entry of entries) {
    const id = entry.Id as string;
    try {
      if (typeof entry.ReceiptHandle !== 'string' || !entry.ReceiptHandle) {
        throw missingParameter('ReceiptHandle');
      }
      apply(entry as BatchEntry);
      Successful.push({ Id: id });
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      Failed.push({
        Id: id,
        SenderFault: error.statusCode < 500,
        Code: error.code,
        Message: error.message,
      });
    }
  }
  return { Successful, Failed };
}
