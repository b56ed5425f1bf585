import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { layoutJson } from '@dalil/shared/editor';

describe('layoutJson', () => {
  it('joins neighbouring text children with the same marks (an edit can leave two side by side), keeps different marks apart', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    const p = new Y.XmlElement('paragraph');
    const first = new Y.XmlText('Le conseil ');
    const second = new Y.XmlText('municipal ');
    const bold = new Y.XmlText();
    bold.insert(0, 'vote', { bold: true });
    p.insert(0, [first, second, bold]);
    fragment.insert(0, [p]);
    expect(layoutJson(fragment)).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Le conseil municipal ' }, { type: 'text', text: 'vote', marks: [{ type: 'bold' }] }] }],
    });
  });
});
