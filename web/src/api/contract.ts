// Types from the contract (schema.d.ts, generated from docs/openapi.json): the request body, query and
// answer of an operation, by its path and method. The calls still go through client.ts (CSRF header,
// ApiError in both languages, 401 → sign-in); `call` types them by the document.
import { request } from './client.ts';
import type { paths } from './schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The paths that answer `method`. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

/** The JSON body an operation takes. */
export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer R;
  }
    ? Json<NonNullable<R>>
    : never;

/** The query parameters of an operation. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

/** The answer of an operation (200 or 201), where the document declares it. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    responses: infer R;
  }
    ? R extends { 200: infer A }
      ? Json<A>
      : R extends { 201: infer A }
        ? Json<A>
        : never
    : never;

/** A path with its `{name}` parameters filled in. */
function fill(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}

/** Calls an operation of the document through the one client, typed by the document. */
export function call<M extends Method, P extends PathOf<M>>(
  method: M,
  path: P,
  options: {
    params?: Record<string, string | number>;
    query?: QueryOf<P, M>;
    body?: RequestBody<P, M>;
  } = {},
): Promise<ResponseOf<P, M>> {
  return request<ResponseOf<P, M>>(
    method.toUpperCase(),
    fill(path, options.params),
    options.body,
    options.query as Parameters<typeof request>[3],
  );
}
