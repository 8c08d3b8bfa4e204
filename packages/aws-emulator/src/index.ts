/**
 * An emulator of the AWS Organizations, IAM Identity Center (SSO Admin) and
 * Identity Store APIs for tests, demos and benchmarks.
 *
 * @packageDocumentation
 */

export * from './datasets';
export * from './emulator';
export * from './admin';
export type { CallerView } from './knobs/caller';
export { runCli } from './cli';
export type { FaultConfig } from './knobs/faults';
export type { RateLimitOptions, RateLimitSpec } from './knobs/rateLimits';
export type { LatencyOption } from './knobs/latency';
export type { EmulatorStats } from './knobs/stats';
export * from './protocol/errors';
export * from './protocol/server';
export * from './state';
