/** Gatepass artifact formats (docs/PROTOCOL.md). The only module that imports jose. */
export * from './types';
export * from './errors';
export * from './armor';
export * from './keys';
export * from './derive-license-file-key';
export * from './license-key-format';
export * from './duration';
export * from './create-activation-request';
export * from './open-activation-request';
export * from './create-deactivation';
export * from './open-deactivation';
export * from './sign-license-file';
export * from './verify-license-file';
export * from './evaluate-lease';
export { DEFAULT_CLOCK_SKEW_SECONDS } from './internal/issued-at';
export * from './activation-codes';
export { normalizeCodeText } from './code-format';
export * from './revocation-list';
