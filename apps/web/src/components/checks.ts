/** "Date reported (optional)" → "Date reported": how a field is named at the start of an error message. */
export const plainLabel = (label: string) => label.replace(/\s*\(optional\)$/, '');
