import type { ErrorCode } from '@xieshang/protocol';

/** HTTP status for every error code; TypeScript keeps this exhaustive. */
export const errorStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  weak_password: 400,
  authentication_required: 401,
  invalid_credentials: 401,
  token_expired: 401,
  account_locked: 423,
  account_disabled: 403,
  forbidden: 403,
  wrong_password: 403,
  not_found: 404,
  invitation_invalid: 404,
  conflict: 409,
  username_taken: 409,
  already_participant: 409,
  already_member: 409,
  meeting_not_editable: 409,
  invalid_transition: 409,
  meeting_not_live: 409,
  poll_not_open: 409,
  already_voted: 409,
  not_entitled_to_vote: 403,
  not_checked_in: 409,
  agenda_item_closed: 409,
  already_in_queue: 409,
  document_locked: 409,
  payload_too_large: 413,
  too_many_requests: 429,
  internal_error: 500,
};

export interface FieldError {
  path: string;
  message: string;
}

/** A typed application error; the global filter turns it into `{"error":{"code","message"}}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    /** Extra detail for logs only; never sent to the client. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (detail?: string) => new AppError('not_found', undefined, detail);
export const forbidden = (detail?: string) => new AppError('forbidden', undefined, detail);
export const conflict = (code: ErrorCode = 'conflict', detail?: string) => new AppError(code, undefined, detail);
