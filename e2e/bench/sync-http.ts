// Plain HTTP calls to the sync API, as docs/sync-protocol.md describes them, for benchmarks that need
// a user, a large server-side history, and pairing codes without a browser.

async function call<T>(options: { url: string; path: string; token?: string; input?: unknown }): Promise<T> {
  const response = await fetch(`${options.url}/trpc/${options.path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.input === undefined ? '' : JSON.stringify(options.input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
  if (!body.result) throw new Error(`${options.path} failed: ${body.error?.message ?? response.status}`);
  return body.result.data;
}

/** Creates an account (the server must allow sign-up) and returns its first device's token. */
export async function signUp(url: string, deviceName: string): Promise<string> {
  return (await call<{ token: string }>({ url, path: 'account.signUp', input: { deviceName } })).token;
}

/** A one-time pairing code for a new device of the token's user. */
export async function pairingCode(url: string, token: string): Promise<string> {
  return (await call<{ code: string }>({ url, path: 'pairing.create', token })).code;
}

/** Pushes `count` realistic records (chats of 50 messages of about 1 KB) as the token's device. */
export async function seedServer(options: { url: string; token: string; count: number }): Promise<void> {
  const now = Date.now();
  const clock = (n: number) => `${String(now - 10_000_000 + n).padStart(15, '0')}-000000-seeder`;
  const id = (n: number) => {
    const hex = (now - 10_000_000 + n).toString(16).padStart(12, '0');
    const tail = n.toString(16).padStart(15, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${tail.slice(0, 3)}-8${tail.slice(3, 6)}-${tail.slice(3, 15)}`;
  };
  const text = 'A realistic answer with a few sentences in it, about a thousand bytes long in total. '.repeat(12);
  let mutationId = 1;
  let chatId = '';
  for (let start = 0; start < options.count; start += 500) {
    const mutations = [];
    for (let n = start; n < Math.min(options.count, start + 500); n++) {
      if (n % 51 === 0) {
        chatId = id(n);
        mutations.push({
          mutationId: mutationId++,
          change: {
            table: 'chats',
            record: {
              id: chatId,
              updatedAt: clock(n),
              deleted: false,
              title: `Seeded chat ${n / 51}`,
              systemPrompt: '',
              modelConfigId: null,
              params: {},
              pinned: false,
              forkedFrom: null,
              createdAt: now - 10_000_000 + n,
              lastActivityAt: now - 10_000_000 + n,
            },
          },
        });
      } else {
        mutations.push({
          mutationId: mutationId++,
          change: {
            table: 'messages',
            record: {
              id: id(n),
              updatedAt: clock(n),
              deleted: false,
              chatId,
              role: n % 2 ? 'user' : 'assistant',
              content: text,
              reasoning: '',
              status: 'done',
              error: null,
              model: 'bench',
              usage: null,
              createdAt: now - 10_000_000 + n,
              feedback: null,
              connection: null,
            },
          },
        });
      }
    }
    await call({ url: options.url, path: 'sync.push', token: options.token, input: { protocolVersion: 2, mutations } });
  }
}
