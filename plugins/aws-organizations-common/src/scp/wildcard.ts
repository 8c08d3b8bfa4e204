/**
 * IAM wildcard patterns: `*` matches any run of characters (including none,
 * across `:` and `/`), `?` matches exactly one character.
 */

/** A compiled pattern. */
export type Matcher = (value: string) => boolean;

const matchAll: Matcher = () => true;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The RegExp source of a wildcard pattern (unanchored). */
export function wildcardSource(pattern: string): string {
  let source = '';
  for (const ch of pattern) {
    if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  return source;
}

/** True when the pattern has `*` or `?`. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Compiles a wildcard pattern to a matcher; exact patterns compare strings,
 * `*` matches everything. Case-sensitive: lower-case both sides first for a
 * case-insensitive match.
 */
export function compileWildcard(pattern: string): Matcher {
  if (pattern === '*') return matchAll;
  if (!hasWildcard(pattern)) return value => value === pattern;
  const re = new RegExp(`^${wildcardSource(pattern)}$`);
  return value => re.test(value);
}

/** One matcher for a list of patterns (any of them). */
export function compileWildcardList(patterns: readonly string[]): Matcher {
  if (patterns.includes('*')) return matchAll;
  const exact = new Set(patterns.filter(p => !hasWildcard(p)));
  const wild = patterns.filter(hasWildcard);
  if (wild.length === 0) return value => exact.has(value);
  const re = new RegExp(`^(?:${wild.map(wildcardSource).join('|')})$`);
  return value => exact.has(value) || re.test(value);
}

/**
 * ArnEquals / ArnLike: each of the six colon-separated parts is matched on
 * its own, with wildcards, case-sensitively. A value that is not a six-part
 * ARN does not match.
 */
export function splitArn(arn: string): string[] | undefined {
  const parts: string[] = [];
  let rest = arn;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(':');
    if (at < 0) return undefined;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}

export function compileArnPattern(pattern: string): Matcher {
  const parts = splitArn(pattern);
  if (!parts) {
    // A pattern that is not an ARN matches as a whole (e.g. "*").
    return compileWildcard(pattern);
  }
  const matchers = parts.map(compileWildcard);
  return value => {
    const valueParts = splitArn(value);
    return (
      valueParts !== undefined && matchers.every((m, i) => m(valueParts[i]))
    );
  };
}
