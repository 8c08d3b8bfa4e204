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

function variablePart(inner: string): TemplatePart {
  if (inner === '*' || inner === '?' || inner === '$') {
    return { key: '', defaultValue: inner };
  }
  const withDefault = WITH_DEFAULT.exec(inner);
  return withDefault
    ? { key: withDefault[1], defaultValue: withDefault[2] }
    : { key: inner.trim() };
}

/** Splits a string into parts, or returns undefined when it has no variable. */
export function parseTemplate(text: string): TemplatePart[] | undefined {
  if (!text.includes('${')) return undefined;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) parts.push({ literal: text.slice(last, m.index) });
    parts.push(variablePart(m[1]));
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ literal: text.slice(last) });
  return parts;
}

/** A Resource / NotResource pattern with variables, split. */
export interface ResourceTemplate {
  parts: TemplatePart[];
  /**
   * Variables written before the fifth colon (partition, service, region,
   * account): AWS does not substitute them, so they stay literal text.
   */
  literalVariables: string[];
}

/**
 * Splits a Resource / NotResource pattern: variables after the fifth colon
 * (the resource part of the ARN) are substituted; a variable before it is
 * kept as literal text, because AWS supports variables only in the
 * resource part
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-resourceelement).
 * Undefined when the pattern has no variable at all.
 */
export function parseResourceTemplate(
  text: string,
): ResourceTemplate | undefined {
  const parsed = parseTemplate(text);
  if (!parsed) return undefined;
  const parts: TemplatePart[] = [];
  const literalVariables: string[] = [];
  let colons = 0;
  const match = text.matchAll(VARIABLE);
  for (const part of parsed) {
    if ('literal' in part) {
      colons += part.literal.split(':').length - 1;
      parts.push(part);
      continue;
    }
    const written = match.next().value![0];
    if (colons >= 5) {
      parts.push(part);
    } else {
      literalVariables.push(written);
      parts.push({ literal: written });
      colons += written.split(':').length - 1;
    }
  }
  const merged: TemplatePart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if ('literal' in part && previous && 'literal' in previous) {
      merged[merged.length - 1] = { literal: previous.literal + part.literal };
    } else merged.push(part);
  }
  return { parts: merged, literalVariables };
}

/** The keys of the variables a template substitutes, without a default. */
export function variableKeys(parts: readonly TemplatePart[]): string[] {
  return parts.flatMap(p =>
    'key' in p && p.key !== '' && p.defaultValue === undefined ? [p.key] : [],
  );
}

/** A resolved template: literal text may hold wildcards, values may not. */
export type ResolvedPiece = { text: string; wildcards: boolean };

/**
 * Resolves each variable to its value: a single-valued key from the context,
 * or the default when the key is declared absent. Returns the pieces
 * (variable values are literal: wildcards in them do not match), `null`
 * when a declared-absent key has no default (the value is effectively null:
 * it equals and is like nothing), or unknown when the key is missing or
 * multivalued (AWS does not support multivalued keys as policy variables).
 */
export function resolveTemplate(
  parts: readonly TemplatePart[],
  context: RequestContext,
): ResolvedPiece[] | null | Unknown {
  const out: ResolvedPiece[] = [];
  for (const part of parts) {
    if ('literal' in part) {
      out.push({ text: part.literal, wildcards: true });
      continue;
    }
    if (part.key === '') {
      out.push({ text: part.defaultValue ?? '', wildcards: false });
      continue;
    }
    const lowerKey = part.key.toLowerCase();
    const found = context.get(lowerKey);
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
    if (context.multivalued(lowerKey, found)) {
      return unknown(
        `the policy variable \${${part.key}} names a multivalued key (the request gives ${found.length} values): AWS does not support multivalued keys as policy variables`,
      );
    }
    out.push({ text: found[0], wildcards: false });
  }
  return out;
}
