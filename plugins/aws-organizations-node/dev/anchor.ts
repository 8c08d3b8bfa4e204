/*
 * The anchor of the unthrottled benchmark: the simplest reader of the
 * accounts part, one call at a time — every page of ListAccounts, then
 * every account's tags.
 */
import {
  ListAccountsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';

/** Reads accounts and their tags sequentially; returns the wall in ms. */
export async function readAccountsOnePageAtATime(
  url: string,
): Promise<{ wallMs: number; accounts: number; calls: number }> {
  const client = new OrganizationsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'anchor', secretAccessKey: 'anchor' },
    maxAttempts: 1,
  });
  const started = performance.now();
  const ids: string[] = [];
  let calls = 0;
  let NextToken: string | undefined;
  try {
    do {
      const page = await client.send(
        new ListAccountsCommand({ NextToken, MaxResults: 20 }),
      );
      calls += 1;
      ids.push(...(page.Accounts ?? []).map(a => a.Id!));
      NextToken = page.NextToken;
    } while (NextToken);
    for (const id of ids) {
      let tagToken: string | undefined;
      do {
        const page = await client.send(
          new ListTagsForResourceCommand({
            ResourceId: id,
            NextToken: tagToken,
          }),
        );
        calls += 1;
        tagToken = page.NextToken;
      } while (tagToken);
    }
  } finally {
    client.destroy();
  }
  return { wallMs: performance.now() - started, accounts: ids.length, calls };
}
