import { Flex, Form, Input, Typography, type FormRule } from 'antd';
import { t } from '../../i18n';
import { isIdentifierCode, kindOf, rest, type RecipientValue } from './recipient-select';

// Typed codes are kept as the server wants them: no spaces, the letter in capitals (000.00.00.h41 → H41).
const normalizeCode = (v: string | undefined) => (v ?? '').replace(/\s+/g, '').toUpperCase();

/** The code of the recipient at `own`: empty, or well formed and not another recipient's. */
const codeRule =
  (own: number): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) => {
      const code = normalizeCode(value);
      if (!code) return Promise.resolve();
      if (!isIdentifierCode(code)) return Promise.reject(new Error(t('outgoing.recipients.codeInvalid')));
      const others = ((getFieldValue('recipients') as RecipientValue[] | undefined) ?? []).filter((_r, i) => i !== own);
      return others.some((r) => normalizeCode(r.code) === code) ? Promise.reject(new Error(t('outgoing.recipients.codeDuplicate'))) : Promise.resolve();
    },
  });

/**
 * Under "Nơi nhận": one small field per outside recipient for its identifier code. With a code the document
 * goes through the electronic exchange when it is issued; without one the clerk sends it on paper. Each
 * field is the form's `recipients[i].code`, so a wrong code is refused on its own line, in Vietnamese.
 */
export function RecipientCodes() {
  const recipients = Form.useWatch<RecipientValue[] | undefined>('recipients') ?? [];
  const outside = recipients.flatMap((r, index) => (kindOf(r.value) === 'name' ? [{ index, key: r.value, name: rest(r.value) }] : []));
  if (outside.length === 0) return null;

  return (
    <div data-testid="recipient-codes" style={{ marginTop: 12 }}>
      <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
        {t('outgoing.recipients.codes')}
      </Typography.Text>
      <Flex vertical gap={6}>
        {outside.map((r) => (
          <Flex key={r.key} gap={12} align="start" wrap>
            <Typography.Text className="vps-wrap" style={{ flex: '1 1 220px', paddingTop: 4 }}>
              {r.name}
            </Typography.Text>
            {/* Checked on leaving the field, not at every keystroke of a half-typed code. */}
            <Form.Item name={['recipients', r.index, 'code']} normalize={normalizeCode} validateTrigger="onBlur" rules={[codeRule(r.index)]} style={{ flex: '0 1 340px', marginBottom: 0 }}>
              <Input aria-label={t('outgoing.recipients.codeOf', { name: r.name })} placeholder={t('outgoing.recipients.codePlaceholder')} maxLength={13} allowClear />
            </Form.Item>
          </Flex>
        ))}
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
        {t('outgoing.recipients.codeHelp')}
      </Typography.Text>
    </div>
  );
}
