import { ABSENT, MISSING, RequestContext } from './context';
import { Unknown, unknown } from './tristate';

/**
 * A string with policy variables, split into literal text and variables,
 * e.g. `arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*`.
 */
export type TemplatePart =
  | { literal: string }
  | { key: string; defaultValue?: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const WITH_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

/** Splits a string into parts, or returns undefined when it has no variable. */
export function parseTemplate(text: string): TemplatePart[] | undefined {
  if (!text.includes('${')) return undefined;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) });
    const inner = m[1];
    if (inner === '*' || inner === '?' || inner === '$') {
      parts.push({ key: '', defaultValue: inner });
    } else {
      const withDefault = WITH_DEFAULT.exec(inner);
      parts.push(
        withDefault
          ? { key: withDefault[1], defaultValue: withDefault[2] }
          : { key: inner.trim() },
      );
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}

/**
 * Resolves each variable to its value: a single-valued key from the context,
 * or the default when the key is declared absent. Returns the parts as
 * `{ text, literal }` pieces (variable values are literal: wildcards in them
 * do not match), `null` when a declared-absent key has no default (AWS: the
 * value matches nothing), or unknown when the key is missing.
 */
export function resolveTemplate(
  parts: readonly TemplatePart[],
  context: RequestContext,
): { text: string; wildcards: boolean }[] | null | Unknown {
  const out: { text: string; wildcards: boolean }[] = [];
  for (const part of parts) {
    if ('literal' in part) {
      out.push({ text: part.literal, wildcards: true });
      continue;
    }
    if (part.key === '') {
      out.push({ text: part.defaultValue ?? '', wildcards: false });
      continue;
    }
    const found = context.get(part.key.toLowerCase());
    if (found === MISSING) {
      return unknown(
        `the policy variable \${${part.key}} needs ${part.key}, which the request does not give`,
        { missingKey: part.key },
      );
    }
    if (found === ABSENT) {
      if (part.defaultValue === undefined) return null;
      out.push({ text: part.defaultValue, wildcards: false });
      continue;
    }
    if (found.length !== 1) {
      return unknown(
        `the policy variable \${${part.key}} needs a single value, the request gives ${found.length}`,
      );
    }
    out.push({ text: found[0], wildcards: false });
  }
  return out;
}

/** A resolved template as plain text (for exact comparisons). */
export function templateText(pieces: readonly { text: string }[]): string {
  return pieces.map(p => p.text).join('');
}
