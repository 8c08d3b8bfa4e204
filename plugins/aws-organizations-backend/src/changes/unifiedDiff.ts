import { createTwoFilesPatch } from 'diff';

/** Pretty-prints a policy document so that a diff shows lines that changed. */
function pretty(document: string | null): string {
  if (document === null) {
    return '';
  }
  try {
    return `${JSON.stringify(JSON.parse(document), null, 2)}\n`;
  } catch {
    return document.endsWith('\n') ? document : `${document}\n`;
  }
}

/** A unified diff of two policy documents (pretty-printed JSON). */
export function unifiedDiff(
  name: string,
  before: string | null,
  after: string | null,
): string {
  return createTwoFilesPatch(
    `a/${name}`,
    `b/${name}`,
    pretty(before),
    pretty(after),
    undefined,
    undefined,
    { context: 3 },
  );
}
