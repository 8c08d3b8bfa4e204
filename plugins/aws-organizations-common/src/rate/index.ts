export { TokenBucket } from './tokenBucket';
