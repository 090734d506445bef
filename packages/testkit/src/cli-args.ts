import type { FakeUpstreamOptions } from './fake-upstream.ts';
import { parseScenario } from './scenario-path.ts';

/** The CLI's options, or a message for stderr. */
export type CliArgsParse = { success: true; value: FakeUpstreamOptions } | { success: false; error: string };

/** The CLI usage line. */
export const cliUsage = 'usage: cli.ts [--host 127.0.0.1] [--port 0] [--scenario cors=0,tokens=40]';

/** Reads `--host`, `--port` and `--scenario` (server-wide defaults, in URL syntax). */
export function parseCliArgs(args: readonly string[]): CliArgsParse {
  const options: FakeUpstreamOptions = {};
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index];
    const value = args[index + 1];
    if (value === undefined) return { success: false, error: `${flag} needs a value. ${cliUsage}` };
    switch (flag) {
      case '--host':
        options.host = value;
        break;
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          return { success: false, error: `--port must be 0..65535, got "${value}"` };
        }
        options.port = port;
        break;
      }
      case '--scenario': {
        const scenario = parseScenario(value);
        if (!scenario.success) return { success: false, error: scenario.error };
        options.defaults = scenario.value;
        break;
      }
      default:
        return { success: false, error: `Unknown argument "${flag}". ${cliUsage}` };
    }
  }
  return { success: true, value: options };
}
