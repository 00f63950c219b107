import { useQueryClient } from '@tanstack/react-query';
import { App, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { actionsColumn, ConfirmDeleteButton } from '../../components/row-actions';
import { t } from '../../i18n';
import { formatInstant, DATE_FORMAT } from '../../lib/format';
import { useDeleteMutation } from '../../lib/use-delete-mutation';
import { CertificateFormModal } from './certificate-form-modal';
import { signingKeys, useCertificates, type CertificateKind, type SigningCertificate } from './signing-queries';

/** The image kept with a certificate; another clerk's upload is not mine to fetch, so only the tag shows then. */
function CertificateImage({ fileId, kind }: { fileId: string; kind: CertificateKind }) {
  const [failed, setFailed] = useState(false);
  if (failed) return <Tag>{t(kind === 'organization' ? 'signing.cert.hasSeal' : 'signing.cert.hasSignature')}</Tag>;
  return (
    <img
      src={`/api/files/${fileId}/content?inline=true`}
      alt={t(kind === 'organization' ? 'signing.cert.imageSeal' : 'signing.cert.imageSignature')}
      onError={() => setFailed(true)}
      style={{ height: 40, maxWidth: 96, objectFit: 'contain', display: 'block' }}
    />
  );
}

export const KindTag = ({ kind }: { kind: CertificateKind }) => <Tag color={kind === 'organization' ? 'red' : 'blue'}>{t(`signing.kind.${kind}`)}</Tag>;

/**
 * "Chứng thư số": the certificates a signer keeps for signing (and, for the agency's clerks, the agency's),
 * added from their PKCS#12 file or kept at a remote-signing service. The passphrase (or PIN/OTP) is
 * never kept: it is asked again at every signature.
 */
export function CertificatesPage() {
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useCertificates();
  const [adding, setAdding] = useState(false);
  const kinds: CertificateKind[] = [...(can('signature.sign') ? ['personal' as const] : []), ...(can('signature.seal') ? ['organization' as const] : [])];
  const refresh = () => void queryClient.invalidateQueries({ queryKey: signingKeys.certificates });
  const remove = useDeleteMutation((c: SigningCertificate) => data(api.DELETE('/api/signing/certificates/{id}', { params: { path: { id: c.id } } })), refresh);

  const columns: TableColumnsType<SigningCertificate> = [
    { title: t('signing.cert.kind'), dataIndex: 'kind', width: 110, render: (k: CertificateKind) => <KindTag kind={k} /> },
    {
      title: t('signing.cert.label'),
      dataIndex: 'label',
      render: (_, c) => (
        <Flex gap={12} align="center">
          {c.imageFileId && <CertificateImage fileId={c.imageFileId} kind={c.kind} />}
          <span className="vps-wrap">
            {c.label}
            {c.forExchange && (
              <Tag color="purple" style={{ marginInlineStart: 6 }}>
                {t('signing.cert.forExchangeTag')}
              </Tag>
            )}
            {c.provider === 'remote' && (
              <Tag color="geekblue" style={{ marginInlineStart: 6 }}>
                {t('signing.cert.remoteAt', { name: c.remoteServiceName ?? '' })}
              </Tag>
            )}
          </span>
        </Flex>
      ),
    },
    { title: t('signing.cert.subject'), dataIndex: 'subjectName', render: (v: string) => <Typography.Text strong className="vps-wrap">{v}</Typography.Text> },
    { title: t('signing.cert.issuer'), dataIndex: 'issuerName', responsive: ['md'], render: (v: string) => <span className="vps-wrap">{v}</span> },
    { title: t('signing.cert.serial'), dataIndex: 'serialNumber', width: 120, responsive: ['lg'], render: (v: string) => <code className="vps-hash" style={{ wordBreak: 'break-all' }}>{v}</code> },
    {
      title: t('signing.cert.validity'),
      key: 'validity',
      width: 190,
      render: (_, c) => (
        <>
          <span>
            {formatInstant(c.notBefore, DATE_FORMAT)} – <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(c.notAfter, DATE_FORMAT)}</span>
          </span>
          {c.expired && (
            <Tag color="error" style={{ marginInlineStart: 4 }}>
              {t('signing.cert.expired')}
            </Tag>
          )}
        </>
      ),
    },
    actionsColumn(90, (c: SigningCertificate) => (
      <ConfirmDeleteButton title={t('signing.cert.removeConfirm', { name: c.label })} description={t('signing.cert.removeHint')} onConfirm={() => remove.mutateAsync(c)} />
    )),
  ];

  return (
    <>
      <PageHeader
        title={t('signing.page.certificates')}
        description={t('signing.cert.description')}
        extra={kinds.length > 0 && <AddButton onClick={() => setAdding(true)}>{t('signing.cert.add')}</AddButton>}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<SigningCertificate>
        data-testid="certificates-table"
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('signing.cert.empty')} /> }}
      />
      {adding && (
        <CertificateFormModal
          kinds={kinds}
          onClose={() => setAdding(false)}
          onSaved={() => {
            message.success(t('signing.cert.added'));
            setAdding(false);
            refresh();
          }}
        />
      )}
    </>
  );
}
