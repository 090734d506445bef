import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { StdioServerDefinition } from './stdio-servers-config.ts';

/**
 * One browser session with one stdio server: a process of its own, bridged message by message to Streamable
 * HTTP. The bridge does not interpret MCP (the SDK's HTTP transport handles sessions, SSE and DELETE), so
 * whatever the process and the browser say to each other passes unchanged. Either side closing closes both.
 */
export class StdioSession {
  private readonly http: StreamableHTTPServerTransport;
  private readonly process: StdioClientTransport;
  private closed = false;
  lastUsed = Date.now();

  private constructor(definition: StdioServerDefinition, onInitialized: (session: StdioSession, id: string) => void) {
    this.http = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => onInitialized(this, id),
    });
    this.process = new StdioClientTransport({
      command: definition.command,
      args: definition.args,
      env: definition.env,
      ...(definition.cwd === undefined ? {} : { cwd: definition.cwd }),
      // Whatever the process prints for people could hold anything; the server logs none of it.
      stderr: 'ignore',
    });
    this.http.onmessage = (message) => {
      this.process.send(message).catch(() => this.close());
    };
    this.process.onmessage = (message) => {
      this.http.send(message).catch(() => {});
    };
    this.http.onclose = () => this.close();
    this.process.onclose = () => this.close();
    this.process.onerror = () => this.close();
  }

  /** Spawns the server's process and readies the HTTP side; `onInitialized` runs once the session has its id. */
  static async open(options: {
    definition: StdioServerDefinition;
    onInitialized: (session: StdioSession, id: string) => void;
    onClosed: (session: StdioSession) => void;
  }): Promise<StdioSession> {
    const session = new StdioSession(options.definition, options.onInitialized);
    session.onClosed = options.onClosed;
    await session.process.start();
    await session.http.start();
    return session;
  }

  private onClosed: (session: StdioSession) => void = () => {};

  get sessionId(): string | undefined {
    return this.http.sessionId;
  }

  /** Serves one HTTP request of this session (POST, the GET stream, DELETE). */
  handle(req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
    this.lastUsed = Date.now();
    return this.http.handleRequest(req, res, body);
  }

  /** Ends the process and the session; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed(this);
    await Promise.allSettled([this.http.close(), this.process.close()]);
  }
}
