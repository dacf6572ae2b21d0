import { useLocation } from 'react-router';
import { useOrigin } from '../render-context.js';

interface Props {
  /** The page's own name; the browser's title adds " – Synapse". */
  title: string;
  /** One or two sentences for search engines and link previews. */
  description?: string | null;
  /** 'article' for an experiment or a discussion, 'website' for the rest. */
  type?: 'website' | 'article';
  /** Short facts shown by link previews that support them (Slack, Teams): e.g. ["Verdict", "Worked"]. */
  facts?: Array<[string, string]>;
}

/** Long text cut at a word, for previews: search engines show about 160 characters. */
export function preview(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : length)}…`;
}

/**
 * A page's title, description, canonical address and link-preview cards (Open Graph, Twitter). React puts them
 * in the document's head, on the server as in the browser, so a shared link shows what the page is.
 */
export function PageMeta({ title, description, type = 'website', facts = [] }: Props) {
  const origin = useOrigin();
  const { pathname, search } = useLocation();
  const url = `${origin}${pathname}${pathname === '/search' ? search : ''}`;
  const summary = description ? preview(description) : null;
  return (
    <>
      <title>{`${title} – Synapse`}</title>
      {summary && <meta name="description" content={summary} />}
      <link rel="canonical" href={url} />
      <meta property="og:site_name" content="Synapse" />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={title} />
      {summary && <meta property="og:description" content={summary} />}
      <meta property="og:url" content={url} />
      <meta property="og:locale" content="en_GB" />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={title} />
      {summary && <meta name="twitter:description" content={summary} />}
      {facts.slice(0, 2).flatMap(([label, value], index) => [
        <meta key={`label${index}`} name={`twitter:label${index + 1}`} content={label} />,
        <meta key={`data${index}`} name={`twitter:data${index + 1}`} content={value} />,
      ])}
    </>
  );
}
