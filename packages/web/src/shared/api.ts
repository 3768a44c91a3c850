// The one place that talks to the server: adds the CSRF header to writes and turns problem+json (RFC 9457) into ApiError.

export interface FieldProblem {
  /** JSON Pointer to the offending field, e.g. `/idNumber` or `/roles/0/regionCode`. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];
  /** The whole problem document, for the members some problems add (`reportUrl`, `errorTotal` …). */
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    title: string,
    detail?: string,
    errors: FieldProblem[] = [],
    body: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.body = body;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Reads a problem document defensively: a proxy or a crash may answer with anything. */
export function parseProblem(status: number, body: unknown): ApiError {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${status}`;
  const title = typeof problem.title === 'string' ? problem.title : `请求失败（${status}）`;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldProblem) : [];
  return new ApiError(status, code, title, detail, errors, problem);
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.path === 'string' && typeof candidate.message === 'string';
}

// Kept in memory only: the session cookie is httpOnly and the token is re-read from /api/auth/me on page load.
let csrfToken: string | null = null;
let onAuthRequired: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request answers AUTH_REQUIRED, so the app can drop a session the server has ended. */
export function setAuthRequiredHandler(handler: (() => void) | null): void {
  onAuthRequired = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...extraHeaders };
  const isUpload = body instanceof FormData;
  const isBytes = body instanceof Blob;
  // Fastify refuses an empty body declared as JSON, so the content type goes only with a body; the browser sets the
  // multipart boundary itself.
  if (isBytes) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined && !isUpload) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : isUpload || isBytes ? body : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = parseProblem(response.status, await readJson(response));
  if (error.code === 'AUTH_REQUIRED') onAuthRequired?.();
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** One file as multipart/form-data under the field name `file`, the way the server's upload routes read it. */
  upload: <T>(path: string, file: Blob, filename?: string) => {
    const form = new FormData();
    form.append('file', file, filename ?? (file instanceof File ? file.name : 'upload'));
    return request<T>('POST', path, form);
  },
  /** Raw bytes (one chunk of a resumable upload) with headers such as Content-Range. */
  putBytes: <T>(path: string, bytes: Blob, headers: Record<string, string>) => request<T>('PUT', path, bytes, headers),
};
