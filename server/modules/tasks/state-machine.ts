import type { TaskState } from './tables.js';

/**
 * The task's life cycle (DESIGN.md "State machines"). Each action names the states it may start from,
 * where it leads (`null`: the state does not change) and which side of the task may take it.
 */
export const TASK_ACTIONS = ['accept', 'report_progress', 'add_note', 'report_done', 'confirm_done', 'return', 'request_extension', 'decide_extension'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** assignee: the primary agency's leaders and clerks, or the person named; coordinator: a coordinating agency's staff */
export type TaskSide = 'assigner' | 'assignee' | 'coordinator';

interface Transition {
  from: readonly TaskState[];
  to: TaskState | null;
  by: readonly TaskSide[];
  /** the Vietnamese reason a refused call gets when the side is right but the state is not */
  refusal: string;
}

const OPEN: readonly TaskState[] = ['assigned', 'accepted', 'in_progress', 'reported_done'];

export const TRANSITIONS: Record<TaskAction, Transition> = {
  accept: { from: ['assigned'], to: 'accepted', by: ['assignee'], refusal: 'Nhiệm vụ đã được tiếp nhận' },
  report_progress: { from: ['accepted', 'in_progress'], to: 'in_progress', by: ['assignee'], refusal: 'Chỉ báo cáo tiến độ được khi nhiệm vụ đã tiếp nhận và đang thực hiện' },
  add_note: { from: OPEN, to: null, by: ['coordinator'], refusal: 'Nhiệm vụ đã hoàn thành, không thêm ý kiến phối hợp được' },
  report_done: { from: ['accepted', 'in_progress'], to: 'reported_done', by: ['assignee'], refusal: 'Chỉ báo cáo hoàn thành được nhiệm vụ đã tiếp nhận, đang thực hiện' },
  confirm_done: { from: ['reported_done'], to: 'confirmed_done', by: ['assigner'], refusal: 'Chỉ xác nhận hoàn thành được khi đơn vị đã báo cáo hoàn thành' },
  return: { from: ['reported_done'], to: 'in_progress', by: ['assigner'], refusal: 'Chỉ trả lại được khi đơn vị đã báo cáo hoàn thành' },
  request_extension: { from: ['assigned', 'accepted', 'in_progress'], to: null, by: ['assignee'], refusal: 'Chỉ xin gia hạn được khi nhiệm vụ chưa báo cáo hoàn thành' },
  decide_extension: { from: OPEN, to: null, by: ['assigner'], refusal: 'Nhiệm vụ đã hoàn thành, không còn xét gia hạn' },
};

export interface TaskMachineInput {
  state: TaskState;
  /** an extension request waits for the assigner's decision */
  openExtension: boolean;
}

/** Whether the action fits the task's state (not who asks). */
export function allowedInState(action: TaskAction, task: TaskMachineInput): boolean {
  if (!TRANSITIONS[action].from.includes(task.state)) return false;
  if (action === 'request_extension') return !task.openExtension;
  if (action === 'decide_extension') return task.openExtension;
  return true;
}

/** The actions the sides the actor holds may take now: what the UI shows and what the service allows. */
export function availableActions(sides: readonly TaskSide[], task: TaskMachineInput): TaskAction[] {
  return TASK_ACTIONS.filter((a) => TRANSITIONS[a].by.some((s) => sides.includes(s)) && allowedInState(a, task));
}

/**
 * Why an action is refused, or null when it may go ahead: 'forbidden' when it can never be this actor's
 * (403), 'state' when it is not its turn (409 with the transition's Vietnamese reason).
 */
export function refusalOf(action: TaskAction, sides: readonly TaskSide[], task: TaskMachineInput): 'forbidden' | 'state' | null {
  if (!TRANSITIONS[action].by.some((s) => sides.includes(s))) return 'forbidden';
  return allowedInState(action, task) ? null : 'state';
}

export const nextState = (action: TaskAction, state: TaskState): TaskState => TRANSITIONS[action].to ?? state;

/**
 * Urging (đôn đốc) changes no state: it is open to the assigner while the work is the assignee's to do.
 * Once the assignee reported it done the next step is the assigner's own (confirm or return).
 */
export const URGEABLE_STATES: readonly TaskState[] = ['assigned', 'accepted', 'in_progress'];
