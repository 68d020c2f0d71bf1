import { UserAddOutlined } from '@ant-design/icons';
import { ParticipantRole, type ParticipantView } from '@xieshang/protocol';
import { Button, Flex, Form, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParticipantMutations, useUserSearch } from '../hooks/useParticipants';

interface Props {
  meetingId: string;
  participants: ParticipantView[];
}

/** Search accounts by name, choose their role in this meeting (主持人/秘书/委员/特邀/列席), add. */
export function ParticipantPicker({ meetingId, participants }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const [userId, setUserId] = useState<string | undefined>();
  const [role, setRole] = useState<ParticipantRole>('member');
  const { add } = useParticipantMutations(meetingId);
  const search = useUserSearch(term);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(input.trim()), 250);
    return () => clearTimeout(timer);
  }, [input]);

  const already = useMemo(() => new Set(participants.map((p) => p.userId)), [participants]);
  const options = (search.data?.items ?? [])
    .filter((user) => !user.disabled)
    .map((user) => ({
      value: user.id,
      disabled: already.has(user.id),
      label: (
        <span className="xs-user-option" data-testid={`participant-option-${user.username}`}>
          <span>{user.displayName}</span>
          <span className="xs-muted">
            {[user.affiliation, user.username].filter(Boolean).join(' · ')}
            {already.has(user.id) && ` · ${t('participants.alreadyIn')}`}
          </span>
        </span>
      ),
      title: user.displayName,
    }));

  const submit = () => {
    if (!userId) return;
    add.mutate(
      { userId, role },
      {
        onSuccess: () => {
          setUserId(undefined);
          setInput('');
        },
      },
    );
  };

  return (
    <Form layout="vertical" onFinish={submit} className="xs-participant-picker" data-testid="participant-picker">
      <Flex wrap gap={8} align="flex-end">
        <Form.Item label={t('participants.person')} htmlFor="xs-participant-search" className="xs-picker-person">
          <Select
            id="xs-participant-search"
            showSearch={{ filterOption: false, onSearch: setInput, searchValue: input }}
            value={userId}
            onChange={setUserId}
            placeholder={t('participants.searchPlaceholder')}
            options={options}
            optionLabelProp="title"
            loading={search.isFetching}
            notFoundContent={search.isError ? search.error.message : t('participants.noMatch')}
            data-testid="participant-search"
          />
        </Form.Item>
        <Form.Item label={t('participants.role')} htmlFor="xs-participant-role" className="xs-picker-role">
          <Select
            id="xs-participant-role"
            value={role}
            onChange={setRole}
            options={ParticipantRole.options.map((r) => ({ value: r, label: t(`participantRoles.${r}`) }))}
            data-testid="participant-role"
          />
        </Form.Item>
        <Form.Item className="xs-picker-add">
          <Button
            type="primary"
            htmlType="submit"
            icon={<UserAddOutlined aria-hidden />}
            disabled={!userId}
            loading={add.isPending}
            data-testid="participant-add"
          >
            {t('participants.add')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}
