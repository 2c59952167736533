/** Gatepass client SDK for vendors' Node/Electron applications (docs/PROTOCOL.md "SDK"). */
export * from './client';
export * from './errors';
export * from './fingerprint';
export * from './license-check';
export * from './state-store';
export * from './portal-api';
export { ProtocolError, isProtocolError, type ProtocolErrorCode, type JSONWebKeySet } from '../protocol';
