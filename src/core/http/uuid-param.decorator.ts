import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidInputException } from '../errors/domain.exception.js';

/** A UUID path parameter: a malformed one is a 400 naming the parameter, never a 500. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => new InvalidInputException(name, 'uuid', `${name} must be a UUID`) }));
