import type { KeyboardEvent } from 'react';

/**
 * For a form's onKeyDownCapture: Tab in a select whose search box is empty just moves to the next field.
 * Left alone, antd's select treats Tab in an open list as "choose the highlighted option" and keeps the
 * focus; after Enter has chosen, the list takes a moment to close, so a quick Enter-Tab left the clerk
 * typing the next field into the select. With text in the search box, Tab still chooses, as before.
 */
export function leaveSelectOnTab(e: KeyboardEvent<HTMLElement>): void {
  const target = e.target as HTMLElement;
  if (e.key === 'Tab' && target instanceof HTMLInputElement && target.getAttribute('role') === 'combobox' && target.value === '') e.stopPropagation();
}
