/** What AWS's own detectors report (issue #18). */
export * from './types';
export * from './api';
export * from './counts';
