import { type DateParts, LIMITS } from '@synapse/domain';
import { Checks } from '../../components/checks.js';
import type { Problem } from '../../components/forms.js';
import type { AddOutcomeInput, EvaluationDesign, GoodDirection, Verdict } from '../../generated/graphql.js';

export interface MeasureRow {
  name: string;
  unit: string;
  period: string;
  baseline: string;
  result: string;
  /** No answer until the editor gives one: which way is better is never assumed. */
  goodDirection: GoodDirection | '';
}

export const EMPTY_MEASURE: MeasureRow = { name: '', unit: '', period: '', baseline: '', result: '', goodDirection: '' };

export interface OutcomeAnswers {
  title: string;
  verdict: string;
  evidenceLevel: string;
  evaluationDesign: string;
  independent: boolean;
  evaluatedBy: string;
  reportedOn: DateParts;
  whatWorked: string;
  whatDidNotWork: string;
  measures: MeasureRow[];
}

/** The labels the outcome form shows, for the API's messages should it find something the checks here did not. */
export const OUTCOME_LABELS = { title: 'Headline', name: 'What you measured', whatWorked: 'What worked', whatDidNotWork: 'What did not work' };

/**
 * Everything the API checks in an outcome, checked before sending so one submit shows every mistake (the form used to
 * stop at the questions without a default answer, and the API's findings came a round later). `rows` says where each
 * sent measure is on the page (blank measures are skipped), so the API's "measures.0.name" finds its field.
 */
export function checkOutcome(answers: OutcomeAnswers): { input: AddOutcomeInput; problems: Problem[]; rows: number[] } {
  const check = new Checks();
  check.text('title', answers.title, OUTCOME_LABELS.title, { required: 'Enter a headline', min: 3, max: LIMITS.titleMax });
  check.chosen('verdict', answers.verdict, 'Select what you concluded');
  check.chosen('evidenceLevel', answers.evidenceLevel, 'Select how strong the evidence is');
  check.chosen('evaluationDesign', answers.evaluationDesign, 'Select how you evaluated it');
  check.text('evaluatedBy', answers.evaluatedBy, 'Evaluated by', { max: LIMITS.shortTextMax });
  const reportedOn = check.date('reportedOn', answers.reportedOn, 'Date reported');
  check.text('whatWorked', answers.whatWorked, OUTCOME_LABELS.whatWorked, { max: LIMITS.longTextMax });
  check.text('whatDidNotWork', answers.whatDidNotWork, OUTCOME_LABELS.whatDidNotWork, { max: LIMITS.longTextMax });

  const rows = answers.measures.flatMap((measure, index) =>
    Object.entries(measure).some(([key, value]) => key !== 'goodDirection' && value.trim()) ? [index] : [],
  );
  if (rows.length > LIMITS.measuresMax) check.add({ field: `measures.${rows[LIMITS.measuresMax]}.name`, message: `Enter no more than ${LIMITS.measuresMax} measures` });
  const measures = rows.map((index) => {
    const measure = answers.measures[index];
    const id = (key: string) => `measures.${index}.${key}`;
    check.text(id('name'), measure.name, OUTCOME_LABELS.name, { required: 'Enter what you measured', max: LIMITS.shortTextMax });
    check.text(id('unit'), measure.unit, 'Unit', { max: LIMITS.unitMax });
    const baseline = check.number(id('baseline'), measure.baseline, 'Before', { example: '42.5' });
    const result = check.number(id('result'), measure.result, 'After', { example: '42.5' });
    check.text(id('period'), measure.period, 'Period', { max: LIMITS.shortTextMax });
    check.chosen(id('goodDirection'), measure.goodDirection, 'Select which way is better for this measure');
    return {
      name: measure.name,
      unit: measure.unit.trim() || null,
      period: measure.period.trim() || null,
      baseline,
      result,
      goodDirection: measure.goodDirection as GoodDirection,
    };
  });
  const input: AddOutcomeInput = {
    title: answers.title,
    verdict: answers.verdict as Verdict,
    evidenceLevel: Number(answers.evidenceLevel),
    evaluationDesign: answers.evaluationDesign as EvaluationDesign,
    independentEvaluation: answers.independent,
    evaluatedBy: answers.evaluatedBy.trim() || null,
    reportedOn,
    whatWorked: answers.whatWorked.trim() || null,
    whatDidNotWork: answers.whatDidNotWork.trim() || null,
    measures,
  };
  return { input, problems: check.problems, rows };
}
