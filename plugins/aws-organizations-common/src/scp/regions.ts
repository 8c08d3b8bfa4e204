import { compilePolicy } from './compile';
import { summarizeStatement } from './summarize';
import type { EffectiveScps, ScpLevel, ScpLevelRef } from './types';
import { compileWildcard } from './wildcard';

/** One region restriction statement and where it comes from. @public */
export interface RegionRestriction {
  policyId: string;
  policyName: string;
  level: ScpLevelRef;
  statementIndex: number;
  sid?: string;
  /** Regions requests may use (patterns, e.g. `eu-*`). */
  regions: string[];
  /** The statement's Action list (empty when it uses NotAction). */
  actions: string[];
  /** Actions the restriction does not apply to (NotAction). */
  exemptActions: string[];
  exemptPrincipals: string[];
}

/** The regions an account may use, from its region-restriction SCPs. @public */
export interface AllowedRegions {
  /** False when no SCP restricts regions. */
  restricted: boolean;
  /**
   * Region patterns allowed by every restriction (['*'] when unrestricted).
   * With several restrictions this is the patterns of one that every other
   * one also matches (exact for plain region names).
   */
  regions: string[];
  restrictions: RegionRestriction[];
}

function levelsOf(source: EffectiveScps | ScpLevel[]): ScpLevel[] {
  return Array.isArray(source) ? source : source.levels;
}

/** Region restrictions (Deny + StringNotEquals/Like on aws:RequestedRegion). */
export function regionRestrictions(
  source: EffectiveScps | ScpLevel[],
): RegionRestriction[] {
  const out: RegionRestriction[] = [];
  for (const level of levelsOf(source)) {
    const ref: ScpLevelRef = {
      kind: level.kind,
      targetId: level.targetId,
      name: level.name,
    };
    for (const policy of level.policies) {
      const compiled = compilePolicy(policy);
      if (!compiled.ok) continue;
      for (const statement of compiled.parsed.statements) {
        const summary = summarizeStatement(statement);
        if (summary.kind !== 'region-restriction') continue;
        const restriction: RegionRestriction = {
          policyId: policy.id,
          policyName: policy.name,
          level: ref,
          statementIndex: statement.index,
          regions: summary.regions ?? [],
          actions: summary.actions,
          exemptActions: summary.notActions,
          exemptPrincipals: summary.exemptPrincipals,
        };
        if (statement.sid !== undefined) restriction.sid = statement.sid;
        out.push(restriction);
      }
    }
  }
  return out;
}

/**
 * The regions an account may use according to the region-restriction
 * statements of its SCPs (summary level: conditions other than the region
 * and principal exemptions are not weighed; use `evaluateScps` for a
 * precise answer for one request).
 *
 * @public
 */
export function allowedRegions(
  source: EffectiveScps | ScpLevel[],
): AllowedRegions {
  const restrictions = regionRestrictions(source);
  if (restrictions.length === 0) {
    return { restricted: false, regions: ['*'], restrictions };
  }
  const sets = restrictions.map(r => r.regions.map(compileWildcard));
  const candidates = [...new Set(restrictions.flatMap(r => r.regions))];
  const regions = candidates.filter(c =>
    sets.every(matchers => matchers.some(m => m(c))),
  );
  return { restricted: true, regions, restrictions };
}
