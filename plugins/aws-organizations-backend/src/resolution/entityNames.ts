import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

const MAX_NAME_LENGTH = 63;

/**
 * Makes a valid catalog entity name of any string: lower-cased, characters
 * outside `[a-z0-9-_.]` replaced by `-`, no repeated or leading/trailing
 * separators, at most 63 characters. Undefined when nothing is left.
 */
export function toEntityName(value: string): string | undefined {
  const name = value
    .toLocaleLowerCase('en-US')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[-_.]{2,}/g, '-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^[-_.]+|[-_.]+$/g, '');
  return name || undefined;
}

/**
 * Turns an owner tag value or a configured ref into a lower-cased full
 * entity ref: a bare name becomes `<defaultKind>:<namespace>/<name>`, a full
 * ref is kept. Undefined when the value cannot name an entity.
 */
export function toEntityRef(
  value: string,
  defaultKind: string,
  namespace: string,
): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(trimmed, {
      defaultKind,
      defaultNamespace: namespace,
    });
    const name = toEntityName(ref.name);
    if (!name || name !== ref.name.toLocaleLowerCase('en-US')) {
      return undefined;
    }
    return stringifyEntityRef({ ...ref, name }).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
