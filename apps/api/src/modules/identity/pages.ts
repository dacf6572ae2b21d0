import { escapeHtml } from '@synapse/domain';

/** A minimal accessible page for the few server-rendered answers (sign-in errors, development mailbox). */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Synapse</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: Arial, sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.5">
<h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}
