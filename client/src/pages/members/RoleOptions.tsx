import { useTranslation } from 'react-i18next';
import { GUIDE_ROLES } from '@dalil/shared';

/** The five roles as options of a select, in the interface language. */
export function RoleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {GUIDE_ROLES.map((value) => (
        <option key={value} value={value}>
          {t(`roles.${value}`)}
        </option>
      ))}
    </>
  );
}
