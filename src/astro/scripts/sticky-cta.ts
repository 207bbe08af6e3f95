// The phone CTA bar. It is built hidden, so without JavaScript there is none (the page has its in-page buttons).
// The script shows it, then keeps it out of the way: it goes while an in-page button, the calculator's results,
// the checklist's fields or the offer is on screen, and while a form field has focus (an on-screen keyboard leaves
// little room), so it never covers what the reader is working with.
export function quietStickyBar(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('.sticky-cta');
  const view = doc.defaultView;
  if (!bar || !view) return;
  const watched = [
    ...doc.querySelectorAll<HTMLElement>('.cta-top, .cta-end, .calculator-result, .checklist-fill'),
  ];
  const visible = (el: HTMLElement) => {
    const box = el.getBoundingClientRect();
    return box.height > 0 && box.bottom > 0 && box.top < view.innerHeight;
  };
  const fieldFocused = () => doc.activeElement?.matches('input, select, textarea') ?? false;
  let pending = false;
  const update = () => {
    pending = false;
    const quiet = fieldFocused() || watched.some(visible);
    bar.hidden = quiet;
  };
  const schedule = () => {
    if (pending) return;
    pending = true;
    view.requestAnimationFrame(update);
  };
  // The page reserves the bar's height at its end from the start, so the bar never covers the last lines.
  doc.body.classList.add('sticky-bar-on');
  for (const event of ['scroll', 'resize'] as const)
    view.addEventListener(event, schedule, { passive: true });
  for (const event of ['focusin', 'focusout', 'input', 'change'] as const)
    doc.addEventListener(event, schedule);
  update();
}
