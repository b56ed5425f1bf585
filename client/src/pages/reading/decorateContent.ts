import type { TFunction } from 'i18next';
import { CALLOUT_ICONS, isCalloutKind, type SectionContentNumbers } from '@dalil/shared/editor';

export interface CollectedNote {
  number: number;
  text: string;
}

/**
 * Adds to a section rendered from the schema what the reading view shows around its content:
 * "Figure 3" and "Tableau 2" numbered across the whole guide, box labels and icons, and footnote
 * markers numbered in guide order. The notes' texts are returned to be listed after the section.
 * Only text nodes are created (user text never becomes HTML).
 */
export function decorateContent(root: HTMLElement, numbers: SectionContentNumbers | undefined, t: TFunction): CollectedNote[] {
  const figures = root.querySelectorAll<HTMLElement>('figure[data-figure]');
  figures.forEach((figure, i) => {
    const n = numbers?.figure[i];
    if (n === undefined) return;
    let caption = figure.querySelector(':scope > figcaption');
    if (!caption) caption = figure.appendChild(document.createElement('figcaption'));
    const label = document.createElement('span');
    label.className = 'reading-label';
    label.textContent = caption.textContent?.trim() ? `${t('content.figureNumber', { number: n })} — ` : t('content.figureNumber', { number: n });
    caption.prepend(label);
    figure.dataset.number = String(n);
  });
  const tables = root.querySelectorAll<HTMLTableElement>('table');
  tables.forEach((table, i) => {
    const n = numbers?.table[i];
    if (n === undefined) return;
    let caption = table.querySelector(':scope > caption');
    if (!caption) caption = table.insertBefore(document.createElement('caption'), table.firstChild);
    const label = document.createElement('span');
    label.className = 'reading-label';
    label.textContent = caption.textContent?.trim() ? `${t('content.tableNumber', { number: n })} — ` : t('content.tableNumber', { number: n });
    caption.prepend(label);
    table.dataset.number = String(n);
  });
  root.querySelectorAll<HTMLElement>('aside[data-callout]').forEach((box) => {
    const kind = box.dataset.callout;
    if (!isCalloutKind(kind)) return;
    const header = document.createElement('div');
    header.className = 'callout__header';
    const icon = document.createElement('span');
    icon.className = 'callout__icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = CALLOUT_ICONS[kind];
    const name = document.createElement('span');
    name.textContent = t(`content.callouts.${kind}`);
    header.append(icon, name);
    const facts = (['place', 'actors', 'period'] as const).flatMap((key) => {
      const value = box.dataset[key];
      return value ? [`${t(`content.case${key[0]!.toUpperCase()}${key.slice(1)}`)} : ${value}`] : [];
    });
    box.prepend(header);
    if (facts.length > 0) {
      const line = document.createElement('p');
      line.className = 'callout__case';
      line.textContent = facts.join(' · ');
      header.after(line);
    }
  });
  const notes: CollectedNote[] = [];
  root.querySelectorAll<HTMLElement>('span[data-footnote]').forEach((marker, i) => {
    const n = numbers?.footnote[i];
    if (n === undefined) return;
    const link = document.createElement('a');
    link.href = `#fn-${n}`;
    link.id = `fnref-${n}`;
    link.textContent = String(n);
    const sup = document.createElement('sup');
    sup.className = 'reading-footnote-ref';
    sup.append(link);
    marker.replaceChildren(sup);
    notes.push({ number: n, text: marker.dataset.note ?? '' });
  });
  return notes;
}
