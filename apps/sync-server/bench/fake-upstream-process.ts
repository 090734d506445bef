// The fake upstream in a process of its own for relay-bench.ts, so that client, upstream and relay do not
// share one event loop.
import { startFakeUpstream } from '@hearth/testkit';

const upstream = await startFakeUpstream();
process.send?.({ origin: upstream.origin, port: upstream.port });
// A benchmark that was stopped leaves no process behind.
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', () => {
  upstream.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
