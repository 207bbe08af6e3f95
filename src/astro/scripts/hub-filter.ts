// A hub's filter box: typing narrows the guide lists to the links (or whole lists, by their heading) that contain
// what was typed. Without JavaScript the box stays hidden and the grouped lists with their jump links do the work.
const normal = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();

export function enableHubFilter(doc: Document): void {
  const box = doc.querySelector<HTMLElement>('[data-hub-filter]');
  const input = box?.querySelector<HTMLInputElement>('input');
  if (!box || !input) return;
  // Each guide list with the heading just before it; sections of lists (a payer's items by kind) around them.
  const lists = [...doc.querySelectorAll<HTMLUListElement>('main ul.hub-list, main ul.hub-others')].map(
    (list) => ({
      list,
      heading: list.previousElementSibling?.matches('h2, h3')
        ? (list.previousElementSibling as HTMLElement)
        : null,
    }),
  );
  const sections = [
    ...doc.querySelectorAll<HTMLElement>('main .hub-section, main section[aria-labelledby="awaiting"]'),
  ];
  const count = box.querySelector<HTMLElement>('.hub-filter-count');
  const apply = () => {
    const wanted = normal(input.value);
    let shown = 0;
    for (const { list, heading } of lists) {
      const whole = wanted === '' || normal(heading?.textContent ?? '').includes(wanted);
      let visible = 0;
      for (const item of list.querySelectorAll<HTMLElement>('li')) {
        const show = whole || normal(item.textContent ?? '').includes(wanted);
        item.hidden = !show;
        if (show) visible++;
      }
      list.hidden = visible === 0;
      if (heading) heading.hidden = visible === 0;
      shown += visible;
    }
    for (const section of sections)
      section.hidden = [...section.querySelectorAll<HTMLElement>('ul.hub-list, ul.hub-others')].every(
        (l) => l.hidden,
      );
    if (count) count.textContent = wanted === '' ? '' : `${shown} guide${shown === 1 ? '' : 's'} match`;
  };
  input.addEventListener('input', apply);
  box.hidden = false;
}
