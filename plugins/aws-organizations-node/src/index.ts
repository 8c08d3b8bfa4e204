/**
 * Node library of the AWS Organizations plugins: the AWS reader and the
 * extension points of the backend.
 *
 * @packageDocumentation
 */

export * from './config';
export * from './reader';
export * from './catalog';
export * from './compliance';
export * from './permissions';
