import type { PipeTransform } from '@nestjs/common';
import type { ZodError, ZodType } from 'zod';
import { AppError, type FieldError } from '../errors/app-error.js';

export function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

/** Validates a request part with a shared protocol schema; failures become 400 validation_failed. */
export class ZodValidationPipe<T extends ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown) {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw new AppError('validation_failed', zodFieldErrors(result.error));
    return result.data;
  }
}
