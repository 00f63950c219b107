import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { Assignment, AssignmentAction } from '../../api/types';
import { t } from '../../i18n';
import { formatDay, formatInstant } from '../../lib/format';
import { AssignmentStatusTag, RoleTag } from './routing-display';

// The holder's steps first, in the order work goes; then what the assigner may do.
const ACTION_ORDER: AssignmentAction[] = ['accept', 'complete', 'report', 'forward', 'extend', 'recall'];
const HOLDER_ACTIONS: ReadonlySet<AssignmentAction> = new Set(['accept', 'forward', 'report', 'complete']);
const ROLE_ORDER = { direct: 0, lead: 1, coordinate: 2, info: 3 } as const;

export type OnAction = (assignment: Assignment, action: AssignmentAction) => void;

function Due({ a }: { a: Assignment }) {
  if (a.role === 'info' || a.role === 'direct') return null;
  return (
    <div>
      <Typography.Text type="secondary">{t('routing.due')}: </Typography.Text>
      {a.dueDate ? (
        <Typography.Text type={a.overdue ? 'danger' : undefined} strong={a.overdue} style={{ whiteSpace: 'nowrap' }}>
          {formatDay(a.dueDate)}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('routing.noDue')}</Typography.Text>
      )}
      {a.originalDueDate && (
        <Tooltip title={t('routing.originalDue')}>
          <Typography.Text type="secondary" delete style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }} aria-label={`${t('routing.originalDue')} ${formatDay(a.originalDueDate)}`}>
            {formatDay(a.originalDueDate)}
          </Typography.Text>
        </Tooltip>
      )}
      {a.overdue && (
        <Tag color="red" variant="solid" style={{ marginInlineStart: 8 }}>
          {t('document.overdue')}
        </Tag>
      )}
    </div>
  );
}

function Actions({ a, onAction, busy }: { a: Assignment; onAction: OnAction; busy: string | null }) {
  if (a.actions.length === 0) return null;
  const sorted = ACTION_ORDER.filter((x) => a.actions.includes(x));
  return (
    <Flex gap={8} wrap style={{ marginTop: 8 }}>
      {sorted.map((x) => (
        <Button
          key={x}
          size="small"
          // The holder's steps are buttons; the assigner's (extend, recall), offered on every row, stay quiet links.
          type={HOLDER_ACTIONS.has(x) ? (x === 'accept' || (x === 'complete' && !a.actions.includes('accept')) ? 'primary' : 'default') : 'link'}
          danger={x === 'recall'}
          style={HOLDER_ACTIONS.has(x) ? undefined : { paddingInline: 0 }}
          loading={busy === `${a.id}:${x}`}
          onClick={() => onAction(a, x)}
        >
          {t(`routing.action.${x}`)}
        </Button>
      ))}
    </Flex>
  );
}

/** One assignment with the forwards made from it underneath. */
function AssignmentNode({ a, all, onAction, busy }: { a: Assignment; all: Assignment[]; onAction: OnAction; busy: string | null }) {
  const children = all.filter((x) => x.parentId === a.id);
  const mine = a.actions.some((x) => HOLDER_ACTIONS.has(x));
  const recalled = a.status === 'recalled';
  return (
    <div data-testid="assignment" style={{ marginTop: 8 }}>
      <div
        role={mine ? 'group' : undefined}
        aria-label={mine ? t('routing.yours') : undefined}
        style={{
          padding: mine ? '8px 10px' : '2px 0',
          borderRadius: 6,
          background: mine ? '#fff7e6' : undefined,
          border: mine ? '1px solid #ffd591' : undefined,
          opacity: recalled ? 0.6 : 1,
        }}
      >
        <Flex justify="space-between" align="flex-start" gap={8}>
          <div className="vps-wrap" style={{ minWidth: 0 }}>
            <RoleTag role={a.role} />
            <Typography.Text strong delete={recalled}>
              {a.userName ?? a.unitName}
            </Typography.Text>
            {a.userName && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {a.unitName}
              </Typography.Text>
            )}
          </div>
          <AssignmentStatusTag role={a.role} status={a.status} />
        </Flex>
        <Due a={a} />
        {a.parentId && a.instruction && (
          <div className="vps-wrap">
            <Typography.Text type="secondary">{t('routing.forwardNote')}: </Typography.Text>
            {a.instruction}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('routing.forwardedBy', { name: a.assignedByName, time: formatInstant(a.createdAt) })}
            </Typography.Text>
          </div>
        )}
        {a.result && a.role !== 'direct' && (
          <div className="vps-wrap">
            <Typography.Text type="secondary">{t('routing.result')}: </Typography.Text>
            {a.result}
          </div>
        )}
        <Actions a={a} onAction={onAction} busy={busy} />
      </div>
      {children.length > 0 && (
        <div className="vps-assignment-children">
          {children.map((c) => (
            <AssignmentNode key={c.id} a={c} all={all} onAction={onAction} busy={busy} />
          ))}
        </div>
      )}
    </div>
  );
}

interface Round {
  key: string;
  direct: boolean;
  by: string;
  at: string;
  instruction: string | null;
  items: Assignment[];
}

/**
 * Top-level assignments in rounds: each presentation, and each direction with its lead, helpers and
 * readers (given in one step, so they share the time, the giver and the instruction).
 */
function roundsOf(assignments: Assignment[]): Round[] {
  const rounds = new Map<string, Round>();
  for (const a of assignments.filter((x) => x.parentId === null)) {
    const direct = a.role === 'direct';
    const key = `${direct ? a.id : ''}|${a.assignedByName}|${a.createdAt.slice(0, 19)}`;
    const round = rounds.get(key) ?? { key, direct, by: a.assignedByName, at: a.createdAt, instruction: a.instruction, items: [] };
    round.items.push(a);
    rounds.set(key, round);
  }
  for (const r of rounds.values()) r.items.sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role]);
  return [...rounds.values()];
}

/** The routing of one document as it happened: presentations and directions, oldest first, with the forwards under each. */
export function AssignmentTree({ assignments, onAction, busy }: { assignments: Assignment[]; onAction: OnAction; busy: string | null }) {
  return (
    <Flex vertical gap={16}>
      {roundsOf(assignments).map((r) => (
        <section key={r.key} data-testid="routing-round">
          <div>
            <Typography.Text strong>{t(r.direct ? 'routing.round.direct' : 'routing.round.assign')}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('routing.round.by', { name: r.by, time: formatInstant(r.at) })}
            </Typography.Text>
          </div>
          {r.instruction && (
            <div className="vps-wrap vps-instruction">
              <Typography.Text type="secondary">{t(r.direct ? 'routing.presentNote' : 'routing.instruction')}: </Typography.Text>
              {r.instruction}
            </div>
          )}
          {r.items.map((a) => (
            <AssignmentNode key={a.id} a={a} all={assignments} onAction={onAction} busy={busy} />
          ))}
        </section>
      ))}
    </Flex>
  );
}
