/**
 * Screen and print CSS of the HTML export, also what the PDF is printed with: A4 pages with the
 * guide's title and status in the top margin and "Page n / N" in the bottom one (CSS page-margin
 * boxes, which Chromium supports since version 131), the provisional mark on every page.
 */
export function printStylesheet(o: { title: string; status: string; provisional: boolean; pageLabel: string; rtl: boolean }): string {
  const header = cssString(`${o.title} — ${o.status}`);
  const page = cssString(`${o.pageLabel} `);
  const arabicFonts = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial"';
  const latinFonts = '"Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial"';
  return `
:root { --ink: #1b1b1b; --accent: #1f3a5f; --muted: #666; }
html { font-family: ${o.rtl ? `${arabicFonts}, ${latinFonts}` : `${latinFonts}, ${arabicFonts}`}, sans-serif; color: var(--ink); line-height: 1.5; }
body { max-width: 46rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
[dir="rtl"], :lang(ar) { font-family: ${arabicFonts}, ${latinFonts}, sans-serif; }
h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
.section-heading .number { margin-inline-end: 0.4em; }
.running-status { font-size: 0.8rem; color: ${o.provisional ? '#b3261e' : 'var(--muted)'}; border-bottom: 1px solid #ddd; padding: 0.2rem 0; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.guide-title { font-size: 2.4rem; margin: 0 0 1rem; }
.status-line { font-weight: bold; color: ${o.provisional ? '#b3261e' : 'var(--muted)'}; }
/* an entry written the other way than the guide (its dir differs from the page's): its number or bullet
   inside the line, on its own side, not past the opposite margin */
li[dir] { list-style-position: inside; }
.toc ol { list-style: none; padding: 0; }
.toc a { display: flex; gap: 0.4em; color: inherit; text-decoration: none; padding: 0.1rem 0; }
.toc .toc-title { flex: 1; }
.toc .toc-page { min-width: 2.5em; text-align: end; }
.toc-depth-1 { padding-inline-start: 1.2em; } .toc-depth-2 { padding-inline-start: 2.4em; } .toc-depth-3 { padding-inline-start: 3.6em; }
.toc-depth-0 { font-weight: bold; margin-top: 0.3rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; vertical-align: top; text-align: start; }
th { background: #e7ecf3; }
th > p, td > p { margin: 0.15em 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
caption, figcaption { font-style: italic; font-size: 0.9rem; color: #444; padding: 0.3rem 0; }
figure { margin: 1rem 0; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
.credit { display: block; font-size: 0.75rem; color: var(--muted); font-style: normal; }
blockquote { margin: 1rem 2rem; font-style: italic; color: #404040; }
pre { background: #f3f3f3; padding: 0.5rem; white-space: pre-wrap; }
.callout { margin: 1rem 0; padding: 0.6rem 1rem; border-inline-start: 6px solid; break-inside: avoid; }
.callout-title { font-weight: bold; margin: 0 0 0.3rem; }
.callout-goodPractice { background: #e6f4ea; border-color: #2e7d32; }
.callout-caseStudy { background: #e8f0fb; border-color: #1f5fad; }
.callout-vigilance { background: #fdecea; border-color: #b3261e; }
.callout-reflex { background: #fff6db; border-color: #a66f00; }
.callout-testimony { background: #f1edf7; border-color: #5e4b8b; }
.case-fields { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0 0 0.5rem; }
.case-fields dt { font-weight: bold; } .case-fields dd { margin: 0; }
.footnote-ref a { text-decoration: none; }
.notes { font-size: 0.85rem; border-top: 1px solid #ccc; margin-top: 1rem; }
.notes-title { font-size: 0.9rem; }
.missing-image { color: var(--muted); font-style: italic; }
.page-probe { font-size: 1px; color: transparent; }
.annex { border-top: 2px solid #b3261e; margin-top: 2rem; }

@page {
  size: A4;
  margin: 22mm 20mm 20mm;
  @top-center { content: "${header}"; font-size: 8pt; color: ${o.provisional ? '#b3261e' : '#666'}; font-family: ${arabicFonts}, ${latinFonts}, sans-serif; }
  @bottom-center { content: "${page}" counter(page) " / " counter(pages); font-size: 8pt; color: #666; }
}
@page :first { @top-center { content: "${cssString(o.status)}"; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .running-status { display: none; }
  .title-page { min-height: 0; height: 230mm; break-after: page; }
  .toc { break-after: page; }
  .guide-section.depth-0 { break-before: page; }
  .annex { break-before: page; }
  a { color: inherit; }
}
`;
}

/** Text for a double-quoted CSS string inside a <style> element (no way out of the string or the element). */
export function cssString(text: string): string {
  return text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}
