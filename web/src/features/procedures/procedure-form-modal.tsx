import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, csrfHeaders, data } from '../../api/client';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { dayjs, toIsoDate } from '../../lib/format';
import { formLabel, levelLabel, onlineLabel, roleLabel, SumCheck, subjectLabel, unitLabel } from './procedure-display';
import { COMPONENT_FORMS, LEVELS, ONLINE_SERVICES, STEP_ROLES, SUBJECTS, TIME_UNITS, useDepartments, useProcedureChanged, useProcedureFields, type Procedure, type ProcedureInput, type StepRole, type TimeUnit } from './procedure-queries';

type StepValue = { name: string; role: StepRole; budgetHours: number; notCounted: boolean };
type Values = Omit<ProcedureInput, 'legalEffectiveDate' | 'publicationDecisionDate' | 'publishedOn' | 'steps'> & {
  legalEffectiveDate?: Dayjs | null;
  publicationDecisionDate?: Dayjs | null;
  publishedOn?: Dayjs | null;
  steps: StepValue[];
};

/** The generic internal process (domain file §2.1), a start the administrator adjusts to the limit. */
const DEFAULT_STEPS: StepValue[] = [
  { name: 'Tiếp nhận, kiểm tra, số hóa hồ sơ và chuyển xử lý', role: 'reception', budgetHours: 4, notCounted: false },
  { name: 'Lãnh đạo phòng chuyên môn phân công xử lý', role: 'assignment', budgetHours: 2, notCounted: false },
  { name: 'Chuyên viên thẩm định, dự thảo kết quả', role: 'handling', budgetHours: 10, notCounted: false },
  { name: 'Lãnh đạo phòng xem xét, trình ký', role: 'review', budgetHours: 4, notCounted: false },
  { name: 'Lãnh đạo cơ quan xem xét, ký duyệt', role: 'approval', budgetHours: 2, notCounted: false },
  { name: 'Văn thư vào số, đóng dấu, phát hành', role: 'issuance', budgetHours: 2, notCounted: false },
  { name: 'Trả kết quả cho tổ chức, cá nhân', role: 'return', budgetHours: 0, notCounted: true },
];

const toDay = (d: string | null | undefined) => (d ? dayjs(d) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? toIsoDate(d) : null);

function initialOf(p?: Procedure): Partial<Values> {
  if (!p) return { level: 'province', timeLimit: 3, timeUnit: 'working_days', subjects: ['citizen'], onlineService: 'partial', resultPaper: true, resultElectronic: false, active: true, components: [], fees: [], steps: DEFAULT_STEPS, competentAgencyId: null };
  return {
    ...p,
    legalEffectiveDate: toDay(p.legalEffectiveDate),
    publicationDecisionDate: toDay(p.publicationDecisionDate),
    publishedOn: toDay(p.publishedOn),
    steps: p.steps.map(({ name, role, budgetHours, notCounted }) => ({ name, role, budgetHours, notCounted })),
    components: p.components.map(({ name, form, copies, required, templateFileId, templateName }) => ({ name, form, copies, required, templateFileId, templateName })),
  };
}

/** Working hours of a limit whose unit fixes them; null for calendar days and months. */
const limitHours = (limit: number | undefined, unit: TimeUnit | undefined) => (limit === undefined || limit === null ? null : unit === 'working_days' ? limit * 8 : unit === 'working_hours' ? limit : null);

/** Create or edit a procedure: its record, components, fees and internal steps with a live check of the sum. */
export function ProcedureFormModal({ procedure, onClose, onSaved }: { procedure?: Procedure; onClose: () => void; onSaved?: (p: Procedure) => void }) {
  const [form] = Form.useForm<Values>();
  const changed = useProcedureChanged();
  const departments = useDepartments();
  const fields = useProcedureFields();
  const level = Form.useWatch('level', form);
  const timeLimit = Form.useWatch('timeLimit', form);
  const timeUnit = Form.useWatch('timeUnit', form);
  const steps = Form.useWatch('steps', form) ?? [];
  const counted = Math.round(steps.filter((s) => s && !s.notCounted).reduce((sum, s) => sum + (Number(s.budgetHours) || 0), 0) * 100) / 100;

  const submit = async (v: Values) => {
    const body: ProcedureInput = {
      ...v,
      competentAgencyId: v.level === 'province' ? (v.competentAgencyId ?? null) : null,
      competentAgencyName: v.competentAgencyName || undefined,
      receivingAgencyName: v.receivingAgencyName || undefined,
      legalEffectiveDate: fromDay(v.legalEffectiveDate),
      publicationDecisionDate: fromDay(v.publicationDecisionDate),
      publishedOn: fromDay(v.publishedOn),
      publicationDecision: v.publicationDecision || null,
      components: (v.components ?? []).map((c) => ({ ...c, templateFileId: c.templateFileId || null, templateName: c.templateName || null })),
      fees: v.fees ?? [],
    };
    return procedure ? data(api.PATCH('/api/procedures/{id}', { params: { path: { id: procedure.id } }, body })) : data(api.POST('/api/procedures', { body }));
  };

  return (
    <FormModal<Values, Procedure>
      title={procedure ? t('procedures.edit') : t('procedures.create')}
      form={form}
      width={1000}
      initialValues={initialOf(procedure)}
      aliases={{ steps: '_steps', components: '_components', fees: '_fees' }}
      submit={submit}
      onCancel={onClose}
      onDone={(p) => {
        changed(p);
        onSaved?.(p);
        onClose();
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={t('procedures.code')} rules={[{ required: true, message: t('procedures.codeRequired') }]} extra={t('procedures.codeHint')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t('procedures.name')} rules={[{ required: true, message: t('procedures.nameRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="field" label={t('procedures.field')} rules={[{ required: true, message: t('procedures.fieldRequired') }]}>
            <AutoComplete options={(fields.data?.items ?? []).map((f) => ({ value: f.field }))} filterOption />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="level" label={t('procedures.level')}>
            <Radio.Group options={LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          {level === 'province' ? (
            <Form.Item name="competentAgencyId" label={t('procedures.competentAgency')} rules={[{ required: true, message: t('procedures.agencyRequired') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(departments.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
          ) : (
            <Form.Item name="competentAgencyName" label={t('procedures.competentAgency')} extra={t('procedures.communeAgencyHint')}>
              <Input maxLength={500} />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="timeLimit" label={t('procedures.timeLimit')} rules={[{ required: true, message: t('procedures.limitRequired') }]}>
            <InputNumber min={0.25} max={99999} step={1} decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name="timeUnit" label={t('procedures.timeUnit')}>
            <Select options={TIME_UNITS.map((u) => ({ value: u, label: unitLabel(u) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={7}>
          <Form.Item name="onlineService" label={t('procedures.onlineService')}>
            <Select options={ONLINE_SERVICES.map((o) => ({ value: o, label: onlineLabel(o) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="subjects" label={t('procedures.subjects')} rules={[{ required: true, message: t('procedures.subjectsRequired') }]}>
            <Checkbox.Group options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="result" label={t('procedures.result')} rules={[{ required: true, message: t('procedures.resultRequired') }]}>
            <Input maxLength={1000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('procedures.resultForms')}>
            <Flex gap={16}>
              <Form.Item name="resultPaper" valuePropName="checked" noStyle>
                <Checkbox>{t('procedures.resultPaper')}</Checkbox>
              </Form.Item>
              <Form.Item name="resultElectronic" valuePropName="checked" noStyle>
                <Checkbox>{t('procedures.resultElectronic')}</Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="receivingAgencyName" label={t('procedures.receivingAgency')}>
            <Input maxLength={500} placeholder={t('procedures.receivingDefault')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="legalBasis" label={t('procedures.legalBasis')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="legalEffectiveDate" label={t('procedures.legalEffectiveDate')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="publicationDecision" label={t('procedures.publicationDecision')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="publicationDecisionDate" label={t('procedures.publicationDecisionDate')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="publishedOn" label={t('procedures.publishedOn')}>
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="method" label={t('procedures.method')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="requirements" label={t('procedures.requirements')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="sequence" label={t('procedures.sequence')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="active" valuePropName="checked" label={t('procedures.activeLabel')}>
            <Switch />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('procedures.components')}</Divider>
      <Form.List name="components">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="start" style={{ marginBottom: 8 }}>
                <Form.Item name={[name, 'name']} rules={[{ required: true, message: t('procedures.componentNameRequired') }]} style={{ flex: '1 1 300px', marginBottom: 0 }}>
                  <Input placeholder={t('procedures.componentName')} aria-label={t('procedures.componentName')} />
                </Form.Item>
                <Form.Item name={[name, 'form']} initialValue="original" style={{ width: 190, marginBottom: 0 }}>
                  <Select aria-label={t('procedures.componentForm')} options={COMPONENT_FORMS.map((f) => ({ value: f, label: formLabel(f) }))} />
                </Form.Item>
                <Form.Item name={[name, 'copies']} initialValue={1} style={{ width: 80, marginBottom: 0 }}>
                  <InputNumber aria-label={t('procedures.copies')} min={1} max={100} precision={0} />
                </Form.Item>
                <Form.Item name={[name, 'required']} valuePropName="checked" initialValue style={{ marginBottom: 0 }}>
                  <Checkbox>{t('procedures.required')}</Checkbox>
                </Form.Item>
                <Form.Item name={[name, 'templateName']} style={{ width: 200, marginBottom: 0 }}>
                  <Input placeholder={t('procedures.templateName')} aria-label={t('procedures.templateName')} />
                </Form.Item>
                <Form.Item name={[name, 'templateFileId']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() => (
                    <Upload
                      name="file"
                      action="/api/files"
                      headers={csrfHeaders()}
                      maxCount={1}
                      accept=".pdf,.docx"
                      showUploadList={false}
                      onChange={(info) => {
                        if (info.file.status === 'done') form.setFieldValue(['components', name, 'templateFileId'], (info.file.response as { id: string }).id);
                      }}
                    >
                      <Button icon={<UploadOutlined aria-hidden />}>{form.getFieldValue(['components', name, 'templateFileId']) ? t('procedures.templateAttached') : t('procedures.templateUpload')}</Button>
                    </Upload>
                  )}
                </Form.Item>
                <Button aria-label={t('common.delete')} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ form: 'original', copies: 1, required: true })}>
              {t('procedures.addComponent')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('procedures.fees')}</Divider>
      <Form.List name="fees">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }) => (
              <Flex key={key} gap={8} wrap align="start" style={{ marginBottom: 8 }}>
                <Form.Item name={[name, 'kind']} initialValue="charge" style={{ width: 110, marginBottom: 0 }}>
                  <Select aria-label={t('procedures.feeKind')} options={(['fee', 'charge'] as const).map((k) => ({ value: k, label: t(`procedures.feeKind.${k}` as const) }))} />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={[{ required: true, message: t('procedures.feeNameRequired') }]} style={{ flex: '1 1 260px', marginBottom: 0 }}>
                  <Input placeholder={t('procedures.feeName')} aria-label={t('procedures.feeName')} />
                </Form.Item>
                <Form.Item name={[name, 'amount']} rules={[{ required: true, message: t('procedures.feeAmountRequired') }]} style={{ width: 160, marginBottom: 0 }}>
                  <InputNumber aria-label={t('procedures.feeAmount')} min={0} precision={0} step={1000} suffix="đ" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[name, 'note']} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                  <Input placeholder={t('procedures.feeNote')} aria-label={t('procedures.feeNote')} />
                </Form.Item>
                <Button aria-label={t('common.delete')} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'charge', amount: 0 })}>
              {t('procedures.addFee')}
            </Button>
          </>
        )}
      </Form.List>

      <Divider titlePlacement="start">{t('procedures.steps')}</Divider>
      <Typography.Paragraph type="secondary">{t('procedures.stepsHint')}</Typography.Paragraph>
      <Form.List name="steps">
        {(items, { add, remove }) => (
          <>
            {items.map(({ key, name }, i) => (
              <Flex key={key} gap={8} wrap align="start" style={{ marginBottom: 8 }} data-testid="step-row">
                <Typography.Text style={{ width: 24, paddingTop: 5, textAlign: 'right' }}>{i + 1}.</Typography.Text>
                <Form.Item name={[name, 'name']} rules={[{ required: true, message: t('procedures.stepNameRequired') }]} style={{ flex: '1 1 300px', marginBottom: 0 }}>
                  <Input aria-label={t('procedures.stepName')} />
                </Form.Item>
                <Form.Item name={[name, 'role']} style={{ width: 150, marginBottom: 0 }}>
                  <Select aria-label={t('procedures.stepRole')} options={STEP_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))} />
                </Form.Item>
                <Form.Item name={[name, 'budgetHours']} style={{ width: 130, marginBottom: 0 }}>
                  <InputNumber aria-label={t('procedures.budget')} min={0} step={1} decimalSeparator="," suffix={t('procedures.hoursUnit')} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[name, 'notCounted']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>{t('procedures.notCounted')}</Checkbox>
                </Form.Item>
                <Button aria-label={t('common.delete')} icon={<DeleteOutlined aria-hidden />} onClick={() => remove(name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: 'handling', budgetHours: 0, notCounted: false }, Math.max(0, items.length - 1))}>
              {t('procedures.addStep')}
            </Button>
          </>
        )}
      </Form.List>
      <SumCheck countedHours={counted} limitHours={limitHours(timeLimit, timeUnit)} />
    </FormModal>
  );
}
