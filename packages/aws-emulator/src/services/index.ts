import { EmulatedService } from '../protocol/errors';
import { identityStoreOperations } from './identityStore/operations';
import { organizationsReads } from './organizations/reads';
import { organizationsWrites } from './organizations/writes';
import { ssoAdminReads } from './ssoAdmin/reads';
import { ssoAdminWrites } from './ssoAdmin/writes';
import { sqsOperations } from './sqs/operations';
import { OperationTable } from './types';
import { iamOperations } from './iam/operations';
import { stsOperations } from './sts/operations';
import { configOperations } from './config/operations';
import { organizationsServiceAccess } from './organizations/serviceAccess';
import { securityHubOperations } from './securityHub/operations';
import { accessAnalyzerOperations } from './accessAnalyzer/operations';
import { cloudTrailOperations } from './cloudTrail/operations';

/** Every operation the emulator answers, by service. */
export const OPERATIONS: Record<EmulatedService, OperationTable> = {
  organizations: {
    ...organizationsReads,
    ...organizationsServiceAccess,
    ...organizationsWrites,
  },
  ssoAdmin: { ...ssoAdminReads, ...ssoAdminWrites },
  identityStore: identityStoreOperations,
  sqs: sqsOperations,
  iam: iamOperations,
  sts: stsOperations,
  config: configOperations,
  cloudTrail: cloudTrailOperations,
  securityHub: securityHubOperations,
  accessAnalyzer: accessAnalyzerOperations,
};

export type { OperationContext, Operation, OperationTable } from './types';
