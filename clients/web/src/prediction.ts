// The "Who is about to lapse" panel: the dashboard's prediction block (contract section 10, docs/prediction.md). Expected
// visits and spend of the selected customers over the next horizon, how many are likely lapsed (probability alive
// below 50%), and per segment the mean probability alive and expected spend; or why there is no prediction. It only
// draws; "Show the win-back list" asks main.ts to sort the customers table by probability alive, lowest first.
import type { PredictionDto } from '../../typescript/src/campaign-client';
import { titleCase } from './filters';
import { formatCount, formatMoney, formatMoneyShort, formatNumber } from './format';

export interface PredictionPanel {
  show(prediction: PredictionDto, currency: string): void;
}

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
};

function figure(label: string, value: string, testid: string, title?: string): HTMLElement {
  const card = element('div', 'prediction-figure');
  const valueNode = element('p', 'prediction-value', value);
  valueNode.dataset.testid = testid;
  if (title) valueNode.title = title;
  card.append(element('h3', 'prediction-label', label), valueNode);
  return card;
}

export function createPredictionPanel(section: HTMLElement, onWinBack: () => void): PredictionPanel {
  const heading = element('h2', '', 'Who is about to lapse');
  heading.id = 'prediction-title';
  const summary = element('p', 'hint');
  summary.dataset.testid = 'prediction-summary';
  const body = element('div', 'prediction-body');
  section.setAttribute('aria-labelledby', heading.id);
  section.replaceChildren(heading, summary, body);

  return {
    show(prediction, currency) {
      section.dataset.available = String(prediction.available);
      if (!prediction.available || !prediction.model) {
        summary.textContent = `No prediction for this data: ${prediction.reason ?? 'unknown reason'}.`;
        body.replaceChildren();
        return;
      }

      const days = prediction.horizon_days ?? 0;
      const { model } = prediction;
      summary.textContent = `Next ${formatNumber(days)} days, from ${formatNumber(model.customers_fitted)} customers' whole history ` +
        '(BG/NBD and Gamma-Gamma models; docs/prediction.md).';
      const spend = prediction.expected_spend ?? 0;
      const lapsed = prediction.likely_lapsed_customers ?? 0;
      const figures = element('div', 'prediction-figures');
      figures.append(
        figure('Expected visits', formatNumber(prediction.expected_visits ?? 0, 0), 'prediction-visits', 'Expected repeat visit days of the selected customers'),
        figure('Expected spend', formatMoneyShort(spend, currency), 'prediction-spend', formatMoney(spend, currency)),
        figure('Likely lapsed', formatCount(lapsed, 'customer'), 'prediction-lapsed', 'Probability alive below 50%'));
      const winBack = element('button', 'secondary', 'Show the win-back list');
      winBack.type = 'button';
      winBack.dataset.testid = 'prediction-win-back';
      winBack.title = 'Sort the customers below by probability alive, lowest first';
      winBack.addEventListener('click', onWinBack);

      const table = element('table', 'prediction-segments');
      table.dataset.testid = 'prediction-segments';
      table.createCaption().textContent = 'Probability alive by segment';
      const head = table.createTHead().insertRow();
      for (const text of ['Segment', 'Customers', 'Mean probability alive', 'Expected spend']) head.append(element('th', '', text));
      const rows = table.createTBody();
      for (const segment of prediction.by_segment ?? []) {
        const row = rows.insertRow();
        row.insertCell().textContent = titleCase(segment.label);
        row.insertCell().textContent = formatNumber(segment.customers);
        const alive = row.insertCell();
        if (segment.mean_p_alive === null || segment.mean_p_alive === undefined) {
          alive.textContent = 'n/a';
        } else {
          const bar = element('span', 'prediction-bar');
          bar.style.setProperty('--fraction', String(segment.mean_p_alive));
          alive.append(bar, element('span', '', `${formatNumber(segment.mean_p_alive * 100, 1)}%`));
        }
        const money = row.insertCell();
        money.textContent = formatMoneyShort(segment.expected_spend, currency);
        money.title = formatMoney(segment.expected_spend, currency);
      }
      body.replaceChildren(figures, winBack, table);
    },
  };
}
