import { Steps } from 'antd';
import { t } from '../../i18n';

const STEPS = ['draft', 'review', 'sign', 'issue'] as const;

// Where each status stands on the way (Decree 30/2020, art. 10–16).
const CURRENT: Record<string, number> = { draft: 0, returned: 0, in_review: 1, approved: 2, signed: 3, issued: 4, recalled: 3 };

/**
 * A draft's way through the office, with who does each step: a new drafter sees what will happen, and on a
 * document the current step is marked (a returned draft is back at the first, in red). `compact`: across,
 * titles only, for the document's page.
 */
export function DraftSteps({ status, compact }: { status?: string; compact?: boolean }) {
  const current = status ? (CURRENT[status] ?? 0) : -1;
  return (
    <Steps
      orientation={compact ? 'horizontal' : 'vertical'}
      titlePlacement={compact ? 'vertical' : undefined}
      size="small"
      current={current}
      status={status === 'returned' || status === 'recalled' ? 'error' : undefined}
      items={STEPS.map((s) => ({ title: t(`outgoing.steps.${s}`), content: compact ? undefined : t(`outgoing.steps.${s}.who`) }))}
    />
  );
}
