import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { AgencySelect } from '../org/agency-select';
import { meetingKeys, type Room } from './meeting-queries';

type Values = { agencyId: string; location: string; name: string; capacity: number; online?: boolean; active?: boolean };

function RoomForm({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  return (
    <FormModal<Values, Room>
      title={room ? room.name : t('meeting.rooms.add')}
      form={form}
      initialValues={room ?? { capacity: 30, online: false, active: true }}
      submit={(v) => {
        const body = { ...v, online: Boolean(v.online), active: v.active ?? true };
        return room ? data(api.PATCH('/api/meeting-rooms/{id}', { params: { path: { id: room.id } }, body })) : data(api.POST('/api/meeting-rooms', { body }));
      }}
      onDone={() => {
        void queryClient.invalidateQueries({ queryKey: meetingKeys.rooms });
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item name="agencyId" label={t('meeting.rooms.agency')} rules={[{ required: true, message: t('meeting.rooms.agency') }]}>
        <AgencySelect allowClear={false} />
      </Form.Item>
      <Form.Item name="location" label={t('meeting.rooms.location')} rules={[{ required: true, whitespace: true, message: t('meeting.rooms.location') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="name" label={t('meeting.rooms.name')} rules={[{ required: true, whitespace: true, message: t('meeting.rooms.name') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="capacity" label={t('meeting.rooms.capacity')} rules={[{ required: true, message: t('meeting.rooms.capacity') }]}>
        <InputNumber min={1} max={5000} />
      </Form.Item>
      <Form.Item name="online" valuePropName="checked">
        <Checkbox>{t('meeting.rooms.online')}</Checkbox>
      </Form.Item>
      <Form.Item name="active" valuePropName="checked">
        <Checkbox>{t('common.active')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** The rooms at the Office's locations, kept by the administrator and the leaders. */
export function MeetingRoomsModal({ onClose }: { onClose: () => void }) {
  const rooms = useQuery({ queryKey: [...meetingKeys.rooms, 'all'], queryFn: () => data(api.GET('/api/meeting-rooms', { params: { query: { all: 'true' } } })) });
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Room | null | undefined>(undefined);
  return (
    <Modal open title={t('meeting.rooms')} width={820} footer={null} onCancel={onClose}>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setEditing(null)}>
        {t('meeting.rooms.add')}
      </Button>
      <Table<Room>
        rowKey="id"
        size="small"
        loading={rooms.isLoading}
        dataSource={rooms.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('meeting.rooms.location'), dataIndex: 'location' },
          { title: t('meeting.rooms.name'), dataIndex: 'name', render: (name: string, r) => <>{name} {r.online && <Tag color="cyan">{t('meeting.rooms.online')}</Tag>}</> },
          { title: t('meeting.rooms.capacity'), dataIndex: 'capacity', width: 90, align: 'right' },
          { title: t('common.status'), key: 'active', width: 150, render: (_, r) => (r.active ? t('common.active') : t('common.inactive')) },
          { title: t('common.actions'), key: 'edit', width: 80, render: (_, r) => <Button size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button> },
        ]}
      />
      {editing !== undefined && (
        <RoomForm
          room={editing}
          onClose={() => {
            setEditing(undefined);
            void queryClient.invalidateQueries({ queryKey: meetingKeys.rooms });
          }}
        />
      )}
    </Modal>
  );
}
