import { LIMITS } from '@synapse/domain';
import { ArrayMaxSize, IsArray, IsDefined, IsISO8601, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
}

/** Optional free text of at most `max` characters (null clears it). */
export function OptionalText(max: number): PropertyDecorator {
  return all(IsOptional(), IsString(), MaxLength(max));
}

/**
 * For updates of a field the record cannot be without (a title, a verdict): it may be left out (kept as it is),
 * but not null — null would try to clear it.
 */
export function OmittableNotNull(): PropertyDecorator {
  return all(
    ValidateIf((_, value) => value !== undefined),
    IsDefined({ message: '$property cannot be null: leave it out to keep it as it is' }),
  );
}

/** Text that must be given, not blank, between `min` and `max` characters. */
export function RequiredText(min: number, max: number): PropertyDecorator {
  return all(IsString(), NotBlank(), Length(min, max));
}

/** The longest id we hand out (a UUID). */
const ID_MAX = 36;

/** A required id argument: a non-blank string no longer than an id. */
export function RequiredId(): PropertyDecorator {
  return RequiredText(1, ID_MAX);
}

/** An optional list of at most `max` distinct ids (e.g. the experiments a post cites). */
export function OptionalIdList(max: number): PropertyDecorator {
  return all(IsOptional(), IsArray(), ArrayMaxSize(max), IsString({ each: true }), MaxLength(ID_MAX, { each: true }), NoDuplicates());
}

/** Rejects strings that are empty or only white space. */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}

/** A calendar date "YYYY-MM-DD" that exists (2023-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  const format = Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date like 2024-03-31', ...options });
  const real = IsISO8601({ strict: true }, { message: '$property must be a real calendar date', ...options });
  return (target, key) => {
    format(target, key);
    real(target, key);
  };
}

/** An absolute http(s) URL of sensible length; javascript:, data: and the like are refused. */
export function IsWebUrl(options?: ValidationOptions): PropertyDecorator {
  const url = IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true, require_tld: false },
    { message: '$property must be an http or https link', ...options },
  );
  const length = MaxLength(LIMITS.urlMax, options);
  return (target, key) => {
    url(target, key);
    length(target, key);
  };
}

/**
 * A number with at most `places` decimal places, such as pence. (class-validator's own `maxDecimalPlaces`
 * throws on numbers printed in exponent form, like 5e-324; this refuses them.)
 */
export function AtMostDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'atMostDecimals',
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || (Number.isFinite(value) && Number(value.toFixed(places)) === value),
        defaultMessage: () => `$property must have at most ${places} decimal places`,
      },
    },
    options,
  );
}

/** A list without repeated values. */
export function NoDuplicates(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noDuplicates',
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || new Set(value).size === value.length,
        defaultMessage: () => '$property must not repeat a value',
      },
    },
    options,
  );
}
