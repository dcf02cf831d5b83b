import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODE_LIST, ERROR_CODES } from '../errors/error-codes.js';

type Schemas = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>;

/**
 * The error body every route answers with on a 4xx/5xx (http-exception.filter.ts), and the catalogue of its
 * codes (error-codes.ts), as OpenAPI component schemas: ErrorBody, whose `code` is an ErrorCode.
 */
export function errorBodySchemas(): Schemas {
  return {
    ErrorCode: {
      type: 'string',
      enum: [...ERROR_CODE_LIST],
      description: `What went wrong, stable for clients to branch on:\n${ERROR_CODE_LIST.map((code) => `- \`${code}\`: ${ERROR_CODES[code]}`).join('\n')}`,
    },
    ErrorBody: {
      type: 'object',
      required: ['statusCode', 'code', 'message'],
      properties: {
        statusCode: { type: 'integer', example: 400 },
        code: { $ref: '#/components/schemas/ErrorCode' },
        message: { type: 'string' },
        errors: {
          type: 'array',
          description: 'For input errors: each field and the rule it breaks',
          items: {
            type: 'object',
            required: ['field', 'rule', 'message'],
            properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
          },
        },
        details: {
          type: 'object',
          additionalProperties: true,
          description: 'Facts of the refusal (the current status, the allowed ones, the permission missing…)',
        },
        requestId: { type: 'string', description: 'The id of the request in the logs' },
      },
    },
  };
}

/** The document with the error body's schemas added to its components. */
export function withErrorBody(document: OpenAPIObject): OpenAPIObject {
  return { ...document, components: { ...document.components, schemas: { ...document.components?.schemas, ...errorBodySchemas() } } };
}
