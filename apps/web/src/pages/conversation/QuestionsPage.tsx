import { SERVICE_AREAS } from '@synapse/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { DiscussionList } from '../../components/conversation/DiscussionList.js';
import { Button, Select, TextInput } from '../../components/forms.js';
import { DiscussionsDocument, SearchDiscussionsDocument } from '../../generated/graphql.js';
import { PageMeta } from '../../components/PageMeta.js';
import { useSession } from '../../session.js';
import { QueryProblem } from '../QueryProblem.js';

const AREA_OPTIONS = [{ value: '', label: 'All service areas' }, ...SERVICE_AREAS.map((area) => ({ value: area.slug, label: area.name }))];

function Listing({ area, answered, heading }: { area: string; answered: boolean; heading: string }) {
  const filter = { network: true, answered, ...(area ? { serviceAreas: [area] } : {}) };
  const [{ data, error }] = useQuery({ query: DiscussionsDocument, variables: { filter, first: 50 } });
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  return (
    <>
      <h2 className="govuk-heading-m">
        {heading} ({data.discussions.totalCount})
      </h2>
      {data.discussions.nodes.length ? <DiscussionList discussions={data.discussions.nodes} /> : <p className="govuk-body">None.</p>}
    </>
  );
}

function SearchResults({ query }: { query: string }) {
  const [{ data, error }] = useQuery({ query: SearchDiscussionsDocument, variables: { query, first: 20 } });
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Searching…</p>;
  return (
    <>
      <h2 className="govuk-heading-m">Questions matching “{query}”</h2>
      {data.searchDiscussions.hits.length ? <DiscussionList discussions={data.searchDiscussions.hits} /> : <p className="govuk-body">No questions match. Try other words, or ask it.</p>}
    </>
  );
}

/** /questions: network questions by service area, the unanswered ones first, and search over every discussion. */
export function QuestionsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const area = params.get('area') ?? '';
  const query = params.get('q') ?? '';
  const [text, setText] = useState(query);
  const [chosen, setChosen] = useState(area);
  return (
    <>
      <PageMeta title="Questions" description="“Has anyone tried…?” questions from councils and partners, answered with evidence." />
      <h1 className="govuk-heading-l">Questions to the network</h1>
      <p className="govuk-body">
        “Has anyone tried…?” questions from councils and partners, answered with evidence.{' '}
        {session.member && (
          <Link className="govuk-link" to="/discussions/new">
            Ask the network a question
          </Link>
        )}
      </p>
      <form
        method="get"
        action="/questions"
        className="govuk-!-margin-bottom-6"
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ ...(text.trim() ? { q: text.trim() } : {}), ...(chosen ? { area: chosen } : {}) });
        }}
      >
        <TextInput id="q" label="Search questions and answers" value={text} onChange={setText} />
        <Select id="area" label="Service area" value={chosen} onChange={setChosen} options={AREA_OPTIONS} />
        <Button>Show questions</Button>
      </form>
      {query ? (
        <SearchResults query={query} />
      ) : (
        <>
          <Listing area={area} answered={false} heading="Not answered yet" />
          <Listing area={area} answered heading="Answered" />
        </>
      )}
      <p className="govuk-body-s">
        <a className="govuk-link" href="/feeds/questions.atom">
          Atom feed of new questions
        </a>
      </p>
    </>
  );
}
