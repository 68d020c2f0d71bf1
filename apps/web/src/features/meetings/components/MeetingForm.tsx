import { CreateMeetingBody, MeetingKind, type MeetingDetail, type UpdateMeetingBody } from '@xieshang/protocol';
import { Button, Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../../shared/i18n/dayjs-locale';
import { useTranslation } from 'react-i18next';
import { applyServerFieldErrors } from '../../../shared/ui/form-errors';
import { useCommittees } from '../../committees/hooks/useCommittees';
import { useToast } from '../../../shared/ui/FeedbackProvider';

export interface MeetingFormValues {
  title: string;
  kind: MeetingKind;
  scheduledAt: Dayjs;
  endsAt?: Dayjs | null;
  place?: string;
  onlineUrl?: string;
  topic?: string;
  committeeId?: string | null;
  /** Only while the meeting is a draft or scheduled: live and ended come from the room. */
  status?: 'draft' | 'scheduled';
}

const limits = CreateMeetingBody.shape;
const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** Form values → the request body both POST and PATCH accept; blank optional text clears the field. */
export function toMeetingBody(
  values: MeetingFormValues,
): Required<Pick<UpdateMeetingBody, 'title' | 'kind' | 'scheduledAt'>> & UpdateMeetingBody {
  const text = (value: string | undefined) => value?.trim() || null;
  return {
    title: values.title.trim(),
    kind: values.kind,
    scheduledAt: values.scheduledAt.second(0).millisecond(0).toISOString(),
    endsAt: values.endsAt ? values.endsAt.second(0).millisecond(0).toISOString() : null,
    place: text(values.place),
    onlineUrl: text(values.onlineUrl),
    topic: text(values.topic),
    committeeId: values.committeeId ?? null,
    ...(values.status ? { status: values.status } : {}),
  };
}

export function toFormValues(meeting: MeetingDetail): MeetingFormValues {
  return {
    title: meeting.title,
    kind: meeting.kind,
    scheduledAt: dayjs(meeting.scheduledAt),
    endsAt: meeting.endsAt ? dayjs(meeting.endsAt) : null,
    place: meeting.place ?? undefined,
    onlineUrl: meeting.onlineUrl ?? undefined,
    topic: meeting.topic ?? undefined,
    committeeId: meeting.committeeId,
    status: meeting.status === 'draft' || meeting.status === 'scheduled' ? meeting.status : undefined,
  };
}

interface Props {
  meeting?: MeetingDetail;
  submitting: boolean;
  onSubmit: (values: MeetingFormValues) => Promise<unknown>;
}

/** A meeting's details. Meetings start on the next full hour by default and last two hours. */
export function MeetingForm({ meeting, submitting, onSubmit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form] = Form.useForm<MeetingFormValues>();
  const committees = useCommittees();
  const statusEditable = !meeting || meeting.status === 'draft' || meeting.status === 'scheduled';
  const start = dayjs().add(1, 'day').hour(9).minute(0).second(0);
  const initialValues: Partial<MeetingFormValues> = meeting
    ? toFormValues(meeting)
    : { kind: 'consultation', scheduledAt: start, endsAt: start.add(2, 'hour'), status: 'scheduled' };

  const submit = (values: MeetingFormValues) =>
    void onSubmit(values).catch((error: unknown) => {
      if (!applyServerFieldErrors(form, error) && error instanceof Error) toast.error(error.message);
    });

  return (
    <Form<MeetingFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={submit}
      scrollToFirstError
      data-testid="meeting-form"
    >
      <Form.Item
        name="title"
        label={t('meeting.title')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={limits.title.maxLength ?? undefined} showCount data-testid="meeting-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('meeting.kind')} rules={[{ required: true }]}>
            <Select
              options={MeetingKind.options.map((kind) => ({ value: kind, label: t(`meetingKinds.${kind}`) }))}
              data-testid="meeting-kind"
            />
          </Form.Item>
        </Col>
        {committees.data && committees.data.items.length > 0 && (
          <Col xs={24} md={12}>
            <Form.Item name="committeeId" label={t('meeting.committee')}>
              <Select
                allowClear
                placeholder={t('meeting.committeeNone')}
                options={committees.data.items.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="scheduledAt"
            label={t('meeting.startsAt')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={DATE_TIME}
              className="xs-full-width"
              onChange={(value: Dayjs | null) => {
                // Moving the start keeps the planned length.
                const previous = form.getFieldValue('scheduledAt') as Dayjs | undefined;
                const end = form.getFieldValue('endsAt') as Dayjs | null | undefined;
                if (value && previous && end)
                  form.setFieldValue('endsAt', value.add(end.diff(previous, 'minute'), 'minute'));
              }}
              data-testid="meeting-starts-at"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="endsAt"
            label={t('meeting.endsAt')}
            dependencies={['scheduledAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const startValue = getFieldValue('scheduledAt') as Dayjs | undefined;
                  return !value || !startValue || value.isAfter(startValue)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('meeting.endBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={DATE_TIME}
              className="xs-full-width"
              data-testid="meeting-ends-at"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('meeting.place')}>
            <Input maxLength={200} placeholder={t('meeting.placePlaceholder')} data-testid="meeting-place" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="onlineUrl"
            label={t('meeting.onlineUrl')}
            rules={[
              { type: 'url', message: t('meeting.urlInvalid') },
              { pattern: /^https?:\/\//i, message: t('meeting.urlInvalid') },
            ]}
          >
            <Input type="url" inputMode="url" maxLength={500} placeholder="https://" data-testid="meeting-online-url" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="topic" label={t('meeting.topic')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount data-testid="meeting-topic" />
      </Form.Item>
      {statusEditable && (
        <Form.Item name="status" label={t('meeting.publishState')} extra={t('meeting.publishHint')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'scheduled', label: t('meetingStatus.scheduled') },
              { value: 'draft', label: t('meetingStatus.draft') },
            ]}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="meeting-save">
        {meeting ? t('common.save') : t('editor.createSubmit')}
      </Button>
    </Form>
  );
}
