import type { SyncTransport } from '../sync-transport.ts';
import type { ReferenceSyncServer } from './reference-server.ts';

// Requests and answers cross a wire: nothing is shared between client and server objects.
function overTheWire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A transport to the in-memory reference server, authenticated as `deviceId`. */
export function referenceTransport(server: ReferenceSyncServer, deviceId: string): SyncTransport {
  return {
    async push(request) {
      return overTheWire(server.push(deviceId, overTheWire(request)));
    },
    async pull(request) {
      return overTheWire(server.pull(deviceId, overTheWire(request)));
    },
  };
}
