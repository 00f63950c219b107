import { describe, expect, it } from 'vitest';
import { availableActions, nextState, refusalOf, TASK_ACTIONS, TRANSITIONS } from './state-machine.js';
import { TASK_STATES, type TaskState } from './tables.js';

const at = (state: TaskState, openExtension = false) => ({ state, openExtension });

describe('task state machine', () => {
  it('walks assigned → accepted → in progress → reported done → confirmed, with a return in between', () => {
    let s: TaskState = 'assigned';
    for (const [action, expected] of [
      ['accept', 'accepted'],
      ['report_progress', 'in_progress'],
      ['report_done', 'reported_done'],
      ['return', 'in_progress'],
      ['report_done', 'reported_done'],
      ['confirm_done', 'confirmed_done'],
    ] as const) {
      const side = TRANSITIONS[action].by[0]!;
      expect(refusalOf(action, [side], at(s)), `${action} from ${s}`).toBeNull();
      s = nextState(action, s);
      expect(s).toBe(expected);
    }
  });

  it('each action belongs to one side: the others are forbidden, not merely early', () => {
    expect(refusalOf('confirm_done', ['assignee'], at('reported_done'))).toBe('forbidden');
    expect(refusalOf('report_done', ['coordinator'], at('in_progress'))).toBe('forbidden');
    expect(refusalOf('accept', ['assigner'], at('assigned'))).toBe('forbidden');
    expect(refusalOf('add_note', ['assignee'], at('in_progress'))).toBe('forbidden');
  });

  it('refuses an action out of turn, and nothing is possible once confirmed', () => {
    expect(refusalOf('report_done', ['assignee'], at('assigned'))).toBe('state');
    expect(refusalOf('confirm_done', ['assigner'], at('in_progress'))).toBe('state');
    expect(refusalOf('accept', ['assignee'], at('accepted'))).toBe('state');
    for (const action of TASK_ACTIONS) expect(refusalOf(action, ['assigner', 'assignee', 'coordinator'], at('confirmed_done'))).toBe('state');
    expect(availableActions(['assigner', 'assignee', 'coordinator'], at('confirmed_done'))).toEqual([]);
  });

  it('keeps one extension request open at a time, decided only while one is open', () => {
    expect(refusalOf('request_extension', ['assignee'], at('in_progress'))).toBeNull();
    expect(refusalOf('request_extension', ['assignee'], at('in_progress', true))).toBe('state');
    expect(refusalOf('decide_extension', ['assigner'], at('in_progress'))).toBe('state');
    expect(refusalOf('decide_extension', ['assigner'], at('in_progress', true))).toBeNull();
    expect(refusalOf('request_extension', ['assignee'], at('reported_done'))).toBe('state');
  });

  it('offers each side only what it may do now', () => {
    expect(availableActions(['assignee'], at('assigned'))).toEqual(['accept', 'request_extension']);
    expect(availableActions(['assignee'], at('in_progress'))).toEqual(['report_progress', 'report_done', 'request_extension']);
    expect(availableActions(['assigner'], at('reported_done'))).toEqual(['confirm_done', 'return']);
    expect(availableActions(['coordinator'], at('in_progress'))).toEqual(['add_note']);
    expect(availableActions([], at('in_progress'))).toEqual([]);
    // every state is covered by the table
    for (const s of TASK_STATES) expect(Array.isArray(availableActions(['assigner', 'assignee', 'coordinator'], at(s)))).toBe(true);
  });
});
