import { Link, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AdaptedFrom } from '../../components/AdaptedFrom.js';
import { Banner, Button, ErrorSummary, problemsFrom } from '../../components/forms.js';
import { EditExperimentDocument, type EditableExperimentFragment, PublishExperimentDocument } from '../../generated/graphql.js';
import { BUDGET_BANDS, EVIDENCE_LEVELS, formatDate, PARTNER_ROLES, STAGES, VERDICTS } from '../../labels.js';
import { useSession } from '../../session.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { QueryProblem } from '../QueryProblem.js';
import { AddArtefact, Artefacts } from './Artefacts.js';
import { ReplaceArtefactFile } from './ReplaceArtefactFile.js';
import { EditContext, useEdit } from './edit-context.js';
import { DeleteDraft, EndLinks, WithdrawExperiment } from './EndExperiment.js';
import { EditOutcome, OutcomeForm } from './OutcomeForm.js';
import { Outcomes } from './Outcomes.js';
import { PlacesAndPartners } from './PlacesAndPartners.js';
import { ABOUT_FIELDS, COST_FIELDS, FieldsSection, PROBLEM_FIELDS } from './sections.js';
import { readyToPublish, TASKS, type TaskStatus } from './tasks.js';

/** /experiments/:slug/edit/…: the publish task list and its sections, for the experiment's editors. */
export function EditExperiment() {
  const { slug = '' } = useParams();
  const session = useSession();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: EditExperimentDocument, variables: { slug } });
  if (error) return <QueryProblem error={error} />;
  if ((fetching && !data) || session.loading) return <p className="govuk-body">Loading…</p>;
  const experiment = data?.experiment;
  if (!experiment) return <NotFoundPage />;
  if (!experiment.viewerCan.edit) {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot edit this experiment</h1>
        <p className="govuk-body">
          Only editors at {experiment.leadOrganisation.name} and the team it names can change it.{' '}
          {!session.member && (
            <Link className="govuk-link" to="/sign-in">
              Sign in
            </Link>
          )}
        </p>
      </>
    );
  }
  return (
    <EditContext value={{ experiment, refresh: () => reexecute({ requestPolicy: 'network-only' }) }}>
      <Routes>
        <Route index element={<TaskList />} />
        <Route path="about" element={<FieldsSection key="about" heading="About the experiment" fields={ABOUT_FIELDS} />} />
        <Route path="problem-and-approach" element={<FieldsSection key="problem" heading="Problem and approach" fields={PROBLEM_FIELDS} />} />
        <Route path="places-and-partners" element={<PlacesAndPartners />} />
        <Route
          path="costs"
          element={<FieldsSection key="costs" heading="Costs" fields={COST_FIELDS} intro="Other councils need to know what it would cost them. Ranges are fine." />}
        />
        <Route path="outcomes" element={<Outcomes />} />
        <Route path="outcomes/new" element={<OutcomeForm key="new" />} />
        <Route path="outcomes/:outcomeId" element={<EditOutcome />} />
        <Route path="artefacts" element={<Artefacts />} />
        <Route path="artefacts/new" element={<AddArtefact />} />
        <Route path="artefacts/:artefactId/file" element={<ReplaceArtefactFile />} />
        <Route path="check" element={<CheckAnswers />} />
        <Route path="withdraw" element={<WithdrawExperiment />} />
        <Route path="delete" element={<DeleteDraft />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </EditContext>
  );
}

function StatusTag({ status, id }: { status: TaskStatus | 'Cannot start yet' | 'Published'; id: string }) {
  if (status === 'Completed' || status === 'Published') return <div className="govuk-task-list__status" id={id}>{status}</div>;
  if (status === 'Cannot start yet')
    return (
      <div className="govuk-task-list__status govuk-task-list__status--cannot-start-yet" id={id}>
        {status}
      </div>
    );
  const colour = status === 'Optional' ? 'govuk-tag--grey' : status === 'Incomplete' ? 'govuk-tag--light-blue' : 'govuk-tag--blue';
  return (
    <div className="govuk-task-list__status" id={id}>
      <strong className={`govuk-tag ${colour}`}>{status}</strong>
    </div>
  );
}

function TaskList() {
  const { experiment } = useEdit();
  const location = useLocation();
  const saved = (location.state as { saved?: string; forked?: boolean } | null) ?? {};
  const ready = readyToPublish(experiment);
  const published = experiment.status === 'PUBLISHED';
  return (
    <>
      {saved.saved && (
        <Banner success title={`${saved.saved}: saved`}>
          <p className="govuk-body">Your draft is saved. You can come back to it at any time from your account page.</p>
        </Banner>
      )}
      {saved.forked && experiment.forkParent && (
        <Banner success title="Your own version has been started">
          <p className="govuk-body">
            It is a draft linked to “{experiment.forkParent.title}” by {experiment.forkParent.leadOrganisation.name}. Write the summary, the problem
            here and what you are changing in your own words ({experiment.forkParent.leadOrganisation.name}’s are shown beside each question), then
            publish it.
          </p>
        </Banner>
      )}
      <title>{`Edit ${experiment.title} – Synapse`}</title>
      <span className="govuk-caption-l">{published ? 'Published experiment' : 'Draft experiment'}</span>
      <h1 className="govuk-heading-l">{experiment.title}</h1>
      {experiment.forkParent && (
        <AdaptedFrom original={experiment.forkParent} />
      )}
      <p className="govuk-body">
        {published
          ? 'Changes you save appear on the public page at once.'
          : 'Everything you save is kept as a draft that only your organisation’s team can see, until you publish it.'}{' '}
        <Link className="govuk-link" to={`/experiments/${experiment.slug}`}>
          {published ? 'View the public page' : 'Preview the page'}
        </Link>
      </p>
      <ul className="govuk-task-list">
        {TASKS.map((task) => (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" key={task.path}>
            <div className="govuk-task-list__name-and-hint">
              <Link className="govuk-link govuk-task-list__link" to={task.path} aria-describedby={`${task.path}-status`}>
                {task.title}
              </Link>
            </div>
            <StatusTag status={task.status(experiment)} id={`${task.path}-status`} />
          </li>
        ))}
        <li className={`govuk-task-list__item${ready ? ' govuk-task-list__item--with-link' : ''}`}>
          <div className="govuk-task-list__name-and-hint">
            {ready ? (
              <Link className="govuk-link govuk-task-list__link" to="check" aria-describedby="check-status">
                {published ? 'Check your answers' : 'Check answers and publish'}
              </Link>
            ) : (
              <div>Check answers and publish</div>
            )}
          </div>
          <StatusTag status={published ? 'Published' : ready ? 'Not yet started' : 'Cannot start yet'} id="check-status" />
        </li>
      </ul>
      <EndLinks />
    </>
  );
}

function Row({ label, value, change }: { label: string; value: React.ReactNode; change: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value || <span className="govuk-hint govuk-!-margin-0">Not given</span>}</dd>
      <dd className="govuk-summary-list__actions">
        <Link className="govuk-link" to={`../${change}`}>
          Change<span className="govuk-visually-hidden"> {label.toLowerCase()}</span>
        </Link>
      </dd>
    </div>
  );
}

/** Where a publishing problem can be fixed: the section with the field, then the field itself. */
const SECTION_OF_FIELD: Record<string, string> = { summary: 'about', problem: 'problem-and-approach', approach: 'problem-and-approach', serviceAreas: 'about' };

function CheckAnswers() {
  const { experiment } = useEdit();
  const navigate = useNavigate();
  const [{ fetching, error }, publish] = useMutation(PublishExperimentDocument);
  const problems = problemsFrom(
    error,
    experiment.forkParent
      ? { summary: 'Summary', problem: 'The problem here', approach: 'What we are changing', serviceAreas: 'Service areas' }
      : { summary: 'Summary', problem: 'The problem', approach: 'What you tried', serviceAreas: 'Service areas' },
  );
  const e: EditableExperimentFragment = experiment;
  return (
    <>
      <ErrorSummary problems={problems} linkFor={(field) => (SECTION_OF_FIELD[field] ? `/experiments/${e.slug}/edit/${SECTION_OF_FIELD[field]}#${field}` : undefined)} />
      <title>{`Check your answers: ${e.title} – Synapse`}</title>
      <span className="govuk-caption-l">{e.title}</span>
      <h1 className="govuk-heading-l">Check your answers</h1>
      <h2 className="govuk-heading-m">About the experiment</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <Row label="Title" value={e.title} change="about" />
        <Row label="Summary" value={e.summary} change="about" />
        <Row label="Service areas" value={e.serviceAreas.map((area) => area.name).join(', ')} change="about" />
        <Row label="Themes" value={e.themes.join(', ')} change="about" />
        <Row label="Stage" value={STAGES[e.stage]} change="about" />
        <Row label="Dates" value={[e.startDate, e.endDate].flatMap((date) => (date ? [formatDate(date)] : [])).join(' to ')} change="about" />
        <Row label="Contact" value={[e.contactName, e.contactRole, e.contactEmail].filter(Boolean).join(', ')} change="about" />
      </dl>
      <h2 className="govuk-heading-m">Problem and approach</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <Row label="The problem" value={e.problem} change="problem-and-approach" />
        <Row label="Who it serves" value={e.whoItServes} change="problem-and-approach" />
        <Row label="What you tried" value={e.approach} change="problem-and-approach" />
        <Row label="What is new" value={e.whatIsNew} change="problem-and-approach" />
      </dl>
      <h2 className="govuk-heading-m">Places, partners and costs</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <Row label="Places" value={e.places.map((place) => place.name).join(', ')} change="places-and-partners" />
        <Row label="Partners" value={e.partners.map((partner) => `${partner.name} (${PARTNER_ROLES[partner.role].toLowerCase()})`).join(', ')} change="places-and-partners" />
        <Row label="Budget" value={e.budgetBand && BUDGET_BANDS[e.budgetBand]} change="costs" />
        <Row label="Actual cost" value={e.actualCost !== null && e.actualCost !== undefined ? `£${e.actualCost.toLocaleString('en-GB')}` : null} change="costs" />
        <Row label="Funding" value={e.fundingSource} change="costs" />
      </dl>
      <h2 className="govuk-heading-m">Outcomes and reusable things</h2>
      <dl className="govuk-summary-list govuk-!-margin-bottom-9">
        <Row
          label="Outcomes"
          value={e.outcomes.map((outcome) => `${outcome.title}: ${VERDICTS[outcome.verdict].label.toLowerCase()}. ${EVIDENCE_LEVELS[outcome.evidenceLevel]}`).join(' ')}
          change="outcomes"
        />
        <Row label="Reusable things" value={e.artefacts.map((artefact) => artefact.title).join(', ')} change="artefacts" />
      </dl>
      {e.status === 'PUBLISHED' ? (
        <p className="govuk-body">This experiment is published: your saved changes are already public.</p>
      ) : (
        <>
          <h2 className="govuk-heading-m">Now publish your experiment</h2>
          <p className="govuk-body">
            Publishing makes it public, under the Open Government Licence, for anyone to read, search and adapt. People who follow your
            council or its service areas will be told.
          </p>
          <Button
            disabled={fetching}
            onClick={async () => {
              const result = await publish({ id: e.id, version: e.version });
              if (result.data) navigate(`/experiments/${result.data.publishExperiment.slug}`, { state: { published: true } });
            }}
            type="button"
          >
            Publish experiment
          </Button>
        </>
      )}
    </>
  );
}
