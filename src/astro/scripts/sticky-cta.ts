// Hides the phone CTA bar while the CTA after the hook is visible, so the first screen shows it once.
// Without JavaScript (or IntersectionObserver) the bar simply stays.
export function quietStickyBar(doc: Document): void {
  const bar = doc.querySelector<HTMLElement>('.sticky-cta');
  const top = doc.querySelector('.cta-top');
  if (!bar || !top || typeof IntersectionObserver === 'undefined') return;
  new IntersectionObserver(([entry]) => {
    if (entry?.isIntersecting) bar.dataset['idle'] = '';
    else delete bar.dataset['idle'];
  }).observe(top);
}
