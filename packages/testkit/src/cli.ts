// Starts the fake upstream for tests that run it in another process (Playwright's webServer).
// Prints one JSON line `{"origin":"http://127.0.0.1:PORT"}` and runs until SIGTERM or SIGINT.
import { parseCliArgs } from './cli-args.ts';
import { startFakeUpstream } from './fake-upstream.ts';

const args = parseCliArgs(process.argv.slice(2));
if (!args.success) {
  process.stderr.write(`${args.error}\n`);
  process.exit(2);
}

const upstream = await startFakeUpstream(args.value);
process.stdout.write(`${JSON.stringify({ origin: upstream.origin })}\n`);

const stop = () => {
  upstream.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`fake upstream failed to close: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
