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

export interface Problem {
  heading: string;
  detail: string;
  /** One per invalid parameter and reason: [parameter, its name on the page, the API's message]. */
  messages: [param: string, name: string, message: string][];
}

/** Describes a failed call; `what` completes "… could not be loaded" ("The dashboard", "The customers"). */
export function describeProblem(error: unknown, what: string): Problem {
  if (error instanceof ApiException && error.result instanceof HttpValidationProblemDetails) {
    const messages: Problem['messages'] = [];
    for (const [param, list] of Object.entries(error.result.errors ?? {})) {
      for (const message of list) messages.push([param, FIELD_NAMES[param] ?? param, message]);
    }
    return {
      heading: 'Some filters are not valid',
      detail: error.result.title ?? 'Correct the filters below and apply them again.',
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

/** The problem as a heading, a paragraph and, for a 400, a list of "Name: message" items. */
export function renderProblem(problem: Problem, testid: string): HTMLElement[] {
  const heading = document.createElement('h2');
  heading.textContent = problem.heading;
  const detail = document.createElement('p');
  detail.textContent = problem.detail;
  if (problem.messages.length === 0) return [heading, detail];
  const list = document.createElement('ul');
  list.dataset.testid = testid;
  for (const [, name, message] of problem.messages) {
    const item = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = `${name}: `;
    item.append(strong, document.createTextNode(message));
    list.append(item);
  }
  return [heading, detail, list];
}
