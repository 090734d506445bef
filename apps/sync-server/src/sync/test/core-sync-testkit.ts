// The client's device simulation from packages/core (its sync test helpers). @hearth/core exports only
// its public surface, not `./test`, so this one file reaches into the package; when core exports a
// `./test` subpath, import from there instead.
export { SyncTransportError } from '../../../../../packages/core/src/sync/sync-client-error.ts';
export type { SyncTransport } from '../../../../../packages/core/src/sync/sync-transport.ts';
export {
  type AppVersion,
  DeviceSimulation,
  hostClock,
  type SimulationStep,
  seedSharedRecords,
  simulationStepArbitrary,
  virtualClock,
} from '../../../../../packages/core/src/sync/test/index.ts';
