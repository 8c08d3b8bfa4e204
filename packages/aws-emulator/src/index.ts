/**
 * An emulator of the AWS Organizations, IAM Identity Center (SSO Admin) and
 * Identity Store APIs for tests, demos and benchmarks.
 *
 * @packageDocumentation
 */

export * from './server';
