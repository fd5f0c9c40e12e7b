// The one way the web app talks to the server: same-origin cookies, the CSRF header on every
// write, errors turned into ApiError with both languages, and 401 sending the user to sign in.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(status: number, code: string, messageZh: string, messageEn: string, details?: unknown) {
    super(messageZh);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.details = details;
  }

  localized(lang: 'zh' | 'en'): string {
    return lang === 'en' ? this.messageEn : this.messageZh;
  }
}

type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let unauthorizedHandler: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The shell registers what to do when the session is gone (go to /login). */
export function onUnauthorized(handler: ((error: ApiError) => void) | null): void {
  unauthorizedHandler = handler;
}

function readCookie(name: string): string | null {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toError(response: Response): Promise<ApiError> {
  let body: { code?: string; message_zh?: string; message_en?: string; details?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not JSON: fall through to a generic message
  }
  return new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message_zh ?? `服务器返回错误（${response.status}），请稍后重试。`,
    body.message_en ?? `The server answered with an error (${response.status}); please try again later.`,
    body.details,
  );
}

async function send(method: string, path: string, body?: unknown, query?: Query): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof Blob;
  if (raw) headers['content-type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? readCookie('qj_csrf');
    if (token) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? body : body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      '无法连接服务器，请检查网络后重试。',
      'Cannot reach the server: check the network.',
    );
  }
  if (!response.ok) {
    const error = await toError(response);
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/password') {
      unauthorizedHandler?.(error);
    }
    throw error;
  }
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const response = await send(method, path, body, query);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** Sends a file as the raw request body (content-type from the file). */
  upload: <T>(path: string, file: Blob, query?: Query) => request<T>('POST', path, file, query),
};

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Fetches a file (Excel export) and hands it to the browser as a download. */
export async function download(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<string> {
  const response = await send('GET', path, undefined, query);
  const blob = await response.blob();
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
