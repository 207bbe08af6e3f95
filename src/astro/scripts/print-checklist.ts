// Prints only the checklist: a class on <html> switches the print styles to the checklist for one print.
export function enablePrintButtons(doc: Document): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>('[data-print-checklist]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const root = doc.documentElement;
      root.classList.add('print-checklist');
      window.addEventListener('afterprint', () => root.classList.remove('print-checklist'), { once: true });
      window.print();
    });
  }
}
