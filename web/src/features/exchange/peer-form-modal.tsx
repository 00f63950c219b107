import { Form, Input, Select, Tag, type SelectProps } from 'antd';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { addPeer, type NewPeer, type Peer } from './exchange-queries';

/** The identifier code of an agency (Decision 20/2020/QĐ-TTg), as the server checks it: 000.00.00.H41. */
const ORGAN_ID = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

/** Codes are typed or pasted; a lower-case letter or a stray space is no reason to refuse one. */
const normalizeCodes = (codes: string[] | undefined): string[] => [...new Set((codes ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean))];

// A code that will be refused shows red at once, before the form is sent.
const codeTag: SelectProps['tagRender'] = ({ value, label, closable, onClose }) => (
  <Tag color={ORGAN_ID.test(String(value)) ? undefined : 'error'} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }} className="vps-hash">
    {label}
  </Tag>
);

/**
 * "Thêm kết nối": where the other instance is, which agencies it serves, and the API token it gave us.
 * The code format is checked here as the server does; the server's other refusals (a code that already
 * has a connection, an address that is no URL) land on their fields.
 */
export function PeerFormModal({ onClose, onSaved }: { onClose: () => void; onSaved: (p: Peer) => void }) {
  const [form] = Form.useForm<NewPeer>();
  return (
    <FormModal<NewPeer, Peer> title={t('exchange.peers.form.title')} form={form} okText={t('exchange.peers.form.submit')} onCancel={onClose} submit={addPeer} onDone={onSaved} width={620}>
      <Form.Item name="name" label={t('exchange.peers.name')} rules={[{ required: true, whitespace: true, message: t('exchange.peers.form.nameRequired') }]} extra={t('exchange.peers.form.nameHelp')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="url" label={t('exchange.peers.url')} rules={[{ required: true, whitespace: true, message: t('exchange.peers.form.urlRequired') }]} extra={t('exchange.peers.form.urlHelp')}>
        <Input placeholder="https://vanphong.tinhkhac.gov.vn" autoComplete="off" inputMode="url" />
      </Form.Item>
      <Form.Item
        name="organIds"
        label={t('exchange.peers.organIds')}
        extra={t('exchange.peers.form.organIdsHelp')}
        normalize={normalizeCodes}
        rules={[
          { required: true, type: 'array', min: 1, message: t('exchange.peers.form.organIdsRequired') },
          {
            validator: async (_, codes: string[] | undefined) => {
              const wrong = (codes ?? []).filter((c) => !ORGAN_ID.test(c));
              if (wrong.length > 0) throw new Error(t('exchange.peers.form.organIdFormat', { codes: wrong.join(', ') }));
            },
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', ';', ' ']} suffixIcon={null} tagRender={codeTag} placeholder="000.00.00.H41" />
      </Form.Item>
      <Form.Item name="token" label={t('exchange.peers.form.token')} rules={[{ required: true, whitespace: true, message: t('exchange.peers.form.tokenRequired') }]} extra={t('exchange.peers.form.tokenHelp')}>
        {/* A new password to the browser: it must not offer to fill in or remember the administrator's own. */}
        <Input.Password autoComplete="new-password" visibilityToggle={false} />
      </Form.Item>
    </FormModal>
  );
}
