// Discussions, posts and interest: the shared vocabulary and limits (API validation and web forms use the same).

/** How far a council has got with someone else's experiment. */
export enum InterestLevel {
  CONSIDERING = 'CONSIDERING',
  PLANNING = 'PLANNING',
  TRYING = 'TRYING',
}

/** How each interest level reads in a sentence: "4 councils are considering this". */
export const INTEREST_LEVEL_LABELS: Record<InterestLevel, { label: string; verb: string }> = {
  [InterestLevel.CONSIDERING]: { label: 'Considering it', verb: 'considering this' },
  [InterestLevel.PLANNING]: { label: 'Planning to try it', verb: 'planning to try this' },
  [InterestLevel.TRYING]: { label: 'Trying it too', verb: 'trying this too' },
};

/** What a moderator does to a post. */
export enum ModerationAction {
  HIDE = 'HIDE',
  RESTORE = 'RESTORE',
}

export const CONVERSATION_LIMITS = {
  discussionTitleMin: 8,
  discussionTitleMax: 160,
  postBodyMax: 10_000,
  reasonMin: 3,
  reasonMax: 500,
  interestNoteMax: 500,
  citationsMax: 10,
  topicsMax: 6,
  /** Posts (questions and replies) one member may write per hour. */
  postsPerHour: 30,
  /** The same for someone whose account is less than a day old: spam usually comes from new accounts. */
  postsPerHourNewMember: 5,
  /** Reports one member may file per hour. */
  reportsPerHour: 20,
} as const;

/** The number of councils, in words a page can show: "4 councils are considering this". */
export function interestSentence(count: number, level: InterestLevel): string {
  const who = count === 1 ? '1 council is' : `${count} councils are`;
  return `${who} ${INTEREST_LEVEL_LABELS[level].verb}`;
}

// Bidirectional overrides and isolates can make text display in a different order from the one it is
// stored in (spoofing link text or names); right-to-left scripts display fine without them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Text people write, cleaned before it is stored: no control characters or bidi overrides, trimmed. */
export function cleanWrittenText(text: string): string {
  return text.replace(CONTROL, '').replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').trim();
}
