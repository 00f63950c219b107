import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { locale } from '../i18n';
import { SessionProvider } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // 4xx answers will not change on a retry; only network trouble and 5xx are worth another try.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

// A person who asked the system for less motion (WCAG 2.3.3) gets antd's dialogs, menus and buttons without
// their animations. The browser flows ask for it too: an animation left half-run by a busy headless browser
// kept a finished button's spinner in the page.
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

const theme = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#b71c1c',
    colorLink: '#1d4ed8',
    borderRadius: 6,
    // Fonts with the whole Vietnamese set first: Arial's stand-in on Linux (Liberation Sans 1.x) lacks ễ, ử….
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
  },
};

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>{children}</SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
