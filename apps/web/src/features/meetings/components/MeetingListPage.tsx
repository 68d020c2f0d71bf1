import { CheckOutlined, DownOutlined, FilterOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { canCreateMeeting } from '@xieshang/domain';
import type { MeetingKind, MeetingStatus } from '@xieshang/protocol';
import { Button, Card, Col, Dropdown, Empty, Flex, Input, Row, Skeleton, Tabs } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/useSession';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryError } from '../../../shared/ui/QueryStates';
import { useMeetingList, useMeetingPages } from '../hooks/useMeetings';
import { MeetingCard } from './MeetingCard';
import { isMeetingKind, MEETING_KINDS } from './MeetingTags';

export const MEETING_TABS = {
  upcoming: ['scheduled', 'draft'],
  live: ['live'],
  past: ['ended', 'archived'],
} as const satisfies Record<string, readonly MeetingStatus[]>;
export type MeetingTab = keyof typeof MEETING_TABS;

const PAGE_SIZE = 12;
const isTab = (value: string | null): value is MeetingTab => !!value && Object.hasOwn(MEETING_TABS, value);

interface ListFilters {
  tab: MeetingTab;
  q: string;
  kind: MeetingKind | undefined;
}

function parseFilters(params: URLSearchParams): ListFilters {
  const tab = params.get('tab');
  const kind = params.get('kind');
  return { tab: isTab(tab) ? tab : 'upcoming', q: params.get('q') ?? '', kind: isMeetingKind(kind) ? kind : undefined };
}

/** Filters live in the URL, so reload, back and shared links keep the same view. */
function useListFilters() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Partial<ListFilters>) =>
      setParams(
        (prev) => {
          const next = { ...parseFilters(prev), ...patch };
          const search = new URLSearchParams();
          if (next.tab !== 'upcoming') search.set('tab', next.tab);
          if (next.q) search.set('q', next.q);
          if (next.kind) search.set('kind', next.kind);
          return search;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [parseFilters(params), update] as const;
}

/** The meeting list: upcoming / live / past, searchable by title, filterable by kind. */
export function MeetingListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [filters, update] = useListFilters();
  const [search, setSearch] = useState(filters.q);
  // Typing updates the box at once and the URL (and so the query) once the typist pauses.
  const searchTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const onSearchChange = (value: string) => {
    setSearch(value);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => update({ q: value.trim() }), 300);
  };

  const list = useMeetingPages(
    {
      status: MEETING_TABS[filters.tab].join(','),
      kind: filters.kind,
      q: filters.q || undefined,
      // Soonest first for what is coming, most recent first for what is done.
      order: filters.tab === 'past' ? 'desc' : 'asc',
    },
    PAGE_SIZE,
  );
  // The live count shows on its tab from any tab: a running meeting should never be missed.
  const live = useMeetingList({ status: 'live', limit: 1, offset: 0 });
  const liveCount = live.data?.total ?? 0;
  const canCreate = canCreateMeeting(user.role);
  const filtered = !!filters.q || !!filters.kind;
  const meetings = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const newMeetingButton = canCreate && (
    <Button
      type="primary"
      icon={<PlusOutlined aria-hidden />}
      onClick={() => void navigate('/meetings/new')}
      data-testid="new-meeting"
    >
      {t('meetings.new')}
    </Button>
  );

  const content = (
    <div className="xs-meeting-list" aria-busy={list.isFetching}>
      {list.isPending ? (
        <Row gutter={[16, 16]} aria-label={t('common.loading')}>
          {[0, 1, 2].map((i) => (
            <Col xs={24} md={12} xl={8} key={i}>
              <Card size="small" className="xs-meeting-card">
                <Skeleton active title paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : meetings.length === 0 ? (
        <Empty
          className="xs-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={filtered ? t('meetings.emptyFiltered') : t(`meetings.empty.${filters.tab}`)}
          data-testid="meetings-empty"
        >
          {filtered ? (
            <Button
              onClick={() => {
                clearTimeout(searchTimer.current);
                setSearch('');
                update({ q: '', kind: undefined });
              }}
            >
              {t('meetings.clearFilters')}
            </Button>
          ) : (
            filters.tab === 'upcoming' && newMeetingButton
          )}
        </Empty>
      ) : (
        <>
          <Row gutter={[16, 16]} role="list">
            {meetings.map((meeting) => (
              <Col xs={24} md={12} xl={8} key={meeting.id} role="listitem">
                <MeetingCard meeting={meeting} />
              </Col>
            ))}
          </Row>
          <Flex vertical align="center" gap={8} className="xs-load-more">
            <span className="xs-muted" aria-live="polite">
              {t('meetings.shown', { shown: meetings.length, total })}
            </span>
            {list.hasNextPage && (
              <Button
                onClick={() => void list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="meetings-load-more"
              >
                {t('meetings.loadMore')}
              </Button>
            )}
          </Flex>
        </>
      )}
    </div>
  );

  const tabLabel = (tab: MeetingTab) =>
    tab === 'live' && liveCount > 0 ? (
      <span>
        {t('meetings.tabs.live')}{' '}
        <span className="xs-count" aria-label={t('meetings.liveCount', { count: liveCount })}>
          {liveCount}
        </span>
      </span>
    ) : (
      t(`meetings.tabs.${tab}`)
    );

  return (
    <>
      <PageHeader title={t('meetings.title')} actions={newMeetingButton} />
      <Flex wrap gap={8} className="xs-filters" role="search">
        <Input
          className="xs-filter-search"
          prefix={<SearchOutlined aria-hidden />}
          placeholder={t('meetings.searchPlaceholder')}
          aria-label={t('meetings.searchLabel')}
          allowClear
          value={search}
          onChange={(e) => onSearchChange(e.target.value)}
          data-testid="meetings-search"
        />
        <Dropdown
          trigger={['click']}
          menu={{
            selectable: true,
            selectedKeys: [filters.kind ?? 'all'],
            items: [
              { key: 'all', label: t('meetings.allKinds') },
              ...MEETING_KINDS.map((kind) => ({ key: kind, label: t(`meetingKinds.${kind}`) })),
            ].map((item) => ({
              ...item,
              icon: (
                <CheckOutlined aria-hidden className={item.key === (filters.kind ?? 'all') ? '' : 'xs-invisible'} />
              ),
            })),
            onClick: ({ key }) => update({ kind: isMeetingKind(key) ? key : undefined }),
          }}
        >
          <Button
            icon={<FilterOutlined aria-hidden />}
            aria-label={`${t('meetings.kindFilter')}: ${filters.kind ? t(`meetingKinds.${filters.kind}`) : t('meetings.allKinds')}`}
            data-testid="meetings-kind-filter"
          >
            {filters.kind ? t(`meetingKinds.${filters.kind}`) : t('meetings.allKinds')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Flex>
      <Tabs
        activeKey={filters.tab}
        onChange={(tab) => update({ tab: tab as MeetingTab })}
        items={(Object.keys(MEETING_TABS) as MeetingTab[]).map((tab) => ({
          key: tab,
          label: <span data-testid={`meetings-tab-${tab}`}>{tabLabel(tab)}</span>,
          children: tab === filters.tab ? content : null,
        }))}
      />
    </>
  );
}
