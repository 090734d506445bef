// Test helpers for sync: not part of core's public surface. The server's tests reuse the device
// simulation against the real server by passing their own `connect`.
export { canonicalJson } from './canonical-json.ts';
export { FaultyTransport, type TransportFault, transportFaults } from './faulty-transport.ts';
export { type DeviceEndState, findDivergence } from './find-divergence.ts';
export { ManualTimer } from './manual-timer.ts';
export { MemoryStore } from './memory-store.ts';
export { RecordingTransport } from './recording-transport.ts';
export { type ReferenceServerOptions, ReferenceSyncServer } from './reference-server.ts';
export { referenceSimulation, seedSharedRecords, simulationStartMs } from './reference-simulation.ts';
export { referenceTransport } from './reference-transport.ts';
export {
  type ConnectedDevice,
  DeviceSimulation,
  type SimulationOptions,
  type SimulationStep,
} from './simulate-devices.ts';
export { type AppVersion, SimulatedDevice, type SimulatedDeviceOptions } from './simulated-device.ts';
export { hostClock, type SimulationClock, virtualClock } from './simulation-clock.ts';
export { simulationStepArbitrary } from './simulation-steps.ts';
export { chatChange, clockAt, messageChange, settingChange } from './sync-fixtures.ts';
export { testServer, testSyncContext } from './test-context.ts';
