import { validate, type ValidatorOptions } from 'class-validator';
import type { ValidatorFn } from 'type-graphql';
import { BadInputError, validationProblems } from './errors.js';

const OPTIONS: ValidatorOptions = {
  // Missing required values are errors (GraphQL catches most, imports need it); optional fields say @IsOptional.
  skipMissingProperties: false,
  forbidUnknownValues: false,
  whitelist: false,
};

/** Validates an input object (a class instance with class-validator rules); throws BadInputError with field paths. */
export async function validateInput(value: object, prefix: string, options: { forbidUnknown?: boolean } = {}): Promise<void> {
  // Import files may carry misspelt keys; GraphQL already refuses unknown fields itself.
  const unknown = options.forbidUnknown ? { whitelist: true, forbidNonWhitelisted: true } : {};
  const errors = await validate(value, { ...OPTIONS, ...unknown });
  if (errors.length > 0) throw new BadInputError(validationProblems(errors, prefix));
}

/**
 * type-graphql's validateFn. By convention every validated argument is called `input` or `filter`
 * (classes named *Filter), so field paths in errors read "input.title" or "filter.regions"; *Args classes
 * hold top-level arguments ("first").
 */
export const validateArgument: ValidatorFn = async (value) => {
  if (value === null || typeof value !== 'object') return;
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    const name: string = item.constructor.name;
    const prefix = name.endsWith('Args') ? '' : name.endsWith('Filter') ? 'filter' : 'input';
    await validateInput(item, prefix);
  }
};
