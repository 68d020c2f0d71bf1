import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { errorMessage, type ErrorBody, type ErrorCode, type Language } from '@xieshang/protocol';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './app-error.js';
import { zodFieldErrors } from '../validation/zod-validation.pipe.js';

/** Picks the user's language: English only when asked for first; Chinese is the default. */
export function requestLanguage(req: Pick<Request, 'headers'>): Language {
  const header = req.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

const codeForStatus = (status: number): ErrorCode => {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'authentication_required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal_error' : 'validation_failed';
  }
};

/** The one place errors become HTTP responses. Never leaks a stack or SQL to the client. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const lang = requestLanguage(req);
    const { status, body } = this.toBody(exception, lang);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  private toBody(exception: unknown, lang: Language): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      return {
        status: exception.status,
        body: { error: { code: exception.code, message: errorMessage(exception.code, lang), fields: exception.fields } },
      };
    }
    if (exception instanceof ZodError) {
      return {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: errorMessage('validation_failed', lang),
            fields: zodFieldErrors(exception),
          },
        },
      };
    }
    // Express body-parser errors (bad JSON, too large) and Nest's own (unknown route).
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { status?: unknown })?.status === 'number'
          ? (exception as { status: number }).status
          : 500;
    const code = codeForStatus(status);
    return { status, body: { error: { code, message: errorMessage(code, lang) } } };
  }
}
