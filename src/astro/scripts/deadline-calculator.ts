// The deadline calculator island: turns the date on the denial letter into last days to file, from the rules
// the page embeds as JSON. Without JavaScript the form stays hidden and the table of rules shows.
import { deadline, formatLong, type DeadlineRule } from '../../models/deadlines.ts';

export function enableCalculators(doc: Document): void {
  for (const section of doc.querySelectorAll<HTMLElement>('.deadlines')) {
    const form = section.querySelector<HTMLFormElement>('[data-calculator]');
    const data = section.querySelector('[data-deadline-rules]');
    if (!form || !data) continue;
    const rules = JSON.parse(data.textContent ?? '[]') as DeadlineRule[];
    const result = form.querySelector<HTMLElement>('.calculator-result')!;
    const update = () => {
      const plan = (form.elements.namedItem('plan') as HTMLSelectElement).value;
      const date = (form.elements.namedItem('date') as HTMLInputElement).value;
      result.replaceChildren();
      if (!date) return;
      const list = doc.createElement('ul');
      for (const rule of rules.filter((r) => r.plan === plan)) {
        const item = doc.createElement('li');
        const due = deadline(rule, date);
        item.textContent = due
          ? `${rule.label}: by ${formatLong(due)} (${rule.amount} ${rule.unit} from ${rule.from})`
          : `${rule.label} ${rule.amount} ${rule.unit}`;
        const sup = doc.createElement('sup');
        const link = doc.createElement('a');
        link.href = `#source-${rule.cite.n}`;
        link.textContent = `[${rule.cite.n}]`;
        sup.append(link);
        item.append(sup);
        list.append(item);
      }
      result.append(list);
    };
    form.addEventListener('input', update);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.hidden = false;
  }
}
