import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { t } from '../../i18n';
import { exchangeTabPath, exchangeTabsFor, exchangeTabTitle, type ExchangeTab } from './exchange-paths';
import { OutboxTab } from './outbox-tab';
import { PeersTab } from './peers-tab';
import { ReceivedTab } from './received-tab';

const TAB_CONTENT: Record<ExchangeTab, ReactNode> = {
  received: <ReceivedTab />,
  sent: <OutboxTab />,
  peers: <PeersTab />,
};

/** "Liên thông văn bản": one tab per mailbox, each at its own address; only the open tab is mounted. */
export function ExchangePage({ tab }: { tab: ExchangeTab }) {
  const navigate = useNavigate();
  const can = useCan();
  // The router lets in only those who may open this tab; the others they may open sit beside it.
  const tabs = exchangeTabsFor(can);

  return (
    <>
      <PageHeader title={t('exchange.title')} description={t('exchange.description')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(exchangeTabPath(key as ExchangeTab))}
        aria-label={t('exchange.tabs')}
        items={tabs.map((v) => ({ key: v, label: t(exchangeTabTitle(v)) }))}
      />
      {TAB_CONTENT[tab]}
    </>
  );
}
