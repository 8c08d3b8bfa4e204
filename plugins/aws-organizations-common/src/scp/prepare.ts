import { CompiledStatement, compilePolicy } from './compile';
import type { PolicyKind } from './parse';
import { describeLevel, describeStatement } from './describe';
import type {
  ScpLevel,
  ScpLevelRef,
  ScpPolicySource,
  ScpStatementRef,
} from './types';

/** A compiled statement with its reference and description, built once. */
export interface PreparedStatement {
  compiled: CompiledStatement;
  ref: ScpStatementRef;
  description: string;
}

/** A policy of a level, compiled, or why it cannot be read. */
export interface PreparedPolicy {
  source: ScpPolicySource;
  content: string;
  error?: string;
  statements: PreparedStatement[];
}

/** A level ready to evaluate. */
export interface PreparedLevel {
  ref: ScpLevelRef;
  description: string;
  policies: PreparedPolicy[];
}

const prepared: Record<PolicyKind, WeakMap<ScpLevel, PreparedLevel>> = {
  scp: new WeakMap(),
  rcp: new WeakMap(),
};

function isCurrent(level: ScpLevel, entry: PreparedLevel): boolean {
  if (entry.policies.length !== level.policies.length) return false;
  for (let i = 0; i < level.policies.length; i++) {
    const p = entry.policies[i];
    if (p.source !== level.policies[i] || p.content !== p.source.content) {
      return false;
    }
  }
  return true;
}

/**
 * Prepares a level once per level object and policy kind: compiled policies (through the
 * per id + content cache) and the statement references the answers name.
 * A level whose policies changed is prepared again.
 */
export function prepareLevel(
  level: ScpLevel,
  kind: PolicyKind = 'scp',
): PreparedLevel {
  const cached = prepared[kind].get(level);
  if (cached && isCurrent(level, cached)) return cached;
  const ref: ScpLevelRef = {
    kind: level.kind,
    targetId: level.targetId,
    name: level.name,
  };
  const policies = level.policies.map((source): PreparedPolicy => {
    const compiled = compilePolicy(source, kind);
    if (!compiled.ok) {
      return {
        source,
        content: source.content,
        error: compiled.error,
        statements: [],
      };
    }
    return {
      source,
      content: source.content,
      statements: compiled.statements.map(s => {
        const statementRef: ScpStatementRef = {
          policyId: source.id,
          policyName: source.name,
          level: ref,
          statementIndex: s.statement.index,
          effect: s.effect,
        };
        if (s.statement.sid !== undefined) statementRef.sid = s.statement.sid;
        return {
          compiled: s,
          ref: statementRef,
          description: describeStatement(statementRef, { index: 'always' }),
        };
      }),
    };
  });
  const entry: PreparedLevel = {
    ref,
    description: describeLevel(ref),
    policies,
  };
  prepared[kind].set(level, entry);
  return entry;
}
