// What an API call's failure means to a reader: a 400's problem details name each parameter and why; a 403, 500 or
// 503 carries a title; anything else is the network or a status the OpenAPI document does not describe.
import { ApiException, HttpValidationProblemDetails, ProblemDetails } from '../../typescript/src/campaign-client';
import { BUCKET_FILTERS, LIST_CHIPS, TEXT_CHIPS } from './filters';

/** A query parameter as the page names it in a message. */
export const FIELD_NAMES: Record<string, string> = {
  ...TEXT_CHIPS,
  ...LIST_CHIPS,
  ...Object.fromEntries(BUCKET_FILTERS.map((f) => [f.param, f.title])),
  segment_scheme: 'Segment scheme',
  score_method: 'Score method',
  compare_start_date: 'Compare from',
  compare_end_date: 'Compare to',
  sort: 'Sort',
  page: 'Page',
  page_size: 'Rows per page',
};

/** One fault of a 400, in the page's words: "From must be on or before To", "Visits: unknown label '11'; ...". */
export interface ProblemMessage {
  /** The query parameters it concerns (both dates of a reversed range), whose fields are marked invalid. */
  params: string[];
  text: string;
}

export interface Problem {
  heading: string;
  detail: string;
  /** One per invalid parameter and reason. */
  messages: ProblemMessage[];
}

const fieldName = (param: string): string => FIELD_NAMES[param] ?? param;

/**
 * The API's message for a parameter, as the page words it: a reversed date range is one sentence naming both fields
 * ("From must be on or before To"); elsewhere the parameter's page name leads and any parameter the message names
 * is replaced by its page name.
 */
function inPageWords(param: string, message: string): ProblemMessage {
  const reversed = /^must not be after ([a-z_]+) \(/.exec(message);
  if (reversed) {
    const other = reversed[1]!;
    return { params: [param, other], text: `${fieldName(param)} must be on or before ${fieldName(other)}` };
  }
  const text = message.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (name) => (name in FIELD_NAMES ? fieldName(name) : name));
  return { params: [param], text: `${fieldName(param)}: ${text}` };
}

/** Describes a failed call; `what` completes "… could not be loaded" ("The dashboard", "The customers"). */
export function describeProblem(error: unknown, what: string): Problem {
  if (error instanceof ApiException && error.result instanceof HttpValidationProblemDetails) {
    const messages = Object.entries(error.result.errors ?? {}).flatMap(([param, list]) => list.map((message) => inPageWords(param, message)));
    return {
      heading: 'Some filters are not valid',
      detail: 'Correct the marked filters; the dashboard loads again when they are applied.',
      messages,
    };
  }
  if (error instanceof ApiException && error.result instanceof ProblemDetails) {
    return {
      heading: error.result.title ?? `${what} could not be computed`,
      detail: error.result.detail ?? `The API answered ${error.status}. Try again in a moment.`,
      messages: [],
    };
  }
  if (error instanceof ApiException) {
    return { heading: `${what} could not be loaded`, detail: `The API answered ${error.status}.`, messages: [] };
  }
  return { heading: 'The API could not be reached', detail: error instanceof Error ? error.message : String(error), messages: [] };
}

/** The faults of a problem in one line, for a short message under a button. */
export const problemReasons = (problem: Problem | undefined): string | undefined => problem?.messages.map((m) => m.text).join('; ');

/** The problem as a heading, a paragraph and, for a 400, a list of its messages. */
export function renderProblem(problem: Problem, testid: string): HTMLElement[] {
  const heading = document.createElement('h2');
  heading.textContent = problem.heading;
  const detail = document.createElement('p');
  detail.textContent = problem.detail;
  if (problem.messages.length === 0) return [heading, detail];
  const list = document.createElement('ul');
  list.dataset.testid = testid;
  for (const message of problem.messages) {
    const item = document.createElement('li');
    item.textContent = message.text;
    list.append(item);
  }
  return [heading, detail, list];
}
