import { Body, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z, type ZodType } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe.js';

type JsonSchema = Record<string, unknown>;

/** OpenAPI 3 schema of a protocol schema, as the client must send it. */
export function openApiSchema(schema: ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function methodDescriptor(target: object, key: string | symbol | undefined) {
  return key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
}

/** `@ZodBody(CreateMeetingBody) body: CreateMeetingBody` — validates and documents the body. */
export function ZodBody(schema: ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema))(target, key, index);
    const descriptor = methodDescriptor(target, key);
    if (descriptor) ApiBody({ schema: openApiSchema(schema) as never })(target, key!, descriptor);
  };
}

/** `@ZodQuery(ListMeetingsQuery) query` — validates the query string and documents each parameter. */
export function ZodQuery(schema: ZodType): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema))(target, key, index);
    const descriptor = methodDescriptor(target, key);
    const json = openApiSchema(schema);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    if (!descriptor) return;
    for (const [name, prop] of Object.entries(properties)) {
      ApiQuery({ name, required: required.has(name) && prop.default === undefined, schema: prop as never })(
        target,
        key!,
        descriptor,
      );
    }
  };
}

/** Documents the success response with a protocol schema. */
export function ZodResponse(schema: ZodType, status = 200): MethodDecorator {
  return ApiResponse({ status, schema: openApiSchema(schema, 'output') as never });
}
