import type { FormInstance } from 'antd';
import type { KeyboardEvent } from 'react';

/**
 * For a text area, where Enter starts a new line: Ctrl+Enter (⌘+Enter on a Mac) submits the form, as in
 * mail and chat programs, so a dialog is finished without reaching for the mouse.
 */
export const submitOnCtrlEnter =
  (form: FormInstance) =>
  (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
    }
  };
