import type { CatalogueShape } from '../catalogueShape.ts';
import type { membershipFr } from './fr.ts';

/** Arabic has six plural categories: counted strings give all of them. */
export const membershipAr: CatalogueShape<typeof membershipFr> & Record<string, string> = {
  addHeading: 'إضافة شخص لديه حساب بالفعل',
  addIntro: 'أدخل عنوان بريده الإلكتروني: إذا كان لديه حساب على هذا الخادم فإنه ينضم إلى الدليل فورًا، دون رابط.',
  emailLabel: 'البريد الإلكتروني',
  roleLabel: 'الدور',
  add: 'إضافة إلى الدليل',
  adding: 'جارٍ الإضافة…',
  addDone: 'إذا كان للعنوان {{email}} حساب على هذا الخادم، فقد أصبح صاحبه عضوًا في الدليل (ويحتفظ العضو بدوره). وإلا فأرسل إليه رابط دعوة أدناه.',
  labelLabel: 'لمن الرابط (اختياري)',
  labelPlaceholder: 'مثال: مكوّن CEFAD، الفصل 2',
  createdHeading_zero: 'روابط أُنشئت خلال هذه الزيارة',
  createdHeading_one: 'رابط أُنشئ خلال هذه الزيارة',
  createdHeading_two: 'رابطان أُنشئا خلال هذه الزيارة',
  createdHeading_few: 'روابط أُنشئت خلال هذه الزيارة',
  createdHeading_many: 'روابط أُنشئت خلال هذه الزيارة',
  createdHeading_other: 'روابط أُنشئت خلال هذه الزيارة',
  createdNote: 'انسخها قبل مغادرة الصفحة: لا يحتفظ الخادم بالروابط نفسها (بل ببصمة فقط) ولن يتمكن من عرضها مجددًا.',
  usedBy: 'استعمله {{names}}',
  notUsed: 'لم يُستعمل بعد',
  inactiveHeading: 'روابط ملغاة أو منتهية أو مستعملة ({{count}})',
  noActive: 'لا يوجد رابط نشط.',
  unlabelled: 'رابط بلا وصف',
  createdFor: 'الرابط «{{label}}»',
};
