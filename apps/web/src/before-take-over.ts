/**
 * A page the server rendered can be typed into before the app takes it over (App marks the body with
 * `synapse-hydrated`). Two things go wrong in that moment unless handled here, before the app loads:
 *
 * - A form only the app can send (one with no action, such as sign-in or publishing) would be sent by the browser:
 *   the page reloads with what was typed in its address (an email address in the history and the server's logs),
 *   and loses it. Until the take-over it is not sent. Forms with an action (search, filters) are plain HTML forms
 *   and are sent as usual.
 * - React takes over a text box showing what was typed with its own state still empty, so the app would act on
 *   an empty box ("Enter an email address") that shows an address. Once it has taken over, each box typed into is
 *   announced to it again, as React's own test utilities do.
 */
const TAKEN_OVER = 'synapse-hydrated';
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function takenOver(): boolean {
  return document.body.classList.contains(TAKEN_OVER);
}

/** Tells React the field changed: its own record of the value is reset, then the browser's value set and announced. */
function announce(field: Field): void {
  const typed = field.value;
  const prototype = Object.getPrototypeOf(field) as object;
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (!setValue) return;
  field.value = typed === '' ? ' ' : '';
  setValue.call(field, typed);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

export function guardBeforeTakeOver(): void {
  const typedInto = new Set<Field>();
  const onSubmit = (event: SubmitEvent) => {
    if (!takenOver() && !(event.target as HTMLFormElement).hasAttribute('action')) event.preventDefault();
  };
  const onInput = (event: Event) => {
    const target = event.target;
    if (takenOver()) return;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) typedInto.add(target);
    else if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'file'].includes(target.type)) typedInto.add(target);
  };
  document.addEventListener('submit', onSubmit, true);
  document.addEventListener('input', onInput, true);
  document.addEventListener('change', onInput, true);
  const observer = new MutationObserver(() => {
    if (!takenOver()) return;
    observer.disconnect();
    document.removeEventListener('submit', onSubmit, true);
    document.removeEventListener('input', onInput, true);
    document.removeEventListener('change', onInput, true);
    for (const field of typedInto) if (field.isConnected) announce(field);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
