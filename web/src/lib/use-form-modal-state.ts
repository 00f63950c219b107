import { App } from 'antd';
import { useState } from 'react';
import { t } from '../i18n';

/**
 * Whether a create/edit FormModal is open, and on what: the row to edit, a preset such as a day picked in
 * the calendar, or nothing for a blank form. Pages mount the modal only while open, so each opening starts
 * from fresh form values.
 */
export function useFormModalState<T>(onSaved: () => void) {
  const { message } = App.useApp();
  const [state, setState] = useState<{ subject?: T } | null>(null);
  return {
    isOpen: state !== null,
    subject: state?.subject,
    openNew: () => setState({}),
    open: (subject: T) => setState({ subject }),
    close: () => setState(null),
    saved: () => {
      message.success(t('common.saved'));
      setState(null);
      onSaved();
    },
  };
}
