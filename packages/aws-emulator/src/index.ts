/**
 * An emulator of the AWS Organizations, IAM Identity Center (SSO Admin) and
 * Identity Store APIs for tests, demos and benchmarks, with an SQS queue
 * that receives the CloudTrail events of the writes it accepts.
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
export type { EventsOptions } from './events/recorder';
export { CLOUDTRAIL_SOURCES } from './events/cloudTrail';
export type {
  CloudTrailEventBridgeEvent,
  CloudTrailRecord,
} from './events/cloudTrail';
export * from './protocol/errors';
export * from './protocol/server';
export * from './state';
