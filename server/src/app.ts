// Builds the HTTP app from the capabilities' route tables.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { adminRoutes } from './admin/admin.routes.ts';
import { auditRoutes } from './admin/audit.routes.ts';
import { roleRequestRoutes } from './admin/role-request.routes.ts';
import { assessmentRoutes } from './assessment/assessment.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { checkPasswordGate } from './auth/password-gate.ts';
import { loadSession, SESSION_COOKIE } from './auth/session.ts';
import { API_KEY_HEADER, verifyApiKey } from './cases/api-key.ts';
import { caseRoutes } from './cases/case.routes.ts';
import { externalRoutes } from './cases/external.routes.ts';
import { economyRoutes } from './collective-economy/economy.routes.ts';
import { communityRoutes } from './community-reports/community.routes.ts';
import { contestRoutes } from './contests/contest.routes.ts';
import { deliberationRoutes } from './deliberation/deliberation.routes.ts';
import { duesRoutes } from './dues/dues.routes.ts';
import { gridRoutes } from './grids/grid.routes.ts';
import { meetingRoutes } from './meetings/meeting.routes.ts';
import { memberRoutes } from './members/member.routes.ts';
import { mobileMemberRoutes } from './mobile-members/mobile-member.routes.ts';
import { myBranchRoutes } from './my-branch/my-branch.routes.ts';
import { myRecordsRoutes } from './my-records/my-records.routes.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { open311Routes } from './open311/open311.routes.ts';
import { orgCheckRoutes } from './org-checks/org-check.routes.ts';
import { orgRoutes } from './organizations/org.routes.ts';
import { patrolRoutes } from './patrols/patrol.routes.ts';
import type { Actor } from './platform/access/actor.ts';
import { verifyRequestIds } from './platform/access/reach.ts';
import { appendAudit, recordAudit } from './platform/audit/audit.ts';
import { errors } from './platform/errors/errors.ts';
import { errorHandler } from './platform/http/errors-handler.ts';
import { documentRoute, errorSchema, swaggerOptions } from './platform/http/openapi.ts';
import { rateLimitOf, tooManyRequests } from './platform/http/rate-limit.ts';
import { responseChecker, responseCheckWanted } from './platform/http/response-check.ts';
import {
  type ApiCaller,
  type AuditFields,
  type Deps,
  type RouteSpec,
  UPLOAD_TYPES,
} from './platform/http/route.ts';
import { ErrorSchema } from './platform/http/schemas.ts';
import { uploadBodySchema, uploadedFile } from './platform/http/upload.ts';
import { inputOptions, installInputHandling } from './platform/http/validation.ts';
import { powerListRoutes } from './power-list/power-list.routes.ts';
import { recruitmentRoutes } from './recruitment/recruitment.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { transferRoutes } from './transfers/transfer.routes.ts';
import { cadreRoutes } from './village-cadres/cadre.routes.ts';
import { electionRoutes } from './village-cadres/election.routes.ts';
import { publicVillageRoutes } from './village-publication/public.routes.ts';
import { publicationRoutes } from './village-publication/publication.routes.ts';
import { weakOrgRoutes } from './weak-orgs/weak-org.routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    apiCaller: ApiCaller | null;
  }
}

/** Every route of the platform, in one table (snapshotted by route-table.test.ts). */
export const ROUTES: RouteSpec[] = [
  ...systemRoutes,
  ...authRoutes,
  ...orgRoutes,
  ...memberRoutes,
  ...gridRoutes,
  ...adminRoutes,
  ...auditRoutes,
  ...caseRoutes,
  ...externalRoutes,
  ...open311Routes,
  ...notificationRoutes,
  ...patrolRoutes,
  ...recruitmentRoutes,
  ...meetingRoutes,
  ...transferRoutes,
  ...mobileMemberRoutes,
  ...communityRoutes,
  ...orgCheckRoutes,
  ...myBranchRoutes,
  ...myRecordsRoutes,
  ...duesRoutes,
  ...trainingRoutes,
  ...roleRequestRoutes,
  // village decisions and power (issue 14)
  ...deliberationRoutes,
  ...publicationRoutes,
  ...publicVillageRoutes,
  ...powerListRoutes,
  ...cadreRoutes,
  ...electionRoutes,
  // village leaders assessed (issue 15)
  ...assessmentRoutes,
  ...economyRoutes,
  ...contestRoutes,
  ...weakOrgRoutes,
];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(
  deps: Deps,
  options: { logger?: boolean; checkResponses?: boolean } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'warn' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ...inputOptions,
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('apiCaller', null);
  // photos (and Excel imports) are sent as the raw bytes
  app.addContentTypeParser(
    // photos, scans of village decisions, Excel imports (the routes declare theirs: RouteSpec.upload)
    [...UPLOAD_TYPES],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );
  app.setErrorHandler(errorHandler);
  // replies are sent as the handler returns them (JSON.stringify), never through the response schemas:
  // those document and, in tests, check the replies (response-check.ts; ARCHITECTURE.md "The contract")
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // strict UTF-8 JSON and form bodies, query strings, the validators (platform/http/validation.ts)
  installInputHandling(app);

  await app.register(fastifyCookie);
  // only the routes that declare a rateLimit (registerRoute); refusals in the one error shape
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      tooManyRequests(context.after, Math.ceil(context.ttl / 1000)),
  });
  await app.register(fastifyCompress, { threshold: 2048 });
  app.addSchema(errorSchema);
  await app.register(
    fastifySwagger,
    swaggerOptions(deps.version, { sessionCookie: SESSION_COOKIE, apiKeyHeader: API_KEY_HEADER }),
  );
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const loaded = await loadSession(deps.db, token, request.ip);
    if (loaded) {
      request.actor = loaded.actor;
      request.csrfToken = loaded.csrfToken;
    }
  });

  const checkResponses = options.checkResponses ?? responseCheckWanted();
  for (const spec of ROUTES) registerRoute(app, deps, spec, checkResponses);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      // hashed assets may be cached for long; index.html must be revalidated after every build
      cacheControl: false,
      setHeaders: (reply, file) =>
        reply.header(
          'cache-control',
          file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        ),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (!isPage || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      return reply.status(404).send({
        code: 'NOT_FOUND',
        message_zh: `没有这个接口：${request.method} ${request.url.split('?')[0]}`,
        message_en: `No such endpoint: ${request.method} ${request.url.split('?')[0]}`,
      });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}

const NO_ACTOR = new Proxy({} as Actor, {
  get() {
    throw new Error('a public route read the actor');
  },
});
const NO_SYSTEM = new Proxy({} as ApiCaller, {
  get() {
    throw new Error('a route without api_key access read the calling system');
  },
});

function registerRoute(app: FastifyInstance, deps: Deps, spec: RouteSpec, checkResponses: boolean): void {
  const errorResponses = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    config: {
      ...(spec.rateLimit ? { rateLimit: rateLimitOf(deps.config, spec.rateLimit) } : {}),
      // what the OpenAPI document says of the route beyond its schemas (platform/http/openapi.ts)
      swaggerTransform: documentRoute(spec),
    },
    ...(spec.errorHandler ? { errorHandler: spec.errorHandler } : {}),
    ...(checkResponses ? { preSerialization: responseChecker(spec) } : {}),
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      description: `权限 / access: ${spec.access}`,
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { querystring: spec.query } : {}),
      ...(spec.upload ? { body: uploadBodySchema(spec) } : spec.body ? { body: spec.body } : {}),
      // a route with its own error shape (errorBody) documents its refusals in that shape only
      ...(spec.response
        ? { response: spec.errorBody ? spec.response : { ...errorResponses, ...spec.response } }
        : {}),
    },
    // before the schemas: an account that must change its password learns that, not a 400 (auth/password-gate.ts)
    ...(spec.access === 'public' || spec.access === 'api_key'
      ? {}
      : {
          preValidation: async (request: FastifyRequest) => {
            if (request.actor) checkPasswordGate(request.actor, spec.method, spec.url);
          },
        }),
    preHandler: async (request) => {
      if (spec.access === 'public') return;
      if (spec.access === 'api_key') {
        request.apiCaller = await verifyApiKey(
          deps.db,
          spec.apiKey ? spec.apiKey(request) : request.headers[API_KEY_HEADER],
        );
        return;
      }
      const actor = request.actor;
      if (!actor) throw errors.notSignedIn();
      if (spec.method !== 'GET' && request.headers['x-csrf-token'] !== request.csrfToken) throw errors.csrf();
      if (spec.access !== 'signed_in' && !actor.permissions.has(spec.access))
        throw errors.permission(spec.access);
      // every id of the body, the query string and a second path parameter, inside its reach
      if (spec.ids) await verifyRequestIds(deps.db, actor, spec.ids, request);
    },
    handler: async (request, reply) => {
      const actor = request.actor;
      const who = (fields: AuditFields) => ({
        ...fields,
        actorId: actor?.accountId ?? null,
        actorUsername: actor?.username ?? request.apiCaller?.code ?? 'anonymous',
        role: actor?.role ?? (request.apiCaller ? 'external_system' : 'anonymous'),
        scopeOrgId: actor?.scopeOrgId ?? null,
        clientIp: request.ip,
      });
      const result = await spec.handler({
        deps,
        db: deps.db,
        actor: actor ?? NO_ACTOR,
        system: request.apiCaller ?? NO_SYSTEM,
        params: request.params as never,
        query: request.query as never,
        body: request.body as never,
        request,
        reply,
        write: (fn) =>
          deps.db.transaction().execute((trx) => fn(trx, (fields) => appendAudit(trx, who(fields)))),
        audit: (fields) => recordAudit(deps.db, who(fields)),
        upload: () => uploadedFile(spec, request),
      });
      return result;
    },
  });
}
