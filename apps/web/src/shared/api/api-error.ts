import type { ErrorBody } from '@xieshang/protocol';

type FieldError = NonNullable<ErrorBody['error']['fields']>[number];

/**
 * An error answered by the API (`{"error":{code,message,fields?}}`), or a network failure
 * (`status` 0, code `network_error`). `message` is already in the UI language: the server
 * localises it from Accept-Language, and network failures are localised by the client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static is(value: unknown, code?: string): value is ApiError {
    return value instanceof ApiError && (code === undefined || value.code === code);
  }
}

/** Reads an error body defensively: proxies and crashed servers answer with HTML or nothing. */
export function toApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as ErrorBody).error;
    if (error && typeof error.code === 'string') {
      return new ApiError(status, error.code, error.message || fallbackMessage, error.fields ?? []);
    }
  }
  return new ApiError(status, status === 0 ? 'network_error' : 'http_error', fallbackMessage);
}
