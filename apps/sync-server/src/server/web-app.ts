import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { withoutQuery } from '../logging/scrub-text.ts';
import { isAppPageRequest } from './app-page-request.ts';
import { cacheControlFor, revalidateCaching } from './cache-policy.ts';
import { errorBody } from './http-error.ts';

/**
 * Serves the built PWA from `staticDir` with its caching rules, falls back to index.html for the
 * app's client-side routes, and answers JSON 404s elsewhere. Without a build the server still runs
 * (the relay and API work) and the app's pages answer 503 saying how to build it.
 */
export async function registerWebApp(app: FastifyInstance, options: { staticDir: string }): Promise<void> {
  const { staticDir } = options;
  const built = existsSync(join(staticDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      dotfiles: 'ignore',
      setHeaders: (reply, path) => {
        reply.header('cache-control', cacheControlFor(relative(staticDir, path)));
      },
    });
  } else {
    app.get('/', async (_request, reply) => notBuilt(reply, staticDir));
  }

  app.setNotFoundHandler(async (request, reply) => {
    if (isAppPageRequest(request)) {
      if (!built) return notBuilt(reply, staticDir);
      return reply.code(200).header('cache-control', revalidateCaching).sendFile('index.html');
    }
    const path = withoutQuery(request.url);
    return reply.code(404).send(errorBody('not_found', `Nothing here: ${request.method} ${path}`));
  });
}

function notBuilt(reply: FastifyReply, staticDir: string) {
  return reply
    .code(503)
    .header('cache-control', 'no-store')
    .send(
      errorBody(
        'web_app_not_built',
        `The web app is not built: ${join(staticDir, 'index.html')} does not exist. Build it with ` +
          '`pnpm --filter @hearth/web build` (npm start does this), or point STATIC_DIR at a build. ' +
          'The relay and the API work without it.',
      ),
    );
}
