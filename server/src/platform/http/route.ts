// A route is data: method, url, who may call it, its schemas, and one handler that calls a service.
// The whole table is snapshotted in a test (route-table.test.ts): a diff there is a permission change.

import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Permission } from '../access/permissions.ts';
import type { IdDeclarations } from '../access/reach.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/engine.ts';
import type { Db, Trx } from '../db/handle.ts';
import type { ErrorBody } from './openapi.ts';
import type { RateLimitName } from './rate-limit.ts';

/**
 * 'public': anyone; 'signed_in': any account; 'api_key': an external system (12345, 110, 信访 …) with
 * its key in the `x-api-key` header; otherwise the permission the role must hold.
 */
export type Access = 'public' | 'signed_in' | 'api_key' | Permission;

/** The external system that called an 'api_key' route. */
export interface ApiCaller {
  id: number;
  code: string;
  name: string;
}

/** Which scoped record an `:id` in the url names (drives the generated cross-scope test). */
export type ScopeResource =
  | 'org'
  | 'grid'
  | 'member'
  | 'case'
  | 'attachment'
  | 'recruitment'
  | 'meeting'
  | 'transfer'
  | 'mobile_member'
  | 'training_class'
  | 'assessment'
  | 'appeal'
  | 'contest'
  | 'weak_org'
  | 'enterprise'
  | 'deliberation'
  | 'publication_item'
  | 'publication_question'
  | 'village_attachment'
  | 'power_use'
  | 'village_cadre'
  | 'village_representative'
  | 'reserve_cadre'
  | 'community_worker'
  | 'village_election'
  | 'election_candidate';

/** The content types a file body may have (the app's raw-body parser reads exactly these). */
export const UPLOAD_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];
export const PHOTO_TYPES: readonly UploadType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/octet-stream',
];
export const EXCEL_TYPES: readonly UploadType[] = [
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

export type AuditFields = Omit<AuditEntry, 'actorId' | 'actorUsername' | 'role' | 'scopeOrgId' | 'clientIp'>;

export interface Deps {
  database: Database;
  db: Db;
  config: Config;
  version: string;
}

export interface Context<P, Q, B> {
  deps: Deps;
  db: Db;
  /** The signed-in caller. On a 'public' route reading it throws: public handlers act for no one. */
  actor: Actor;
  /** The calling external system on an 'api_key' route (reading it elsewhere throws). */
  system: ApiCaller;
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
  /** One transaction per write request, with the audit row inside it. */
  write<T>(fn: (trx: Trx, audit: (fields: AuditFields) => Promise<number>) => Promise<T>): Promise<T>;
  /** Records a read of personal data, or another action with no write of its own. */
  audit(fields: AuditFields): Promise<number>;
  /**
   * The file of an upload route (RouteSpec.upload), once the handler has placed the url's ids: 400
   * `FILE_REQUIRED` when none came, 415 `UNSUPPORTED_MEDIA_TYPE` for a type the route does not take.
   */
  upload(): Buffer;
}

/** A request's write: one transaction with its audit row (services take it from the handler's context). */
export type Write = Context<unknown, unknown, unknown>['write'];

export interface RouteSpec<
  PS extends TSchema = TSchema,
  QS extends TSchema = TSchema,
  BS extends TSchema = TSchema,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: Access;
  summary: string;
  tags: string[];
  params?: PS;
  query?: QS;
  body?: BS;
  response?: Record<number, TSchema>;
  scopeResource?: ScopeResource;
  /** A rate limit of the route (platform/http/rate-limit.ts; limits from the configuration). */
  rateLimit?: RateLimitName;
  /**
   * The other ids the route takes — from its body, its query string or a second path parameter — each
   * with its reach (platform/access/reach.ts). The platform places every one inside its reach before
   * the handler runs (404 `<KIND>_NOT_FOUND` otherwise), the route-table test refuses an id field left
   * undeclared, and the cross-scope test sends another village's record in each place.
   */
  ids?: IdDeclarations;
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /**
   * The route takes a file as its raw request body (a photo, a scan, an Excel import), in one of these
   * content types; `body`, if given, is the schema of a JSON alternative. The handler takes the file
   * through `ctx.upload()` (400 `FILE_REQUIRED` for none, 415 `UNSUPPORTED_MEDIA_TYPE` for another type);
   * the OpenAPI document lists the types; the generated input test sends hostile files.
   */
  upload?: readonly UploadType[];
  /** Where an 'api_key' route finds the key when its protocol says so (default: the x-api-key header). */
  apiKey?: (request: FastifyRequest) => unknown;
  /** Renders this route's errors in its protocol's shape (default: the platform's JSON error body). */
  errorHandler?: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;
  /** The schema and statuses of the refusals that `errorHandler` renders (for the OpenAPI document). */
  errorBody?: ErrorBody;
  handler(ctx: Context<Static<PS>, Static<QS>, Static<BS>>): Promise<unknown>;
}

/** Typed helper: infers the handler's params/query/body types from the schemas. */
export function route<PS extends TSchema, QS extends TSchema, BS extends TSchema>(
  spec: RouteSpec<PS, QS, BS>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
