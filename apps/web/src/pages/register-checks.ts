import { LIMITS, measureKey } from '@synapse/domain';
import { Checks } from '../components/checks.js';
import type { Problem } from '../components/forms.js';
import type { GoodDirection } from '../generated/graphql.js';

/** One measure as typed on the register page. */
export interface MeasureDraft {
  name: string;
  baseline: string;
  unit: string;
  goodDirection: GoodDirection;
}

export const EMPTY: MeasureDraft = { name: '', baseline: '', unit: '', goodDirection: 'UP' };

/**
 * What the API checks in a registration, checked before sending so one submit shows every mistake (a repeated name
 * used to come a round after the rest). `sent` is the measures as the API takes them.
 */
export function checkRegistration(measures: MeasureDraft[], plan: string) {
  const check = new Checks();
  const seen = new Set<string>();
  const sent = measures.map((measure, index) => {
    const id = (field: string) => `measures.${index}.${field}`;
    check.text(id('name'), measure.name, 'What you will measure', { required: 'Enter what you will measure', max: LIMITS.shortTextMax });
    if (measure.name.trim() && seen.has(measureKey(measure.name))) check.add({ field: id('name'), message: `You have already registered “${measure.name.trim()}”: give each measure its own name` });
    seen.add(measureKey(measure.name));
    const baseline = check.number(id('baseline'), measure.baseline, 'Baseline', { example: '42.5' });
    check.text(id('unit'), measure.unit, 'Unit', { max: LIMITS.unitMax });
    return { name: measure.name, baseline, unit: measure.unit.trim() || null, goodDirection: measure.goodDirection };
  });
  check.text('evaluationPlan', plan, 'How you will evaluate it', { max: LIMITS.longTextMax });
  const problems: Problem[] = check.problems;
  return { sent, problems };
}
