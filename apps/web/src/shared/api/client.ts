import i18n from '../i18n/i18n';
import { ApiError, toApiError } from './api-error';
import { session } from '../auth/session';

/** Query parameters; empty, null and undefined values are left out. */
type Query = object;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Auth endpoints themselves must not trigger a refresh-and-retry loop. */
  skipRefresh?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}) as [string, unknown][]) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean') {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // The server localises error messages from this header.
    'Accept-Language': i18n.language,
  };
  const token = session.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Calls the JSON API. An expired access token is refreshed once (through the HttpOnly refresh
 * cookie) and the request retried; if the refresh fails too, the session ends and the app
 * shows the login page.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 401 && !options.skipRefresh && session.accessToken()) {
    const body = await readBody(response);
    if (toApiError(401, body, '').code === 'token_expired' && (await session.refresh())) {
      response = await send(path, options);
    } else {
      session.end();
      throw toApiError(401, body, i18n.t('errors.unauthenticated'));
    }
  }
  const body = await readBody(response);
  if (!response.ok) {
    if (response.status === 401 && !options.skipRefresh) session.end();
    throw toApiError(response.status, body, i18n.t('errors.http', { status: response.status }));
  }
  return body as T;
}
