export {
  type AddressClass,
  classifyAddress,
  type ForbiddenAddressReason,
  forbiddenAddressReasons,
} from './classify-address.ts';
export { classifyHostName, normalizeHost } from './classify-host-name.ts';
export { relayMethods } from './cors.ts';
export { forwardedRequestHeaders } from './outbound-headers.ts';
export { registerRelay } from './register-relay.ts';
export {
  type RegisterRelay,
  type RelayDeps,
  type RelayMetrics,
  type RelayOptions,
  type RelayTimeouts,
  relayPrefix,
  relayTokenHeader,
  upstreamHeader,
} from './relay-contract.ts';
export {
  defaultConnectTimeoutMs,
  defaultFirstByteTimeoutMs,
  defaultIdleTimeoutMs,
  defaultMaxRequestBytes,
  defaultMaxResponseBytes,
  defaultRelayOptions,
  defaultRelayTimeouts,
  defaultRequestsPerMinute,
  defaultTotalTimeoutMs,
} from './relay-defaults.ts';
export { RelayError, type RelayErrorCode, relayErrorCodes, relayErrorStatus, relayErrorType } from './relay-error.ts';
export { passedResponseHeaderPrefixes, passedResponseHeaders, securityHeaders } from './response-headers.ts';
export { relayErrorHeader } from './send-error.ts';
