import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { inputProblems } from '../validation/input-text.js';

type Problem = { field: string; rule: string; message: string };

function flatten(errors: ValidationError[], prefix = ''): Problem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function validationFailed(problems: Problem[]): BadRequestException {
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: problems.map((p) => p.message).join('; ') || 'invalid input',
    errors: problems,
  });
}

/**
 * DTO validation for every route: unknown fields rejected, values converted
 * to their declared types, each broken rule reported with its field.
 *
 * Before any transform, one walk over the raw body, query and path parameters
 * refuses what no field accepts (see `inputProblems`): control characters and
 * lone surrogates in any text or key, impossible calendar dates, excessive nesting.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = inputProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw validationFailed(problems);
    }
    // A DTO body is a JSON object: `null`, an array or a bare value is not one (an absent body is left to the DTO).
    const wholeBody = metadata.type === 'body' && !metadata.data && this.toValidate(metadata);
    if (wholeBody && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw validationFailed([{ field: 'body', rule: 'object', message: 'the body must be a JSON object' }]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
