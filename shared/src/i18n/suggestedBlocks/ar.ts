import type { CatalogueShape } from '../catalogueShape.ts';
import type { suggestedBlocksFr } from './fr.ts';

export const suggestedBlocksAr: CatalogueShape<typeof suggestedBlocksFr> = {
  kind: 'كتل',
  table: 'جدول {{rows}} × {{cols}}',
  figure: 'صورة',
  callout: 'إطار «{{kind}}»',
  heading: 'عنوان {{level}}',
  bulletList: 'قائمة نقطية ({{count}})',
  orderedList: 'قائمة مرقّمة ({{count}})',
  blockquote: 'اقتباس',
  codeBlock: 'رمز',
  horizontalRule: 'خط فاصل',
  paragraph: 'فقرة',
  toParagraph: 'تحويل إلى فقرة',
  toHeading: 'تحويل إلى عنوان {{level}}',
  toBulletList: 'تحويل إلى قائمة نقطية',
  toOrderedList: 'تحويل إلى قائمة مرقّمة',
  toBlockquote: 'تحويل إلى اقتباس',
  composerTitle: 'الكتلة المقترحة',
  composerHint: 'أكمل الكتلة هنا: ستُقترح على المؤلفين بعد الفقرة التي كان فيها المؤشر، ولا يتغيّر النص ما لم يقبلوها.',
  composerSend: 'اقتراح هذه الكتلة',
  composerEmpty: 'الكتلة المقترحة فارغة: اكتب فيها أولاً.',
  anchorGone: 'حُذفت الفقرة التي كان يجب أن تأتي بعدها هذه الكتل: ارفض الاقتراح، أو اقترح الكتل من جديد في مكانها.',
  unsupported: 'لا يمكن اقتراح هذا التغيير: يمكن اقتراح النص والفقرات والغامق والمائل والخط السفلي والكتل الكاملة المُدرجة (جدول، صورة، إطار، عنوان، قائمة، اقتباس).',
};
