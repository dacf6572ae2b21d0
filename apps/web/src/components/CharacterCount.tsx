import { TextArea } from './forms.js';

/**
 * GOV.UK character count: a text area that says how many characters are left, or how many too many (politely,
 * to screen readers, as they type). Typing past the limit is allowed; saving then says what to shorten.
 */
export function CharacterCount({ limit, ...props }: Parameters<typeof TextArea>[0] & { limit: number }) {
  const left = limit - props.value.length;
  const words = (n: number) => `${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'}`;
  return (
    <div className="govuk-character-count">
      <TextArea {...props} />
      <div
        id={`${props.id}-count`}
        className={`govuk-character-count__message ${left < 0 ? 'govuk-error-message' : 'govuk-hint'}`}
        aria-live="polite"
      >
        {left < 0 ? `You have ${words(-left)} too many` : `You have ${words(left)} remaining`}
      </div>
    </div>
  );
}
