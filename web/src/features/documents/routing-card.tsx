import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { Assignment, AssignmentAction, IncomingDocument } from '../../api/types';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { AssignModal } from './assign-modal';
import { AssignmentActionModal, type DialogAction } from './assignment-action-modal';
import { AssignmentTree } from './assignment-tree';
import { PresentModal } from './present-modal';
import { useRoutingDone } from './routing-queries';

type Dialog = { kind: 'present' } | { kind: 'assign'; reassign: boolean } | { kind: 'step'; assignment: Assignment; action: DialogAction };

/**
 * "Xử lý": who the document went to and where each of them stands, with the steps the server says this
 * person may take — on the document (present, assign, reassign) and on each assignment.
 */
export function RoutingCard({ document: d }: { document: IncomingDocument }) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const done = useRoutingDone(d.id);
  const { can, assignments } = d.routing;

  const accept = useMutation({
    mutationFn: (a: Assignment) => data(api.POST('/api/documents/{id}/assignments/{assignmentId}/accept', { params: { path: { id: d.id, assignmentId: a.id } }, body: {} })),
    onSuccess: (detail) => done(detail, 'routing.success.accept'),
    onError: (e) => message.error({ content: errorMessage(e), duration: 8 }),
  });

  const onAction = (a: Assignment, action: AssignmentAction) => {
    if (action === 'accept') accept.mutate(a);
    else setDialog({ kind: 'step', assignment: a, action });
  };
  const busy = accept.isPending && accept.variables ? `${accept.variables.id}:accept` : null;
  // A clerk's usual step is presenting to a leader; a leader's is giving the direction.
  const assignType = can.present ? 'default' : 'primary';

  return (
    <Card
      data-testid="routing-card"
      title={t('routing.title')}
      styles={{ body: { paddingTop: 12 } }}
    >
      {(can.present || can.assign || can.reassign) && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {can.present && (
            <Button type="primary" onClick={() => setDialog({ kind: 'present' })}>
              {t('routing.action.present')}
            </Button>
          )}
          {can.assign && (
            <Button type={assignType} onClick={() => setDialog({ kind: 'assign', reassign: false })}>
              {t('routing.action.assign')}
            </Button>
          )}
          {can.reassign && <Button onClick={() => setDialog({ kind: 'assign', reassign: true })}>{t('routing.action.reassign')}</Button>}
        </Flex>
      )}
      {assignments.length === 0 ? <Typography.Text type="secondary">{t('routing.none')}</Typography.Text> : <AssignmentTree assignments={assignments} onAction={onAction} busy={busy} />}
      {d.readers > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 13 }}>
          {t('routing.readers', { count: d.readers })}
        </Typography.Paragraph>
      )}

      {dialog?.kind === 'present' && <PresentModal document={d} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'assign' && <AssignModal document={d} reassign={dialog.reassign} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'step' && <AssignmentActionModal document={d} assignment={dialog.assignment} action={dialog.action} onClose={() => setDialog(null)} />}
    </Card>
  );
}
